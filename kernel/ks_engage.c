// SPDX-License-Identifier: GPL-2.0
/*
 * The life of an engagement:
 *
 *	engage ----> armed <-----------------+
 *	   |           |  module unloads     | module loads again
 *	   |           +----> pending -------+
 *	   | module not loaded   ^   |
 *	   +---------------------+   +----> failed (loaded without the symbol;
 *	                                     retried at every load)
 *	tryengage --> observing --(no calls in the window)--> armed
 *	                  +-------(calls seen)--------------> released
 *	observe ----> observing --(window over)--> observed (withdrawn from
 *	                                           the call site; hits and
 *	                                           callers stay readable)
 *
 * Every transition happens under ks_mutex and is logged.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/jiffies.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/workqueue.h>

#include "ks.h"

static void ks_trial_fn(struct work_struct *work);
static DECLARE_DELAYED_WORK(ks_trial_work, ks_trial_fn);

static bool ks_live(const struct ks_engagement *e)
{
	return e->state == KS_ARMED || e->state == KS_OBSERVING;
}

/* Arm the trial work for the earliest open window; ks_mutex held. */
static void __ks_trial_schedule(void)
{
	unsigned long now = jiffies, first = 0;
	struct ks_engagement *e;
	bool any = false;

	list_for_each_entry(e, &ks_engagements, node) {
		if (e->state != KS_OBSERVING)
			continue;
		if (!any || time_before(e->deadline, first))
			first = e->deadline;
		any = true;
	}
	if (any)
		mod_delayed_work(system_wq, &ks_trial_work,
				 time_after(first, now) ? first - now : 0);
}

/*
 * Two engagements name the same function if their names are equal or if
 * both know their module (a plain name learns it when it resolves into
 * one) and module and symbol agree.
 */
static bool ks_same_target(const struct ks_engagement *a,
			   const struct ks_engagement *b)
{
	if (!strcmp(a->name, b->name))
		return true;
	return a->module[0] && !strcmp(a->module, b->module) &&
	       !strcmp(a->sym, b->sym);
}

/* Is @es[i]'s target taken by the table or an earlier batch member? */
static bool ks_taken(struct ks_engagement **es, int i)
{
	struct ks_engagement *e;
	int j;

	if (ks_find(es[i]->name, strlen(es[i]->name)))
		return true;
	list_for_each_entry(e, &ks_engagements, node)
		if (ks_same_target(e, es[i]))
			return true;
	for (j = 0; j < i; j++)
		if (ks_same_target(es[j], es[i]))
			return true;
	return false;
}

static bool ks_ip_in(struct ks_engagement **es, int n, unsigned long ip)
{
	int i;

	for (i = 0; i < n; i++)
		if (es[i]->ip == ip)
			return true;
	return false;
}

/* Resolve the loaded ones among @es; returns how many went into @live. */
static int __ks_resolve_batch(struct ks_engagement **es, int n,
			      struct ks_engagement **live, int *failed)
{
	int i, nlive = 0, ret = 0;

	for (i = 0; i < n && !ret; i++) {
		struct ks_engagement *e = es[i];

		*failed = i;
		if (ks_taken(es, i)) {
			ret = -EBUSY;
		} else if (e->module[0] && !ks_module_loaded(e->module)) {
			continue;	/* stays pending */
		} else {
			ret = ks_resolve(e, NULL);
			if (!ret && ks_ip_in(live, nlive, e->ip)) {
				ks_unresolve(&e, 1);
				ret = -EBUSY;
			}
		}
		if (!ret)
			live[nlive++] = e;
	}
	if (ret) {
		ks_unresolve(live, nlive);
		return ret;
	}
	return nlive;
}

/**
 * ks_engage() - engage (or start observing) a batch, all or nothing
 * @reqs:   the requests; on success each ->e is set
 * @n:      their number
 * @failed: index of the failing request, or -1 when the batch as a whole
 *          failed (ftrace refused the filter, out of memory)
 *
 * Targets in a module that is not loaded become pending.
 *
 * Context: takes ks_mutex.
 * Return: 0 or an errno, with nothing changed.
 */
