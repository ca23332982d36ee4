// SPDX-License-Identifier: GPL-2.0
/*
 * kswrite - write one string to a file in a single write(2) and say what
 * the kernel answered, for test scenarios that check errnos of control
 * files.  A shell's "echo > file" cannot do this: it may split the write,
 * and it reports failure as translated prose on stderr.
 *
 *   kswrite [-e] [-d] [-o OFFSET] FILE TEXT
 *
 *   -e  expand the escapes \n \t \r \\ \0 and \xHH in TEXT first, so a
 *       scenario can send a newline, several lines or a NUL in one write
 *   -d  drop CAP_SYS_ADMIN from every capability set before opening FILE,
 *       so root reaches the module's own capability check
 *   -o  pwrite(2) at OFFSET instead of writing at the start
 *
 * Prints "ok" and exits 0 when write() returned the full length.  Prints
 * the errno name (EPERM, ENOENT, ...) and exits 1 when open() or write()
 * failed, or "short N/M" and exits 1 for a partial write.  Usage errors
 * exit 2.
 *
 * Built with gcc -static by the VM harness; it has no other users.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/capability.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Expands escapes in place; returns the new length (may contain NULs). */
static size_t unescape(char *s)
{
	char *start = s, *out = s;

	while (*s) {
		if (*s != '\\' || !s[1]) {
			*out++ = *s++;
			continue;
		}
		s++;
		switch (*s) {
		case 'n': *out++ = '\n'; s++; break;
		case 't': *out++ = '\t'; s++; break;
		case 'r': *out++ = '\r'; s++; break;
		case '0': *out++ = '\0'; s++; break;
		case 'x':
			if (hexval(s[1]) >= 0 && hexval(s[2]) >= 0) {
				*out++ = (char)(hexval(s[1]) << 4 | hexval(s[2]));
				s += 3;
			} else {
				*out++ = *s++;	/* no digits: plain x */
			}
			break;
		default:
			*out++ = *s++;
			break;
		}
	}
	return (size_t)(out - start);
}

static int drop_sys_admin(void)
{
	struct __user_cap_header_struct hdr = {
		.version = _LINUX_CAPABILITY_VERSION_3,
	};
	struct __user_cap_data_struct data[2];
	unsigned int bit = CAP_TO_MASK(CAP_SYS_ADMIN);
	int idx = CAP_TO_INDEX(CAP_SYS_ADMIN);

	if (prctl(PR_CAPBSET_DROP, CAP_SYS_ADMIN, 0, 0, 0))
		return -1;
	if (syscall(SYS_capget, &hdr, data))
		return -1;
	data[idx].effective &= ~bit;
	data[idx].permitted &= ~bit;
	data[idx].inheritable &= ~bit;
	return (int)syscall(SYS_capset, &hdr, data);
}

static int report_errno(int err)
{
	const char *name = strerrorname_np(err);

	if (name)
		puts(name);
	else
		printf("E%d\n", err);
	return 1;
}

int main(int argc, char **argv)
{
	int escapes = 0, drop = 0, opt, fd;
	long long offset = -1;
	char *end;
	size_t len;
	ssize_t n;
	char *text;

	while ((opt = getopt(argc, argv, "+edo:")) != -1) {
		switch (opt) {
		case 'e': escapes = 1; break;
		case 'd': drop = 1; break;
		case 'o':
			offset = strtoll(optarg, &end, 0);
			if (*end || offset < 0)
				goto usage;
			break;
		default: goto usage;
		}
	}
	if (argc - optind != 2)
		goto usage;

	text = argv[optind + 1];
	len = escapes ? unescape(text) : strlen(text);

	if (drop && drop_sys_admin()) {
		fprintf(stderr, "kswrite: cannot drop CAP_SYS_ADMIN: %m\n");
		return 2;
	}

	fd = open(argv[optind], O_WRONLY);
	if (fd < 0)
		return report_errno(errno);

	if (offset >= 0)
		n = pwrite(fd, text, len, (off_t)offset);
	else
		n = write(fd, text, len);
	if (n < 0)
		return report_errno(errno);
	close(fd);

	if ((size_t)n != len) {
		printf("short %zd/%zu\n", n, len);
		return 1;
	}
	puts("ok");
	return 0;

usage:
	fprintf(stderr, "usage: kswrite [-e] [-d] [-o OFFSET] FILE TEXT\n");
	return 2;
}
