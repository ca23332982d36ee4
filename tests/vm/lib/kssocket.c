// SPDX-License-Identifier: GPL-2.0
/*
 * kssocket - call socket(2) once and say what the kernel answered, so a
 * scenario can check the errno that an engaged socket-create function
 * returns, and so that the call can come from an unprivileged user (a
 * family that is not registered yet makes the kernel autoload its module
 * through request_module(), whoever asks).
 *
 *   kssocket FAMILY TYPE [PROTOCOL]
 *
 *   FAMILY    AF_AX25, AF_VSOCK, AF_ALG, AF_UNIX, AF_INET or a number
 *   TYPE      SOCK_STREAM, SOCK_DGRAM, SOCK_SEQPACKET, SOCK_RAW or a number
 *   PROTOCOL  a number, 0 by default
 *
 * Prints "ok" and exits 0 when socket() returned a descriptor (closed at
 * once).  Prints the errno name (EPERM, EAFNOSUPPORT, ...) and exits 1
 * when it failed.  Usage errors exit 2.
 *
 * Built with gcc -static by the VM harness, like kswrite.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#ifndef AF_VSOCK
#define AF_VSOCK 40
#endif
#ifndef AF_ALG
#define AF_ALG 38
#endif

struct name {
	const char *name;
	int value;
};

static const struct name families[] = {
	{ "AF_UNIX", AF_UNIX },
	{ "AF_INET", AF_INET },
	{ "AF_AX25", AF_AX25 },
	{ "AF_ALG", AF_ALG },
	{ "AF_VSOCK", AF_VSOCK },
	{ NULL, 0 },
};

static const struct name types[] = {
	{ "SOCK_STREAM", SOCK_STREAM },
	{ "SOCK_DGRAM", SOCK_DGRAM },
	{ "SOCK_RAW", SOCK_RAW },
	{ "SOCK_SEQPACKET", SOCK_SEQPACKET },
	{ NULL, 0 },
};

static const struct name numbers_only[] = {
	{ NULL, 0 },
};

/* A name from @table or a plain decimal; -1 if it is neither. */
static int lookup(const struct name *table, const char *word)
{
	char *end;
	long n;

	for (; table->name; table++)
		if (!strcmp(table->name, word))
			return table->value;
	errno = 0;
	n = strtol(word, &end, 10);
	if (errno || end == word || *end || n < 0 || n > 0xffff)
		return -1;
	return (int)n;
}

int main(int argc, char **argv)
{
	int family, type, protocol = 0, fd;
	const char *name;

	if (argc < 3 || argc > 4)
		goto usage;
	family = lookup(families, argv[1]);
	type = lookup(types, argv[2]);
	if (argc == 4)
		protocol = lookup(numbers_only, argv[3]);
	if (family < 0 || type < 0 || protocol < 0)
		goto usage;

	fd = socket(family, type, protocol);
	if (fd < 0) {
		name = strerrorname_np(errno);
		if (name)
			puts(name);
		else
			printf("E%d\n", errno);
		return 1;
	}
	close(fd);
	puts("ok");
	return 0;

usage:
	fprintf(stderr, "usage: kssocket FAMILY TYPE [PROTOCOL]\n");
	return 2;
}
