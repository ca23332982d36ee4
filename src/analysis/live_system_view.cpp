#include "analysis/live_system_view.h"

#include <cerrno>
#include <memory>

#include <sys/stat.h>

#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

namespace killswitch::analysis {
namespace {

using util::Error;
using util::fail;

class Fd {
public:
  explicit Fd(int fd) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (fd_ >= 0)
      ::close(fd_);
  }
  int get() const { return fd_; }

private:
  int fd_;
};

struct DirCloser {
  void operator()(DIR* dir) const { ::closedir(dir); }
};

// /proc and sysfs report a size of 0 or of a page, so st_size is only a
// hint for the first allocation; the loop reads until EOF.  seq_file and
// sysfs binary files hand out at most a page per read(2) whatever we ask
// for, so a large buffer only helps regular files.
constexpr std::size_t kMinChunk = std::size_t{64} * 1024;

} // namespace

bool LiveSystemView::exists(const std::string& path) const {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0;
}

util::Result<std::string>
LiveSystemView::read_file(const std::string& path) const {
  const Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0)
    return fail(Error::from_errno("open", path));

  struct stat st {};
  std::size_t hint = 0;
  if (::fstat(fd.get(), &st) == 0 && st.st_size > 0)
    hint = static_cast<std::size_t>(st.st_size);

  std::string content;
  content.resize(hint + kMinChunk);
  std::size_t used = 0;
  for (;;) {
    if (content.size() - used < kMinChunk)
      content.resize(content.size() * 2);
    const ssize_t n =
        ::read(fd.get(), content.data() + used, content.size() - used);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0)
      return fail(Error::from_errno("read", path));
    if (n == 0)
      break;
    used += static_cast<std::size_t>(n);
  }
  content.resize(used);
  return content;
}

util::Result<std::vector<std::string>>
LiveSystemView::list_dir(const std::string& path) const {
  const std::unique_ptr<DIR, DirCloser> dir(::opendir(path.c_str()));
  if (!dir)
    return fail(Error::from_errno("open", path));

  std::vector<std::string> names;
  errno = 0;
  while (const dirent* entry = ::readdir(dir.get())) {
    const std::string_view name = entry->d_name;
    if (name != "." && name != "..")
      names.emplace_back(name);
  }
  if (errno != 0)
    return fail(Error::from_errno("read", path));
  return names;
}

} // namespace killswitch::analysis
