// SPDX-License-Identifier: GPL-2.0
/*
 * Test-only target for killswitch: functions with known results and a
 * file that calls them, so tests and benchmarks need no real subsystem.
 *
 *	/proc/ks_target		read: "value=<ks_target_value()>"
 *				write N: call it N times; the next read
 *				also reports "calls=N ns_per_call=<t>"
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kernel.h>
#include <linux/ktime.h>
#include <linux/module.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/uaccess.h>

static u64 ks_target_calls;
static u64 ks_target_ns;
static int ks_target_result = 42;
static long ks_target_sink;

/*
 * noinline keeps a real call and an ftrace site; reading a variable keeps
 * the compiler from treating the result as a constant and dropping calls.
 */
static noinline int ks_target_value(void)
{
	return READ_ONCE(ks_target_result);
}

static int ks_target_show(struct seq_file *m, void *v)
{
	seq_printf(m, "value=%d\n", ks_target_value());
	if (ks_target_calls)
		seq_printf(m, "calls=%llu ns_per_call=%llu\n", ks_target_calls,
			   div64_u64(ks_target_ns, ks_target_calls));
	return 0;
}

static int ks_target_open(struct inode *inode, struct file *file)
{
	return single_open(file, ks_target_show, NULL);
}

static ssize_t ks_target_write(struct file *file, const char __user *ubuf,
			       size_t count, loff_t *ppos)
{
	u64 i, n, start;
	long sum = 0;
	int ret;

	ret = kstrtou64_from_user(ubuf, count, 10, &n);
	if (ret)
		return ret;
	start = ktime_get_ns();
	for (i = 0; i < n; i++) {
		sum += ks_target_value();
		cond_resched();
	}
	ks_target_ns = ktime_get_ns() - start;
	WRITE_ONCE(ks_target_sink, sum);
	ks_target_calls = n;
	return count;
}

static const struct proc_ops ks_target_ops = {
	.proc_open = ks_target_open,
	.proc_read = seq_read,
	.proc_lseek = seq_lseek,
	.proc_release = single_release,
	.proc_write = ks_target_write,
};

static int __init ks_target_init(void)
{
	if (!proc_create("ks_target", 0600, NULL, &ks_target_ops))
		return -ENOMEM;
	return 0;
}

static void __exit ks_target_exit(void)
{
	remove_proc_entry("ks_target", NULL);
}

module_init(ks_target_init);
module_exit(ks_target_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Test-only target functions for killswitch");
