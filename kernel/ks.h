/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Private interface between the parts of killswitch.ko:
 *
 *	ks_main.c	module init/exit, the engage= parameter, taint, lockdown
 *	ks_table.c	the hash, the ftrace handler, publishing call sites
 *	ks_resolve.c	names to addresses, vetting a target
 *	ks_engage.c	engage, observe, disengage, module load/unload
 *	ks_callers.c	who calls an engaged function
 *	ks_control.c	the control file: batches, dispatch, log lines
 *	ks_fs.c		securityfs files
 *	ks_notify.c	module, oops and panic notifiers, history
 *	ks_parse.c	the control grammar (also built in user space)
 */
#ifndef KS_H
#define KS_H

#include <linux/kprobes.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/types.h>

#include "ks_parse.h"

enum ks_state {
	KS_PENDING,	/* module not loaded; armed when it loads */
	KS_ARMED,	/* calls return the value */
	KS_OBSERVING,	/* tryengage window: calls run and are counted */
	KS_FAILED,	/* the module loaded without the symbol */
	KS_OBSERVED,	/* observe window over: withdrawn, results kept */
};

#define KS_CALLERS	16
#define KS_STACK_DEPTH	6

struct ks_caller {
	unsigned long parent_ip;
	unsigned long stack[KS_STACK_DEPTH];
	unsigned int nr_stack;
	pid_t pid;
	uid_t uid;
	u64 calls;
	char comm[TASK_COMM_LEN];
};

/* The last KS_CALLERS distinct (pid, call site) pairs; see ks_callers.c. */
struct ks_callers {
	raw_spinlock_t lock;
	unsigned int next;
	unsigned int used;
	pid_t last_pid;
	unsigned long last_parent;
	struct ks_caller slot[KS_CALLERS];
};

/*
 * One engagement.  The handler finds armed and observing ones by @ip in
 * the hash under RCU; everything else reaches them through the list under
 * ks_mutex.  @id names the engagement in its securityfs files, which may
 * outlive it.
 */
struct ks_engagement {
	struct hlist_node hnode;
	struct list_head node;
	struct rcu_head rcu;
	u64 id;
	unsigned long ip;	/* ftrace call site while armed/observing */
	long long retval;	/* READ_ONCE in the handler */
	bool observe;		/* READ_ONCE in the handler */
	bool observe_only;	/* observe: never commits */
	enum ks_state state;
	unsigned long deadline;	/* jiffies; end of the tryengage window */
	unsigned int window;	/* seconds; tryengage only */
	u64 __percpu *hits;
	struct ks_callers *callers;
	struct kprobe kp;	/* vmlinux targets: disabled, vets the site */
	bool kprobed;		/* @kp is registered */
	struct dentry *dir;
	struct dentry *files[4];
	const char *sym;	/* the symbol part of @name */
	char module[KS_MODULE_MAX + 1];	/* "" while unknown or vmlinux */
	char name[];		/* the target as written: [module:]symbol */
};

/* One request of an enabling batch. */
struct ks_request {
	const char *target;	/* NUL-terminated */
	long long retval;
	int window;		/* tryengage/observe seconds, -1 for engage */
	bool observe_only;	/* observe */
	struct ks_engagement *e;	/* set on success */
};

/* Serialises every change of the table, the files and the history. */
extern struct mutex ks_mutex;
extern struct list_head ks_engagements;

/* ks_table.c */
int ks_table_init(void);
void ks_table_exit(void);
struct ks_engagement *ks_new(const char *target, long long retval);
void ks_free(struct ks_engagement *e);
void ks_retire(struct ks_engagement *e);
struct ks_engagement *ks_lookup_ip(unsigned long ip);
struct ks_engagement *ks_find(const char *target, size_t len);
struct ks_engagement *ks_find_id(u64 id);
int __ks_publish(struct ks_engagement **es, int n);
int __ks_unpublish(struct ks_engagement **es, int n);
u64 ks_hits(const struct ks_engagement *e);
const char *ks_state_name(enum ks_state state);

/* ks_resolve.c */
bool ks_module_loaded(const char *name);
void __ks_loading_add(struct module *mod);
void __ks_loading_del(struct module *mod);
int ks_resolve(struct ks_engagement *e, struct module *mod);
void ks_unresolve(struct ks_engagement **es, int n);
void ks_resolve_exit(void);

/* ks_engage.c */
int ks_engage(struct ks_request *reqs, int n, int *failed);
int __ks_disengage(struct ks_engagement **es, int n, const char *why);
struct ks_engagement **__ks_snapshot(int *n);
int ks_release_all(const char *why);
void ks_module_coming(struct module *mod);
void ks_module_going(struct module *mod);
void ks_module_live(struct module *mod);
void ks_engage_exit(void);

/* ks_callers.c */
static __always_inline bool ks_callers_seen(struct ks_callers *c,
					    unsigned long parent_ip)
{
	return READ_ONCE(c->last_pid) == current->pid &&
	       READ_ONCE(c->last_parent) == parent_ip;
}

struct ks_callers *ks_callers_new(void);
void ks_callers_record(struct ks_callers *c, unsigned long parent_ip);
void ks_callers_show(struct seq_file *m, struct ks_callers *c);

/* ks_control.c */
extern const struct file_operations ks_control_fops;
extern const struct file_operations ks_last_error_fops;

/* ks_fs.c */
int ks_fs_init(void);
void ks_fs_exit(void);
void __ks_fs_add(struct ks_engagement *e);
void __ks_fs_remove(struct ks_engagement *e);

/* ks_notify.c */
int ks_notify_init(void);
void ks_notify_exit(void);
void ks_history_add(const char *name);
void ks_history_mark_incomplete(void);

/* ks_main.c */
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
