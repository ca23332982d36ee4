// SPDX-License-Identifier: GPL-2.0
/*
 * From a target name to a vetted call site.
 *
 * kallsyms_lookup_name() is not exported.  Module targets are resolved
 * from the module's own symbol table and vetted by ftrace (see
 * ks_vet_module_text()); vmlinux targets by a kprobe that is registered
 * but never armed (see ks_resolve_vmlinux()).  Either way the result is
 * the ftrace call site that the handler will be called with.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/ftrace.h>
#include <linux/kobject.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <asm/ibt.h>

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

/*
 * Modules past MODULE_STATE_COMING that are not in /sys/module yet (that
 * happens a little later in load_module()) and not live.  Without this
 * list a target engaged in that window would be taken for unloaded and
 * would wait for the next load.  Under ks_mutex; an entry cannot go stale
 * because the module's GOING notifier needs ks_mutex too.
 */
struct ks_loading {
	struct list_head node;
	struct module *mod;
};

static LIST_HEAD(ks_loading_list);

void __ks_loading_add(struct module *mod)
{
	struct ks_loading *l = kmalloc(sizeof(*l), GFP_KERNEL);

	lockdep_assert_held(&ks_mutex);
	if (!l) {
		pr_warn("module %s: not tracked while it loads: %pe\n",
			mod->name, ERR_PTR(-ENOMEM));
		return;
	}
	l->mod = mod;
	list_add(&l->node, &ks_loading_list);
}

void __ks_loading_del(struct module *mod)
{
	struct ks_loading *l, *tmp;

	lockdep_assert_held(&ks_mutex);
	list_for_each_entry_safe(l, tmp, &ks_loading_list, node) {
		if (l->mod == mod) {
			list_del(&l->node);
			kfree(l);
		}
	}
}

static struct module *__ks_loading_find(const char *name)
{
	struct ks_loading *l;

	list_for_each_entry(l, &ks_loading_list, node)
		if (!strcmp(l->mod->name, name))
			return l->mod;
	return NULL;
}

