#include "kernel_iface/posix_filesystem.h"

#include <cerrno>
#include <memory>

#include <sys/mount.h>
#include <sys/stat.h>

#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

namespace killswitch::kernel_iface {
namespace {

using util::Error;
using util::fail;

// Closes a descriptor on every path out of a function.
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

  // Closes now, for a caller that must see close(2)'s error.
  int close() {
    const int rc = ::close(fd_);
    fd_ = -1;
    return rc;
  }

private:
  int fd_;
};

// Writes all of `data`, retrying short writes: unlike the control file, a
// regular file takes its content in any number of pieces.
bool write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      return false;
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

} // namespace

bool PosixFilesystem::exists(const std::string& path) const {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0;
}

util::Result<std::string> PosixFilesystem::read(const std::string& path) const {
  const Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0)
    return fail(Error::from_errno("open", path));

  // Files under securityfs and /proc report a size of 0, so read until EOF
  // instead of trusting fstat.
  std::string content;
  char buf[4096];
  for (;;) {
    const ssize_t n = ::read(fd.get(), buf, sizeof(buf));
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0)
      return fail(Error::from_errno("read", path));
    if (n == 0)
      return content;
    content.append(buf, static_cast<std::size_t>(n));
  }
}

util::Result<void> PosixFilesystem::write_once(const std::string& path,
                                               std::string_view data) {
  // O_TRUNC as a shell's ">" does: a securityfs file has nothing to
  // truncate, and a fake tree then holds exactly the last command.  No
  // O_CREAT: a missing control file is an error, not something to invent.
  const Fd fd(::open(path.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC));
  if (fd.get() < 0)
    return fail(Error::from_errno("open", path));

  ssize_t n = 0;
  do {
    n = ::write(fd.get(), data.data(), data.size());
  } while (n < 0 && errno == EINTR);
  if (n < 0)
    return fail(Error::from_errno("write", path));
  if (static_cast<std::size_t>(n) != data.size())
    return fail(Error::from_code(EIO, "write", path));
  return {};
}

util::Result<void>
PosixFilesystem::mount_securityfs(const std::string& target) {
  if (::mount("securityfs", target.c_str(), "securityfs",
              MS_NOSUID | MS_NODEV | MS_NOEXEC, nullptr) != 0)
    return fail(Error::from_errno("mount", target));
  return {};
}

util::Result<std::vector<std::string>>
PosixFilesystem::list_dir(const std::string& path) const {
  const std::unique_ptr<DIR, int (*)(DIR*)> dir(::opendir(path.c_str()),
                                                ::closedir);
  if (!dir)
    return fail(Error::from_errno("open", path));

  std::vector<std::string> names;
  for (;;) {
    errno = 0;
    const dirent* entry = ::readdir(dir.get());
    if (entry == nullptr)
      break;
    const std::string_view name(entry->d_name);
    if (name != "." && name != "..")
      names.emplace_back(name);
  }
  if (errno != 0)
    return fail(Error::from_errno("read", path));
  return names;
}

util::Result<void> PosixFilesystem::make_dir(const std::string& path) {
  if (::mkdir(path.c_str(), 0755) != 0 && errno != EEXIST)
    return fail(Error::from_errno("mkdir", path));
  return {};
}

util::Result<void> PosixFilesystem::replace(const std::string& path,
                                            std::string_view data) {
  const std::string tmp = path + ".tmp";
  Fd fd(::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
  if (fd.get() < 0)
    return fail(Error::from_errno("open", tmp));

  if (!write_all(fd.get(), data) || ::fsync(fd.get()) != 0 || fd.close() != 0) {
    auto error = Error::from_errno("write", tmp);
    ::unlink(tmp.c_str());
    return fail(std::move(error));
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    auto error = Error::from_errno("rename", path);
    ::unlink(tmp.c_str());
    return fail(std::move(error));
  }
  return {};
}

} // namespace killswitch::kernel_iface
