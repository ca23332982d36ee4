#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "util/result.h"

namespace killswitch::kernel_iface {

// Every access the tool makes to the running system.  PosixFilesystem is the
// real one; unit tests substitute a mock or point PosixFilesystem at a fake
// directory tree.  Errors carry the errno and the failing step in
// util::Error::op ("open", "read", "write", "mount").
class Filesystem {
public:
  virtual ~Filesystem() = default;

  virtual bool exists(const std::string& path) const = 0;

  // The whole content of a (small) file.
  virtual util::Result<std::string> read(const std::string& path) const = 0;

  // Opens an existing file for writing and hands `data` to a single
  // write(2): the control file takes one command per write, so splitting the
  // data would change its meaning.  A short write is an error (EIO).
  virtual util::Result<void> write_once(const std::string& path,
                                        std::string_view data) = 0;

  // Mounts securityfs on `target`.
  virtual util::Result<void> mount_securityfs(const std::string& target) = 0;

  // The names in a directory, without "." and "..", in no set order.
  virtual util::Result<std::vector<std::string>>
  list_dir(const std::string& path) const = 0;

  // Creates a directory (mode 0755) unless it exists; its parent must.
  virtual util::Result<void> make_dir(const std::string& path) = 0;

  // Replaces `path` with `data` atomically: a reader sees the old content
  // or the new, never a mix, and a crash leaves one of the two.  Writes a
  // temporary file beside it, syncs it and renames it over `path`.
  virtual util::Result<void> replace(const std::string& path,
                                     std::string_view data) = 0;
};

} // namespace killswitch::kernel_iface