int ks_engage(struct ks_request *reqs, int n, int *failed)
{
	struct ks_engagement **es, **live;
	int i, nlive = 0, ret = 0;
	bool trial = false;

	*failed = -1;
	es = kcalloc(n, sizeof(*es), GFP_KERNEL);
	live = kcalloc(n, sizeof(*live), GFP_KERNEL);
	for (i = 0; es && live && i < n; i++) {
		es[i] = ks_new(reqs[i].target, reqs[i].retval);
		if (!es[i])
			break;
		es[i]->window = reqs[i].window < 0 ? 0 : reqs[i].window;
		WRITE_ONCE(es[i]->observe, reqs[i].window >= 0);
		es[i]->observe_only = reqs[i].observe_only;
	}
	if (!es || !live || i < n) {
		ret = -ENOMEM;
		goto out_free;
	}

	mutex_lock(&ks_mutex);
	nlive = __ks_resolve_batch(es, n, live, failed);
	if (nlive < 0) {
		ret = nlive;
		goto out_unlock;
	}
	*failed = -1;
	if (nlive) {
		ret = __ks_publish(live, nlive);
		if (ret) {
			ks_unresolve(live, nlive);
			goto out_unlock;
		}
	}

	for (i = 0; i < n; i++) {
		struct ks_engagement *e = es[i];

		if (e->observe) {
			e->deadline = jiffies + e->window * HZ;
			trial = true;
		}
		if (e->ip)
			e->state = e->observe ? KS_OBSERVING : KS_ARMED;
		if (e->state == KS_ARMED)
			ks_taint();
		list_add_tail(&e->node, &ks_engagements);
		ks_history_add(e->name);
		__ks_fs_add(e);
		reqs[i].e = e;
		es[i] = NULL;
	}
	if (trial)
		__ks_trial_schedule();
out_unlock:
	mutex_unlock(&ks_mutex);
out_free:
	for (i = 0; es && i < n; i++)
		if (es[i])
			ks_free(es[i]);
	kfree(live);
	kfree(es);
	return ret;
}

static void ks_log_release(struct ks_engagement *e, const char *why)
{
	char who[KS_WHO_LEN];

	if (why)
		pr_notice("released %s retval=%lld hits=%llu: %s\n", e->name,
			  e->retval, ks_hits(e), why);
	else
		pr_notice("disengage %s retval=%lld hits=%llu %s\n", e->name,
			  e->retval, ks_hits(e), ks_who(who));
}

/**
 * __ks_disengage() - release engagements, logging each
 * @es:  engagements of the table, in any state
 * @n:   their number
 * @why: NULL when the writer of the control file asked (the log line then
 *       says who), else the reason to log
 *
 * Live sites are withdrawn in one ftrace update and one grace period.
 *
 * Context: ks_mutex held.
 * Return: 0, or the errno of the ftrace update with nothing changed.
 */
int __ks_disengage(struct ks_engagement **es, int n, const char *why)
{
	struct ks_engagement **live;
	int i, nlive = 0, ret;

	lockdep_assert_held(&ks_mutex);
	live = kmalloc_array(n ? n : 1, sizeof(*live), GFP_KERNEL);
	if (!live)
		return -ENOMEM;
	for (i = 0; i < n; i++)
		if (ks_live(es[i]))
			live[nlive++] = es[i];
	ret = __ks_unpublish(live, nlive);
	if (ret)
		goto out;
	ks_unresolve(live, nlive);

	for (i = 0; i < n; i++) {
		ks_log_release(es[i], why);
		list_del(&es[i]->node);
		__ks_fs_remove(es[i]);
		ks_retire(es[i]);
	}
out:
	kfree(live);
	return ret;
}

/* Every engagement, for disengage_all and unload; ks_mutex held. */
struct ks_engagement **__ks_snapshot(int *n)
{
	struct ks_engagement **es, *e;
	int i = 0;

