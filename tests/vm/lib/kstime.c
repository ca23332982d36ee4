// SPDX-License-Identifier: GPL-2.0
/*
 * kstime - write a file of commands to a control file and say how long it
 * took, measured with CLOCK_MONOTONIC around the writes.  A shell's date
 * has a coarse clock and costs a fork and an exec per reading, which would
 * swamp a write that takes a millisecond.
 *
 *   kstime [-l] FILE INPUT
 *
 *   (default)  the whole of INPUT in one write(2): one batch
 *   -l         one open(2), write(2) and close(2) per non-blank line of
 *              INPUT, as one command per function would do
 *
 * Prints "writes=<n> ns=<elapsed>" and then, on a line of its own, "ok"
 * when every write returned its full length, else the errno name of the
 * first failure (after which nothing more is written).  The time covers
 * the open, write and close calls only, not reading INPUT.  Usage errors
 * and an unreadable INPUT exit 2.
 *
 * Built with gcc -static by the VM harness, like kswrite.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* The whole of @path in one buffer, NUL-terminated; NULL on error. */
static char *slurp(const char *path, size_t *len)
{
	size_t cap = 65536, n = 0;
	char *buf = malloc(cap + 1);
	FILE *f = fopen(path, "r");
	size_t got;

	if (!buf || !f)
		goto fail;
	while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap) {
			char *bigger = realloc(buf, 2 * cap + 1);

			if (!bigger)
				goto fail;
			buf = bigger;
			cap *= 2;
		}
	}
	if (ferror(f))
		goto fail;
	fclose(f);
	buf[n] = '\0';
	*len = n;
	return buf;
fail:
	if (f)
		fclose(f);
	free(buf);
	return NULL;
}

/* One open, write and close of @len bytes; 0 or an errno. */
static int write_once(const char *file, const char *text, size_t len)
{
	ssize_t n;
	int fd, err = 0;

	fd = open(file, O_WRONLY);
	if (fd < 0)
		return errno;
	n = write(fd, text, len);
	if (n < 0)
		err = errno;
	else if ((size_t)n != len)
		err = EIO;	/* a short write: the batch was not taken whole */
	close(fd);
	return err;
}

static int blank(const char *s, size_t len)
{
	while (len--)
		if (!strchr(" \t\r\n", *s++))
			return 0;
	return 1;
}

int main(int argc, char **argv)
{
	int per_line = 0, writes = 0, err = 0, opt;
	long long start, elapsed;
	char *text, *pos, *nl, *next;
	const char *name;
	size_t len;

	while ((opt = getopt(argc, argv, "+l")) != -1) {
		if (opt != 'l')
			goto usage;
		per_line = 1;
	}
	if (argc - optind != 2)
		goto usage;
	text = slurp(argv[optind + 1], &len);
	if (!text) {
		fprintf(stderr, "kstime: cannot read %s: %m\n", argv[optind + 1]);
		return 2;
	}

	start = now_ns();
	if (!per_line) {
		err = write_once(argv[optind], text, len);
		writes = 1;
	}
	for (pos = text; per_line && !err && *pos; pos = next) {
		nl = strchr(pos, '\n');
		next = nl ? nl + 1 : pos + strlen(pos);
		if (blank(pos, (size_t)(next - pos)))
			continue;
		err = write_once(argv[optind], pos, (size_t)(next - pos));
		writes++;
	}
	elapsed = now_ns() - start;

	printf("writes=%d ns=%lld\n", writes, elapsed);
	if (!err) {
		puts("ok");
		return 0;
	}
	name = strerrorname_np(err);
	if (name)
		puts(name);
	else
		printf("E%d\n", err);
	return 1;

usage:
	fprintf(stderr, "usage: kstime [-l] FILE INPUT\n");
	return 2;
}
