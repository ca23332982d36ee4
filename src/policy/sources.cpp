#include "policy/sources.h"

#include <algorithm>
#include <cerrno>
#include <map>

#include <fmt/format.h>

#include "policy/policy_file.h"

namespace killswitch::policy {
namespace {

bool is_policy_name(const std::string& name) {
  return name.size() > 5 && name.ends_with(".conf") && name.front() != '.';
}

} // namespace

std::vector<std::string> default_policy_dirs() {
  return {"/etc/killswitch.d", "/run/killswitch.d", "/usr/lib/killswitch.d"};
}

std::vector<std::string> select_files(const std::vector<DirListing>& dirs) {
  // std::map keeps the names sorted; emplace keeps the first directory's.
  std::map<std::string, std::string> chosen;
  for (const auto& listing : dirs) {
    for (const auto& name : listing.names) {
      if (is_policy_name(name))
        chosen.emplace(name, listing.dir + "/" + name);
    }
  }

  std::vector<std::string> files;
  files.reserve(chosen.size());
  for (auto& [name, path] : chosen)
    files.push_back(std::move(path));
  return files;
}

std::string describe(const Entry& entry) {
  return fmt::format("{} entry {}", entry.source, entry.index);
}

void merge_entries(Policy& policy, std::vector<Entry> entries) {
  for (auto& entry : entries) {
    const auto target = entry.target.to_string();
    auto same = std::find_if(
        policy.entries.begin(), policy.entries.end(),
        [&](const Entry& e) { return e.target.to_string() == target; });
    if (same == policy.entries.end()) {
      policy.entries.push_back(std::move(entry));
      continue;
    }
    policy.overrides.push_back({target, describe(*same), describe(entry)});
    *same = std::move(entry);
  }
}

Policy load_policy(const kernel_iface::Filesystem& fs,
                   const std::vector<std::string>& dirs) {
  Policy policy;

  std::vector<DirListing> listings;
  for (const auto& dir : dirs) {
    auto names = fs.list_dir(dir);
    if (names) {
      listings.push_back({dir, std::move(*names)});
    } else if (names.error().code != ENOENT) {
      policy.problems.push_back({dir, names.error().message});
    }
  }

  policy.files = select_files(listings);
  for (const auto& file : policy.files) {
    auto text = fs.read(file);
    if (!text) {
      policy.problems.push_back({file, text.error().message});
      continue;
    }
    auto parsed = parse_policy_file(*text, file);
    policy.problems.insert(policy.problems.end(), parsed.problems.begin(),
                           parsed.problems.end());
    merge_entries(policy, std::move(parsed.entries));
  }
  return policy;
}

} // namespace killswitch::policy
