// SPDX-License-Identifier: GPL-2.0
/*
 * The securityfs tree:
 *
 *	/sys/kernel/security/killswitch/
 *	|-- control		0200	commands (grammar in ks_parse.c)
 *	|-- engaged		0400	one line per engagement
 *	|-- last_error		0400	which line of the last failed write failed
 *	|-- taint		0444	"1" once TAINT_KILLSWITCH is set
 *	`-- fn/
 *	    `-- <target>/		one per engagement, named as written
 *	        |-- retval	0600	read, or write to change it live
 *	        |-- hits	0400
 *	        |-- state	0400	armed, pending, observing or failed
 *	        `-- callers	0400	the last distinct callers
 *
 * securityfs_remove() on a directory leaves its children behind on the
 * kernels we support, so every dentry is kept and removed one by one.
 * A per-function file may be open after its engagement is gone: it holds
 * the engagement's id, not a pointer, and finds nothing then.
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
static struct dentry *ks_fn_dir;
static struct dentry *ks_files[4];

static int ks_engaged_show(struct seq_file *m, void *v)
{
	struct ks_engagement *e;

	mutex_lock(&ks_mutex);
	list_for_each_entry(e, &ks_engagements, node)
		seq_printf(m, "%s retval=%lld hits=%llu state=%s\n", e->name,
			   READ_ONCE(e->retval), ks_hits(e),
			   ks_state_name(e->state));
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

enum ks_fn_file { KS_FN_RETVAL, KS_FN_HITS, KS_FN_STATE, KS_FN_CALLERS };

/* Show one per-function file; the kind is in the seq_file's private. */
static int ks_fn_show(struct seq_file *m, void *v)
{
	struct inode *inode = m->file->f_inode;
	enum ks_fn_file kind = (uintptr_t)m->private;
	struct ks_engagement *e;
	int ret = 0;

	mutex_lock(&ks_mutex);
	e = ks_find_id((uintptr_t)inode->i_private);
	if (!e)
		ret = -ENOENT;
	else if (kind == KS_FN_RETVAL)
		seq_printf(m, "%lld\n", READ_ONCE(e->retval));
	else if (kind == KS_FN_HITS)
		seq_printf(m, "%llu\n", ks_hits(e));
	else if (kind == KS_FN_STATE)
		seq_printf(m, "%s\n", ks_state_name(e->state));
	else
		ks_callers_show(m, e->callers);
	mutex_unlock(&ks_mutex);
	return ret;
}