bool ks_module_loaded(const char *name)
{
	struct kobject *kobj;
	struct module *mod;
	bool loaded;

	if (__ks_loading_find(name))
		return true;
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

/*
 * Find a loaded module that has text symbol @sym; returns its /sys/module
 * kobject (a reference: put it) and sets @mod and @addr.
 */
static struct kobject *ks_module_search(const char *sym, struct module **mod,
					unsigned long *addr)
{
	struct kset *kset = THIS_MODULE->mkobj.kobj.kset;
	struct kobject *kobj, *found = NULL;

	spin_lock(&kset->list_lock);
	list_for_each_entry(kobj, &kset->list, entry) {
		struct module *m = container_of(kobj, struct module_kobject,
						kobj)->mod;

		if (!m || m == THIS_MODULE)
			continue;
		*addr = ks_module_symbol(m, sym);
		if (*addr) {
			*mod = m;
			found = kobject_get(kobj);
			break;
		}
	}
	spin_unlock(&kset->list_lock);
	return found;
}

/*
 * Ask ftrace, on an ops that is never registered, whether @site is an
 * ftrace call site (or a function start with one).
 */
static struct ftrace_ops ks_probe_ops;

static int ks_is_ftrace_site(unsigned long site)
{
	return ftrace_set_filter_ip(&ks_probe_ops, site, 0, 1) ? -EOPNOTSUPP : 0;
}

/*
 * Module text is vetted without kprobes.  The call site is the function's
 * first instruction, or the one after its ENDBR on IBT kernels (also when
 * the ENDBR was sealed to a nop), which is the address the ftrace handler
 * receives; ftrace confirms it exactly.  Two reasons: register_kprobe()
 * scans the kernel's whole jump-label table for every probe (about 98% of
 * the cost of a batch), and a kprobe on a module function without an
 * ftrace site (its __exit code, say) has kprobes decode the instructions,
 * which oopses on 6.12 for code at the end of a module's text.  What
 * kprobes would add for modules is its blacklist, which guards kprobes'
 * own int3 handling, not an ftrace override.
 */
static int ks_vet_module_text(struct ks_engagement *e, unsigned long addr)
{
	unsigned long site = addr;
	int ret;

	if (is_endbr(*(u32 *)addr))
		site += ENDBR_INSN_SIZE;
	ret = ks_is_ftrace_site(site);
	if (ret)
		return ret;
	if (within_module(site, THIS_MODULE))
		return -EACCES;
	if (ks_lookup_ip(site))
		return -EBUSY;
	e->ip = site;
	return 0;
}

/* Resolve @e->sym in @mod, or in the module @e names. */
static int ks_resolve_module(struct ks_engagement *e, struct module *mod)
{
	struct kobject *kobj = NULL;
	unsigned long addr;

	if (!mod)
		mod = __ks_loading_find(e->module);
	if (!mod) {
		kobj = ks_module_kobj(e->module, &mod);
		if (!kobj)
			return -ENOENT;
	}
	addr = ks_module_symbol(mod, e->sym);
	kobject_put(kobj);
	if (!addr)
		return -ENOENT;
	return ks_vet_module_text(e, addr);
}

/*
 * vmlinux: a kprobe registered by name but never armed does the lookup,
 * refuses blacklisted and non-text addresses (-EINVAL), and tells whether
 * the address is an ftrace site, already moved past the ENDBR.  It stays
 * registered while the engagement is live.
 */
static int ks_resolve_vmlinux(struct ks_engagement *e)
{
	unsigned long addr;
	int ret;

	memset(&e->kp, 0, sizeof(e->kp));
	e->kp.flags = KPROBE_FLAG_DISABLED;
	e->kp.symbol_name = e->sym;
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
	e->kprobed = true;
	e->ip = addr;
	return 0;
}

/*
 * A plain name found in @mod learns that module, so that the engagement
 * stays that module's function when it is withdrawn (observed, or the
 * module unloads) and "module:symbol" still finds it taken.
 */
static int ks_vet_plain(struct ks_engagement *e, struct module *mod,
			unsigned long addr)
{
	int ret = ks_vet_module_text(e, addr);

	if (!ret)
		strscpy(e->module, mod->name, sizeof(e->module));
	return ret;
}

/*
 * A plain name is looked up in the loaded (and loading) modules first and
 * then in vmlinux, so that module text always takes the path above.  A
 * name present in both therefore means the module's function; the tool
 * refuses such ambiguous names and asks for "module:symbol".  @mod stays
 * valid after the kobject is put: its GOING notifier waits for ks_mutex.
 */
static int ks_resolve_plain(struct ks_engagement *e)
{
	struct ks_loading *l;
	struct kobject *kobj;
	struct module *mod;
	unsigned long addr;

	list_for_each_entry(l, &ks_loading_list, node) {
		addr = ks_module_symbol(l->mod, e->sym);
		if (addr)
			return ks_vet_plain(e, l->mod, addr);
	}
	kobj = ks_module_search(e->sym, &mod, &addr);
	if (!kobj)
		return ks_resolve_vmlinux(e);
	kobject_put(kobj);
	return ks_vet_plain(e, mod, addr);
}

/* Ours, by name: refused before kprobes or ftrace look at it. */
static bool ks_is_own(const struct ks_engagement *e)
{
	if (e->module[0])
		return !strcmp(e->module, THIS_MODULE->name);
	return ks_module_symbol(THIS_MODULE, e->sym);
}

/**
 * ks_resolve() - find and vet the call site of an engagement
 * @e:   the engagement; @e->module names its module, or is empty
 * @mod: that module when the caller has it (a loading module is not in
 *       /sys/module yet), else NULL
 *
 * On success @e->ip is set (and for vmlinux @e->kp registered, disabled).
 *
 * Context: ks_mutex held.
 * Return: 0; -ENOENT (no such symbol), -EINVAL (kprobes refuses it),
 * -EOPNOTSUPP (no ftrace site: notrace), -EACCES (killswitch's own code),
 * -EBUSY (that site is engaged under another name).
 */
int ks_resolve(struct ks_engagement *e, struct module *mod)
{
	lockdep_assert_held(&ks_mutex);
	e->kprobed = false;
	if (ks_is_own(e))
		return -EACCES;
	if (e->module[0])
		return ks_resolve_module(e, mod);
	return ks_resolve_plain(e);
}

/**
 * ks_unresolve() - undo ks_resolve() for @n engagements
 * @es: resolved engagements, unpublished or never published
 * @n:  their number
 *
 * Waits for one grace period for the whole array (unregister_kprobes()
 * does when there are kprobes).  An entry that goes back to pending relies
 * on that wait before it is published again, as its hash node is reused.
 */
void ks_unresolve(struct ks_engagement **es, int n)
{
	struct kprobe **kps;
	int i, k = 0;

	if (!n)
		return;
	kps = kmalloc_array(n, sizeof(*kps), GFP_KERNEL);
	for (i = 0; i < n; i++) {
		if (!es[i]->kprobed)
			continue;
		es[i]->kprobed = false;
		if (kps)
			kps[k++] = &es[i]->kp;
		else
			unregister_kprobe(&es[i]->kp);	/* slower, never leaks */
	}
	if (k)
		unregister_kprobes(kps, k);
	else
		synchronize_rcu();
	kfree(kps);
}

/* At unload: the probe ops' filter hash, and modules still loading. */
void ks_resolve_exit(void)
{
	struct ks_loading *l, *tmp;

	ftrace_free_filter(&ks_probe_ops);
	mutex_lock(&ks_mutex);
	list_for_each_entry_safe(l, tmp, &ks_loading_list, node) {
		list_del(&l->node);
		kfree(l);
	}
	mutex_unlock(&ks_mutex);
}