	lockdep_assert_held(&ks_mutex);
	list_for_each_entry(e, &ks_engagements, node)
		i++;
	es = kmalloc_array(i ? i : 1, sizeof(*es), GFP_KERNEL);
	if (!es)
		return NULL;
	*n = i;
	i = 0;
	list_for_each_entry(e, &ks_engagements, node)
		es[i++] = e;
	return es;
}

/**
 * ks_release_all() - disengage everything in one batch
 * @why: as for __ks_disengage()
 *
 * Return: 0, or the errno of the failure with nothing released.
 */
int ks_release_all(const char *why)
{
	struct ks_engagement **es;
	int n, ret = -ENOMEM;

	mutex_lock(&ks_mutex);
	es = __ks_snapshot(&n);
	if (es)
		ret = __ks_disengage(es, n, why);
	mutex_unlock(&ks_mutex);
	kfree(es);
	if (ret)
		pr_err("could not release engagements (%s): %pe\n",
		       why ? why : "disengage_all", ERR_PTR(ret));
	return ret;
}

/* End of an observe window: off the call site, results kept. */
static void __ks_observe_end(struct ks_engagement *e)
{
	int ret = __ks_unpublish(&e, 1);

	if (ret) {
		pr_err("observe %s: could not withdraw, still observing: %pe\n",
		       e->name, ERR_PTR(ret));
		e->deadline = jiffies + HZ;
		return;
	}
	ks_unresolve(&e, 1);
	e->ip = 0;
	e->state = KS_OBSERVED;
	pr_notice("observe %s ended: %llu calls in %us\n", e->name, ks_hits(e),
		  e->window);
}

/* Windows that ended: commit the quiet ones, release the others. */
static void ks_trial_fn(struct work_struct *work)
{
	struct ks_engagement *e, *tmp;
	unsigned long now = jiffies;

	mutex_lock(&ks_mutex);
	list_for_each_entry_safe(e, tmp, &ks_engagements, node) {
		u64 calls;

		if (e->state != KS_OBSERVING || time_before(now, e->deadline))
			continue;
		if (e->observe_only) {
			__ks_observe_end(e);
			continue;
		}
		calls = ks_hits(e);
		if (!calls) {
			WRITE_ONCE(e->observe, false);
			e->state = KS_ARMED;
			ks_taint();
			pr_notice("tryengage %s committed: no calls in %us\n",
				  e->name, e->window);
			continue;
		}
		pr_notice("tryengage %s aborted: %llu calls in %us\n",
			  e->name, calls, e->window);
		if (__ks_disengage(&e, 1, "tryengage window saw calls"))
			pr_err("tryengage %s: could not release, still observing\n",
			       e->name);
	}
	__ks_trial_schedule();
	mutex_unlock(&ks_mutex);
}

/**
 * ks_module_coming() - arm what waits for @mod
 * @mod: a module in MODULE_STATE_COMING: symbols exist, init has not run
 */
void ks_module_coming(struct module *mod)
{
	struct ks_engagement **live, *e;
	int i, n = 0, ret;

	mutex_lock(&ks_mutex);
	__ks_loading_add(mod);
	live = __ks_snapshot(&n);
	if (!live) {
		pr_err("module %s: pending engagements not armed: %pe\n",
		       mod->name, ERR_PTR(-ENOMEM));
		goto out;
	}
	n = 0;
	list_for_each_entry(e, &ks_engagements, node) {
		if ((e->state != KS_PENDING && e->state != KS_FAILED) ||
		    strcmp(e->module, mod->name))
			continue;
		ret = ks_resolve(e, mod);
		if (!ret && ks_ip_in(live, n, e->ip)) {
			/* Two pending names for one function: the first wins. */
			ks_unresolve(&e, 1);
			ret = -EBUSY;
		}
		if (ret) {
			e->state = KS_FAILED;
			pr_warn("failed %s: module %s loaded without a usable %s: %pe\n",
				e->name, mod->name, e->sym, ERR_PTR(ret));
			continue;
		}
		live[n++] = e;
	}
	ret = n ? __ks_publish(live, n) : 0;
	if (ret) {
		ks_unresolve(live, n);
		pr_err("module %s: %d pending engagements failed to arm: %pe\n",
		       mod->name, n, ERR_PTR(ret));
	}
	for (i = 0; i < n; i++) {
		e = live[i];
		if (ret) {
			e->state = KS_FAILED;
			continue;
		}
		if (e->observe) {
			/* A window asked for before the load starts now. */
			e->state = KS_OBSERVING;
			e->deadline = jiffies + e->window * HZ;
			pr_notice("observing %s for %us: module %s loaded\n",
				  e->name, e->window, mod->name);
			continue;
		}
		e->state = KS_ARMED;
		ks_taint();
		pr_notice("armed %s retval=%lld: module %s loaded\n", e->name,
			  e->retval, mod->name);
	}
	__ks_trial_schedule();
out:
	mutex_unlock(&ks_mutex);
	kfree(live);
}

