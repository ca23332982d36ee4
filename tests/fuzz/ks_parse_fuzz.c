// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for the control-file grammar (kernel/ks_parse.c).
 *
 * Beyond "does not crash", every accepted command must survive a round
 * trip: printed back in canonical form and parsed again, it must give the
 * same command.  That catches a parser that accepts what it then
 * misreads, e.g. a retval that overflowed silently.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ks_parse.h"

static const char *const verbs[] = {
	[KS_VERB_ENGAGE] = "engage",
	[KS_VERB_TRYENGAGE] = "tryengage",
	[KS_VERB_OBSERVE] = "observe",
	[KS_VERB_DISENGAGE] = "disengage",
	[KS_VERB_DISENGAGE_ALL] = "disengage_all",
};

static int print_cmd(const struct ks_cmd *c, char *out, size_t len)
{
	switch (c->verb) {
	case KS_VERB_ENGAGE:
		return snprintf(out, len, "%s %.*s %lld\n", verbs[c->verb],
				(int)c->target_len, c->target, c->retval);
	case KS_VERB_TRYENGAGE:
		return snprintf(out, len, "%s %.*s %lld %u\n", verbs[c->verb],
				(int)c->target_len, c->target, c->retval,
				c->seconds);
	case KS_VERB_OBSERVE:
		return snprintf(out, len, "%s %.*s %u\n", verbs[c->verb],
				(int)c->target_len, c->target, c->seconds);
	case KS_VERB_DISENGAGE:
		return snprintf(out, len, "%s %.*s\n", verbs[c->verb],
				(int)c->target_len, c->target);
	case KS_VERB_DISENGAGE_ALL:
		return snprintf(out, len, "%s\n", verbs[c->verb]);
	}
	abort();
}

static void check_round_trip(const struct ks_cmd *c)
{
	char text[KS_TARGET_MAX + 64];
	const char *pos = text, *end;
	struct ks_cmd again;
	size_t mlen;
	int n;

	n = print_cmd(c, text, sizeof(text));
	if (n <= 0 || (size_t)n >= sizeof(text))
		abort();
	end = text + n;
	if (ks_parse_next(&pos, end, &again) != 1 || pos != end)
		abort();
	if (again.verb != c->verb || again.retval != c->retval ||
	    again.seconds != c->seconds || again.target_len != c->target_len ||
	    again.module_len != c->module_len ||
	    (c->target_len && memcmp(again.target, c->target, c->target_len)))
		abort();
	if (c->target_len &&
	    (ks_parse_target(c->target, c->target_len, &mlen) ||
	     mlen != c->module_len))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *buf = (const char *)data, *pos = buf, *end = buf + size;
	struct ks_cmd cmd;
	int ret, guard = 0;

	while ((ret = ks_parse_next(&pos, end, &cmd)) == 1) {
		if (pos <= buf || pos > end || ++guard > (int)size + 1)
			abort();
		if (cmd.target && (cmd.target < buf ||
				   cmd.target + cmd.target_len > end))
			abort();
		check_round_trip(&cmd);
	}
	if (ret != 0 && ret != -EINVAL)
		abort();
	if (ret == 0 && pos != end)
		abort();
	return 0;
}
