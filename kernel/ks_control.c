// SPDX-License-Identifier: GPL-2.0
/*
 * The control file.  A write is one batch, applied all or nothing:
 *
 *	- any number of "engage", "tryengage" and "observe" lines, or
 *	- any number of "disengage" lines, or
 *	- one "disengage_all".
 *
 * A write of blanks only is a no-op.  Other mixes are -EINVAL.  When a
 * batch fails, nothing changed, the log names the failing line, and
 * last_error holds "line=<n> target=<t> error=<-EXXX>" for the tool.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/capability.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include "ks.h"

static DEFINE_MUTEX(ks_error_lock);
static char ks_last_error[KS_TARGET_MAX + 64];

static void ks_set_error(int line, const char *target, size_t len, int err)
{
	mutex_lock(&ks_error_lock);
	snprintf(ks_last_error, sizeof(ks_last_error),
		 "line=%d target=%.*s error=%pe\n", line, (int)len,
		 target ? target : "", ERR_PTR(err));
	mutex_unlock(&ks_error_lock);
}

static int ks_last_error_show(struct seq_file *m, void *v)
{
	mutex_lock(&ks_error_lock);
	seq_puts(m, ks_last_error);
	mutex_unlock(&ks_error_lock);
	return 0;
}

static int ks_last_error_open(struct inode *inode, struct file *file)
{
	return single_open(file, ks_last_error_show, NULL);
}

const struct file_operations ks_last_error_fops = {
	.owner = THIS_MODULE,
	.open = ks_last_error_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = single_release,
};

/* A parsed write: its commands and the line each came from. */
struct ks_batch {
	struct ks_cmd *cmds;
	unsigned int *lines;
	int n;
};

/* Log and record the refusal of command @i of @b, or of all of it (-1). */
static void ks_log_refused(const struct ks_batch *b, int i, int err)
{
	static const char * const verbs[] = {
		[KS_VERB_ENGAGE] = "engage",
		[KS_VERB_TRYENGAGE] = "tryengage",
		[KS_VERB_OBSERVE] = "observe",
		[KS_VERB_DISENGAGE] = "disengage",
		[KS_VERB_DISENGAGE_ALL] = "disengage_all",
	};
	const struct ks_cmd *cmd = &b->cmds[i < 0 ? 0 : i];
	int line = i < 0 ? 0 : b->lines[i];
	char who[KS_WHO_LEN];
	char batch[48] = "";

	if (b->n > 1)
		snprintf(batch, sizeof(batch), " line=%d of %d, none applied",
			 line, b->n);
	if (i < 0 && b->n > 1)
		pr_notice("refused batch of %d commands error=%pe %s\n", b->n,
			  ERR_PTR(err), ks_who(who));
	else if (cmd->verb == KS_VERB_DISENGAGE_ALL)
		pr_notice("refused disengage_all error=%pe %s\n", ERR_PTR(err),
			  ks_who(who));
	else if (cmd->verb == KS_VERB_DISENGAGE)
		pr_notice("refused disengage %.*s error=%pe%s %s\n",
			  (int)cmd->target_len, cmd->target, ERR_PTR(err),
			  batch, ks_who(who));
	else
		pr_notice("refused %s %.*s retval=%lld error=%pe%s %s\n",
			  verbs[cmd->verb], (int)cmd->target_len, cmd->target,
			  cmd->retval, ERR_PTR(err), batch, ks_who(who));
	if (i < 0)
		ks_set_error(0, NULL, 0, err);
	else
		ks_set_error(line, cmd->target, cmd->target_len, err);
}

static void ks_log_enabled(const struct ks_request *r)
{
	char who[KS_WHO_LEN];

	if (r->observe_only)
		pr_notice("observe %s seconds=%d %s\n", r->target, r->window,
			  ks_who(who));
	else if (r->window >= 0)
		pr_notice("tryengage %s retval=%lld seconds=%d state=%s %s\n",
			  r->target, r->retval, r->window,
			  ks_state_name(r->e->state), ks_who(who));
	else if (r->e->state == KS_PENDING)
		pr_notice("engage %s retval=%lld state=pending %s\n",
			  r->target, r->retval, ks_who(who));
	else
		pr_notice("engage %s retval=%lld %s\n", r->target, r->retval,
			  ks_who(who));
}

/* engage, tryengage and observe lines; ks_enabling() said so. */
static int ks_apply_enable(const struct ks_batch *b)
{
	const struct ks_cmd *cmds = b->cmds;
	struct ks_request *reqs;
	int i, failed, ret;

	ret = ks_check_lockdown();
	if (ret) {
		ks_log_refused(b, 0, ret);
		return ret;
	}
	reqs = kvcalloc(b->n, sizeof(*reqs), GFP_KERNEL);
	if (!reqs)
		return -ENOMEM;
	for (i = 0; i < b->n; i++) {
		reqs[i].target = kstrndup(cmds[i].target, cmds[i].target_len,
					  GFP_KERNEL);
		reqs[i].retval = cmds[i].retval;
		reqs[i].window = cmds[i].verb == KS_VERB_ENGAGE ?
				 -1 : (int)cmds[i].seconds;
		reqs[i].observe_only = cmds[i].verb == KS_VERB_OBSERVE;
		if (!reqs[i].target) {
			ret = -ENOMEM;
			goto out;
		}
	}

	ret = ks_engage(reqs, b->n, &failed);
	if (ret)
		ks_log_refused(b, failed, ret);
	else
		for (i = 0; i < b->n; i++)
			ks_log_enabled(&reqs[i]);
out:
	for (i = 0; i < b->n; i++)
		kfree(reqs[i].target);
	kvfree(reqs);
	return ret;
}

