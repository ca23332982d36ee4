#include "retval/errno_table.h"

#include <algorithm>
#include <cerrno>

namespace killswitch::retval {
namespace {

// Every name of include/uapi/asm-generic/errno-base.h and errno.h, in that
// order, taken from <errno.h> so that the numbers are the ones this Linux
// build uses.  Aliases (EWOULDBLOCK, EDEADLOCK, and glibc's ENOTSUP) follow
// their primary name, so a lookup by value finds the primary name first.
//
// After them come the kernel-internal codes of include/linux/errno.h.  User
// space never sees them from a system call, but kernel functions do return
// them (-ENOTSUPP, -EPROBE_DEFER), so they are valid things to engage with.
constexpr ErrnoName kTable[] = {
    {"EPERM", EPERM},
    {"ENOENT", ENOENT},
    {"ESRCH", ESRCH},
    {"EINTR", EINTR},
    {"EIO", EIO},
    {"ENXIO", ENXIO},
    {"E2BIG", E2BIG},
    {"ENOEXEC", ENOEXEC},
    {"EBADF", EBADF},
    {"ECHILD", ECHILD},
    {"EAGAIN", EAGAIN},
    {"EWOULDBLOCK", EWOULDBLOCK},
    {"ENOMEM", ENOMEM},
    {"EACCES", EACCES},
    {"EFAULT", EFAULT},
    {"ENOTBLK", ENOTBLK},
    {"EBUSY", EBUSY},
    {"EEXIST", EEXIST},
    {"EXDEV", EXDEV},
    {"ENODEV", ENODEV},
    {"ENOTDIR", ENOTDIR},
    {"EISDIR", EISDIR},
    {"EINVAL", EINVAL},
    {"ENFILE", ENFILE},
    {"EMFILE", EMFILE},
    {"ENOTTY", ENOTTY},
    {"ETXTBSY", ETXTBSY},
    {"EFBIG", EFBIG},
    {"ENOSPC", ENOSPC},
    {"ESPIPE", ESPIPE},
    {"EROFS", EROFS},
    {"EMLINK", EMLINK},
    {"EPIPE", EPIPE},
    {"EDOM", EDOM},
    {"ERANGE", ERANGE},
    {"EDEADLK", EDEADLK},
    {"EDEADLOCK", EDEADLOCK},
    {"ENAMETOOLONG", ENAMETOOLONG},
    {"ENOLCK", ENOLCK},
    {"ENOSYS", ENOSYS},
    {"ENOTEMPTY", ENOTEMPTY},
    {"ELOOP", ELOOP},
    {"ENOMSG", ENOMSG},
    {"EIDRM", EIDRM},
    {"ECHRNG", ECHRNG},
    {"EL2NSYNC", EL2NSYNC},
    {"EL3HLT", EL3HLT},
    {"EL3RST", EL3RST},
    {"ELNRNG", ELNRNG},
    {"EUNATCH", EUNATCH},
    {"ENOCSI", ENOCSI},
    {"EL2HLT", EL2HLT},
    {"EBADE", EBADE},
    {"EBADR", EBADR},
    {"EXFULL", EXFULL},
    {"ENOANO", ENOANO},
    {"EBADRQC", EBADRQC},
    {"EBADSLT", EBADSLT},
    {"EBFONT", EBFONT},
    {"ENOSTR", ENOSTR},
    {"ENODATA", ENODATA},
    {"ETIME", ETIME},
    {"ENOSR", ENOSR},
    {"ENONET", ENONET},
    {"ENOPKG", ENOPKG},
    {"EREMOTE", EREMOTE},
    {"ENOLINK", ENOLINK},
    {"EADV", EADV},
    {"ESRMNT", ESRMNT},
    {"ECOMM", ECOMM},
    {"EPROTO", EPROTO},
    {"EMULTIHOP", EMULTIHOP},
    {"EDOTDOT", EDOTDOT},
    {"EBADMSG", EBADMSG},
    {"EOVERFLOW", EOVERFLOW},
    {"ENOTUNIQ", ENOTUNIQ},
    {"EBADFD", EBADFD},
    {"EREMCHG", EREMCHG},
    {"ELIBACC", ELIBACC},
    {"ELIBBAD", ELIBBAD},
    {"ELIBSCN", ELIBSCN},
    {"ELIBMAX", ELIBMAX},
    {"ELIBEXEC", ELIBEXEC},
    {"EILSEQ", EILSEQ},
    {"ERESTART", ERESTART},
    {"ESTRPIPE", ESTRPIPE},
    {"EUSERS", EUSERS},
    {"ENOTSOCK", ENOTSOCK},
    {"EDESTADDRREQ", EDESTADDRREQ},
    {"EMSGSIZE", EMSGSIZE},
    {"EPROTOTYPE", EPROTOTYPE},
    {"ENOPROTOOPT", ENOPROTOOPT},
    {"EPROTONOSUPPORT", EPROTONOSUPPORT},
    {"ESOCKTNOSUPPORT", ESOCKTNOSUPPORT},
    {"EOPNOTSUPP", EOPNOTSUPP},
    {"ENOTSUP", ENOTSUP},
    {"EPFNOSUPPORT", EPFNOSUPPORT},
    {"EAFNOSUPPORT", EAFNOSUPPORT},
    {"EADDRINUSE", EADDRINUSE},
    {"EADDRNOTAVAIL", EADDRNOTAVAIL},
    {"ENETDOWN", ENETDOWN},
    {"ENETUNREACH", ENETUNREACH},
    {"ENETRESET", ENETRESET},
    {"ECONNABORTED", ECONNABORTED},
    {"ECONNRESET", ECONNRESET},
    {"ENOBUFS", ENOBUFS},
    {"EISCONN", EISCONN},
    {"ENOTCONN", ENOTCONN},
    {"ESHUTDOWN", ESHUTDOWN},
    {"ETOOMANYREFS", ETOOMANYREFS},
    {"ETIMEDOUT", ETIMEDOUT},
    {"ECONNREFUSED", ECONNREFUSED},
    {"EHOSTDOWN", EHOSTDOWN},
    {"EHOSTUNREACH", EHOSTUNREACH},
    {"EALREADY", EALREADY},
    {"EINPROGRESS", EINPROGRESS},
    {"ESTALE", ESTALE},
    {"EUCLEAN", EUCLEAN},
    {"ENOTNAM", ENOTNAM},
    {"ENAVAIL", ENAVAIL},
    {"EISNAM", EISNAM},
    {"EREMOTEIO", EREMOTEIO},
    {"EDQUOT", EDQUOT},
    {"ENOMEDIUM", ENOMEDIUM},
    {"EMEDIUMTYPE", EMEDIUMTYPE},
    {"ECANCELED", ECANCELED},
    {"ENOKEY", ENOKEY},
    {"EKEYEXPIRED", EKEYEXPIRED},
    {"EKEYREVOKED", EKEYREVOKED},
    {"EKEYREJECTED", EKEYREJECTED},
    {"EOWNERDEAD", EOWNERDEAD},
    {"ENOTRECOVERABLE", ENOTRECOVERABLE},
    {"ERFKILL", ERFKILL},
    {"EHWPOISON", EHWPOISON},
    // include/linux/errno.h: kernel-internal, fixed numbers.
    {"ERESTARTSYS", 512},
    {"ERESTARTNOINTR", 513},
    {"ERESTARTNOHAND", 514},
    {"ENOIOCTLCMD", 515},
    {"ERESTART_RESTARTBLOCK", 516},
    {"EPROBE_DEFER", 517},
    {"EOPENSTALE", 518},
    {"ENOPARAM", 519},
    {"EBADHANDLE", 521},
    {"ENOTSYNC", 522},
    {"EBADCOOKIE", 523},
    {"ENOTSUPP", 524},
    {"ETOOSMALL", 525},
    {"ESERVERFAULT", 526},
    {"EBADTYPE", 527},
    {"EJUKEBOX", 528},
    {"EIOCBQUEUED", 529},
    {"ERECALLCONFLICT", 530},
    {"ENOGRACE", 531},
};

} // namespace

std::span<const ErrnoName> errno_names() {
  return kTable;
}

std::optional<int> errno_value(std::string_view name) {
  const auto* it =
      std::find_if(std::begin(kTable), std::end(kTable),
                   [&](const ErrnoName& e) { return e.name == name; });
  if (it == std::end(kTable))
    return std::nullopt;
  return it->value;
}

std::optional<std::string_view> errno_name(int value) {
  const auto* it =
      std::find_if(std::begin(kTable), std::end(kTable),
                   [&](const ErrnoName& e) { return e.value == value; });
  if (it == std::end(kTable))
    return std::nullopt;
  return it->name;
}

} // namespace killswitch::retval
