// SPDX-License-Identifier: GPL-2.0
/*
 * The engagement table and the code that runs on every engaged call.
 *
 * One ftrace_ops with IPMODIFY serves every engagement.  Its filter holds
 * the call sites of all armed and observing functions, and its handler
 * looks the site up in an RCU hash table.  On a hit it loads the return
 * value into %rax and points the saved %rip at ks_return_stub, a bare
 * "ret": when the ftrace trampoline resumes, the stub returns straight to
 * the caller and no instruction of the body runs.
 *
 * Publishing or withdrawing a batch of sites is one filter update, one
 * text-patching pass, whatever the size of the batch.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/ftrace.h>
#include <linux/hashtable.h>
#include <linux/module.h>
#include <linux/percpu.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "ks.h"

/* Writers of the table: control writes, notifiers, the trial work, init/exit. */
DEFINE_MUTEX(ks_mutex);
LIST_HEAD(ks_engagements);

static DEFINE_HASHTABLE(ks_hash, 8);
static atomic64_t ks_next_id;

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

/*
 * Never called.  Its site stays in the filter for the module's lifetime,
 * so the ops is registered once at load: an ops with an empty filter would
 * trace every function, and registering and unregistering it per
 * engagement would cost an RCU-tasks grace period each time.
 */
static noinline __used void ks_anchor(void)
{
	barrier();
}

/*
 * The registers ftrace saved at the call site.  Both kernels keep a
 * pt_regs there on x86; 6.12 made struct ftrace_regs opaque and reaches it
 * through arch_ftrace_regs().  Without FTRACE_OPS_FL_SAVE_REGS only the
 * argument registers, %rax, %rip and the stack pointer are valid, and the
 * trampoline restores %rax and honours a changed %rip: all we need.
 */
#ifdef arch_ftrace_regs
#define ks_fregs(fregs) (&arch_ftrace_regs(fregs)->regs)
#else
#define ks_fregs(fregs) (&(fregs)->regs)
#endif

static __always_inline struct ks_engagement *__ks_lookup_ip(unsigned long ip)
{
	struct ks_engagement *e;

	hash_for_each_possible_rcu_notrace(ks_hash, e, hnode, ip)
		if (e->ip == ip)
			return e;
	return NULL;
}

struct ks_engagement *ks_lookup_ip(unsigned long ip)
{
	return __ks_lookup_ip(ip);
}

/*
 * Runs at the entry of every engaged function, on any CPU and in any
 * context.  It calls nothing on the path of a repeated caller, so it needs
 * no recursion guard there; disabled preemption is the read side of the
 * grace period that ks_unresolve() waits for.  Recording a new caller does
 * call into the kernel (the stack unwinder), so that part runs under
 * ftrace's recursion lock.
 */
static void notrace ks_ftrace_handler(unsigned long ip, unsigned long parent_ip,
				      struct ftrace_ops *op,
				      struct ftrace_regs *fregs)
{
	struct pt_regs *regs = ks_fregs(fregs);
	struct ks_engagement *e;
	int bit;

	preempt_disable_notrace();
	e = __ks_lookup_ip(ip);
	if (!e)
		goto out;
	this_cpu_inc(*e->hits);
	if (unlikely(!ks_callers_seen(e->callers, parent_ip))) {
		bit = ftrace_test_recursion_trylock(ip, parent_ip);
		if (bit >= 0) {
			ks_callers_record(e->callers, parent_ip);
			ftrace_test_recursion_unlock(bit);
		}
	}
	if (READ_ONCE(e->observe))
		goto out;
	regs->ax = (unsigned long)READ_ONCE(e->retval);
	regs->ip = (unsigned long)ks_return_stub;
out:
	preempt_enable_notrace();
}

/*
 * No SAVE_REGS: the lighter trampoline is enough (see ks_fregs()).
 * PERMANENT: while the module is loaded, "sysctl kernel.ftrace_enabled=0"
 * fails instead of silently lifting every engagement.
 */
static struct ftrace_ops ks_ops = {
	.func = ks_ftrace_handler,
	.flags = FTRACE_OPS_FL_IPMODIFY | FTRACE_OPS_FL_PERMANENT,
};

int ks_table_init(void)
{
	int ret;

	ret = ftrace_set_filter_ip(&ks_ops, (unsigned long)ks_anchor, 0, 0);
	if (!ret)
		ret = register_ftrace_function(&ks_ops);
	if (ret)
		ftrace_free_filter(&ks_ops);
	return ret;
}

/* After every engagement was released. */
void ks_table_exit(void)
{
	unregister_ftrace_function(&ks_ops);
	ftrace_free_filter(&ks_ops);
	/* Outstanding ks_free_rcu() callbacks run our code. */
	rcu_barrier();
}

/**
 * __ks_publish() - make resolved engagements live
 * @es: engagements whose kprobe is registered and @ip set
 * @n:  their number
 *
 * Each entry is in the hash before its site is patched, so the first call
 * through the new site already finds it.
 *
 * Context: ks_mutex held.
 * Return: 0, or ftrace's errno (e.g. -EBUSY: another IPMODIFY user) with
 * nothing published.
 */
