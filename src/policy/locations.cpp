#include "policy/locations.h"

#include <fmt/format.h>

namespace killswitch::policy {
namespace {

std::vector<std::string> split_dirs(const std::string& list) {
  std::vector<std::string> dirs;
  std::string::size_type pos = 0;
  for (;;) {
    const auto colon = list.find(':', pos);
    auto dir = list.substr(pos, colon - pos);
    if (!dir.empty())
      dirs.push_back(std::move(dir));
    if (colon == std::string::npos)
      return dirs;
    pos = colon + 1;
  }
}

} // namespace

std::string Locations::state_dir() const {
  const auto slash = state_file.rfind('/');
  return slash == std::string::npos || slash == 0 ? std::string("/")
                                                  : state_file.substr(0, slash);
}

util::Result<Locations>
locations_from_environment(const kernel_iface::EnvLookup& env) {
  Locations where;

  if (auto dirs = env("KILLSWITCH_POLICY_DIRS"))
    where.policy_dirs = split_dirs(*dirs);
  if (auto file = env("KILLSWITCH_STATE"))
    where.state_file = *file;
  if (auto dir = env("KILLSWITCH_PROC"))
    where.proc = *dir;
  if (auto dir = env("KILLSWITCH_MODULES"))
    where.modules = *dir;
  if (auto today = env("KILLSWITCH_TODAY")) {
    auto date = parse_date(*today);
    if (!date)
      return util::fail(util::Error::invalid(
          fmt::format("KILLSWITCH_TODAY: {}", date.error().message)));
    where.today = *date;
  }
  return where;
}

} // namespace killswitch::policy
