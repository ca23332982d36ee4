# Only CAP_SYS_ADMIN in the initial user namespace changes anything: uid
# 1000, uid 1000 as root of its own user namespace and root without
# CAP_SYS_ADMIN are refused (EACCES from the file mode before the module,
# EPERM from the module, which logs it), and no refusal changes a thing.
. /usr/lib/ksvm/functions.sh
need_module_loaded
load_target || fail "ks_target.ko is needed for a function to engage"
[ -x /usr/bin/setpriv ] || skip "util-linux setpriv is not in the initramfs"
[ -x /usr/sbin/capsh ] || skip "libcap2-bin capsh is not in the initramfs"

SETPRIV=/usr/bin/setpriv	# busybox has a setpriv applet without these options
NOSYSADMIN="$SETPRIV --bounding-set -sys_admin --inh-caps -sys_admin"
AS_UID1000="$SETPRIV --reuid 1000 --regid 1000 --clear-groups"
WHO0="uid=0 auid=4294967295 ses=4294967295"
WHO1000="uid=1000 auid=4294967295 ses=4294967295"

# sys_admin_bit CMD...: bit 21 (CAP_SYS_ADMIN) of CMD's effective set.
sys_admin_bit() {
	_eff=$("$@" sed -n 's/^CapEff:[[:space:]]*//p' /proc/self/status)
	echo $(((0x$_eff >> 21) & 1))
}

# as_uid1000_with CAPS CMD...: CMD as uid 1000 holding only CAPS
# (comma-separated, e.g. +sys_admin), passed on as ambient capabilities.
as_uid1000_with() {
	_caps=$1
	shift
	# shellcheck disable=SC2086
	$AS_UID1000 --inh-caps "$_caps" --ambient-caps "$_caps" "$@"
}

step "uid 1000 without capabilities: EACCES from the VFS, never seen by the module"
assert_match '^CapEff:[[:space:]]+0+$' "$(as_user grep CapEff /proc/self/status)" "CapEff"
dmesg_mark
expect_errno EACCES as_user ctl "engage ks_target_value 1"
expect_errno EACCES as_user ctl "disengage_all"
expect_exit "$KS_EXIT_PERM" as_user killswitch engage ks_target_value 1
expect_ks_log <<'EOF'
EOF

step "uid 1000 as root of a new user namespace: full capabilities there, EACCES here"
run as_user unshare -Ur grep CapEff /proc/self/status
assert_match '^CapEff:[[:space:]]+0*1ff+$' "$out" "CapEff inside the namespace"
assert_eq 0 "$(as_user unshare -Ur id -u)" "uid inside the namespace"
dmesg_mark
expect_errno EACCES as_user unshare -Ur kswrite "$KS_CONTROL" "engage ks_target_value 1"
expect_fail as_user unshare -Ur cat "$KS_ENGAGED"
expect_ks_log <<'EOF'
EOF

step "root as root of a new user namespace: EPERM from the module, logged"
dmesg_mark
expect_errno EPERM unshare -r kswrite "$KS_CONTROL" "engage ks_target_value 1"
expect_ks_log <<EOF
killswitch: refused write error=-EPERM $WHO0 comm=kswrite
EOF

step "root with CAP_SYS_ADMIN out of its bounding set (setpriv): EPERM, logged"
assert_eq 1 "$(sys_admin_bit env)" "CAP_SYS_ADMIN of root"
# shellcheck disable=SC2086
assert_eq 0 "$(sys_admin_bit $NOSYSADMIN)" "CAP_SYS_ADMIN under setpriv"
dmesg_mark
# shellcheck disable=SC2086
expect_errno EPERM $NOSYSADMIN kswrite "$KS_CONTROL" "engage ks_target_value 1"
# shellcheck disable=SC2086
expect_errno EPERM $NOSYSADMIN kswrite "$KS_CONTROL" "observe ks_target_value 1"
# shellcheck disable=SC2086
expect_exit "$KS_EXIT_PERM" $NOSYSADMIN killswitch engage ks_target_value 1
expect_ks_log 'refused' <<EOF
killswitch: refused write error=-EPERM $WHO0 comm=kswrite
killswitch: refused write error=-EPERM $WHO0 comm=kswrite
killswitch: refused write error=-EPERM $WHO0 comm=killswitch
EOF

step "the same with capsh --drop and with prctl (kswrite -d)"
dmesg_mark
expect_errno EPERM capsh --drop=cap_sys_admin --shell=/bin/sh -- -c \
	"kswrite $KS_CONTROL 'engage ks_target_value 1'"
