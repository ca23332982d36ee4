#pragma once

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kernel_iface/filesystem.h"
#include "util/text.h"

namespace killswitch::testing {

// A Filesystem that behaves like a small system with the module loaded:
// writes to /fake/ks/control engage and disengage in an engagement table
// that /fake/ks/engaged reports, as the kernel does (EBUSY for a second
// engage, ENOENT for an unknown function or a target not engaged).  Other
// files are a map; directories are whatever holds a file, or was made.
class FakeKernel : public kernel_iface::Filesystem {
public:
  static constexpr std::string_view kDir = "/fake/ks";

  std::map<std::string, std::string> files;
  std::set<std::string> dirs;
  std::vector<std::pair<std::string, std::int64_t>> table;
  std::set<std::string> unknown_functions; // engage gives ENOENT
  std::vector<std::string> control_writes;
  std::vector<std::string> replaced;
  bool loaded = true;

  void engage_by_hand(const std::string& target, std::int64_t retval) {
    table.emplace_back(target, retval);
  }

  const std::int64_t* retval_of(std::string_view target) const {
    auto it = find(target);
    return it == table.end() ? nullptr : &it->second;
  }

  bool exists(const std::string& path) const override {
    if (path == kDir)
      return loaded;
    return files.contains(path) || is_dir(path);
  }

  util::Result<std::string> read(const std::string& path) const override {
    if (loaded && path == std::string(kDir) + "/engaged") {
      std::string text;
      for (const auto& [target, retval] : table)
        text += target + " retval=" + std::to_string(retval) +
                " hits=0 state=armed\n";
      return text;
    }
    auto it = files.find(path);
    if (it == files.end())
      return error(ENOENT, "open", path);
    return it->second;
  }

  util::Result<void> write_once(const std::string& path,
                                std::string_view data) override {
    const std::string fn_prefix = std::string(kDir) + "/fn/";
    if (path == std::string(kDir) + "/control")
      return control(std::string(data));
    if (path.starts_with(fn_prefix) && path.ends_with("/retval")) {
      const auto target =
          path.substr(fn_prefix.size(), path.size() - fn_prefix.size() - 7);
      auto it = find(target);
      if (it == table.end())
        return error(ENOENT, "open", path);
      it->second = std::stoll(std::string(data));
      return {};
    }
    return error(ENOENT, "open", path);
  }

  util::Result<void> mount_securityfs(const std::string&) override {
    return {};
  }

  util::Result<std::vector<std::string>>
  list_dir(const std::string& path) const override {
    if (!is_dir(path))
      return error(ENOENT, "open", path);
    std::set<std::string> names;
    const auto prefix = path + "/";
    for (const auto& [file, content] : files) {
      if (file.starts_with(prefix))
        names.insert(file.substr(prefix.size(), file.find('/', prefix.size()) -
                                                    prefix.size()));
    }
    return std::vector<std::string>(names.begin(), names.end());
  }

  util::Result<void> make_dir(const std::string& path) override {
    dirs.insert(path);
    return {};
  }

  util::Result<void> replace(const std::string& path,
                             std::string_view data) override {
    files[path] = std::string(data);
    replaced.push_back(path);
    return {};
  }

private:
  using Table = std::vector<std::pair<std::string, std::int64_t>>;

  static util::Unexpected<util::Error> error(int code, std::string_view op,
                                             const std::string& path) {
    return util::fail(util::Error::from_code(code, op, path));
  }

  Table::const_iterator find(std::string_view target) const {
    return std::find_if(table.begin(), table.end(),
                        [&](const auto& e) { return e.first == target; });
  }
  Table::iterator find(std::string_view target) {
    return std::find_if(table.begin(), table.end(),
                        [&](const auto& e) { return e.first == target; });
  }

  bool is_dir(const std::string& path) const {
    if (dirs.contains(path))
      return true;
    const auto prefix = path + "/";
    return std::any_of(files.begin(), files.end(), [&](const auto& f) {
      return f.first.starts_with(prefix);
    });
  }

  util::Result<void> control(const std::string& line) {
    control_writes.push_back(line);
    const auto words = util::split_words(util::trim(line));
    const std::string path = std::string(kDir) + "/control";
    if (words.size() == 3 && words[0] == "engage") {
      const std::string target(words[1]);
      if (unknown_functions.contains(target))
        return error(ENOENT, "write", path);
      if (find(target) != table.end())
        return error(EBUSY, "write", path);
      table.emplace_back(target, std::stoll(std::string(words[2])));
      return {};
    }
    if (words.size() == 2 && words[0] == "disengage") {
      auto it = find(words[1]);
      if (it == table.end())
        return error(ENOENT, "write", path);
      table.erase(it);
      return {};
    }
    return error(EINVAL, "write", path);
  }
};

} // namespace killswitch::testing
