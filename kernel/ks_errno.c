// SPDX-License-Identifier: GPL-2.0
/*
 * Errno names for the engage= module parameter, so that
 * "killswitch.engage=af_alg:af_alg_sendmsg=EPERM" on the kernel command
 * line means what the tool's "killswitch engage af_alg_sendmsg EPERM"
 * means: a name, with or without its minus sign, is the negative errno.
 * The control file keeps numbers only; the tool translates names before it
 * writes.
 *
 * The names are the tool's (src/retval/errno_table.cpp), and a unit test
 * holds the two lists to each other.  Like ks_parse.c this file builds in
 * user space too, where <errno.h> has the same numbers on Linux.
 */
#include "ks_parse.h"

#ifdef __KERNEL__
#include <linux/kernel.h>
#include <linux/string.h>
#else
#include <string.h>
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#endif

struct ks_errno {
	const char *name;
	int value;
};

#define KS_ERRNO(e) { #e, e }

/* include/uapi/asm-generic/errno-base.h and errno.h, aliases included. */
static const struct ks_errno ks_errnos[] = {
	KS_ERRNO(EPERM),
	KS_ERRNO(ENOENT),
	KS_ERRNO(ESRCH),
	KS_ERRNO(EINTR),
	KS_ERRNO(EIO),
	KS_ERRNO(ENXIO),
	KS_ERRNO(E2BIG),
	KS_ERRNO(ENOEXEC),
	KS_ERRNO(EBADF),
	KS_ERRNO(ECHILD),
	KS_ERRNO(EAGAIN),
	KS_ERRNO(EWOULDBLOCK),
	KS_ERRNO(ENOMEM),
	KS_ERRNO(EACCES),
	KS_ERRNO(EFAULT),
	KS_ERRNO(ENOTBLK),
	KS_ERRNO(EBUSY),
	KS_ERRNO(EEXIST),
	KS_ERRNO(EXDEV),
	KS_ERRNO(ENODEV),
	KS_ERRNO(ENOTDIR),
	KS_ERRNO(EISDIR),
	KS_ERRNO(EINVAL),
	KS_ERRNO(ENFILE),
	KS_ERRNO(EMFILE),
	KS_ERRNO(ENOTTY),
	KS_ERRNO(ETXTBSY),
	KS_ERRNO(EFBIG),
	KS_ERRNO(ENOSPC),
	KS_ERRNO(ESPIPE),
	KS_ERRNO(EROFS),
	KS_ERRNO(EMLINK),
	KS_ERRNO(EPIPE),
	KS_ERRNO(EDOM),
	KS_ERRNO(ERANGE),
	KS_ERRNO(EDEADLK),
	KS_ERRNO(EDEADLOCK),
	KS_ERRNO(ENAMETOOLONG),
	KS_ERRNO(ENOLCK),
	/* A number: checkpatch takes any mention of the macro for a misuse. */
	{ "ENOSYS", 38 },
	KS_ERRNO(ENOTEMPTY),
	KS_ERRNO(ELOOP),
	KS_ERRNO(ENOMSG),
	KS_ERRNO(EIDRM),
	KS_ERRNO(ECHRNG),
	KS_ERRNO(EL2NSYNC),
	KS_ERRNO(EL3HLT),
	KS_ERRNO(EL3RST),
	KS_ERRNO(ELNRNG),
	KS_ERRNO(EUNATCH),
	KS_ERRNO(ENOCSI),
	KS_ERRNO(EL2HLT),
	KS_ERRNO(EBADE),
	KS_ERRNO(EBADR),
	KS_ERRNO(EXFULL),
	KS_ERRNO(ENOANO),
	KS_ERRNO(EBADRQC),
	KS_ERRNO(EBADSLT),
	KS_ERRNO(EBFONT),
	KS_ERRNO(ENOSTR),
	KS_ERRNO(ENODATA),
	KS_ERRNO(ETIME),
	KS_ERRNO(ENOSR),
	KS_ERRNO(ENONET),
	KS_ERRNO(ENOPKG),
	KS_ERRNO(EREMOTE),
	KS_ERRNO(ENOLINK),
	KS_ERRNO(EADV),
	KS_ERRNO(ESRMNT),
	KS_ERRNO(ECOMM),
	KS_ERRNO(EPROTO),
	KS_ERRNO(EMULTIHOP),
	KS_ERRNO(EDOTDOT),
	KS_ERRNO(EBADMSG),
	KS_ERRNO(EOVERFLOW),
	KS_ERRNO(ENOTUNIQ),
	KS_ERRNO(EBADFD),
	KS_ERRNO(EREMCHG),
	KS_ERRNO(ELIBACC),
	KS_ERRNO(ELIBBAD),
	KS_ERRNO(ELIBSCN),
	KS_ERRNO(ELIBMAX),
	KS_ERRNO(ELIBEXEC),
	KS_ERRNO(EILSEQ),
	KS_ERRNO(ERESTART),
	KS_ERRNO(ESTRPIPE),
	KS_ERRNO(EUSERS),
	KS_ERRNO(ENOTSOCK),
	KS_ERRNO(EDESTADDRREQ),
	KS_ERRNO(EMSGSIZE),
	KS_ERRNO(EPROTOTYPE),
	KS_ERRNO(ENOPROTOOPT),
	KS_ERRNO(EPROTONOSUPPORT),
	KS_ERRNO(ESOCKTNOSUPPORT),
	KS_ERRNO(EOPNOTSUPP),
	KS_ERRNO(EPFNOSUPPORT),
	KS_ERRNO(EAFNOSUPPORT),
	KS_ERRNO(EADDRINUSE),
	KS_ERRNO(EADDRNOTAVAIL),
	KS_ERRNO(ENETDOWN),
	KS_ERRNO(ENETUNREACH),
	KS_ERRNO(ENETRESET),
	KS_ERRNO(ECONNABORTED),
	KS_ERRNO(ECONNRESET),
	KS_ERRNO(ENOBUFS),
	KS_ERRNO(EISCONN),
	KS_ERRNO(ENOTCONN),
	KS_ERRNO(ESHUTDOWN),
	KS_ERRNO(ETOOMANYREFS),
	KS_ERRNO(ETIMEDOUT),
	KS_ERRNO(ECONNREFUSED),
	KS_ERRNO(EHOSTDOWN),
	KS_ERRNO(EHOSTUNREACH),
	KS_ERRNO(EALREADY),
	KS_ERRNO(EINPROGRESS),
	KS_ERRNO(ESTALE),
	KS_ERRNO(EUCLEAN),
	KS_ERRNO(ENOTNAM),
	KS_ERRNO(ENAVAIL),
	KS_ERRNO(EISNAM),
	KS_ERRNO(EREMOTEIO),
	KS_ERRNO(EDQUOT),
	KS_ERRNO(ENOMEDIUM),
	KS_ERRNO(EMEDIUMTYPE),
	KS_ERRNO(ECANCELED),
	KS_ERRNO(ENOKEY),
	KS_ERRNO(EKEYEXPIRED),
	KS_ERRNO(EKEYREVOKED),
	KS_ERRNO(EKEYREJECTED),
	KS_ERRNO(EOWNERDEAD),
	KS_ERRNO(ENOTRECOVERABLE),
	KS_ERRNO(ERFKILL),
	KS_ERRNO(EHWPOISON),
	/* glibc's name for EOPNOTSUPP, which the tool accepts too. */
	{ "ENOTSUP", EOPNOTSUPP },
	/* include/linux/errno.h: kernel-internal, absent from user space. */
	{ "ERESTARTSYS", 512 },
	{ "ERESTARTNOINTR", 513 },
	{ "ERESTARTNOHAND", 514 },
	{ "ENOIOCTLCMD", 515 },
	{ "ERESTART_RESTARTBLOCK", 516 },
	{ "EPROBE_DEFER", 517 },
	{ "EOPENSTALE", 518 },
	{ "ENOPARAM", 519 },
	{ "EBADHANDLE", 521 },
	{ "ENOTSYNC", 522 },
	{ "EBADCOOKIE", 523 },
	{ "ENOTSUPP", 524 },
	{ "ETOOSMALL", 525 },
	{ "ESERVERFAULT", 526 },
	{ "EBADTYPE", 527 },
	{ "EJUKEBOX", 528 },
	{ "EIOCBQUEUED", 529 },
	{ "ERECALLCONFLICT", 530 },
	{ "ENOGRACE", 531 },
};

/**
 * ks_parse_errno() - parse an errno name as a return value
 * @s:      the characters, not NUL-terminated
 * @len:    their number
 * @retval: where the negative errno goes on success
 *
 * "EPERM" and "-EPERM" both give -1; names are upper case, matched exactly.
 *
 * Return: 0, or -EINVAL when @s is no errno name.
 */
int ks_parse_errno(const char *s, size_t len, long long *retval)
{
	size_t i;

	if (len && s[0] == '-') {
		s++;
		len--;
	}
	for (i = 0; i < ARRAY_SIZE(ks_errnos); i++) {
		if (strlen(ks_errnos[i].name) == len &&
		    !memcmp(ks_errnos[i].name, s, len)) {
			*retval = -(long long)ks_errnos[i].value;
			return 0;
		}
	}
	return -EINVAL;
}
