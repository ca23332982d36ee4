// SPDX-License-Identifier: GPL-2.0
/*
 * The engagement table and the code that runs on every engaged call.
 *
 * Mechanism: one ftrace_ops with IPMODIFY serves every engagement.  Its
 * filter holds the call sites of all engaged functions, and its handler
 * looks the site up in an RCU hash table.  On a hit it loads the return
 * value into %rax and points the saved %rip at ks_return_stub, a bare
 * "ret": when the ftrace trampoline resumes, the stub returns straight to
 * the caller and no instruction of the body runs.
 *
 * A batch of engagements changes the filter once (one text-patching pass)
 * and a batch of releases waits for one grace period, so the cost of a
 * batch does not grow with one synchronisation per function.
 *
 * Names are resolved by registering a disabled kprobe: kprobes does the
 * symbol lookup ("module:symbol" included), refuses blacklisted and
 * non-text addresses, and tells whether the address is an ftrace site.
 * The kprobe is never armed; it stays registered while the engagement
 * lives, so that releasing many of them costs one unregister_kprobes().
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/ftrace.h>
#include <linux/hashtable.h>
#include <linux/module.h>
#include <linux/percpu.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "ks.h"

/* Writers of the table: control writes, module notifier, init and exit. */
DEFINE_MUTEX(ks_mutex);
LIST_HEAD(ks_engagements);

static DEFINE_HASHTABLE(ks_hash, 8);
static bool ks_ops_live;
static int ks_count;

/*
 * Where an overridden call resumes.  The trampoline reaches it with a
 * return, never an indirect branch, so it needs no ENDBR; ASM_RET goes
 * through the return thunk where the kernel uses one.
 */
asm(".pushsection .text, \"ax\"\n"
	".type ks_return_stub, @function\n"
	".balign 16\n"
	"ks_return_stub:\n"
	ANNOTATE_NOENDBR
	ASM_RET
	".size ks_return_stub, .-ks_return_stub\n"
	".popsection\n");

static struct ks_engagement *ks_lookup_ip(unsigned long ip)
{
	struct ks_engagement *e;

	hash_for_each_possible_rcu_notrace(ks_hash, e, hnode, ip)
		if (e->ip == ip)
			return e;
	return NULL;
}

/*
 * Runs at the entry of every engaged function, on any CPU and in any
 * context, so it takes no lock and calls nothing traceable.  The recursion
 * lock also disables preemption, which is the read side of the grace
 * period that ks_disengage_batch() waits for.
 */
static void notrace ks_ftrace_handler(unsigned long ip, unsigned long parent_ip,
				      struct ftrace_ops *op,
				      struct ftrace_regs *fregs)
{
	struct pt_regs *regs = ftrace_get_regs(fregs);
	struct ks_engagement *e;
	int bit;

	bit = ftrace_test_recursion_trylock(ip, parent_ip);
	if (bit < 0)
		return;

	e = ks_lookup_ip(ip);
	if (e && regs) {
		this_cpu_inc(*e->hits);
		regs->ax = (unsigned long)READ_ONCE(e->retval);
		regs->ip = (unsigned long)ks_return_stub;
	}

	ftrace_test_recursion_unlock(bit);
}

/*
 * PERMANENT: with the ops registered, "sysctl kernel.ftrace_enabled=0"
 * fails instead of silently lifting every engagement.
 */
static struct ftrace_ops ks_ops = {
	.func = ks_ftrace_handler,
	.flags = FTRACE_OPS_FL_SAVE_REGS | FTRACE_OPS_FL_IPMODIFY |
		 FTRACE_OPS_FL_PERMANENT,
};

u64 ks_hits(const struct ks_engagement *e)
{
	u64 sum = 0;
	int cpu;

	for_each_possible_cpu(cpu)
		sum += *per_cpu_ptr(e->hits, cpu);
	return sum;
}