#define KS_FN_OPEN(kind)						\
static int ks_fn_open_##kind(struct inode *inode, struct file *file)	\
{									\
	return single_open(file, ks_fn_show, (void *)KS_FN_##kind);	\
}

KS_FN_OPEN(RETVAL)
KS_FN_OPEN(HITS)
KS_FN_OPEN(STATE)
KS_FN_OPEN(CALLERS)

/* The value a retval write asks for: 0, 1 for a blank write, or -errno. */
static int ks_fn_retval_parse(const char __user *ubuf, size_t count,
			      loff_t pos, long long *val)
{
	char buf[32], *s;

	if (!capable(CAP_SYS_ADMIN))
		return -EPERM;
	if (pos || count >= sizeof(buf))
		return -EINVAL;
	if (copy_from_user(buf, ubuf, count))
		return -EFAULT;
	if (memchr(buf, '\0', count))
		return -EINVAL;
	buf[count] = '\0';
	s = strim(buf);
	if (!*s)
		return 1;	/* as on control: the newline may come alone */
	if (ks_parse_retval(s, strlen(s), val))
		return -EINVAL;
	return ks_check_lockdown();
}

/*
 * Writing the retval file changes the value live, under the rules of
 * control; a refusal is logged as there.
 */
static ssize_t ks_fn_retval_write(struct file *file, const char __user *ubuf,
				  size_t count, loff_t *ppos)
{
	struct ks_engagement *e;
	char who[KS_WHO_LEN];
	long long old, val = 0;
	int ret;

	ret = ks_fn_retval_parse(ubuf, count, *ppos, &val);
	if (ret == 1)
		return count;

	mutex_lock(&ks_mutex);
	e = ks_find_id((uintptr_t)file_inode(file)->i_private);
	if (!ret && !e)
		ret = -ENOENT;
	if (ret) {
		pr_notice("refused retval %s error=%pe %s\n",
			  e ? e->name : "(disengaged)", ERR_PTR(ret), ks_who(who));
	} else {
		old = e->retval;
		WRITE_ONCE(e->retval, val);
		pr_notice("retval %s %lld -> %lld %s\n", e->name, old, val,
			  ks_who(who));
	}
	mutex_unlock(&ks_mutex);
	return ret ? ret : count;
}

static const struct file_operations ks_fn_fops[] = {
	[KS_FN_RETVAL] = {
		.owner = THIS_MODULE, .open = ks_fn_open_RETVAL,
		.read = seq_read, .llseek = seq_lseek,
		.release = single_release, .write = ks_fn_retval_write,
	},
	[KS_FN_HITS] = {
		.owner = THIS_MODULE, .open = ks_fn_open_HITS,
		.read = seq_read, .llseek = seq_lseek,
		.release = single_release,
	},
	[KS_FN_STATE] = {
		.owner = THIS_MODULE, .open = ks_fn_open_STATE,
		.read = seq_read, .llseek = seq_lseek,
		.release = single_release,
	},
	[KS_FN_CALLERS] = {
		.owner = THIS_MODULE, .open = ks_fn_open_CALLERS,
		.read = seq_read, .llseek = seq_lseek,
		.release = single_release,
	},
};

static const struct { const char *name; umode_t mode; } ks_fn_files[] = {
	[KS_FN_RETVAL] = { "retval", 0600 },
	[KS_FN_HITS] = { "hits", 0400 },
	[KS_FN_STATE] = { "state", 0400 },
	[KS_FN_CALLERS] = { "callers", 0400 },
};

/* A missing file is logged; the engagement itself stands. */
void __ks_fs_add(struct ks_engagement *e)
{
	void *id = (void *)(uintptr_t)e->id;
	struct dentry *d;
	int i;

	lockdep_assert_held(&ks_mutex);
	if (!ks_fn_dir)
		return;	/* engage= at load runs before the tree exists */
	d = securityfs_create_dir(e->name, ks_fn_dir);
	if (IS_ERR(d))
		goto fail;
	e->dir = d;
	for (i = 0; i < ARRAY_SIZE(ks_fn_files); i++) {
		d = securityfs_create_file(ks_fn_files[i].name,
					   ks_fn_files[i].mode, e->dir, id,
					   &ks_fn_fops[i]);
		if (IS_ERR(d))
			goto fail;
		e->files[i] = d;
	}
	return;
fail:
	pr_err("fn/%s: cannot create its files: %pe\n", e->name, d);
	__ks_fs_remove(e);
}

/*
 * securityfs_remove() unlinks, but a dentry that an open file still holds
 * stays hashed: its directory then counts as not empty and is kept, and
 * the next engagement of the name finds it (-EEXIST).  Unhash each one as
 * the VFS does after an unlink; the open file finds no engagement.
 */
static void ks_fs_unlink(struct dentry *d)
{
	if (!d)
		return;
	dget(d);
	securityfs_remove(d);
	d_drop(d);
	dput(d);
}

void __ks_fs_remove(struct ks_engagement *e)
{
	int i;

	for (i = ARRAY_SIZE(e->files) - 1; i >= 0; i--) {
		ks_fs_unlink(e->files[i]);
		e->files[i] = NULL;
	}
	ks_fs_unlink(e->dir);
	e->dir = NULL;
}

void ks_fs_exit(void)
{
	struct ks_engagement *e;
	int i;

	mutex_lock(&ks_mutex);
	list_for_each_entry(e, &ks_engagements, node)
		__ks_fs_remove(e);
	securityfs_remove(ks_fn_dir);
	ks_fn_dir = NULL;
	mutex_unlock(&ks_mutex);

	for (i = ARRAY_SIZE(ks_files) - 1; i >= 0; i--) {
		securityfs_remove(ks_files[i]);
		ks_files[i] = NULL;
	}
	securityfs_remove(ks_dir);
	ks_dir = NULL;
}

/* Also gives the engagements made by engage= at load their files. */
int ks_fs_init(void)
{
	static const struct {
		const char *name;
		umode_t mode;
		const struct file_operations *fops;
	} files[] = {
		{ "control", 0200, &ks_control_fops },
		{ "engaged", 0400, &ks_engaged_fops },
		{ "last_error", 0400, &ks_last_error_fops },
		{ "taint", 0444, &ks_taint_fops },
	};
	struct ks_engagement *e;
	struct dentry *d;
	int i;

	ks_dir = securityfs_create_dir(KBUILD_MODNAME, NULL);
	if (IS_ERR(ks_dir)) {
		d = ks_dir;
		ks_dir = NULL;
		return PTR_ERR(d);
	}
	for (i = 0; i < ARRAY_SIZE(files); i++) {
		d = securityfs_create_file(files[i].name, files[i].mode,
					   ks_dir, NULL, files[i].fops);
		if (IS_ERR(d))
			goto fail;
		ks_files[i] = d;
	}
	d = securityfs_create_dir("fn", ks_dir);
	if (IS_ERR(d))
		goto fail;

	mutex_lock(&ks_mutex);
	ks_fn_dir = d;
	list_for_each_entry(e, &ks_engagements, node)
		__ks_fs_add(e);
	mutex_unlock(&ks_mutex);
	return 0;
fail:
	ks_fs_exit();
	return PTR_ERR(d);
}
