#include "commands/target_file.h"

#include <set>

#include <fmt/format.h>

#include "retval/retval.h"
#include "util/text.h"

namespace killswitch::commands {

using util::Error;
using util::fail;

util::Result<std::vector<FileTarget>> parse_target_file(std::string_view text) {
  std::vector<FileTarget> targets;
  std::set<std::string> seen;
  int number = 0;
  for (auto line : util::split_lines(text)) {
    ++number;
    if (const auto hash = line.find('#'); hash != std::string_view::npos)
      line = line.substr(0, hash);
    const auto words = util::split_words(util::trim(line));
    if (words.empty())
      continue;

    const auto bad = [number](std::string_view why) {
      return Error::invalid(fmt::format("line {}: {}", number, why));
    };
    if (words.size() != 2)
      return fail(bad("expected SYMBOL RETVAL"));
    auto name = symbols::parse_symbol_name(words[0]);
    if (!name)
      return fail(bad(name.error().message));
    auto value = retval::parse_retval(words[1]);
    if (!value)
      return fail(bad(value.error().message));
    if (!seen.insert(name->to_string()).second)
      return fail(bad(fmt::format("{} is listed twice", name->to_string())));
    targets.push_back({std::move(*name), *value, number});
  }
  if (targets.empty())
    return fail(Error::invalid("no targets in the file"));
  return targets;
}

} // namespace killswitch::commands
