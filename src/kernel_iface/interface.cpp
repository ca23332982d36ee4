#include "kernel_iface/interface.h"

#include <utility>

#include "kernel_iface/mounts.h"
#include "kernel_iface/taint.h"

namespace killswitch::kernel_iface {

using util::fail;

Interface::Interface(Filesystem& fs, Paths paths)
    : fs_(fs), paths_(std::move(paths)) {}

util::Result<bool> Interface::ensure_mounted() {
  const std::string& target = paths_.securityfs_mount;

  if (target.empty() || present())
    return false;
  // An unreadable mounts file (no /proc in an early initramfs) is no reason
  // to give up: mounting then tells whether securityfs can be had at all.
  if (auto mounts = fs_.read(paths_.mounts);
      mounts && is_mounted(*mounts, target, "securityfs"))
    return false;

  if (auto mounted = fs_.mount_securityfs(target); !mounted)
    return fail(mounted.error());
  return true;
}

bool Interface::present() const {
  return fs_.exists(paths_.securityfs_dir);
}

bool Interface::module_loaded() const {
  return fs_.exists(paths_.sysmodule_dir);
}

util::Result<void> Interface::send(const Command& command) {
  return fs_.write_once(paths_.control(), format_command(command));
}

util::Result<std::vector<Engagement>> Interface::engaged() const {
  auto text = fs_.read(paths_.engaged());
  if (!text)
    return fail(text.error());
  return parse_engaged(*text);
}

util::Result<bool> Interface::taint_flag() const {
  auto text = fs_.read(paths_.taint());
  if (!text)
    return fail(text.error());
  return parse_taint_flag(*text);
}

util::Result<std::uint64_t> Interface::kernel_taint() const {
  auto text = fs_.read(paths_.tainted);
  if (!text)
    return fail(text.error());
  return parse_taint_mask(*text);
}

} // namespace killswitch::kernel_iface
