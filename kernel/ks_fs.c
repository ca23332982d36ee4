// SPDX-License-Identifier: GPL-2.0
/*
 * The securityfs interface:
 *
 *	/sys/kernel/security/killswitch/
 *	|-- control	0200	commands (grammar in ks_parse.c)
 *	|-- engaged	0400	"<target> retval=<v> hits=<n>" per engagement
 *	`-- taint	0444	"1" once TAINT_KILLSWITCH is set, else "0"
 *
 * securityfs_remove() on a directory leaves its children behind on the
 * kernels we support, so every dentry is kept and removed one by one.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/capability.h>
#include <linux/fs.h>
#include <linux/security.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include "ks.h"

static struct dentry *ks_dir;
static struct dentry *ks_files[3];

static int ks_do_engage(const struct ks_cmd *cmd)
{
	struct ks_request req = { .retval = cmd->retval };
	char who[KS_WHO_LEN];
	char *target;
	int failed, ret;

	target = kstrndup(cmd->target, cmd->target_len, GFP_KERNEL);
	if (!target)
		return -ENOMEM;
	req.target = target;

	ret = ks_check_lockdown();
	if (!ret)
		ret = ks_engage_batch(&req, 1, &failed);
	if (ret)
		pr_notice("refused engage %s retval=%lld error=%pe %s\n",
			  target, cmd->retval, ERR_PTR(ret), ks_who(who));
	else
		pr_notice("engage %s retval=%lld %s\n",
			  target, cmd->retval, ks_who(who));
	kfree(target);
	return ret;
}

static int ks_do_disengage(const struct ks_cmd *cmd)
{
	struct ks_engagement *e;
	char who[KS_WHO_LEN];
	long long retval = 0;
	char *name = NULL;
	u64 hits = 0;
	int ret;

	mutex_lock(&ks_mutex);
	e = ks_find(cmd->target, cmd->target_len);
	if (!e) {
		ret = -ENOENT;
	} else {
		retval = e->retval;
		hits = ks_hits(e);
		name = kstrdup(e->name, GFP_KERNEL);
		ret = __ks_disengage_batch(&e, 1);
	}
	mutex_unlock(&ks_mutex);

	if (ret)
		pr_notice("refused disengage %.*s error=%pe %s\n",
			  (int)cmd->target_len, cmd->target, ERR_PTR(ret),
			  ks_who(who));
	else
		pr_notice("disengage %s retval=%lld hits=%llu %s\n",
			  name ? name : "?", retval, hits, ks_who(who));
	kfree(name);
	return ret;
}

/**
 * ks_release_all() - disengage everything, logging each release
 * @why: NULL when a user asked (disengage_all), else the reason logged
 *
 * Return: 0 or the errno of the failed ftrace update (nothing released).
 */
int ks_release_all(const char *why)
{
	struct ks_engagement **es;
	char who[KS_WHO_LEN];
	int i, n, ret;

	mutex_lock(&ks_mutex);
	es = __ks_snapshot(&n);
	if (!es) {
		ret = -ENOMEM;
		goto out;
	}
	for (i = 0; i < n; i++) {
		if (why)
			pr_notice("released %s retval=%lld hits=%llu: %s\n",
				  es[i]->name, es[i]->retval, ks_hits(es[i]),
				  why);
		else
			pr_notice("disengage %s retval=%lld hits=%llu %s\n",
				  es[i]->name, es[i]->retval, ks_hits(es[i]),
				  ks_who(who));
	}
	ret = __ks_disengage_batch(es, n);
	kfree(es);
out:
	mutex_unlock(&ks_mutex);
	if (ret)
		pr_err("disengage_all failed, nothing released: %pe\n",
		       ERR_PTR(ret));
	return ret;
}

static int ks_dispatch(const struct ks_cmd *cmd)
{
	switch (cmd->verb) {
	case KS_VERB_ENGAGE:
		return ks_do_engage(cmd);
	case KS_VERB_DISENGAGE:
		return ks_do_disengage(cmd);
	case KS_VERB_DISENGAGE_ALL:
		return ks_release_all(NULL);
	}
	return -EINVAL;
}

