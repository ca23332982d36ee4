// SPDX-License-Identifier: GPL-2.0
/*
 * Reactions to the rest of the kernel: modules loading and unloading
 * (handled in ks_engage.c), and oopses and panics, whose log must say
 * that the kernel was not running its source.
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

static int ks_module_notify(struct notifier_block *nb, unsigned long state,
			    void *data)
{
	if (state == MODULE_STATE_COMING)
		ks_module_coming(data);
	else if (state == MODULE_STATE_LIVE)
		ks_module_live(data);
	else if (state == MODULE_STATE_GOING)
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
