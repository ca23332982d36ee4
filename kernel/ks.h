/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Private interface between the parts of killswitch.ko:
 *
 *	ks_main.c	module init/exit, the engage= parameter, taint
 *	ks_table.c	engagement table, ftrace handler, batch (dis)engage
 *	ks_fs.c		securityfs files and the control-file dispatcher
 *	ks_notify.c	module unload, oops and panic notifiers, history
 *	ks_parse.c	the control grammar (also built in user space)
 */
#ifndef KS_H
#define KS_H

#include <linux/kprobes.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/types.h>

#include "ks_parse.h"

/*
 * One engaged function.  The handler finds it by @ip under RCU; everything
 * else reaches it through the list under ks_mutex.
 */
struct ks_engagement {
	struct hlist_node hnode;
	struct list_head node;
	struct rcu_head rcu;
	unsigned long ip;	/* ftrace call site, the handler's key */
	long long retval;	/* read by the handler with READ_ONCE */
	u64 __percpu *hits;
	struct kprobe kp;	/* disabled; resolves the name, vets the site */
	char name[];		/* the target as written: [module:]symbol */
};

/* One engage request of a batch, and its result. */
struct ks_request {
	const char *target;
	long long retval;
	struct ks_engagement *e;	/* filled in by ks_engage_batch() */
};

/* Serialises every change of the table and of the history. */
extern struct mutex ks_mutex;
extern struct list_head ks_engagements;

int ks_engage_batch(struct ks_request *reqs, int n, int *failed);
int __ks_disengage_batch(struct ks_engagement **es, int n);
struct ks_engagement **__ks_snapshot(int *n);
struct ks_engagement *ks_find(const char *target, size_t len);
u64 ks_hits(const struct ks_engagement *e);
void ks_table_exit(void);

int ks_fs_init(void);
void ks_fs_exit(void);

int ks_notify_init(void);
void ks_notify_exit(void);
void ks_history_add(const char *name);
void ks_history_mark_incomplete(void);

int ks_release_all(const char *why);

int ks_check_lockdown(void);
void ks_taint(void);
bool ks_tainted(void);

/*
 * Who asked: appended to every log line about a change of state, so the
 * log answers "who disabled this" without audit rules.
 */
#define KS_WHO_LEN 96
const char *ks_who(char *buf);

/* Where an overridden call resumes (asm in ks_table.c). */
void ks_return_stub(void);

#endif /* KS_H */
