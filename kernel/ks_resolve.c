// SPDX-License-Identifier: GPL-2.0
/*
 * From a target name to a vetted call site.
 *
 * kallsyms_lookup_name() is not exported, so names are resolved by
 * registering a disabled kprobe: kprobes does the lookup, refuses
 * blacklisted and non-text addresses (-EINVAL), and tells whether the
 * address is an ftrace site, already moved past the ENDBR on IBT kernels,
 * which is exactly the address the ftrace handler receives.  The kprobe is
 * never armed.  It stays registered while the engagement is live, so that
 * withdrawing many of them costs one unregister_kprobes(): one grace
 * period for the whole batch.
 *
 * On 6.1 a lookup by name scans every vmlinux symbol, even for
 * "module:symbol".  For a module target we walk that module's own symbol
 * table instead and hand kprobes the address.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kobject.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "ks.h"

/*
 * The module's kobject under /sys/module, which keeps struct module alive
 * while we hold it (module teardown waits for the last reference).  Our
 * own kobject's kset is the /sys/module kset, which is not exported.
 * Built-in "modules" there have no struct module and do not count.
 */
static struct kobject *ks_module_kobj(const char *name, struct module **mod)
{
	struct kobject *kobj;

	kobj = kset_find_obj(THIS_MODULE->mkobj.kobj.kset, name);
	if (!kobj)
		return NULL;
	*mod = container_of(kobj, struct module_kobject, kobj)->mod;
	if (!*mod) {
		kobject_put(kobj);
		return NULL;
	}
	return kobj;
}

bool ks_module_loaded(const char *name)
{
	struct kobject *kobj;
	struct module *mod;
	bool loaded;

	kobj = ks_module_kobj(name, &mod);
	loaded = !!kobj;
	kobject_put(kobj);
	return loaded;
}

/* Address of text symbol @sym of @mod, 0 if it has none. */
static unsigned long ks_module_symbol(struct module *mod, const char *sym)
{
	struct mod_kallsyms *kallsyms;
	unsigned long addr = 0;
	unsigned int i;

	preempt_disable();
	kallsyms = rcu_dereference_sched(mod->kallsyms);
	for (i = 0; i < kallsyms->num_symtab; i++) {
		const Elf_Sym *s = &kallsyms->symtab[i];
		char type = kallsyms->typetab[i];

		if (s->st_shndx == SHN_UNDEF || (type != 't' && type != 'T'))
			continue;
		if (!strcmp(kallsyms->strtab + s->st_name, sym)) {
			addr = s->st_value;
			break;
		}
	}
	preempt_enable();
	return addr;
}

/* Point the kprobe at the module's symbol; @mod may be NULL. */
static int ks_aim_module(struct ks_engagement *e, struct module *mod)
{
	struct kobject *kobj = NULL;
	unsigned long addr;

	if (!mod) {
		kobj = ks_module_kobj(e->module, &mod);
		if (!kobj)
			return -ENOENT;
	}
	addr = ks_module_symbol(mod, e->sym);
	kobject_put(kobj);
	if (!addr)
		return -ENOENT;
	e->kp.addr = (kprobe_opcode_t *)addr;
	return 0;
}

/**
 * ks_resolve() - find and vet the call site of an engagement
 * @e:   the engagement; @e->module names its module, or is empty
 * @mod: that module when the caller has it (a loading module is not in
 *       /sys/module yet), else NULL
 *
 * On success @e->ip is set and @e->kp registered (disabled).
 *
 * Context: ks_mutex held.
 * Return: 0; -ENOENT (no such symbol), -EINVAL (kprobes refuses it),
 * -EOPNOTSUPP (no ftrace site: notrace), -EACCES (killswitch's own code),
 * -EBUSY (that site is engaged under another name).
 */
int ks_resolve(struct ks_engagement *e, struct module *mod)
{
	unsigned long addr;
	int ret;

	lockdep_assert_held(&ks_mutex);
	memset(&e->kp, 0, sizeof(e->kp));
	e->kp.flags = KPROBE_FLAG_DISABLED;
	if (e->module[0]) {
		ret = ks_aim_module(e, mod);
		if (ret)
			return ret;
	} else {
		e->kp.symbol_name = e->sym;
	}

	ret = register_kprobe(&e->kp);
	if (ret)
		return ret;

	addr = (unsigned long)e->kp.addr;
	if (within_module(addr, THIS_MODULE))
		ret = -EACCES;
	else if (!(e->kp.flags & KPROBE_FLAG_FTRACE))
		ret = -EOPNOTSUPP;
	else if (ks_lookup_ip(addr))
		ret = -EBUSY;
	if (ret) {
		unregister_kprobe(&e->kp);
		return ret;
	}
	e->ip = addr;
	return 0;
}

/**
 * ks_unresolve() - unregister the kprobes of @n engagements
 * @es: resolved engagements, unpublished or never published
 * @n:  their number
 *
 * unregister_kprobes() waits for one grace period for the whole array.
 * An entry that goes back to pending relies on that wait before it is
 * published again (its hash node is reused).
 */
void ks_unresolve(struct ks_engagement **es, int n)
{
	struct kprobe **kps;
	int i;

	if (!n)
		return;
	kps = kmalloc_array(n, sizeof(*kps), GFP_KERNEL);
	if (!kps) {
		/* Slower, one grace period each, but never a leaked probe. */
		for (i = 0; i < n; i++)
			unregister_kprobe(&es[i]->kp);
		return;
	}
	for (i = 0; i < n; i++)
		kps[i] = &es[i]->kp;
	unregister_kprobes(kps, n);
	kfree(kps);
}
