#include "analysis/core_functions.h"

#include <array>

#include "analysis/clone.h"

namespace killswitch::analysis {
namespace {

constexpr std::string_view kSched = "scheduler";
constexpr std::string_view kProc = "process lifecycle";
constexpr std::string_view kSyscall = "syscall entry";
constexpr std::string_view kMem = "memory allocator";
constexpr std::string_view kFault = "page faults";
constexpr std::string_view kVfs = "VFS read/write/open";
constexpr std::string_view kLock = "locking";
constexpr std::string_view kRcu = "RCU";
constexpr std::string_view kPrintk = "printk and crash reporting";
constexpr std::string_view kIrq = "interrupts";
constexpr std::string_view kWork = "workqueues and kthreads";
constexpr std::string_view kTrace = "ftrace, kprobes and kallsyms";
constexpr std::string_view kLockdown = "lockdown";
constexpr std::string_view kLsm = "LSM";
constexpr std::string_view kCap = "capability checks";

// Names are as they appear on x86-64 6.1 and 6.12; a pattern for a name a
// kernel does not have costs nothing.  Sorted by area, then by name.
constexpr std::array kCore = {
    CoreFunction{"__schedule", kSched},
    CoreFunction{"__switch_to*", kSched},
    CoreFunction{"__wake_up*", kSched},
    CoreFunction{"default_wake_function", kSched},
    CoreFunction{"dequeue_task*", kSched},
    CoreFunction{"do_idle", kSched},
    CoreFunction{"enqueue_task*", kSched},
    CoreFunction{"finish_task_switch*", kSched},
    CoreFunction{"io_schedule*", kSched},
    CoreFunction{"pick_next_task*", kSched},
    CoreFunction{"preempt_schedule*", kSched},
    CoreFunction{"resched_curr", kSched},
    CoreFunction{"sched_tick", kSched},
    CoreFunction{"schedule", kSched},
    CoreFunction{"schedule_*", kSched},
    CoreFunction{"scheduler_tick", kSched},
    CoreFunction{"try_to_wake_up", kSched},
    CoreFunction{"wake_up_process", kSched},
    CoreFunction{"wake_up_q", kSched},

    CoreFunction{"bprm_execve", kProc},
    CoreFunction{"copy_process", kProc},
    CoreFunction{"do_execveat_common*", kProc},
    CoreFunction{"do_exit", kProc},
    CoreFunction{"do_group_exit", kProc},
    CoreFunction{"kernel_clone", kProc},
    CoreFunction{"wake_up_new_task", kProc},

    CoreFunction{"do_fast_syscall_32", kSyscall},
    CoreFunction{"do_int80_syscall_32", kSyscall},
    CoreFunction{"do_syscall_64", kSyscall},
    CoreFunction{"entry_SYSCALL*", kSyscall},
    CoreFunction{"exit_to_user_mode*", kSyscall},
    CoreFunction{"ia32_sys_call", kSyscall},
    CoreFunction{"syscall_enter_from_user_mode*", kSyscall},
    CoreFunction{"syscall_exit_to_user_mode*", kSyscall},
    CoreFunction{"syscall_trace_enter*", kSyscall},
    CoreFunction{"x32_sys_call", kSyscall},
    CoreFunction{"x64_sys_call", kSyscall},

    CoreFunction{"___slab_alloc", kMem},
    CoreFunction{"__alloc_pages*", kMem},
    CoreFunction{"__folio_alloc*", kMem},
    CoreFunction{"__free_pages*", kMem},
    CoreFunction{"__get_free_pages", kMem},
    CoreFunction{"__kmalloc*", kMem},
    CoreFunction{"__kvmalloc*", kMem},
    CoreFunction{"__slab_free", kMem},
    CoreFunction{"__vmalloc*", kMem},
    CoreFunction{"alloc_pages*", kMem},
    CoreFunction{"folio_alloc*", kMem},
    CoreFunction{"free_pages*", kMem},
    CoreFunction{"free_unref_page*", kMem},
    CoreFunction{"get_page_from_freelist", kMem},
    CoreFunction{"get_zeroed_page*", kMem},
    CoreFunction{"kfree", kMem},
    CoreFunction{"kfree_const", kMem},
    CoreFunction{"kfree_sensitive", kMem},
    CoreFunction{"kmalloc*", kMem},
    CoreFunction{"kmem_cache_alloc*", kMem},
    CoreFunction{"kmem_cache_free*", kMem},
    CoreFunction{"krealloc*", kMem},
    CoreFunction{"kvfree*", kMem},
    CoreFunction{"kvmalloc*", kMem},
    CoreFunction{"rmqueue*", kMem},
    CoreFunction{"vfree*", kMem},
    CoreFunction{"vmalloc*", kMem},
    CoreFunction{"vzalloc*", kMem},

    CoreFunction{"__handle_mm_fault", kFault},
    CoreFunction{"do_user_addr_fault", kFault},
    CoreFunction{"exc_page_fault", kFault},
    CoreFunction{"handle_mm_fault", kFault},

    CoreFunction{"__fdget*", kVfs},
    CoreFunction{"__fput*", kVfs},
    CoreFunction{"__x64_sys_open", kVfs},
    CoreFunction{"__x64_sys_openat", kVfs},
    CoreFunction{"__x64_sys_openat2", kVfs},
    CoreFunction{"__x64_sys_pread64", kVfs},
    CoreFunction{"__x64_sys_pwrite64", kVfs},
    CoreFunction{"__x64_sys_read", kVfs},
    CoreFunction{"__x64_sys_readv", kVfs},
    CoreFunction{"__x64_sys_write", kVfs},
    CoreFunction{"__x64_sys_writev", kVfs},
    CoreFunction{"do_dentry_open", kVfs},
    CoreFunction{"do_filp_open", kVfs},
    CoreFunction{"do_open", kVfs},
    CoreFunction{"do_sys_open*", kVfs},
    CoreFunction{"fd_install", kVfs},
    CoreFunction{"filemap_read", kVfs},
    CoreFunction{"filp_open", kVfs},
    CoreFunction{"fput", kVfs},
    CoreFunction{"generic_file_read_iter", kVfs},
    CoreFunction{"generic_file_write_iter", kVfs},
    CoreFunction{"getname*", kVfs},
    CoreFunction{"ksys_pread64", kVfs},
    CoreFunction{"ksys_pwrite64", kVfs},
    CoreFunction{"ksys_read", kVfs},
    CoreFunction{"ksys_write", kVfs},
    CoreFunction{"link_path_walk*", kVfs},
    CoreFunction{"new_sync_read", kVfs},
    CoreFunction{"new_sync_write", kVfs},
    CoreFunction{"path_lookupat*", kVfs},
    CoreFunction{"path_openat", kVfs},
    CoreFunction{"rw_verify_area", kVfs},
    CoreFunction{"vfs_iter_read", kVfs},
    CoreFunction{"vfs_iter_write", kVfs},
    CoreFunction{"vfs_open", kVfs},
    CoreFunction{"vfs_read", kVfs},
    CoreFunction{"vfs_readv", kVfs},
    CoreFunction{"vfs_write", kVfs},
    CoreFunction{"vfs_writev", kVfs},

    CoreFunction{"__down*", kLock},
    CoreFunction{"__mutex_lock*", kLock},
    CoreFunction{"__mutex_unlock*", kLock},
    CoreFunction{"__pv_queued_spin*", kLock},
    CoreFunction{"__up", kLock},
    CoreFunction{"__up_read", kLock},
    CoreFunction{"__up_write", kLock},
    CoreFunction{"_raw_read_*", kLock},
    CoreFunction{"_raw_spin_*", kLock},
    CoreFunction{"_raw_write_*", kLock},
    CoreFunction{"down", kLock},
    CoreFunction{"down_*", kLock},
    CoreFunction{"downgrade_write", kLock},
    CoreFunction{"mutex_lock*", kLock},
    CoreFunction{"mutex_trylock", kLock},
    CoreFunction{"mutex_unlock", kLock},
    CoreFunction{"native_queued_spin_lock_slowpath", kLock},
    CoreFunction{"osq_lock", kLock},
    CoreFunction{"osq_unlock", kLock},
    CoreFunction{"percpu_down_*", kLock},
    CoreFunction{"percpu_up_*", kLock},
    CoreFunction{"queued_read_*", kLock},
    CoreFunction{"queued_spin_*", kLock},
    CoreFunction{"queued_write_*", kLock},
    CoreFunction{"rt_mutex_*", kLock},
    CoreFunction{"rwsem_*", kLock},
    CoreFunction{"up", kLock},
    CoreFunction{"up_read", kLock},
    CoreFunction{"up_write", kLock},
    CoreFunction{"ww_mutex_*", kLock},

    CoreFunction{"__call_rcu*", kRcu},
    CoreFunction{"__rcu_*", kRcu},
    CoreFunction{"__srcu_*", kRcu},
    CoreFunction{"call_rcu*", kRcu},
    CoreFunction{"call_srcu", kRcu},
    CoreFunction{"kvfree_call_rcu", kRcu},
    CoreFunction{"rcu_*", kRcu},
    CoreFunction{"srcu_*", kRcu},
    CoreFunction{"synchronize_rcu*", kRcu},
    CoreFunction{"synchronize_srcu*", kRcu},

    CoreFunction{"__die*", kPrintk},
    CoreFunction{"__printk*", kPrintk},
    CoreFunction{"__warn*", kPrintk},
    CoreFunction{"_printk*", kPrintk},
    CoreFunction{"console_*", kPrintk},
    CoreFunction{"die", kPrintk},
    CoreFunction{"dump_stack*", kPrintk},
    CoreFunction{"oops_*", kPrintk},
    CoreFunction{"panic", kPrintk},
    CoreFunction{"printk*", kPrintk},
    CoreFunction{"report_bug", kPrintk},
    CoreFunction{"vprintk*", kPrintk},

    CoreFunction{"__common_interrupt", kIrq},
    CoreFunction{"__do_softirq", kIrq},
    CoreFunction{"__irq_exit_rcu", kIrq},
    CoreFunction{"__local_bh_*", kIrq},
    CoreFunction{"__raise_softirq*", kIrq},
    CoreFunction{"asm_common_interrupt", kIrq},
    CoreFunction{"asm_sysvec_*", kIrq},
    CoreFunction{"common_interrupt", kIrq},
    CoreFunction{"default_do_nmi", kIrq},
    CoreFunction{"do_softirq*", kIrq},
    CoreFunction{"exc_nmi", kIrq},
    CoreFunction{"generic_handle_domain_irq*", kIrq},
    CoreFunction{"generic_handle_irq*", kIrq},
    CoreFunction{"handle_edge_irq", kIrq},
    CoreFunction{"handle_fasteoi_irq", kIrq},
    CoreFunction{"handle_irq*", kIrq},
    CoreFunction{"handle_level_irq", kIrq},
    CoreFunction{"handle_nested_irq", kIrq},
    CoreFunction{"handle_percpu*irq", kIrq},
    CoreFunction{"handle_simple_irq", kIrq},
    CoreFunction{"handle_untracked_irq", kIrq},
    CoreFunction{"handle_softirqs", kIrq},
    CoreFunction{"hrtimer_interrupt", kIrq},
    CoreFunction{"irq_enter*", kIrq},
    CoreFunction{"irq_exit*", kIrq},
    CoreFunction{"irqentry_*", kIrq},
    CoreFunction{"nmi_handle", kIrq},
    CoreFunction{"raise_softirq*", kIrq},
    CoreFunction{"sysvec_*", kIrq},

    CoreFunction{"__queue_work", kWork},
    CoreFunction{"kthread", kWork},
    CoreFunction{"process_one_work", kWork},
    CoreFunction{"queue_work_on", kWork},
    CoreFunction{"worker_thread", kWork},

    CoreFunction{"__ftrace_*", kTrace},
    CoreFunction{"__text_poke*", kTrace},
    CoreFunction{"arch_ftrace_*", kTrace},
    CoreFunction{"arch_prepare_kprobe*", kTrace},
    CoreFunction{"ftrace_*", kTrace},
    CoreFunction{"kallsyms_*", kTrace},
    CoreFunction{"kprobe_*", kTrace},
    CoreFunction{"module_kallsyms_*", kTrace},
    CoreFunction{"register_ftrace_*", kTrace},
    CoreFunction{"register_kprobe*", kTrace},
    CoreFunction{"register_kretprobe*", kTrace},
    CoreFunction{"smp_text_poke*", kTrace},
    CoreFunction{"text_poke*", kTrace},
    CoreFunction{"unregister_ftrace_*", kTrace},
    CoreFunction{"unregister_kprobe*", kTrace},

    CoreFunction{"lock_kernel_down", kLockdown},
    CoreFunction{"lockdown_*", kLockdown},
    CoreFunction{"security_locked_down", kLockdown},

    CoreFunction{"apparmor_*", kLsm},
    CoreFunction{"bpf_lsm_*", kLsm},
    CoreFunction{"landlock_*", kLsm},
    CoreFunction{"security_*", kLsm},
    CoreFunction{"selinux_*", kLsm},
    CoreFunction{"smack_*", kLsm},
    CoreFunction{"tomoyo_*", kLsm},
    CoreFunction{"yama_*", kLsm},

    CoreFunction{"cap_*", kCap},
    CoreFunction{"capable", kCap},
    CoreFunction{"capable_wrt_inode_uidgid", kCap},
    CoreFunction{"file_ns_capable", kCap},
    CoreFunction{"has_capability*", kCap},
    CoreFunction{"has_ns_capability*", kCap},
    CoreFunction{"ns_capable*", kCap},
    CoreFunction{"privileged_wrt_inode_uidgid", kCap},
};

// `*` matches any run of characters, as in a shell glob.
bool glob_match(std::string_view pattern, std::string_view name) {
  const auto star = pattern.find('*');
  if (star == std::string_view::npos)
    return pattern == name;
  if (!name.starts_with(pattern.substr(0, star)))
    return false;
  const std::string_view rest = pattern.substr(star + 1);
  for (std::size_t i = star; i <= name.size(); ++i)
    if (glob_match(rest, name.substr(i)))
      return true;
  return false;
}

} // namespace

std::span<const CoreFunction> core_functions() {
  return kCore;
}

const CoreFunction* find_core_function(std::string_view name) {
  const std::string_view base = clone_base(name);
  for (const auto& entry : kCore)
    if (glob_match(entry.pattern, name) || glob_match(entry.pattern, base))
      return &entry;
  return nullptr;
}

} // namespace killswitch::analysis
