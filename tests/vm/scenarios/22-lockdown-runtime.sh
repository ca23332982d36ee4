# Once the kernel is locked down (integrity, then confidentiality), engage,
# tryengage, observe and retval changes are refused with EPERM and change
# nothing, while disengage and disengage_all still work; what was decided
# before lockdown carries on.
. /usr/lib/ksvm/functions.sh
need_module_loaded
load_target || fail "ks_target.ko is needed for functions to engage"
[ -w /sys/kernel/security/lockdown ] || skip "this kernel has no lockdown LSM"
expect_module_unloaded ax25
LOCKDOWN=/sys/kernel/security/lockdown
WHO="uid=0 auid=4294967295 ses=4294967295 comm=kswrite"

# refused_by_lockdown TEXT...: each write gives EPERM and changes nothing.
refused_by_lockdown() {
	for _cmd; do
		expect_errno EPERM ctl -e "$_cmd"
		assert_eq "$state" "$(cat "$KS_ENGAGED")" "engaged"
	done
}

step "before lockdown: one armed, one pending, one tryengage window open"
assert_eq "[none] integrity confidentiality" "$(cat $LOCKDOWN)" "lockdown"
expect_errno ok ctl -e 'engage ks_target_twin 7\nengage ax25:ax25_create -1'
expect_errno ok ctl "tryengage ks_target_value 5 4"
expect_state ks_target_value observing

step "raise lockdown to integrity"
echo integrity >$LOCKDOWN || fail "cannot write $LOCKDOWN"
assert_eq "none [integrity] confidentiality" "$(cat $LOCKDOWN)" "lockdown"
state=$(cat "$KS_ENGAGED")

step "integrity: every command that engages, in any form, is refused with EPERM"
dmesg_mark
refused_by_lockdown "engage ks_target:ks_target_tally_show 1" \
	"observe ks_target_twin 1" "tryengage no_such_fn_ks 1 1" \
	'engage ax25:ax25_bind -1\nengage ks_target_show 0'
expect_errno EINVAL ctl "engage b@d 1"
expect_log '^Lockdown: kswrite: .* is restricted; see man kernel_lockdown.7$'
expect_ks_log refused <<EOF
killswitch: refused engage ks_target:ks_target_tally_show retval=1 error=-EPERM $WHO
killswitch: refused observe ks_target_twin retval=0 error=-EPERM $WHO
killswitch: refused tryengage no_such_fn_ks retval=1 error=-EPERM $WHO
killswitch: refused engage ax25:ax25_bind retval=-1 error=-EPERM line=1 of 2, none applied $WHO
killswitch: refused malformed command (line 1 of a 12-byte write) error=-EINVAL $WHO
EOF
expect_last_error "line=1 target= error=-EINVAL"

step "integrity: a new retval through fn/<target>/retval is refused with EPERM"
expect_errno EPERM set_retval ks_target_twin 9
assert_eq 7 "$(fn_read ks_target_twin retval)" "fn/ks_target_twin/retval"
assert_eq "$state" "$(cat "$KS_ENGAGED")" "engaged"

step "integrity: the tryengage window opened before lockdown still commits"
wait_until 15 in_state ks_target_value armed
assert_eq 5 "$(target_value)" "ks_target_value()"

if modinfo ax25 >/dev/null 2>&1; then
	step "integrity: a pending engagement made before lockdown arms when its (signed) module loads"
	expect_ok modprobe ax25
	expect_state ax25:ax25_create armed
	expect_errno EPERM as_user sock AF_AX25 SOCK_SEQPACKET
else
	echo "  NOTE: this kernel has no ax25 module; the pending case is left out"
fi

step "integrity: disengage still works"
dmesg_mark
expect_errno ok ctl "disengage ks_target_twin"
expect_not_engaged ks_target_twin
expect_log '^killswitch: disengage ks_target_twin retval=7 hits=[0-9]+ uid=0 '
state=$(cat "$KS_ENGAGED")

step "raise lockdown to confidentiality; lowering it is refused"
echo confidentiality >$LOCKDOWN || fail "cannot write $LOCKDOWN"
assert_eq "none integrity [confidentiality]" "$(cat $LOCKDOWN)" "lockdown"
expect_errno EPERM kswrite $LOCKDOWN none
expect_errno EPERM kswrite $LOCKDOWN integrity

step "confidentiality: the same commands are refused with EPERM"
refused_by_lockdown "engage ks_target_twin 1" "observe ks_target_twin 1" \
	"tryengage ks_target_twin 1 1" 'engage ax25:ax25_bind -1\nengage ks_target_twin 0'
expect_errno EPERM set_retval ks_target_value 9
assert_eq 5 "$(target_value)" "ks_target_value()"

step "confidentiality: disengage_all still works and the functions run again"
expect_errno ok ctl disengage_all
expect_engaged_file ""
assert_eq 42 "$(target_value)" "ks_target_value()"
! module_loaded ax25 || expect_ok as_user sock AF_AX25 SOCK_SEQPACKET

step "rmmod killswitch works; loading the unsigned module again does not"
# The lockdown LSM rate-limits its lines (10 in 5 s): wait until 6 s
# after its last one, so that the refusal below is logged.
last=$(dmesg | sed -n 's/^\[ *\([0-9]*\)\.[0-9]*\] Lockdown: .*/\1/p' | tail -n 1)
while [ "$(cut -d. -f1 /proc/uptime)" -lt $((${last:-0} + 6)) ]; do sleep 0.5; done
dmesg_mark
expect_ok rmmod killswitch
expect_fail insmod "$KS_MODULE"
expect_log '^Lockdown: insmod: unsigned module loading is restricted; see man kernel_lockdown.7$'
[ ! -e "$KS_DIR" ] || fail "$KS_DIR exists"
expect_kernel_healthy
