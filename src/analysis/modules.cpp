#include "analysis/modules.h"

#include <algorithm>

#include <fmt/format.h>

#include "util/text.h"

namespace killswitch::analysis {
namespace {

using util::Error;
using util::fail;

constexpr std::string_view kKoSuffixes[] = {".ko", ".ko.xz", ".ko.zst",
                                            ".ko.gz"};

} // namespace

std::string normalize_module_name(std::string_view name) {
  std::string out(name);
  std::replace(out.begin(), out.end(), '-', '_');
  return out;
}

std::string module_name_of_path(std::string_view path) {
  const auto slash = path.rfind('/');
  std::string_view file =
      slash == std::string_view::npos ? path : path.substr(slash + 1);
  for (const auto suffix : kKoSuffixes) {
    if (file.ends_with(suffix)) {
      file.remove_suffix(suffix.size());
      break;
    }
  }
  return normalize_module_name(file);
}

util::Result<std::vector<LoadedModule>>
parse_proc_modules(std::string_view text) {
  std::vector<LoadedModule> modules;
  std::size_t number = 0;
  for (const auto line : util::split_lines(text)) {
    ++number;
    const auto words = util::split_words(line);
    if (words.empty())
      continue;
    if (words.size() < 6 || !util::parse_u64(words[1]))
      return fail(Error::invalid(
          fmt::format("/proc/modules line {}: expected NAME SIZE REFS DEPS "
                      "STATE ADDRESS",
                      number)));
    modules.push_back(
        LoadedModule{std::string(words[0]), std::string(words[4])});
  }
  return modules;
}

util::Result<std::optional<std::string>>
find_in_modules_dep(std::string_view text, std::string_view module) {
  const std::string wanted = normalize_module_name(module);
  std::size_t number = 0;
  for (const auto line : util::split_lines(text)) {
    ++number;
    if (util::trim(line).empty())
      continue;
    const auto colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0)
      return fail(Error::invalid(fmt::format(
          "modules.dep line {}: expected 'PATH: DEPENDENCIES'", number)));
    const std::string_view path = line.substr(0, colon);
    if (module_name_of_path(path) == wanted)
      return std::optional<std::string>(std::string(path));
  }
  return std::optional<std::string>();
}

bool is_builtin_module(std::string_view text, std::string_view module) {
  const std::string wanted = normalize_module_name(module);
  return std::ranges::any_of(util::split_lines(text), [&](auto line) {
    const auto path = util::trim(line);
    return !path.empty() && module_name_of_path(path) == wanted;
  });
}

} // namespace killswitch::analysis
