// SPDX-License-Identifier: GPL-2.0
/*
 * Test-only target for killswitch: functions with known results and a
 * file that calls them, so tests and benchmarks need no real subsystem.
 *
 *	/proc/ks_target		read: "value=<ks_target_value()>"
 *				write "N" or "value N": call ks_target_value()
 *				N times; "twin N": the same for ks_target_twin();
 *				the next read adds "fn=<f> calls=N
 *				ns_per_call=<t>"
 *
 * With kprobe_twin=1 the module overrides ks_target_twin() the way a
 * kprobe-based tool would (kprobe on ftrace, pre-handler that sets the
 * return value and skips the body), as the benchmark's point of
 * reference.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kernel.h>
#include <linux/kprobes.h>
#include <linux/ktime.h>
#include <linux/module.h>
#include <linux/objtool.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include "ks_target.h"

static bool kprobe_twin;
module_param(kprobe_twin, bool, 0400);
MODULE_PARM_DESC(kprobe_twin, "override ks_target_twin() with a kprobe");

static const char *ks_target_fn;
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

static noinline int ks_target_twin(void)
{
	return READ_ONCE(ks_target_result);
}

/* The reference override resumes here, like the kernel's own. */
asm(".pushsection .text, \"ax\"\n"
	".type ks_target_ret, @function\n"
	"ks_target_ret:\n"
	ANNOTATE_NOENDBR
	ASM_RET
	".size ks_target_ret, .-ks_target_ret\n"
	".popsection\n");

static int ks_target_pre(struct kprobe *p, struct pt_regs *regs)
{
	regs->ax = (unsigned long)-1L;
	regs->ip = (unsigned long)ks_target_ret;
	return 1;
}

static struct kprobe ks_target_kp = {
	.symbol_name = "ks_target_twin",
	.pre_handler = ks_target_pre,
};

static int ks_target_show(struct seq_file *m, void *v)
{
	seq_printf(m, "value=%d twin=%d\n", ks_target_value(),
		   ks_target_twin());
	if (ks_target_calls)
		seq_printf(m, "fn=%s calls=%llu ns_per_call=%llu\n",
			   ks_target_fn, ks_target_calls,
			   div64_u64(ks_target_ns, ks_target_calls));
	return 0;
}

static int ks_target_open(struct inode *inode, struct file *file)
{
	return single_open(file, ks_target_show, NULL);
}

static void ks_target_loop(int (*fn)(void), u64 n)
{
	u64 i, start;
	long sum = 0;

	start = ktime_get_ns();
	for (i = 0; i < n; i++) {
		sum += fn();
		if (!(i & 1023))
			cond_resched();
	}
	ks_target_ns = ktime_get_ns() - start;
	WRITE_ONCE(ks_target_sink, sum);
	ks_target_calls = n;
}

static ssize_t ks_target_write(struct file *file, const char __user *ubuf,
			       size_t count, loff_t *ppos)
{
	int (*fn)(void) = ks_target_value;
	char buf[32], *arg;
	u64 n;

	if (count >= sizeof(buf))
		return -EINVAL;
	if (copy_from_user(buf, ubuf, count))
		return -EFAULT;
	buf[count] = '\0';
	arg = strim(buf);
	ks_target_fn = "value";
	if (!strncmp(arg, "value ", 6)) {
		arg += 6;
	} else if (!strncmp(arg, "twin ", 5)) {
		arg += 5;
		fn = ks_target_twin;
		ks_target_fn = "twin";
	}
	if (kstrtou64(arg, 10, &n))
		return -EINVAL;
	ks_target_loop(fn, n);
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
	int ret;

	if (kprobe_twin) {
		ret = register_kprobe(&ks_target_kp);
		if (ret)
			return ret;
	}
	if (!proc_create("ks_target", 0600, NULL, &ks_target_ops)) {
		if (kprobe_twin)
			unregister_kprobe(&ks_target_kp);
		return -ENOMEM;
	}
	return 0;
}

static void __exit ks_target_exit(void)
{
	remove_proc_entry("ks_target", NULL);
	if (kprobe_twin)
		unregister_kprobe(&ks_target_kp);
}

module_init(ks_target_init);
module_exit(ks_target_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Test-only target functions for killswitch");