/**
 * ks_module_going() - take @mod's sites out before its text is freed
 * @mod: a module in MODULE_STATE_GOING
 *
 * Armed engagements go back to pending; a module loaded later at the same
 * address must not inherit an override.  Open tryengage windows end.
 */
void ks_module_going(struct module *mod)
{
	struct ks_engagement **live, *e;
	int i, k = 0, n = 0, ret;

	mutex_lock(&ks_mutex);
	__ks_loading_del(mod);
	live = __ks_snapshot(&n);
	if (!live) {
		ret = -ENOMEM;
		goto fail;
	}
	n = 0;
	list_for_each_entry(e, &ks_engagements, node)
		if (ks_live(e) && within_module(e->ip, mod))
			live[n++] = e;
	ret = __ks_unpublish(live, n);
	if (ret)
		goto fail;
	ks_unresolve(live, n);

	for (i = 0; i < n; i++) {
		e = live[i];
		e->ip = 0;
		strscpy(e->module, mod->name, sizeof(e->module));
		if (e->state == KS_OBSERVING) {
			/* Not live any more: released below, not withdrawn. */
			e->state = KS_PENDING;
			live[k++] = e;
			continue;
		}
		e->state = KS_PENDING;
		pr_notice("pending %s retval=%lld hits=%llu: module %s unloaded, re-armed when it loads\n",
			  e->name, e->retval, ks_hits(e), mod->name);
	}
	if (k)
		__ks_disengage(live, k, "module unloaded during the observation window");
	goto out;
fail:
	pr_err("module %s unloads with engagements that could not be withdrawn: %pe\n",
	       mod->name, ERR_PTR(ret));
out:
	mutex_unlock(&ks_mutex);
	kfree(live);
}

/**
 * ks_module_live() - @mod's init has run and its init text is to be freed
 * @mod: a module in MODULE_STATE_LIVE
 *
 * An engaged init function (engaging one with an error is a way to keep a
 * module from loading; with 0 the module goes live uninitialised) must
 * leave its site now, before ftrace forgets the init text.  It goes back
 * to pending for the next load.
 */
void ks_module_live(struct module *mod)
{
	struct ks_engagement **live, *e;
	int i, n = 0;

	mutex_lock(&ks_mutex);
	__ks_loading_del(mod);
	live = __ks_snapshot(&n);
	if (!live)
		goto out;
	n = 0;
	list_for_each_entry(e, &ks_engagements, node)
		if (ks_live(e) && within_module_init(e->ip, mod))
			live[n++] = e;
	if (n && __ks_unpublish(live, n)) {
		pr_err("module %s: engaged init code could not be withdrawn\n",
		       mod->name);
		goto out;
	}
	ks_unresolve(live, n);
	for (i = 0; i < n; i++) {
		live[i]->ip = 0;
		live[i]->state = KS_PENDING;
		pr_notice("pending %s retval=%lld hits=%llu: init of module %s has run, re-armed at its next load\n",
			  live[i]->name, live[i]->retval, ks_hits(live[i]),
			  mod->name);
	}
out:
	mutex_unlock(&ks_mutex);
	kfree(live);
}

void ks_engage_exit(void)
{
	cancel_delayed_work_sync(&ks_trial_work);
}
