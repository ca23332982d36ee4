#include "kernel_iface/status.h"

#include <utility>

namespace killswitch::kernel_iface {

using util::fail;

util::Result<Status> read_status(const Interface& iface) {
  Status status;

  status.module_loaded = iface.module_loaded();
  status.interface_present = iface.present();
  if (auto mask = iface.kernel_taint())
    status.kernel_taint = *mask;
  if (!status.interface_present)
    return status;

  auto engaged = iface.engaged();
  if (!engaged)
    return fail(engaged.error());
  status.engaged = std::move(*engaged);

  auto flag = iface.taint_flag();
  if (!flag)
    return fail(flag.error());
  status.module_taint = *flag;
  return status;
}

} // namespace killswitch::kernel_iface
