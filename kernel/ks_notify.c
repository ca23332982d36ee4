// SPDX-License-Identifier: GPL-2.0
/*
 * Reactions to the rest of the kernel: a module with engaged functions
 * going away, and oopses and panics, whose log must say that the kernel
 * was not running its source.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kdebug.h>
#include <linux/module.h>
#include <linux/notifier.h>
#include <linux/panic_notifier.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "ks.h"

/*
 * Names engaged since load, space separated, appended under ks_mutex and
 * read locklessly by the oops and panic notifiers.  The length is
 * published after the bytes it covers.  A fixed buffer, because a crash
 * is no time to walk lists or allocate; overflow is reported as "...".
 */
static char ks_history[4096];
static size_t ks_history_len;
static bool ks_history_truncated;
static bool ks_history_incomplete;

void ks_history_mark_incomplete(void)
{
	ks_history_incomplete = true;
}

void ks_history_add(const char *name)
{
	size_t len = strlen(name), have = ks_history_len;
	const char *p = ks_history;

	lockdep_assert_held(&ks_mutex);
	while ((p = strnstr(p, name, have - (p - ks_history)))) {
		if ((p == ks_history || p[-1] == ' ') &&
		    (p[len] == ' ' || p + len == ks_history + have))
			return;
		p += len;
	}
	if (have + len + 1 >= sizeof(ks_history)) {
		ks_history_truncated = true;
		return;
	}
	if (have)
		ks_history[have++] = ' ';
	memcpy(ks_history + have, name, len);
	/* Pairs with ks_history_print(): the bytes land before the length. */
	smp_store_release(&ks_history_len, have + len);
}

static void ks_history_print(void)
{
	/* Pairs with ks_history_add(): no byte is read before its length. */
	size_t len = smp_load_acquire(&ks_history_len);

	if (!len && !ks_history_incomplete)
		return;
	pr_emerg("engaged since boot: %.*s%s%s\n", (int)len, ks_history,
		 ks_history_truncated ? " ..." : "",
		 ks_history_incomplete ? " (and earlier ones before this load)" : "");
}

static int ks_die_notify(struct notifier_block *nb, unsigned long val,
			 void *data)
{
	if (val == DIE_OOPS)
		ks_history_print();
	return NOTIFY_DONE;
}

static int ks_panic_notify(struct notifier_block *nb, unsigned long val,
			   void *data)
{
	ks_history_print();
	return NOTIFY_DONE;
}

/*
 * The module's text is about to be freed: its call sites must leave the
 * ftrace filter now, or a module loaded later at the same address would
 * inherit the override.
 */
static void ks_module_going(struct module *mod)
{
	struct ks_engagement **es;
	int i, n, k = 0, ret;

	mutex_lock(&ks_mutex);
	es = __ks_snapshot(&n);
	if (!es) {
		pr_err("module %s is going away with engagements that could not be released: %pe\n",
		       mod->name, ERR_PTR(-ENOMEM));
		goto out;
	}
	for (i = 0; i < n; i++) {
		if (!within_module(es[i]->ip, mod))
			continue;
		pr_notice("released %s retval=%lld hits=%llu: module %s is going away\n",
			  es[i]->name, es[i]->retval, ks_hits(es[i]),
			  mod->name);
		es[k++] = es[i];
	}
	ret = __ks_disengage_batch(es, k);
	if (ret)
		pr_err("module %s is going away with engagements that could not be released: %pe\n",
		       mod->name, ERR_PTR(ret));
	kfree(es);
out:
	mutex_unlock(&ks_mutex);
}

static int ks_module_notify(struct notifier_block *nb, unsigned long state,
			    void *data)
{
	if (state == MODULE_STATE_GOING)
		ks_module_going(data);
	return NOTIFY_DONE;
}

static struct notifier_block ks_die_nb = { .notifier_call = ks_die_notify };
static struct notifier_block ks_panic_nb = { .notifier_call = ks_panic_notify };
static struct notifier_block ks_module_nb = { .notifier_call = ks_module_notify };

int ks_notify_init(void)
{
	int ret;

	ret = register_module_notifier(&ks_module_nb);
	if (ret)
		return ret;
	ret = register_die_notifier(&ks_die_nb);
	if (ret) {
		unregister_module_notifier(&ks_module_nb);
		return ret;
	}
	atomic_notifier_chain_register(&panic_notifier_list, &ks_panic_nb);
	return 0;
}

void ks_notify_exit(void)
{
	atomic_notifier_chain_unregister(&panic_notifier_list, &ks_panic_nb);
	unregister_die_notifier(&ks_die_nb);
	unregister_module_notifier(&ks_module_nb);
}
