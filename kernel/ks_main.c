// SPDX-License-Identifier: GPL-2.0
/*
 * killswitch: make chosen kernel functions return a fixed value without
 * running their body, as a stop-gap against a vulnerability that has no
 * patched kernel yet.
 *
 * This file holds the module's lifetime, the engage= parameter and the
 * taint.  See ks.h for the map of the other files.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/audit.h>
#include <linux/cred.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/panic.h>
#include <linux/security.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "ks.h"

/* The upstream TAINT_KILLSWITCH bit, 'H'. */
#define KS_TAINT_BIT 20

static char *ks_param_engage;
module_param_named(engage, ks_param_engage, charp, 0);
MODULE_PARM_DESC(engage,
		 "functions to engage at load: fn=val[,fn=val...], val a number or errno name");

/*
 * Bit 20 is free on the kernels this module targets; a kernel that gave
 * it a meaning of its own would be mislabelled, so there we do not taint.
 */
#if TAINT_FLAGS_COUNT <= KS_TAINT_BIT
#define KS_CAN_TAINT 1
#else
#define KS_CAN_TAINT 0
#endif

void ks_taint(void)
{
	if (!KS_CAN_TAINT || test_taint(KS_TAINT_BIT))
		return;
	pr_notice("tainting kernel with TAINT_KILLSWITCH (bit 20, 'H')\n");
	add_taint(KS_TAINT_BIT, LOCKDEP_STILL_OK);
}

bool ks_tainted(void)
{
	return KS_CAN_TAINT && test_taint(KS_TAINT_BIT);
}

/*
 * Lockdown has no reason code of its own for us.  Overriding kernel
 * functions rewrites the running kernel, which is what the integrity level
 * exists to stop, so ask with an integrity-level reason: then both the
 * integrity and the confidentiality levels refuse.
 */
int ks_check_lockdown(void)
{
	return security_locked_down(LOCKDOWN_DBG_WRITE_KERNEL);
}

const char *ks_who(char *buf)
{
	snprintf(buf, KS_WHO_LEN, "uid=%u auid=%u ses=%u comm=%s",
		 from_kuid(&init_user_ns, current_uid()),
		 from_kuid(&init_user_ns, audit_get_loginuid(current)),
		 audit_get_sessionid(current), current->comm);
	return buf;
}

/* Engage one "target=retval" entry; retval may be an errno name. */
static void ks_param_one(char *entry)
{
	char *eq = strchr(entry, '=');
	struct ks_request req = { .window = -1 };
	char who[KS_WHO_LEN];
	size_t module_len;
	int failed, ret;

	if (!eq || ks_parse_target(entry, eq - entry, &module_len) ||
	    (ks_parse_retval(eq + 1, strlen(eq + 1), &req.retval) &&
	     ks_parse_errno(eq + 1, strlen(eq + 1), &req.retval))) {
		pr_warn("param: skipped '%s': malformed, expected fn=retval\n",
			entry);
		return;
	}
	*eq = '\0';
	ks_fold_module(entry, module_len);
	req.target = entry;

	ret = ks_check_lockdown();
	if (!ret)
		ret = ks_engage(&req, 1, &failed);
	if (ret)
		pr_warn("param: skipped '%s=%lld': %pe\n", entry, req.retval,
			ERR_PTR(ret));
	else
		pr_notice("engage %s retval=%lld state=%s %s source=param\n",
			  entry, req.retval, ks_state_name(req.e->state),
			  ks_who(who));
}

/* Bad entries are logged and skipped; the good ones still apply. */
static void ks_param_apply(void)
{
	char *copy, *pos, *entry;

	if (!ks_param_engage || !*ks_param_engage)
		return;
	copy = kstrdup(ks_param_engage, GFP_KERNEL);
	if (!copy) {
		pr_err("param: not applied: %pe\n", ERR_PTR(-ENOMEM));
		return;
	}
	pos = copy;
	while ((entry = strsep(&pos, ",")))
		if (*strim(entry))
			ks_param_one(strim(entry));
	kfree(copy);
}

static int __init ks_init(void)
{
	int ret;

	if (!KS_CAN_TAINT)
		pr_warn("taint bit 20 has another meaning on this kernel: engagements will not taint\n");
	if (ks_tainted())
		ks_history_mark_incomplete();

	ret = ks_table_init();
	if (ret) {
		pr_err("cannot register with ftrace: %pe\n", ERR_PTR(ret));
		return ret;
	}
	ret = ks_notify_init();
	if (ret)
		goto out_table;

	ks_param_apply();

	ret = ks_fs_init();
	if (ret) {
		pr_err("cannot create securityfs files: %pe\n", ERR_PTR(ret));
		goto out_release;
	}
	pr_info("ready\n");
	return 0;

out_release:
	ks_engage_exit();
	ks_release_all("module failed to load");
	ks_notify_exit();
out_table:
	ks_table_exit();
	ks_resolve_exit();
	return ret;
}

/* No new command can arrive once the files are gone; then release all. */
static void __exit ks_exit(void)
{
	ks_fs_exit();
	ks_engage_exit();
	ks_release_all("module unloading");
	ks_notify_exit();
	ks_table_exit();
	ks_resolve_exit();
	pr_info("unloaded\n");
}

module_init(ks_init);
module_exit(ks_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Disable chosen kernel functions at run time");
MODULE_AUTHOR("killswitch developers");
