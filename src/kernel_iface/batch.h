#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kernel_iface/interface.h"
#include "symbols/symbol_name.h"
#include "util/result.h"

namespace killswitch::kernel_iface {

// The verbs a batch may hold.  The kernel takes, in one write, any number
// of engage/tryengage/observe lines, or any number of disengage lines
// (docs/control-interface.md); make_batch() keeps the two apart.
enum class BatchVerb { engage, tryengage, observe, disengage };

std::string_view batch_verb_name(BatchVerb verb);

struct BatchLine {
  BatchVerb verb = BatchVerb::engage;
  symbols::SymbolName target;
  std::int64_t retval = 0; // engage, tryengage
  int seconds = 0;         // tryengage, observe: 0..86400
};

// The lines as one write, e.g. "engage a -1\nengage m:b -1\n".
std::string format_batch(const std::vector<BatchLine>& lines);

// `last_error` after a failed write: "line=<n> target=<t> error=<-EXXX>".
// Line 0 means the batch as a whole; lines count from 1.
struct LastError {
  int line = 0;
  std::string target;
  std::string error; // "-EINVAL"
};

util::Result<LastError> parse_last_error(std::string_view text);

// One line of fn/<target>/callers, the fields in this order:
//   comm=<c> pid=<p> uid=<u> calls=<n> caller=<%pS> stack=<%pS>,...
// A value runs up to the next key, since %pS of a module's symbol reads
// "sym+0x1/0x2 [mod]"; whatever follows stack= is part of the stack.
struct Caller {
  std::string comm;
  std::int64_t pid = 0;
  std::int64_t uid = 0;
  std::uint64_t calls = 0;
  std::string caller;
  std::string stack;

  bool operator==(const Caller&) const = default;
};

util::Result<std::vector<Caller>> parse_callers(std::string_view text);

// The per-target files of one engagement, fn/<target>/ (named as written).
struct TargetFiles {
  std::string hits;
  std::string state;
  std::string callers;
};

TargetFiles target_files(const Paths& paths, const symbols::SymbolName& t);

std::string last_error_path(const Paths& paths);

// Writes the batch as one write(2) to `control`.  On failure the error is
// the write's; for a batch of several lines `failed` then holds what
// last_error names, when it is readable.
util::Result<void> send_batch(Interface& iface,
                              const std::vector<BatchLine>& lines,
                              std::optional<LastError>& failed);

} // namespace killswitch::kernel_iface
