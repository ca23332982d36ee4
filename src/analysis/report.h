#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analysis/btf.h"
#include "analysis/symbol.h"
#include "analysis/symbol_index.h"
#include "analysis/verdict.h"

namespace killswitch::analysis {

// A fact the check could establish, refute, or not find out.
enum class Answer { yes, no, unknown };

// Where the target resolves.
struct Location {
  SymbolEntry entry;  // module empty: vmlinux
  bool loaded = true; // false: a module found only on disk
  // Where the symbol was found: "kallsyms", "System.map", "btf" (vmlinux
  // BTF, when there is no symbol table) or "ko".
  std::string source;
  std::string file; // the module's .ko when it was read, else empty
};

// One of several functions with the target's name.
struct Candidate {
  SymbolEntry entry;
  std::string file; // the module's .ko when known, else empty
};

struct ProbeFacts {
  Answer ftrace_site = Answer::unknown;  // listed in available_filter_functions
  Answer blacklisted = Answer::unknown;  // on debugfs kprobes/blacklist
  Answer init_section = Answer::unknown; // __init, freed after boot or load
};

struct TypeFacts {
  std::string btf_source;   // the BTF consulted; empty when none was found
  std::string btf_function; // the FUNC looked up (the target, or its base)
  std::optional<ReturnType> return_type;
};

// Everything `killswitch check` found out about one target.  Plain data:
// report_json.h and report_text.h render it, engage reads the verdict.
struct Report {
  std::string target; // as named, with the module normalised
  std::string module; // empty: no "MOD:" given
  std::string symbol;
  std::string kernel_release;
  bool running_kernel = true;
  bool addresses_hidden = false;

  std::optional<Location> location; // empty: not found, or ambiguous
  // Every function with exactly the target's name that the check saw, in
  // the order the symbol table lists them; more than one is ambiguous.
  std::vector<Candidate> candidates;
  // The compiler clones of the target's function (its clone base and the
  // other clones, when the target is itself a clone), in the scope the
  // target resolved in.
  std::vector<Clone> clones;

  ProbeFacts probe;
  TypeFacts type;

  std::optional<std::int64_t> retval;           // as given
  std::optional<std::int64_t> suggested_retval; // only when none was given
  std::string core_area; // the core-function area that refuses it, or empty

  Verdict verdict;
};

} // namespace killswitch::analysis
