#include "kernel_iface/posix_filesystem.h"

#include <cerrno>

#include <sys/mount.h>
#include <sys/stat.h>

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

private:
  int fd_;
};

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

} // namespace killswitch::kernel_iface