int __ks_publish(struct ks_engagement **es, int n)
{
	unsigned long *ips;
	int i, ret;

	lockdep_assert_held(&ks_mutex);
	ips = kmalloc_array(n, sizeof(*ips), GFP_KERNEL);
	if (!ips)
		return -ENOMEM;
	for (i = 0; i < n; i++) {
		hash_add_rcu(ks_hash, &es[i]->hnode, es[i]->ip);
		ips[i] = es[i]->ip;
	}
	ret = ftrace_set_filter_ips(&ks_ops, ips, n, 0, 0);
	if (ret)
		for (i = 0; i < n; i++)
			hash_del_rcu(&es[i]->hnode);
	kfree(ips);
	return ret;
}

/*
 * ftrace refuses a removal batch (-EINVAL) when one of its sites no longer
 * exists, which must not make everything else impossible to release.
 * Remove one by one; a site ftrace does not know any more cannot be called
 * and counts as withdrawn.
 */
static int __ks_unpublish_each(struct ks_engagement **es, int n)
{
	int i, ret;

	for (i = 0; i < n; i++) {
		ret = ftrace_set_filter_ip(&ks_ops, es[i]->ip, 1, 0);
		if (ret == -EINVAL)
			pr_warn("%s: its call site is gone, counted as withdrawn\n",
				es[i]->name);
		else if (ret)
			return ret;
	}
	return 0;
}

/**
 * __ks_unpublish() - take engagements off their call sites
 * @es: published engagements
 * @n:  their number
 *
 * A CPU may still be inside the handler with one of them; callers wait for
 * a grace period (ks_unresolve()) before reusing or freeing an entry.
 *
 * Context: ks_mutex held.
 * Return: 0, or ftrace's errno with nothing changed.
 */
int __ks_unpublish(struct ks_engagement **es, int n)
{
	unsigned long *ips;
	int i, ret;

	lockdep_assert_held(&ks_mutex);
	if (!n)
		return 0;
	ips = kmalloc_array(n, sizeof(*ips), GFP_KERNEL);
	if (!ips)
		return -ENOMEM;
	for (i = 0; i < n; i++)
		ips[i] = es[i]->ip;
	ret = ftrace_set_filter_ips(&ks_ops, ips, n, 1, 0);
	if (ret == -EINVAL)
		ret = __ks_unpublish_each(es, n);
	if (!ret)
		for (i = 0; i < n; i++)
			hash_del_rcu(&es[i]->hnode);
	kfree(ips);
	return ret;
}

u64 ks_hits(const struct ks_engagement *e)
{
	u64 sum = 0;
	int cpu;

	for_each_possible_cpu(cpu)
		sum += *per_cpu_ptr(e->hits, cpu);
	return sum;
}

const char *ks_state_name(enum ks_state state)
{
	switch (state) {
	case KS_PENDING:
		return "pending";
	case KS_ARMED:
		return "armed";
	case KS_OBSERVING:
		return "observing";
	case KS_FAILED:
		return "failed";
	case KS_OBSERVED:
		return "observed";
	}
	return "?";
}

/* "sym" also finds "mod:sym", so either form disengages. */
static bool ks_name_matches(const struct ks_engagement *e, const char *target,
			    size_t len)
{
	if (strlen(e->name) == len && !memcmp(e->name, target, len))
		return true;
	return e->sym != e->name && !memchr(target, ':', len) &&
	       strlen(e->sym) == len && !memcmp(e->sym, target, len);
}

struct ks_engagement *ks_find(const char *target, size_t len)
{
	struct ks_engagement *e;

	lockdep_assert_held(&ks_mutex);
	list_for_each_entry(e, &ks_engagements, node)
		if (ks_name_matches(e, target, len))
			return e;
	return NULL;
}

struct ks_engagement *ks_find_id(u64 id)
{
	struct ks_engagement *e;

	lockdep_assert_held(&ks_mutex);
	list_for_each_entry(e, &ks_engagements, node)
		if (e->id == id)
			return e;
	return NULL;
}

/* A new, unpublished engagement of @target ("[module:]symbol"). */
struct ks_engagement *ks_new(const char *target, long long retval)
{
	size_t len = strlen(target);
	struct ks_engagement *e;
	const char *colon;

	e = kzalloc(struct_size(e, name, len + 1), GFP_KERNEL);
	if (!e)
		return NULL;
	e->hits = alloc_percpu(u64);
	e->callers = ks_callers_new();
	if (!e->hits || !e->callers) {
		ks_free(e);
		return NULL;
	}
	memcpy(e->name, target, len + 1);
	colon = strchr(e->name, ':');
	e->sym = colon ? colon + 1 : e->name;
	if (colon)
		memcpy(e->module, e->name, colon - e->name);
	e->retval = retval;
	e->state = KS_PENDING;
	e->id = atomic64_inc_return(&ks_next_id);
	return e;
}

/* Frees at once: only for entries the handler never reached. */
void ks_free(struct ks_engagement *e)
{
	free_percpu(e->hits);
	kfree(e->callers);
	kfree(e);
}

static void ks_free_rcu(struct rcu_head *rcu)
{
	ks_free(container_of(rcu, struct ks_engagement, rcu));
}

/* Frees after a grace period: for entries that were ever published. */
void ks_retire(struct ks_engagement *e)
{
	call_rcu(&e->rcu, ks_free_rcu);
}
