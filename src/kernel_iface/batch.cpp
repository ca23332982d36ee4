#include "kernel_iface/batch.h"

#include <charconv>

#include <fmt/format.h>

#include "util/text.h"

namespace killswitch::kernel_iface {
namespace {

using util::Error;
using util::fail;

// Splits "key=value"; nothing when there is no '='.
std::optional<std::pair<std::string_view, std::string_view>>
split_field(std::string_view word) {
  const auto eq = word.find('=');
  if (eq == std::string_view::npos || eq == 0)
    return std::nullopt;
  return std::pair{word.substr(0, eq), word.substr(eq + 1)};
}

template <typename T> bool parse_number(std::string_view text, T& out) {
  if (text.empty())
    return false;
  const auto* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, out);
  return ec == std::errc() && ptr == end;
}

// The fields of a callers line, in the order the kernel prints them.
constexpr std::string_view kCallerKeys[] = {"comm",  "pid",    "uid",
                                            "calls", "caller", "stack"};

// Each value runs up to " <next key>=": %pS prints a module's symbol as
// "sym+0x1/0x2 [mod]", and a comm may hold a blank, so values are not
// single words.
util::Result<Caller> parse_caller_line(std::string_view line) {
  std::string_view values[std::size(kCallerKeys)];
  std::size_t at = 0;
  for (std::size_t k = 0; k < std::size(kCallerKeys); ++k) {
    const std::string key = std::string(kCallerKeys[k]) + "=";
    if (line.substr(at, key.size()) != key)
      return fail(Error::invalid(
          fmt::format("expected {} at '{}'", key, line.substr(at))));
    at += key.size();
    std::size_t end = line.size();
    if (k + 1 < std::size(kCallerKeys)) {
      end = line.find(" " + std::string(kCallerKeys[k + 1]) + "=", at);
      if (end == std::string_view::npos)
        return fail(
            Error::invalid(fmt::format("no {}= field", kCallerKeys[k + 1])));
    }
    values[k] = line.substr(at, end - at);
    at = end + (end < line.size() ? 1 : 0);
  }

  Caller c;
  c.comm = values[0];
  c.caller = values[4];
  c.stack = values[5];
  if (!parse_number(values[1], c.pid))
    return fail(Error::invalid(fmt::format("bad pid= value '{}'", values[1])));
  if (!parse_number(values[2], c.uid))
    return fail(Error::invalid(fmt::format("bad uid= value '{}'", values[2])));
  if (!parse_number(values[3], c.calls))
    return fail(
        Error::invalid(fmt::format("bad calls= value '{}'", values[3])));
  return c;
}

} // namespace

std::string_view batch_verb_name(BatchVerb verb) {
  switch (verb) {
  case BatchVerb::engage:
    return "engage";
  case BatchVerb::tryengage:
    return "tryengage";
  case BatchVerb::observe:
    return "observe";
  case BatchVerb::disengage:
    return "disengage";
  }
  return "?";
}

std::string format_batch(const std::vector<BatchLine>& lines) {
  std::string text;
  for (const auto& l : lines) {
    const auto verb = batch_verb_name(l.verb);
    const auto target = l.target.to_string();
    switch (l.verb) {
    case BatchVerb::engage:
      text += fmt::format("{} {} {}\n", verb, target, l.retval);
      break;
    case BatchVerb::tryengage:
      text += fmt::format("{} {} {} {}\n", verb, target, l.retval, l.seconds);
      break;
    case BatchVerb::observe:
      text += fmt::format("{} {} {}\n", verb, target, l.seconds);
      break;
    case BatchVerb::disengage:
      text += fmt::format("{} {}\n", verb, target);
      break;
    }
  }
  return text;
}

util::Result<LastError> parse_last_error(std::string_view text) {
  LastError last;
  bool have_line = false;
  bool have_error = false;
  const auto lines = util::split_lines(text);
  const auto first = lines.empty() ? std::string_view() : lines.front();
  for (const auto word : util::split_words(first)) {
    const auto field = split_field(word);
    if (!field)
      return fail(Error::invalid(
          fmt::format("last_error: '{}' is not key=value", word)));
    const auto [key, value] = *field;
    if (key == "line") {
      if (!parse_number(value, last.line) || last.line < 0)
        return fail(
            Error::invalid(fmt::format("last_error: bad line '{}'", value)));
      have_line = true;
    } else if (key == "target") {
      last.target = value;
    } else if (key == "error") {
      last.error = value;
      have_error = !value.empty();
    }
  }
  if (!have_line || !have_error)
    return fail(Error::invalid("last_error: line= and error= are required"));
  return last;
}

util::Result<std::vector<Caller>> parse_callers(std::string_view text) {
  std::vector<Caller> callers;
  int number = 0;
  for (const auto line : util::split_lines(text)) {
    ++number;
    const auto trimmed = util::trim(line);
    if (trimmed.empty())
      continue;
    auto caller = parse_caller_line(trimmed);
    if (!caller)
      return fail(Error::invalid(
          fmt::format("callers line {}: {}", number, caller.error().message)));
    callers.push_back(std::move(*caller));
  }
  return callers;
}

TargetFiles target_files(const Paths& paths, const symbols::SymbolName& t) {
  const auto dir = paths.securityfs_dir + "/fn/" + t.to_string();
  return {dir + "/hits", dir + "/state", dir + "/callers"};
}

std::string last_error_path(const Paths& paths) {
  return paths.securityfs_dir + "/last_error";
}

util::Result<void> send_batch(Interface& iface,
                              const std::vector<BatchLine>& lines,
                              std::optional<LastError>& failed) {
  failed.reset();
  auto& fs = iface.filesystem();
  auto written = fs.write_once(iface.paths().control(), format_batch(lines));
  // One line needs no last_error: the failing target is the only one.
  if (written || lines.size() < 2)
    return written;

  if (auto text = fs.read(last_error_path(iface.paths())); text) {
    if (auto last = parse_last_error(*text); last)
      failed = std::move(*last);
  }
  return written;
}

} // namespace killswitch::kernel_iface
