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
 *	/proc/ks_target_tally	write "N": call ks_target_value() N times and
 *				count what each call returned; read: the
 *				counts of this open file (ks_tally_show()),
 *				without calling anything
 *
 * The tally is for stress tests: each caller thread keeps its own open
 * file, so the counts need no sharing between CPUs, and reading them
 * makes no call that an engagement's hit counter would count.
 *
 * With lock_down=integrity or lock_down=confidentiality the module raises
 * the kernel's lockdown to that level the next time killswitch.ko loads,
 * between the loader's signature check and killswitch's init.  An
 * unsigned killswitch.ko cannot load into a locked-down kernel at all;
 * this shows what a signed one would meet there (its engage= parameter).
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
#include <linux/mutex.h>
#include <linux/notifier.h>
#include <linux/objtool.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/umh.h>

#include "ks_target.h"

static bool kprobe_twin;
module_param(kprobe_twin, bool, 0400);
MODULE_PARM_DESC(kprobe_twin, "override ks_target_twin() with a kprobe");

static char *lock_down;
module_param(lock_down, charp, 0400);
MODULE_PARM_DESC(lock_down,
		 "integrity|confidentiality: lock the kernel down when killswitch next loads, before its init");

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

/*
 * What the calls of one open /proc/ks_target_tally returned: how many
 * gave the real result, and a count per other value.  Values in
 * [-KS_TALLY_SPAN, KS_TALLY_SPAN) are counted directly, which keeps a
 * tight loop's cost per call constant; any other value counts as @outside
 * and the last of them is kept, so a stray value is never lost silently.
 */
#define KS_TALLY_SPAN 2048

struct ks_tally {
	struct mutex lock;	/* writes and reads of one open file */
	u64 calls;
	u64 real;
	u64 outside;
	int last_outside;
	u64 seen[2 * KS_TALLY_SPAN];
};

static void ks_tally_loop(struct ks_tally *t, u64 n)
{
	int real = READ_ONCE(ks_target_result);
	u64 i;

	for (i = 0; i < n; i++) {
		int v = ks_target_value();

		if (v == real) {
			t->real++;
		} else if (v >= -KS_TALLY_SPAN && v < KS_TALLY_SPAN) {
			t->seen[v + KS_TALLY_SPAN]++;
		} else {
			t->outside++;
			t->last_outside = v;
		}
		if (!(i & 1023))
			cond_resched();
	}
	t->calls += n;
}

/*
 * "calls=<n> real=<n> outside=<n> last_outside=<v>", then one
 * "value=<v> calls=<n>" line per other value seen.
 */
static int ks_tally_show(struct seq_file *m, void *v)
{
	struct ks_tally *t = m->private;
	int i;

	mutex_lock(&t->lock);
	seq_printf(m, "calls=%llu real=%llu outside=%llu last_outside=%d\n",
		   t->calls, t->real, t->outside, t->last_outside);
	for (i = 0; i < 2 * KS_TALLY_SPAN; i++)
		if (t->seen[i])
			seq_printf(m, "value=%d calls=%llu\n",
				   i - KS_TALLY_SPAN, t->seen[i]);
	mutex_unlock(&t->lock);
	return 0;
}

static int ks_tally_open(struct inode *inode, struct file *file)
{
	struct ks_tally *t = kvzalloc(sizeof(*t), GFP_KERNEL);
	int ret;

	if (!t)
		return -ENOMEM;
	mutex_init(&t->lock);
	ret = single_open(file, ks_tally_show, t);
	if (ret)
		kvfree(t);
	return ret;
}

static int ks_tally_release(struct inode *inode, struct file *file)
{
	kvfree(((struct seq_file *)file->private_data)->private);
	return single_release(inode, file);
}

static ssize_t ks_tally_write(struct file *file, const char __user *ubuf,
			      size_t count, loff_t *ppos)
{
	struct ks_tally *t = ((struct seq_file *)file->private_data)->private;
	char buf[24];
	u64 n;

	if (count >= sizeof(buf))
		return -EINVAL;
	if (copy_from_user(buf, ubuf, count))
		return -EFAULT;
	buf[count] = '\0';
	if (kstrtou64(strim(buf), 10, &n))
		return -EINVAL;
	mutex_lock(&t->lock);
	ks_tally_loop(t, n);
	mutex_unlock(&t->lock);
	return count;
}

static const struct proc_ops ks_tally_ops = {
	.proc_open = ks_tally_open,
	.proc_read = seq_read,
	.proc_lseek = seq_lseek,
	.proc_release = ks_tally_release,
	.proc_write = ks_tally_write,
};

/*
 * lock_down=: raise the level when killswitch is COMING, which is after
 * the loader checked its signature and before its init runs.  There is
 * no kernel interface for raising it, so do what root would do, in a
 * helper process, and wait for it.
 */
static int ks_target_module_notify(struct notifier_block *nb,
				   unsigned long state, void *data)
{
	struct module *mod = data;
	char cmd[80];
	char *argv[4];
	int ret;

	if (state != MODULE_STATE_COMING || strcmp(mod->name, "killswitch"))
		return NOTIFY_DONE;
	snprintf(cmd, sizeof(cmd), "echo %s >/sys/kernel/security/lockdown",
		 lock_down);
	argv[0] = "/bin/sh";
	argv[1] = "-c";
	argv[2] = cmd;
	argv[3] = NULL;
	/* No environment: echo is a builtin and the path is absolute. */
	ret = call_usermodehelper(argv[0], argv, NULL, UMH_WAIT_PROC);
	pr_notice("lock_down: %s before killswitch's init: %s (%d)\n",
		  lock_down, ret ? "failed" : "raised", ret);
	return NOTIFY_DONE;
}

static struct notifier_block ks_target_module_nb = {
	.notifier_call = ks_target_module_notify,
};

static int __init ks_target_init(void)
{
	int ret;

	if (lock_down && strcmp(lock_down, "integrity") &&
	    strcmp(lock_down, "confidentiality"))
		return -EINVAL;
	if (kprobe_twin) {
		ret = register_kprobe(&ks_target_kp);
		if (ret)
			return ret;
	}
	ret = -ENOMEM;
	if (!proc_create("ks_target", 0600, NULL, &ks_target_ops))
		goto out_kprobe;
	if (!proc_create("ks_target_tally", 0600, NULL, &ks_tally_ops))
		goto out_proc;
	if (lock_down) {
		ret = register_module_notifier(&ks_target_module_nb);
		if (ret)
			goto out_tally;
	}
	return 0;

out_tally:
	remove_proc_entry("ks_target_tally", NULL);
out_proc:
	remove_proc_entry("ks_target", NULL);
out_kprobe:
	if (kprobe_twin)
		unregister_kprobe(&ks_target_kp);
	return ret;
}

static void __exit ks_target_exit(void)
{
	if (lock_down)
		unregister_module_notifier(&ks_target_module_nb);
	remove_proc_entry("ks_target_tally", NULL);
	remove_proc_entry("ks_target", NULL);
	if (kprobe_twin)
		unregister_kprobe(&ks_target_kp);
}

module_init(ks_target_init);
module_exit(ks_target_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Test-only target functions for killswitch");
