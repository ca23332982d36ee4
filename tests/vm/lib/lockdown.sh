# Lockdown scenarios, shared by 23-26: the same steps at each level.
# Sourced after functions.sh.

# lockdown_boot LEVEL PARAM_SCENARIO: booted with lockdown=LEVEL (the
# scenario's "# vm: cmdline=" says so), the unsigned killswitch.ko cannot
# load by insmod or modprobe, so killswitch.engage= is never read.
lockdown_boot() {
	level=$1
	param_scenario=$2
	[ -f "$KS_MODULE" ] || fail "killswitch.ko is not in the initramfs"
	[ -e /sys/kernel/security/lockdown ] || skip "this kernel has no lockdown LSM"

	step "the kernel is locked down at $level from boot"
	assert_match "\[$level\]" "$(cat /sys/kernel/security/lockdown)" "lockdown"

	step "insmod killswitch.ko is refused: the module is unsigned"
	# The lockdown LSM rate-limits its lines (10 in 5 s), and at boot it may
	# have spent them on tracefs: wait until 6 s after its last line.
	last=$(dmesg | sed -n 's/^\[ *\([0-9]*\)\.[0-9]*\] Lockdown: .*/\1/p' | tail -n 1)
	while [ "$(cut -d. -f1 /proc/uptime)" -lt $((${last:-0} + 6)) ]; do sleep 0.5; done
	dmesg_mark
	expect_fail insmod "$KS_MODULE" engage=ks_target_value=5
	assert_match 'Operation not permitted' "$out" "insmod's error"
	expect_log '^Lockdown: insmod: unsigned module loading is restricted; see man kernel_lockdown.7$'

	step "modprobe killswitch, which would apply killswitch.engage=, is refused the same way"
	expect_fail modprobe killswitch
	assert_match 'Operation not permitted' "$out" "modprobe's error"

	step "so killswitch never ran: no files, no module, no log line of its own, no taint"
	expect_module_unloaded killswitch
	[ ! -e "$KS_DIR" ] || fail "$KS_DIR exists"
	expect_no_log '^killswitch: '
	assert_eq 0 "$(taint_bit20)" "taint bit 20"
	echo "  NOTE: an unsigned killswitch.ko cannot be loaded under lockdown=$level;"
	echo "  NOTE: scenario $param_scenario shows what a loaded (signed) one does there"
	expect_kernel_healthy
}

# lockdown_param LEVEL: a killswitch.ko loaded into a kernel locked down
# at LEVEL (as a signed one could be) skips each engage= entry with EPERM
# and refuses runtime engage.
lockdown_param() {
	level=$1
	case $level in
	integrity) shown="none [integrity] confidentiality" ;;
	*) shown="none integrity [confidentiality]" ;;
	esac
	[ -f "$KS_MODULE" ] || fail "killswitch.ko is not in the initramfs"
	[ -w /sys/kernel/security/lockdown ] || skip "this kernel has no lockdown LSM"
	[ -f "$KS_TARGET" ] || fail "ks_target.ko is not in the initramfs"
	WHO="uid=0 auid=4294967295 ses=4294967295 comm=kswrite"

	# The unsigned module cannot load once the kernel is locked down, so
	# ks_target.ko raises the level from its module notifier after the loader
	# has checked killswitch.ko's signature and before killswitch's init runs
	# (ks_target.c, lock_down=).
	step "ks_target.ko will lock the kernel down at $level when killswitch.ko loads"
	expect_ok insmod "$KS_TARGET" "lock_down=$level"
	assert_eq "[none] integrity confidentiality" "$(cat /sys/kernel/security/lockdown)" "lockdown"

	step "insmod killswitch.ko with three good entries and a malformed one"
	dmesg_mark
	expect_ok insmod "$KS_MODULE" "engage=ks_target_value=5,ks_target:ks_target_twin=6,ax25:ax25_create=-1,bad"
	assert_eq "$shown" "$(cat /sys/kernel/security/lockdown)" "lockdown"

	step "each good entry is skipped with EPERM, the malformed one as malformed"
	expect_ks_log <<-LOG
	killswitch: param: skipped 'ks_target_value=5': -EPERM
	killswitch: param: skipped 'ks_target:ks_target_twin=6': -EPERM
	killswitch: param: skipped 'ax25:ax25_create=-1': -EPERM
	killswitch: param: skipped 'bad': malformed, expected fn=retval
	killswitch: ready
	LOG
	expect_log "^ks_target: lock_down: $level before killswitch.s init: raised \\(0\\)\$"
	expect_log '^Lockdown: insmod: .* is restricted; see man kernel_lockdown.7$'

	step "so nothing is engaged, nothing tainted, the functions run"
	expect_engaged_file ""
	assert_eq 0 "$(taint_bit20)" "taint bit 20"
	assert_eq 42 "$(target_value)" "ks_target_value()"

	step "and at run time engage is refused the same way"
	dmesg_mark
	expect_errno EPERM ctl "engage ks_target_value 5"
	expect_ks_log <<-LOG
	killswitch: refused engage ks_target_value retval=5 error=-EPERM $WHO
	LOG
	expect_errno ok ctl disengage_all
	expect_ok rmmod killswitch
	expect_kernel_healthy
}
