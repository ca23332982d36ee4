/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The control-file grammar of killswitch.  This header and ks_parse.c build
 * both inside the module and in user space (unit tests, fuzzing, the tool),
 * so they use nothing but a few freestanding types and the errno values.
 */
#ifndef KS_PARSE_H
#define KS_PARSE_H

#ifdef __KERNEL__
#include <linux/errno.h>
#include <linux/types.h>
#else
#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* Limits of one write and of one target name ("MODULE:" + symbol). */
#define KS_WRITE_MAX	65536
#define KS_MODULE_MAX	55	/* MODULE_NAME_LEN - 1 on x86_64 */
#define KS_SYMBOL_MAX	511	/* KSYM_NAME_LEN - 1 */
#define KS_TARGET_MAX	(KS_MODULE_MAX + 1 + KS_SYMBOL_MAX)

/* Most commands in one write, and the longest observation window. */
#define KS_BATCH_MAX	4096
#define KS_TRIAL_MAX	86400

enum ks_verb {
	KS_VERB_ENGAGE,
	KS_VERB_TRYENGAGE,
	KS_VERB_OBSERVE,
	KS_VERB_DISENGAGE,
	KS_VERB_DISENGAGE_ALL,
};

/*
 * One parsed command.  @target points into the caller's buffer and is not
 * NUL-terminated; @module_len is the length of its "MODULE" part, 0 when
 * the target has no "MODULE:" prefix.
 */
struct ks_cmd {
	enum ks_verb verb;
	const char *target;
	size_t target_len;
	size_t module_len;
	long long retval;
	unsigned int seconds;	/* tryengage and observe */
};

int ks_parse_retval(const char *s, size_t len, long long *retval);
int ks_parse_target(const char *s, size_t len, size_t *module_len);
void ks_fold_module(char *target, size_t module_len);
int ks_parse_seconds(const char *s, size_t len, unsigned int *seconds);
int ks_parse_next(const char **pos, const char *end, struct ks_cmd *cmd);

/* ks_errno.c: "EPERM" or "-EPERM" as -1, for the engage= parameter. */
int ks_parse_errno(const char *s, size_t len, long long *retval);

#ifdef __cplusplus
}
#endif

#endif /* KS_PARSE_H */
