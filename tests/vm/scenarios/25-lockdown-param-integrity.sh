# A killswitch.ko that is loaded into a kernel locked down at integrity
# (as a signed one could be) skips every entry of its engage= parameter
# with EPERM, as it refuses runtime engage, and says so in the log.
# vm: no-module
. /usr/lib/ksvm/functions.sh
[ -f "$KS_MODULE" ] || fail "killswitch.ko is not in the initramfs"
[ -w /sys/kernel/security/lockdown ] || skip "this kernel has no lockdown LSM"
[ -f "$KS_TARGET" ] || fail "ks_target.ko is not in the initramfs"
WHO="uid=0 auid=4294967295 ses=4294967295 comm=kswrite"

# The unsigned module cannot load once the kernel is locked down, so
# ks_target.ko raises the level from its module notifier after the loader
# has checked killswitch.ko's signature and before killswitch's init runs
# (ks_target.c, lock_down=).
step "ks_target.ko will lock the kernel down at integrity when killswitch.ko loads"
expect_ok insmod "$KS_TARGET" lock_down=integrity
assert_eq "[none] integrity confidentiality" "$(cat /sys/kernel/security/lockdown)" "lockdown"

step "insmod killswitch.ko with three good entries and a malformed one"
dmesg_mark
expect_ok insmod "$KS_MODULE" "engage=ks_target_value=5,ks_target:ks_target_twin=6,ax25:ax25_create=-1,bad"
assert_eq "none [integrity] confidentiality" \
	"$(cat /sys/kernel/security/lockdown)" "lockdown"

step "each good entry is skipped with EPERM, the malformed one as malformed"
expect_ks_log <<'LOG'
killswitch: param: skipped 'ks_target_value=5': -EPERM
killswitch: param: skipped 'ks_target:ks_target_twin=6': -EPERM
killswitch: param: skipped 'ax25:ax25_create=-1': -EPERM
killswitch: param: skipped 'bad': malformed, expected fn=retval
killswitch: ready
LOG
expect_log '^ks_target: lock_down: integrity before killswitch.s init: raised \(0\)$'
expect_log '^Lockdown: insmod: .* is restricted; see man kernel_lockdown.7$'

step "so nothing is engaged, nothing tainted, the functions run"
expect_engaged_file ""
assert_eq 0 "$(taint_bit20)" "taint bit 20"
assert_eq 42 "$(target_value)" "ks_target_value()"

step "and at run time engage is refused the same way"
dmesg_mark
expect_errno EPERM ctl "engage ks_target_value 5"
expect_ks_log <<LOG
killswitch: refused engage ks_target_value retval=5 error=-EPERM $WHO
LOG
expect_errno ok ctl disengage_all
expect_ok rmmod killswitch
expect_kernel_healthy
