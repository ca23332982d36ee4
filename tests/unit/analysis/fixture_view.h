#pragma once

#include <cerrno>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "analysis/system_view.h"

namespace killswitch::analysis::testing {

// The content of tests/unit/fixtures/NAME.
inline std::string fixture(const std::string& name) {
  std::ifstream in(std::string(KS_ANALYSIS_FIXTURES) + "/" + name,
                   std::ios::binary);
  if (!in)
    std::abort();
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// A system made of strings: every path not given is missing (ENOENT), and
// a path can be made to fail with another errno.
class FixtureView : public SystemView {
public:
  FixtureView& file(const std::string& path, std::string content) {
    files_[path] = std::move(content);
    return *this;
  }
  FixtureView& failing(const std::string& path, int code) {
    errors_[path] = code;
    return *this;
  }
  FixtureView& remove(const std::string& path) {
    files_.erase(path);
    return *this;
  }

  bool exists(const std::string& path) const override {
    return files_.count(path) != 0;
  }

  util::Result<std::string> read_file(const std::string& path) const override {
    if (auto it = errors_.find(path); it != errors_.end())
      return util::fail(util::Error::from_code(it->second, "open", path));
    auto it = files_.find(path);
    if (it == files_.end())
      return util::fail(util::Error::from_code(ENOENT, "open", path));
    return it->second;
  }

  // The names directly under `path` of the files given below it.
  util::Result<std::vector<std::string>>
  list_dir(const std::string& path) const override {
    const std::string prefix = path + "/";
    std::set<std::string> names;
    for (const auto& [file, content] : files_) {
      if (!file.starts_with(prefix))
        continue;
      const std::string rest = file.substr(prefix.size());
      names.insert(rest.substr(0, rest.find('/')));
    }
    if (names.empty())
      return util::fail(util::Error::from_code(ENOENT, "open", path));
    return std::vector<std::string>(names.begin(), names.end());
  }

private:
  std::map<std::string, std::string> files_;
  std::map<std::string, int> errors_;
};

} // namespace killswitch::analysis::testing