/* disengage lines: every target must be engaged, each named once. */
static int ks_apply_disengage(const struct ks_batch *b)
{
	struct ks_engagement **es;
	int i, j, ret = 0;

	es = kvcalloc(b->n, sizeof(*es), GFP_KERNEL);
	if (!es)
		return -ENOMEM;
	mutex_lock(&ks_mutex);
	for (i = 0; i < b->n && !ret; i++) {
		es[i] = ks_find(b->cmds[i].target, b->cmds[i].target_len);
		for (j = 0; es[i] && j < i; j++)
			if (es[j] == es[i])
				es[i] = NULL;
		if (!es[i]) {
			ret = -ENOENT;
			ks_log_refused(b, i, ret);
		}
	}
	if (!ret) {
		ret = __ks_disengage(es, b->n, NULL);
		if (ret)
			ks_log_refused(b, -1, ret);
	}
	mutex_unlock(&ks_mutex);
	kvfree(es);
	return ret;
}

static bool ks_enabling(enum ks_verb verb)
{
	return verb == KS_VERB_ENGAGE || verb == KS_VERB_TRYENGAGE ||
	       verb == KS_VERB_OBSERVE;
}

static int ks_apply(const struct ks_batch *b)
{
	const struct ks_cmd *cmds = b->cmds;
	int i, ret;

	for (i = 1; i < b->n; i++) {
		if (ks_enabling(cmds[i].verb) != ks_enabling(cmds[0].verb) ||
		    cmds[i].verb == KS_VERB_DISENGAGE_ALL ||
		    cmds[0].verb == KS_VERB_DISENGAGE_ALL) {
			ks_log_refused(b, i, -EINVAL);
			return -EINVAL;
		}
	}
	if (ks_enabling(cmds[0].verb))
		return ks_apply_enable(b);
	if (cmds[0].verb == KS_VERB_DISENGAGE)
		return ks_apply_disengage(b);
	ret = ks_release_all(NULL);
	if (ret)
		ks_log_refused(b, 0, ret);
	return ret;
}

/* Line of the command that ends just before @pos (1-based). */
static unsigned int ks_line_before(const char *buf, const char *pos)
{
	unsigned int line = 1;
	const char *p;

	for (p = buf; p < pos - 1; p++)
		line += *p == '\n';
	return line;
}

/*
 * Parse every line first, so that a malformed line anywhere applies
 * nothing.  Returns the number of commands (0: blank) or -EINVAL with the
 * offending line in @bad_line.
 */
static int ks_parse_batch(char *buf, size_t len, struct ks_batch *b,
			  int *bad_line)
{
	const char *pos = buf, *end = buf + len;
	struct ks_cmd cmd;
	int n = 0, ret;

	while ((ret = ks_parse_next(&pos, end, &cmd)) > 0)
		if (++n > KS_BATCH_MAX)
			break;
	if (ret < 0 || n > KS_BATCH_MAX) {
		/* On error the parser leaves @pos at the offending line. */
		*bad_line = ks_line_before(buf, pos + 1);
		return -EINVAL;
	}
	if (!n)
		return 0;

	b->cmds = kvmalloc_array(n, sizeof(*b->cmds), GFP_KERNEL);
	b->lines = kvmalloc_array(n, sizeof(*b->lines), GFP_KERNEL);
	if (!b->cmds || !b->lines)
		return -ENOMEM;
	pos = buf;
	for (b->n = 0; b->n < n; b->n++) {
		struct ks_cmd *cmd = &b->cmds[b->n];

		ks_parse_next(&pos, end, cmd);
		ks_fold_module(buf + (cmd->target - buf), cmd->module_len);
		b->lines[b->n] = ks_line_before(buf, pos);
	}
	return n;
}

static ssize_t ks_control_write(struct file *file, const char __user *ubuf,
				size_t count, loff_t *ppos)
{
	struct ks_batch b = {};
	char who[KS_WHO_LEN];
	int n, line = 0;
	char *buf;

	if (!capable(CAP_SYS_ADMIN)) {
		pr_notice("refused write error=%pe %s\n", ERR_PTR(-EPERM),
			  ks_who(who));
		return -EPERM;
	}
	if (*ppos || count > KS_WRITE_MAX) {
		n = *ppos ? -EINVAL : -E2BIG;
		pr_notice("refused write of %zu bytes at offset %lld error=%pe %s\n",
			  count, *ppos, ERR_PTR(n), ks_who(who));
		ks_set_error(0, NULL, 0, n);
		return n;
	}

	buf = memdup_user_nul(ubuf, count);
	if (IS_ERR(buf))
		return PTR_ERR(buf);
	n = ks_parse_batch(buf, count, &b, &line);
	if (n == -EINVAL) {
		pr_notice("refused malformed command (line %d of a %zu-byte write) error=%pe %s\n",
			  line, count, ERR_PTR(n), ks_who(who));
		ks_set_error(line, NULL, 0, n);
	} else if (n > 0) {
		n = ks_apply(&b);
	}
	kvfree(b.lines);
	kvfree(b.cmds);
	kfree(buf);
	return n < 0 ? n : count;
}

const struct file_operations ks_control_fops = {
	.owner = THIS_MODULE,
	.write = ks_control_write,
	.llseek = noop_llseek,
};