/* Matches "sym" against "mod:sym" as well, so either form disengages. */
static bool ks_name_matches(const char *name, const char *target, size_t len)
{
	const char *colon = strchr(name, ':');

	if (strlen(name) == len && !memcmp(name, target, len))
		return true;
	return colon && !memchr(target, ':', len) &&
	       strlen(colon + 1) == len && !memcmp(colon + 1, target, len);
}

struct ks_engagement *ks_find(const char *target, size_t len)
{
	struct ks_engagement *e;

	lockdep_assert_held(&ks_mutex);
	list_for_each_entry(e, &ks_engagements, node)
		if (ks_name_matches(e->name, target, len))
			return e;
	return NULL;
}

static void ks_free_rcu(struct rcu_head *rcu)
{
	struct ks_engagement *e = container_of(rcu, struct ks_engagement, rcu);

	free_percpu(e->hits);
	kfree(e);
}

static struct ks_engagement *ks_new(const char *target, long long retval)
{
	size_t len = strlen(target);
	struct ks_engagement *e;

	e = kzalloc(struct_size(e, name, len + 1), GFP_KERNEL);
	if (!e)
		return NULL;
	e->hits = alloc_percpu(u64);
	if (!e->hits) {
		kfree(e);
		return NULL;
	}
	memcpy(e->name, target, len + 1);
	e->retval = retval;
	e->kp.symbol_name = e->name;
	e->kp.flags = KPROBE_FLAG_DISABLED;
	return e;
}

/* Resolve and vet one target; on success its kprobe is registered. */
static int ks_resolve(struct ks_engagement *e)
{
	unsigned long addr;
	int ret;

	ret = register_kprobe(&e->kp);
	if (ret)
		return ret;

	addr = (unsigned long)e->kp.addr;
	if (within_module(addr, THIS_MODULE))
		ret = -EACCES;
	else if (!(e->kp.flags & KPROBE_FLAG_FTRACE))
		ret = -EOPNOTSUPP;	/* no ftrace site: notrace or not text */
	else if (ks_lookup_ip(addr))
		ret = -EBUSY;		/* the same site under another name */
	if (ret) {
		unregister_kprobe(&e->kp);
		return ret;
	}

	e->ip = addr;
	return 0;
}

/*
 * Take published or half-published engagements out of the handler's
 * reach and free them.  unregister_kprobes() waits for one grace period
 * for the whole array; the entries themselves go through call_rcu() so
 * their lifetime does not depend on that detail of kprobes.
 */
static void ks_release(struct ks_engagement **es, struct kprobe **kps, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		hash_del_rcu(&es[i]->hnode);
		kps[i] = &es[i]->kp;
	}
	if (n)
		unregister_kprobes(kps, n);
	for (i = 0; i < n; i++)
		call_rcu(&es[i]->rcu, ks_free_rcu);
}

static void ks_discard(struct ks_engagement *e)
{
	free_percpu(e->hits);
	kfree(e);
}

/* Point ftrace at @n more sites, registering the ops for the first one. */
static int ks_filter_add(unsigned long *ips, int n)
{
	int ret;

	ret = ftrace_set_filter_ips(&ks_ops, ips, n, 0, 0);
	if (ret || ks_ops_live)
		return ret;

	ret = register_ftrace_function(&ks_ops);
	if (ret) {
		/* An empty filter would trace everything: leave it reset. */
		ftrace_set_filter(&ks_ops, NULL, 0, 1);
		return ret;
	}
	ks_ops_live = true;
	return 0;
}

/**
 * ks_engage_batch() - engage several functions, all or none
 * @reqs:   targets and return values; on success each ->e is set
 * @n:      number of requests
 * @failed: index of the request that failed, -1 if the batch as a whole
 *          failed (ftrace refused the new filter)
 *
 * Context: takes ks_mutex.
 * Return: 0, or the errno of the failure with the table unchanged.
 */
