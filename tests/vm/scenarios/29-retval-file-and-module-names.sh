# fn/<target>/retval takes writes under the rules of control: a blank
# write is a no-op that returns its byte count, a NUL or anything but one
# number is EINVAL, and every refusal is logged.  A module name written
# with '-' means the module the kernel calls with '_', as for modprobe,
# whether the module is loaded or not.
. /usr/lib/ksvm/functions.sh
need_module_loaded
load_target || fail "ks_target.ko is needed for a module function"
F=$KS_FN/ks_target_value/retval

step "engage ks_target_value 5, then write its retval file"
expect_errno ok ctl "engage ks_target_value 5"
dmesg_mark
expect_errno ok set_retval ks_target_value "7"
assert_eq 7 "$(target_value)" "ks_target_value()"
expect_ks_log <<'EOF'
killswitch: retval ks_target_value 5 -> 7 uid=0 auid=4294967295 ses=4294967295 comm=kswrite
EOF

step "blank writes change nothing and return their byte count"
dmesg_mark
expect_errno ok kswrite -e "$F" '\n'
expect_errno ok kswrite "$F" ""
expect_errno ok kswrite -e "$F" ' \t\r\n'
assert_eq 7 "$(cat "$F")" "retval"
expect_ks_log <<'EOF'
EOF

step "malformed values are refused, logged, and change nothing"
dmesg_mark
for v in '8\0' '\08' 'x' '8 9' '--1' '0x' '99999999999999999999' 'engage'; do
	expect_errno EINVAL kswrite -e "$F" "$v"
done
# seq_file's files take no positioned writes: the VFS says ESPIPE.
expect_errno ESPIPE kswrite -o 1 "$F" "8"
expect_errno EINVAL kswrite "$F" "$(printf '%040d' 8)"
assert_eq 7 "$(cat "$F")" "retval"
assert_eq 7 "$(target_value)" "ks_target_value()"
assert_eq 9 "$(ks_log | grep -c '^killswitch: refused retval ks_target_value error=-EINVAL uid=0 ')" \
	"refusals logged"

step "without CAP_SYS_ADMIN: EPERM, logged"
dmesg_mark
expect_errno EPERM kswrite -d "$F" "9"
assert_eq 7 "$(cat "$F")" "retval"
assert_eq 1 "$(ks_log | grep -c '^killswitch: refused retval ks_target_value error=-EPERM ')" \
	"EPERM logged"
expect_errno ok ctl disengage_all

step "ks-target:ks_target_value is ks_target's function: armed, and taken under both spellings"
expect_errno ok ctl "engage ks-target:ks_target_value 3"
expect_engaged_file "ks_target:ks_target_value retval=3 hits=N"
expect_state ks_target:ks_target_value armed
assert_eq 3 "$(target_value)" "ks_target_value()"
expect_errno EBUSY ctl "engage ks_target:ks_target_value 4"
expect_errno EBUSY ctl "engage ks-target:ks_target_value 4"
expect_errno ok ctl "disengage ks-target:ks_target_value"
assert_eq 42 "$(target_value)" "ks_target_value()"

step "a pending ks-target:ks_target_value arms when ks_target loads"
expect_ok rmmod ks_target
expect_errno ok ctl "engage ks-target:ks_target_value 13"
expect_state ks_target:ks_target_value pending
load_target || fail "ks_target.ko did not load again"
expect_state ks_target:ks_target_value armed
assert_eq 13 "$(target_value)" "ks_target_value()"
expect_errno ok ctl "disengage ks_target:ks_target_value"

step "engage= folds the module name too"
expect_ok rmmod killswitch
expect_ok insmod "$KS_MODULE" "engage=ks-target:ks_target_value=12"
expect_engaged_file "ks_target:ks_target_value retval=12 hits=N"
assert_eq 12 "$(target_value)" "ks_target_value()"
expect_errno ok ctl disengage_all
expect_kernel_healthy