expect_errno EPERM ctl -d "engage ks_target_value 1"
expect_ks_log <<EOF
killswitch: refused write error=-EPERM $WHO0 comm=kswrite
killswitch: refused write error=-EPERM $WHO0 comm=kswrite
EOF

step "uid 1000 writing to a control fd that root opened: EPERM, logged as uid 1000"
dmesg_mark
exec 3>"$KS_CONTROL"
run $AS_UID1000 --inh-caps -all sh -c 'echo "engage ks_target_value 1" >&3'
assert_match 'write error: Operation not permitted' "$out" "the write from uid 1000"
exec 3>&-
expect_ks_log <<EOF
killswitch: refused write error=-EPERM $WHO1000 comm=sh
EOF

step "so far nothing is engaged and the kernel is not tainted by killswitch"
expect_engaged_file ""
assert_eq 0 "$(taint_bit20)" "taint bit 20"

step "the capability, not the uid, is what counts"
dmesg_mark
expect_errno EACCES as_uid1000_with +sys_admin kswrite "$KS_CONTROL" "engage ks_target_value 1"
expect_errno EPERM as_uid1000_with +dac_override kswrite "$KS_CONTROL" "engage ks_target_value 1"
expect_errno ok as_uid1000_with +sys_admin,+dac_override kswrite "$KS_CONTROL" "engage ks_target_value 1"
expect_engaged ks_target_value 1
expect_ks_log <<EOF
killswitch: refused write error=-EPERM $WHO1000 comm=kswrite
killswitch: tainting kernel with TAINT_KILLSWITCH (bit 20, 'H')
killswitch: engage ks_target_value retval=1 $WHO1000 comm=kswrite
EOF
expect_errno ok ctl "disengage ks_target_value"

step "the files have the documented modes, all owned by root"
expect_errno ok ctl "engage ks_target_twin 7"
for f in control:200 engaged:400 last_error:400 taint:444 \
	 fn/ks_target_twin/retval:600 fn/ks_target_twin/hits:400 \
	 fn/ks_target_twin/state:400 fn/ks_target_twin/callers:400; do
	assert_eq "${f#*:} root:root" "$(stat -c '%a %U:%G' "$KS_DIR/${f%:*}")" "${f%:*}"
done
expect_errno ok ctl "disengage ks_target_twin"

step "with something engaged, every way to undo or change it is refused too"
expect_errno ok ctl "engage ks_target_twin 7"
state=$(cat "$KS_ENGAGED")
dmesg_mark
expect_errno EACCES as_user ctl "disengage ks_target_twin"
expect_errno EACCES as_user set_retval ks_target_twin 9
expect_errno EACCES as_user unshare -Ur kswrite "$KS_CONTROL" "disengage_all"
expect_errno EPERM unshare -r kswrite "$KS_CONTROL" "disengage_all"
# shellcheck disable=SC2086
expect_errno EPERM $NOSYSADMIN kswrite "$KS_CONTROL" "disengage ks_target_twin"
expect_errno EPERM ctl -d "disengage_all"
expect_errno EPERM set_retval -d ks_target_twin 9
expect_errno EPERM as_uid1000_with +dac_override kswrite "$KS_FN/ks_target_twin/retval" 9
assert_eq "$state" "$(cat "$KS_ENGAGED")" "engaged"
assert_eq 7 "$(fn_read ks_target_twin retval)" "fn/ks_target_twin/retval"
expect_ks_log <<EOF
killswitch: refused write error=-EPERM $WHO0 comm=kswrite
killswitch: refused write error=-EPERM $WHO0 comm=kswrite
killswitch: refused write error=-EPERM $WHO0 comm=kswrite
killswitch: refused retval ks_target_twin error=-EPERM $WHO0 comm=kswrite
killswitch: refused retval ks_target_twin error=-EPERM $WHO1000 comm=kswrite
EOF

step "reading engaged and the other 0400 files as uid 1000 is refused; taint is public"
for f in engaged last_error fn/ks_target_twin/retval fn/ks_target_twin/hits \
	 fn/ks_target_twin/state fn/ks_target_twin/callers; do
	expect_fail as_user cat "$KS_DIR/$f"
	assert_match 'Permission denied' "$out" "reading $f as uid 1000"
done
expect_fail as_user unshare -Ur cat "$KS_ENGAGED"
expect_ok as_user cat "$KS_TAINT"

step "nothing changed, and the kernel log is clean"
assert_eq "$state" "$(cat "$KS_ENGAGED")" "engaged"
expect_errno ok ctl "disengage ks_target_twin"
assert_eq 42 "$(target_value)" "ks_target_value()"
expect_kernel_healthy