/* Returns 1 with @cmd set, 0 for a blank write, or -EINVAL. */
static int ks_parse_write(const char *buf, size_t len, struct ks_cmd *cmd)
{
	const char *pos = buf, *end = buf + len;
	struct ks_cmd extra;
	int ret;

	ret = ks_parse_next(&pos, end, cmd);
	if (ret <= 0)
		return ret;
	/* One command per write: anything after it must be blank. */
	if (ks_parse_next(&pos, end, &extra) != 0)
		return -EINVAL;
	return 1;
}

static ssize_t ks_control_write(struct file *file, const char __user *ubuf,
				size_t count, loff_t *ppos)
{
	char who[KS_WHO_LEN];
	struct ks_cmd cmd;
	char *buf;
	int ret;

	if (!capable(CAP_SYS_ADMIN)) {
		pr_notice("refused write error=%pe %s\n",
			  ERR_PTR(-EPERM), ks_who(who));
		return -EPERM;
	}
	if (*ppos) {
		ret = -EINVAL;
		goto refused;
	}
	if (count > KS_WRITE_MAX) {
		ret = -E2BIG;
		goto refused;
	}

	buf = memdup_user_nul(ubuf, count);
	if (IS_ERR(buf))
		return PTR_ERR(buf);
	ret = ks_parse_write(buf, count, &cmd);
	if (ret > 0)
		ret = ks_dispatch(&cmd);
	else if (ret < 0)
		pr_notice("refused malformed command (%zu bytes) error=%pe %s\n",
			  count, ERR_PTR(ret), ks_who(who));
	kfree(buf);
	return ret < 0 ? ret : count;

refused:
	pr_notice("refused write of %zu bytes at offset %lld error=%pe %s\n",
		  count, *ppos, ERR_PTR(ret), ks_who(who));
	return ret;
}

static const struct file_operations ks_control_fops = {
	.owner = THIS_MODULE,
	.write = ks_control_write,
	.llseek = noop_llseek,
};

static int ks_engaged_show(struct seq_file *m, void *v)
{
	struct ks_engagement *e;

	mutex_lock(&ks_mutex);
	list_for_each_entry(e, &ks_engagements, node)
		seq_printf(m, "%s retval=%lld hits=%llu\n",
			   e->name, READ_ONCE(e->retval), ks_hits(e));
	mutex_unlock(&ks_mutex);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(ks_engaged);

static int ks_taint_show(struct seq_file *m, void *v)
{
	seq_printf(m, "%d\n", ks_tainted());
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(ks_taint);

void ks_fs_exit(void)
{
	int i;

	for (i = ARRAY_SIZE(ks_files) - 1; i >= 0; i--) {
		securityfs_remove(ks_files[i]);
		ks_files[i] = NULL;
	}
	securityfs_remove(ks_dir);
	ks_dir = NULL;
}

int ks_fs_init(void)
{
	static const struct {
		const char *name;
		umode_t mode;
		const struct file_operations *fops;
	} files[] = {
		{ "control", 0200, &ks_control_fops },
		{ "engaged", 0400, &ks_engaged_fops },
		{ "taint",   0444, &ks_taint_fops },
	};
	int i;

	ks_dir = securityfs_create_dir(KBUILD_MODNAME, NULL);
	if (IS_ERR(ks_dir))
		return PTR_ERR(ks_dir);

	for (i = 0; i < ARRAY_SIZE(files); i++) {
		ks_files[i] = securityfs_create_file(files[i].name,
						     files[i].mode, ks_dir,
						     NULL, files[i].fops);
		if (IS_ERR(ks_files[i])) {
			int ret = PTR_ERR(ks_files[i]);

			ks_files[i] = NULL;
			ks_fs_exit();
			return ret;
		}
	}
	return 0;
}