int ks_engage_batch(struct ks_request *reqs, int n, int *failed)
{
	struct ks_engagement **es;
	unsigned long *ips;
	struct kprobe **kps;
	int i, ret = 0;

	ips = kmalloc_array(n, sizeof(*ips), GFP_KERNEL);
	es = kmalloc_array(n, sizeof(*es), GFP_KERNEL);
	kps = kmalloc_array(n, sizeof(*kps), GFP_KERNEL);
	if (!ips || !es || !kps) {
		ret = -ENOMEM;
		*failed = -1;
		goto out_free;
	}

	mutex_lock(&ks_mutex);
	for (i = 0; i < n; i++) {
		*failed = i;
		if (ks_find(reqs[i].target, strlen(reqs[i].target))) {
			ret = -EBUSY;
			break;
		}
		es[i] = ks_new(reqs[i].target, reqs[i].retval);
		if (!es[i]) {
			ret = -ENOMEM;
			break;
		}
		ret = ks_resolve(es[i]);
		if (ret) {
			ks_discard(es[i]);
			break;
		}
		/* Visible to the handler before its site is patched. */
		hash_add_rcu(ks_hash, &es[i]->hnode, es[i]->ip);
		ips[i] = es[i]->ip;
	}
	if (!ret) {
		*failed = -1;
		ret = ks_filter_add(ips, n);
	}
	if (ret) {
		ks_release(es, kps, i);
		goto out_unlock;
	}

	for (i = 0; i < n; i++) {
		reqs[i].e = es[i];
		list_add_tail(&es[i]->node, &ks_engagements);
		ks_history_add(es[i]->name);
	}
	ks_count += n;
	ks_taint();
out_unlock:
	mutex_unlock(&ks_mutex);
out_free:
	kfree(kps);
	kfree(es);
	kfree(ips);
	return ret;
}

/**
 * __ks_disengage_batch() - release several engagements at once
 * @es: the engagements, all in the table
 * @n:  their number
 *
 * The sites are unpatched in one ftrace update and the memory is freed
 * after one grace period.  The last engagement unregisters the ops, since
 * an ops with an empty filter would trace every function.
 *
 * Context: ks_mutex held.
 * Return: 0, or -ENOMEM / ftrace's errno with the table unchanged.
 */
int __ks_disengage_batch(struct ks_engagement **es, int n)
{
	unsigned long *ips;
	struct kprobe **kps;
	int i, ret = 0;

	lockdep_assert_held(&ks_mutex);
	if (!n)
		return 0;

	ips = kmalloc_array(n, sizeof(*ips), GFP_KERNEL);
	kps = kmalloc_array(n, sizeof(*kps), GFP_KERNEL);
	if (!ips || !kps) {
		ret = -ENOMEM;
		goto out;
	}
	for (i = 0; i < n; i++)
		ips[i] = es[i]->ip;

	if (n == ks_count) {
		ret = unregister_ftrace_function(&ks_ops);
		if (ret)
			goto out;
		ks_ops_live = false;
		ftrace_set_filter(&ks_ops, NULL, 0, 1);
	} else {
		ret = ftrace_set_filter_ips(&ks_ops, ips, n, 1, 0);
		if (ret)
			goto out;
	}

	for (i = 0; i < n; i++)
		list_del(&es[i]->node);
	ks_count -= n;
	ks_release(es, kps, n);
out:
	kfree(kps);
	kfree(ips);
	return ret;
}

/* Every engagement, for disengage_all and unload; ks_mutex held. */
struct ks_engagement **__ks_snapshot(int *n)
{
	struct ks_engagement **es, *e;
	int i = 0;

	lockdep_assert_held(&ks_mutex);
	es = kmalloc_array(ks_count ? ks_count : 1, sizeof(*es), GFP_KERNEL);
	if (!es)
		return NULL;
	list_for_each_entry(e, &ks_engagements, node)
		es[i++] = e;
	*n = i;
	return es;
}

/* Called at module exit, after the last ks_free_rcu() was queued. */
void ks_table_exit(void)
{
	rcu_barrier();
}
