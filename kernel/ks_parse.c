// SPDX-License-Identifier: GPL-2.0
/*
 * Parser for /sys/kernel/security/killswitch/control.
 *
 * Grammar, one command per line:
 *
 *	engage <target> <retval>
 *	tryengage <target> <retval> <seconds>
 *	observe <target> <seconds>
 *	disengage <target>
 *	disengage_all
 *
 *	target := [module ":"] symbol
 *	module := [A-Za-z0-9_-]{1,55}
 *	symbol := [A-Za-z0-9_.]{1,511}
 *	retval := ["-"] ( "0" | [1-9][0-9]* | "0x" [0-9a-fA-F]+ )
 *		  within the range of a signed 64-bit integer
 *	seconds := "0" | [1-9][0-9]*, at most 86400
 *
 * Words are separated by blanks (space, tab); a line may carry blanks and a
 * CR around its words, and blank lines are ignored, so "cmd\n" and
 * "cmd\r\n" both work.  Verbs are lower case.  Decimal values with leading
 * zeros are refused because some readers would take them for octal.
 *
 * Every malformed input yields -EINVAL.  The caller decides which
 * commands may share a write (ks_control.c) and gives other failures their
 * own errno.
 */
#include "ks_parse.h"

#ifdef __KERNEL__
#include <linux/string.h>
#else
#include <string.h>
#endif

static bool ks_is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

static bool ks_is_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9');
}

static int ks_digit(char c, unsigned int base)
{
	int d;

	if (c >= '0' && c <= '9')
		d = c - '0';
	else if (c >= 'a' && c <= 'f')
		d = c - 'a' + 10;
	else if (c >= 'A' && c <= 'F')
		d = c - 'A' + 10;
	else
		return -1;
	return d < (int)base ? d : -1;
}

/**
 * ks_parse_retval() - parse a signed 64-bit return value
 * @s:      the characters, not NUL-terminated
 * @len:    their number
 * @retval: where the value goes on success
 *
 * Return: 0, or -EINVAL when @s is not a number of the grammar above or
 * does not fit in 64 signed bits.
 */
int ks_parse_retval(const char *s, size_t len, long long *retval)
{
	unsigned long long limit, v = 0;
	unsigned int base = 10;
	bool neg = false;
	size_t i;

	if (len && s[0] == '-') {
		neg = true;
		s++;
		len--;
	}
	if (len >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		s += 2;
		len -= 2;
	} else if (len > 1 && s[0] == '0') {
		return -EINVAL;
	}
	if (!len)
		return -EINVAL;

	limit = neg ? 1ULL << 63 : (1ULL << 63) - 1;
	for (i = 0; i < len; i++) {
		int d = ks_digit(s[i], base);

		if (d < 0 || v > (limit - d) / base)
			return -EINVAL;
		v = v * base + d;
	}

	/* -(2^63) has no positive counterpart, so negate without overflow. */
	*retval = neg && v ? -(long long)(v - 1) - 1 : (long long)v;
	return 0;
}

/**
 * ks_parse_target() - check a "[module:]symbol" target
 * @s:          the characters, not NUL-terminated
 * @len:        their number
 * @module_len: length of the module part, 0 if there is none
 *
 * Return: 0, or -EINVAL when a part is empty, too long or holds a
 * character outside its set.
 */
int ks_parse_target(const char *s, size_t len, size_t *module_len)
{
	const char *colon = memchr(s, ':', len);
	size_t mlen = colon ? (size_t)(colon - s) : 0;
	size_t i;

	if (colon && (mlen == 0 || mlen > KS_MODULE_MAX))
		return -EINVAL;
	for (i = 0; i < mlen; i++)
		if (!ks_is_alnum(s[i]) && s[i] != '_' && s[i] != '-')
			return -EINVAL;

	if (colon) {
		s += mlen + 1;
		len -= mlen + 1;
	}
	if (len == 0 || len > KS_SYMBOL_MAX)
		return -EINVAL;
	for (i = 0; i < len; i++)
		if (!ks_is_alnum(s[i]) && s[i] != '_' && s[i] != '.')
			return -EINVAL;

	*module_len = mlen;
	return 0;
}

/**
 * ks_fold_module() - spell the module part of a target as the kernel does
 * @target:     a target that ks_parse_target() accepted
 * @module_len: its module part's length
 *
 * Module names hold '_' where the file name has '-' (nf-tables.ko loads as
 * nf_tables); modprobe folds them, and so does this.
 */
