// killswitch: the command line.  This file only declares the options and
// hands the parsed words to a do_VERB handler; everything else lives in the
// libraries under src/.

#include <algorithm>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "analysis/live_system_view.h"
#include "commands/exit_code.h"
#include "commands/handlers.h"
#include "kernel_iface/paths.h"
#include "kernel_iface/posix_filesystem.h"
#include "output/printer.h"

namespace killswitch::cli {
namespace {

using commands::ExitCode;

struct Options {
  bool json = false;
  std::string symbol;
  std::string retval;
  bool all = false;
  bool dry_run = false;
  bool boot = false;
  std::vector<std::string> symbols; // disengage
  bool force = false;
  bool strict = false;
  std::string from;
  std::string window;
  std::string kernel_release;
};

void declare_engage(CLI::App& sub, Options& o) {
  // do_engage checks that SYMBOL RETVAL or --from is given.
  sub.add_option("SYMBOL", o.symbol,
                 "function to engage, MODULE:FUNCTION, or a pattern with * "
                 "and ? (ax25_*, ax25:*)");
  sub.add_option("RETVAL", o.retval,
                 "value it returns (required): a number (-1, 0x10) or an "
                 "errno name (EPERM and -EPERM both mean -1)");
  sub.add_option("--from", o.from,
                 "engage every \"SYMBOL RETVAL\" line of FILE in one batch");
  sub.add_option("--probe", o.window,
                 "observe for DURATION (60s, 2m) first; engage only if "
                 "nothing called it");
  sub.add_flag("--force", o.force, "engage even if the check refuses it");
  sub.add_flag("--strict", o.strict, "stop if the check warns");
  // "-EPERM" looks like an option to CLI11; extras carry it to the handler,
  // which refuses anything that is not exactly SYMBOL RETVAL.
  sub.allow_extras();
}

void declare_disengage(CLI::App& sub, Options& o) {
  // do_disengage checks that exactly one of the two is given.
  sub.add_option("SYMBOL", o.symbols,
                 "functions to disengage, or patterns over what is engaged");
  sub.add_flag("--all", o.all, "disengage every function");
}

void declare_check(CLI::App& sub, Options& o) {
  sub.add_option("SYMBOL", o.symbol, "function to check, or MODULE:FUNCTION");
  sub.add_option("RETVAL", o.retval, "the value it would return");
  sub.add_option("--kernel-release", o.kernel_release,
                 "check an installed kernel that is not running");
  sub.allow_extras(); // "-EPERM", as for engage
}

void declare_probe(CLI::App& sub, Options& o) {
  sub.add_option("SYMBOL", o.symbol, "function to observe")->required();
  sub.add_option("--for", o.window, "how long to observe (30s, 2m)")
      ->required();
  sub.add_flag("--force", o.force, "probe even if the check refuses it");
}

void declare_status(CLI::App& /*sub*/, Options& /*o*/) {}

void declare_apply(CLI::App& sub, Options& o) {
  sub.add_flag("--dry-run", o.dry_run, "say what would change; change nothing");
  sub.add_flag("--boot", o.boot,
               "also apply killswitch= from the kernel command line");
}

void declare_bootparam(CLI::App& /*sub*/, Options& /*o*/) {}

struct Verb {
  const char* name;
  const char* help;
  void (*declare)(CLI::App&, Options&);
  commands::Outcome (*handler)(commands::Context&, const commands::Args&);
};

constexpr Verb kVerbs[] = {
    {"engage", "make a kernel function return RETVAL without running",
     declare_engage, commands::do_engage},
    {"disengage", "let a function run again", declare_disengage,
     commands::do_disengage},
    {"status", "show the module, the engaged functions and the taint",
     declare_status, commands::do_status},
    {"apply", "engage what the policy in /etc/killswitch.d asks for",
     declare_apply, commands::do_apply},
    {"bootparam", "print the killswitch= boot parameter for the policy",
     declare_bootparam, commands::do_bootparam},
    {"check", "say whether engaging SYMBOL is safe, and why", declare_check,
     commands::do_check},
    {"probe", "show who calls SYMBOL, without blocking a call", declare_probe,
     commands::do_probe},
};

constexpr std::string_view kEnvironmentHelp =
    "Environment (for tests; defaults in brackets):\n"
    "  KILLSWITCH_SECURITYFS  the killswitch directory; when set, securityfs\n"
    "                         is never mounted "
    "[/sys/kernel/security/killswitch]\n"
    "  KILLSWITCH_SYSMODULE   the module's directory [/sys/module/killswitch]\n"
    "  KILLSWITCH_TAINTED     the taint mask [/proc/sys/kernel/tainted]\n"
    "  KILLSWITCH_NO_CHECK    1: engage and probe skip the target check\n";

commands::Args collect_args(const CLI::App& sub, const Options& o) {
  commands::Args args;
  for (const std::string* word : {&o.symbol, &o.retval}) {
    if (!word->empty())
      args.words.push_back(*word);
  }
  for (const auto& symbol : o.symbols)
    args.words.push_back(symbol);
  for (const auto& extra : sub.remaining())
    args.words.push_back(extra);
  args.all = o.all;
  args.dry_run = o.dry_run;
  args.boot = o.boot;
  args.force = o.force;
  args.strict = o.strict;
  args.from = o.from;
  args.window = o.window;
  args.kernel_release = o.kernel_release;
  return args;
}

int run(const Verb& verb, const CLI::App& sub, const Options& o) {
  const auto printer =
      output::make_printer(o.json ? output::Format::json : output::Format::text,
                           std::cout, std::cerr);
  kernel_iface::PosixFilesystem fs;
  kernel_iface::Interface iface(fs, kernel_iface::paths_from_environment(
                                        kernel_iface::process_environment()));
  // engage and probe check their targets against the running system,
  // unless a test on a fake tree turns that off (docs/cli.md).
  const analysis::LiveSystemView live;
  const char* no_check = std::getenv("KILLSWITCH_NO_CHECK");
  const bool check = no_check == nullptr || std::string_view(no_check) != "1";
  commands::Context ctx{iface, *printer, check ? &live : nullptr};

  // The only place exceptions are caught (docs/cpp-errors.md).
  try {
    auto outcome = verb.handler(ctx, collect_args(sub, o));
    if (outcome)
      return commands::to_int(ExitCode::ok);
    const auto& failure = outcome.error();
    if (!failure.message.empty()) // empty: the handler reported already
      printer->error(failure.message, failure.errnum, to_int(failure.exit));
    return to_int(failure.exit);
  } catch (const commands::UsageError& e) {
    printer->error(e.what(), 0, to_int(ExitCode::usage));
    return to_int(ExitCode::usage);
  } catch (const std::exception& e) {
    printer->error(std::string("internal error: ") + e.what(), 0,
                   to_int(ExitCode::failure));
    return to_int(ExitCode::failure);
  }
}

// A parse error is reported before the printer exists, so --json is looked
// for in the raw words.
int usage_error(CLI::App& app, const CLI::ParseError& e, int argc,
                char** argv) {
  const bool json = std::any_of(argv + 1, argv + argc, [](const char* a) {
    return std::string_view(a) == "--json" || std::string_view(a) == "-j";
  });
  if (!json) {
    app.exit(e);
  } else {
    output::make_printer(output::Format::json, std::cout, std::cerr)
        ->error(e.what(), 0, to_int(ExitCode::usage));
  }
  return to_int(ExitCode::usage);
}

int parse_and_dispatch(int argc, char** argv) {
  Options opts;
  CLI::App app{"Make a kernel function return a fixed value.", "killswitch"};
  app.footer(commands::exit_code_help() + "\n" + std::string(kEnvironmentHelp));
  app.require_subcommand(1);
  app.add_flag("-j,--json", opts.json, "print JSON objects on stdout");

  for (const auto& verb : kVerbs) {
    auto* sub = app.add_subcommand(verb.name, verb.help);
    sub->add_flag("-j,--json", opts.json, "print JSON objects on stdout");
    verb.declare(*sub, opts);
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) { // --help
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    return usage_error(app, e, argc, argv);
  }

  for (const auto& verb : kVerbs) {
    const auto* sub = app.get_subcommand(verb.name);
    if (sub->parsed())
      return run(verb, *sub, opts);
  }
  return to_int(ExitCode::usage);
}

} // namespace
} // namespace killswitch::cli

int main(int argc, char** argv) {
  // run() reports what a handler throws; this catches what declaring the
  // options might, which would be a bug in this file.
  try {
    return killswitch::cli::parse_and_dispatch(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "killswitch: internal error: " << e.what() << '\n';
    return 1;
  }
}
