# Engaging a module's init function keeps the module from loading (with an error) or skips its init (with 0), and stays releasable after the init text is freed.
. /usr/lib/ksvm/functions.sh
need_module_loaded

step "ax25_init engaged with -ENODEV: modprobe ax25 fails and the engagement waits for the next load"
expect_errno ok ctl "engage ax25:ax25_init -19"
expect_fail modprobe ax25
assert_match 'No such device' "$out" "modprobe's error"
expect_state ax25:ax25_init pending

step "ks_target_init engaged with 0: the module loads without running its init"
dmesg_mark
expect_errno ok ctl "engage ks_target:ks_target_init 0"
expect_ok insmod "$KS_TARGET"
assert_eq "" "$(ls /proc/ks_target 2>/dev/null)" "/proc/ks_target (created by the skipped init)"
expect_state ks_target:ks_target_init pending
expect_log '^killswitch: pending ks_target:ks_target_init retval=0 hits=1: init of module ks_target has run, re-armed at its next load$'

step "both disengage cleanly, and so does the module"
expect_errno ok ctl "disengage ks_target:ks_target_init"
expect_errno ok ctl "disengage_all"
expect_engaged_file ""
expect_ok rmmod killswitch
assert_eq "" "$(cat /sys/kernel/debug/kprobes/list)" "kprobes list"
expect_kernel_healthy