void ks_fold_module(char *target, size_t module_len)
{
	size_t i;

	for (i = 0; i < module_len; i++)
		if (target[i] == '-')
			target[i] = '_';
}

/**
 * ks_parse_seconds() - parse the window of tryengage and observe
 * @s:       the characters, not NUL-terminated
 * @len:     their number
 * @seconds: where the value goes on success
 *
 * Return: 0, or -EINVAL unless @s is a plain decimal 0..KS_TRIAL_MAX.
 */
int ks_parse_seconds(const char *s, size_t len, unsigned int *seconds)
{
	long long v;

	if (!len || s[0] == '-' || (len > 1 && (s[1] == 'x' || s[1] == 'X')))
		return -EINVAL;
	if (ks_parse_retval(s, len, &v) || v > KS_TRIAL_MAX)
		return -EINVAL;
	*seconds = (unsigned int)v;
	return 0;
}

/* Split one line into at most @max words; returns the count or -EINVAL. */
static int ks_split(const char *p, const char *end, const char **word,
		    size_t *wlen, int max)
{
	int n = 0;

	for (;;) {
		while (p < end && ks_is_blank(*p))
			p++;
		if (p == end)
			return n;
		if (n == max)
			return -EINVAL;
		word[n] = p;
		while (p < end && !ks_is_blank(*p))
			p++;
		wlen[n] = p - word[n];
		n++;
	}
}

static bool ks_word_is(const char *w, size_t len, const char *verb)
{
	return len == strlen(verb) && !memcmp(w, verb, len);
}

static int ks_parse_words(const char **w, const size_t *wl, int n,
			  struct ks_cmd *cmd)
{
	memset(cmd, 0, sizeof(*cmd));
	if (n == 1 && ks_word_is(w[0], wl[0], "disengage_all")) {
		cmd->verb = KS_VERB_DISENGAGE_ALL;
		return 0;
	}
	if (n == 2 && ks_word_is(w[0], wl[0], "disengage")) {
		cmd->verb = KS_VERB_DISENGAGE;
	} else if (n == 3 && ks_word_is(w[0], wl[0], "engage")) {
		cmd->verb = KS_VERB_ENGAGE;
		if (ks_parse_retval(w[2], wl[2], &cmd->retval))
			return -EINVAL;
	} else if (n == 3 && ks_word_is(w[0], wl[0], "observe")) {
		cmd->verb = KS_VERB_OBSERVE;
		if (ks_parse_seconds(w[2], wl[2], &cmd->seconds))
			return -EINVAL;
	} else if (n == 4 && ks_word_is(w[0], wl[0], "tryengage")) {
		cmd->verb = KS_VERB_TRYENGAGE;
		if (ks_parse_retval(w[2], wl[2], &cmd->retval) ||
		    ks_parse_seconds(w[3], wl[3], &cmd->seconds))
			return -EINVAL;
	} else {
		return -EINVAL;
	}

	cmd->target = w[1];
	cmd->target_len = wl[1];
	return ks_parse_target(w[1], wl[1], &cmd->module_len);
}

/**
 * ks_parse_next() - parse the next command of a buffer
 * @pos: in: where to start; out: just past the line that was parsed
 * @end: end of the buffer
 * @cmd: the command, valid when 1 is returned
 *
 * Blank lines are skipped.  A NUL byte anywhere in the line is malformed.
 *
 * Return: 1 when a command was parsed, 0 when only blanks remained,
 * -EINVAL on a malformed line (@pos then points at its first byte).
 */
int ks_parse_next(const char **pos, const char *end, struct ks_cmd *cmd)
{
	const char *p = *pos;
	const char *word[5];
	size_t wlen[5];

	while (p < end) {
		const char *eol = memchr(p, '\n', end - p);
		const char *next = eol ? eol + 1 : end;
		int n;

		if (!eol)
			eol = end;
		if (memchr(p, '\0', eol - p))
			goto bad;
		n = ks_split(p, eol, word, wlen, 5);
		if (n < 0)
			goto bad;
		if (n > 0) {
			if (ks_parse_words(word, wlen, n, cmd))
				goto bad;
			*pos = next;
			return 1;
		}
		p = next;
	}
	*pos = end;
	return 0;
bad:
	*pos = p;
	return -EINVAL;
}
