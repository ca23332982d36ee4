// SPDX-License-Identifier: GPL-2.0
/*
 * Who calls an engaged or observed function: the last KS_CALLERS distinct
 * (pid, call site) pairs, each with comm, uid, a call count and a short
 * stack.  Recording runs in the ftrace handler, so it never allocates and
 * never waits: the slots are preallocated, the lock is only tried, and
 * NMIs are skipped.  A caller that repeats the previous (pid, call site)
 * costs two loads and no call (ks_callers_seen() in the handler), which
 * keeps tight loops cheap; its count then tells only that it called at
 * least that often.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/cred.h>
#include <linux/hardirq.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/stacktrace.h>
#include <linux/string.h>

#include "ks.h"

/* Frames of the handler and the ftrace trampoline above the caller. */
#define KS_SKIP_FRAMES 4

struct ks_callers *ks_callers_new(void)
{
	struct ks_callers *c = kzalloc(sizeof(*c), GFP_KERNEL);

	if (c)
		raw_spin_lock_init(&c->lock);
	return c;
}

static struct ks_caller *ks_callers_match(struct ks_callers *c, pid_t pid,
					  unsigned long parent_ip)
{
	unsigned int i;

	for (i = 0; i < c->used; i++)
		if (c->slot[i].pid == pid && c->slot[i].parent_ip == parent_ip)
			return &c->slot[i];
	return NULL;
}

static void ks_callers_fill(struct ks_caller *s, pid_t pid,
			    unsigned long parent_ip)
{
	s->pid = pid;
	s->parent_ip = parent_ip;
	s->uid = from_kuid_munged(&init_user_ns, current_uid());
	s->calls = 0;
	memcpy(s->comm, current->comm, sizeof(s->comm));
	s->comm[sizeof(s->comm) - 1] = '\0';
	s->nr_stack = stack_trace_save(s->stack, KS_STACK_DEPTH,
				       KS_SKIP_FRAMES);
}

void notrace ks_callers_record(struct ks_callers *c, unsigned long parent_ip)
{
	pid_t pid = current->pid;
	struct ks_caller *s;
	unsigned long flags;

	if (in_nmi() || !raw_spin_trylock_irqsave(&c->lock, flags))
		return;

	s = ks_callers_match(c, pid, parent_ip);
	if (!s) {
		s = &c->slot[c->next];
		c->next = (c->next + 1) % KS_CALLERS;
		if (c->used < KS_CALLERS)
			c->used++;
		ks_callers_fill(s, pid, parent_ip);
	}
	s->calls++;
	WRITE_ONCE(c->last_pid, pid);
	WRITE_ONCE(c->last_parent, parent_ip);
	raw_spin_unlock_irqrestore(&c->lock, flags);
}

/* One line per caller: comm pid uid calls and the stack, innermost first. */
void ks_callers_show(struct seq_file *m, struct ks_callers *c)
{
	struct ks_caller *copy;
	unsigned long flags;
	unsigned int i, j, n;

	copy = kmalloc_array(KS_CALLERS, sizeof(*copy), GFP_KERNEL);
	if (!copy)
		return;
	raw_spin_lock_irqsave(&c->lock, flags);
	n = c->used;
	memcpy(copy, c->slot, n * sizeof(*copy));
	raw_spin_unlock_irqrestore(&c->lock, flags);

	for (i = 0; i < n; i++) {
		seq_printf(m, "comm=%s pid=%d uid=%u calls=%llu caller=%pS stack=",
			   copy[i].comm, copy[i].pid, copy[i].uid,
			   copy[i].calls, (void *)copy[i].parent_ip);
		for (j = 0; j < copy[i].nr_stack; j++)
			seq_printf(m, "%s%pS", j ? "," : "",
				   (void *)copy[i].stack[j]);
		seq_putc(m, '\n');
	}
	kfree(copy);
}
