#include "policy/cmdline.h"

#include <fmt/format.h>

#include "retval/retval.h"
#include "util/text.h"

namespace killswitch::policy {
namespace {

constexpr std::string_view kParam = "killswitch=";

// The parameters of a command line with their quotes removed: the kernel
// accepts `"killswitch=a=1"` as well as `killswitch="a=1"`.
std::vector<std::string> split_params(std::string_view cmdline) {
  std::vector<std::string> params;
  std::string current;
  bool quoted = false;
  bool in_word = false;

  for (char c : cmdline) {
    if (c == '"') {
      quoted = !quoted;
      in_word = true;
      continue;
    }
    const bool blank = c == ' ' || c == '\t' || c == '\n';
    if (blank && !quoted) {
      if (in_word)
        params.push_back(std::move(current));
      current.clear();
      in_word = false;
      continue;
    }
    current += c;
    in_word = true;
  }
  if (in_word)
    params.push_back(std::move(current));
  return params;
}

// One "target=value" item; a problem names it as written.
void add_item(std::string_view item, CmdlineEntries& out) {
  const auto skip = [&](std::string_view why) {
    out.problems.push_back(
        {std::string(kCmdlineSource),
         fmt::format("skipped killswitch= entry '{}': {}", item, why)});
  };

  const auto eq = item.find('=');
  if (eq == std::string_view::npos)
    return skip("expected FUNCTION=RETVAL");
  auto target = symbols::parse_symbol_name(item.substr(0, eq));
  if (!target)
    return skip(target.error().message);
  auto value = retval::parse_retval(item.substr(eq + 1));
  if (!value)
    return skip(value.error().message);

  Entry entry;
  entry.target = std::move(*target);
  entry.retval = *value;
  entry.source = std::string(kCmdlineSource);
  entry.index = out.entries.size() + 1;
  out.entries.push_back(std::move(entry));
}

} // namespace

CmdlineEntries parse_cmdline(std::string_view cmdline) {
  CmdlineEntries out;

  for (const auto& param : split_params(cmdline)) {
    std::string_view list(param);
    if (!list.starts_with(kParam))
      continue;
    list.remove_prefix(kParam.size());
    if (list.empty())
      continue;
    for (;;) {
      const auto comma = list.find(',');
      add_item(util::trim(list.substr(0, comma)), out);
      if (comma == std::string_view::npos)
        break;
      list.remove_prefix(comma + 1);
    }
  }
  return out;
}

std::string format_bootparam(const std::vector<Entry>& entries) {
  std::string out;
  for (const auto& entry : entries) {
    out += out.empty() ? std::string(kParam) : ",";
    out += fmt::format("{}={}", entry.target.to_string(), entry.retval);
  }
  return out;
}

} // namespace killswitch::policy
