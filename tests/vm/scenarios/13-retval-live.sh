# Writing fn/<target>/retval changes what a running client gets back at
# once, without a disengage, and is logged; a malformed value (logged), an
# unprivileged writer or a write without CAP_SYS_ADMIN changes nothing.
. /usr/lib/ksvm/functions.sh
need_module_loaded
load_target || skip "ks_target.ko was not built"

# seen: one reading of ks_target_value(), appended to /tmp/seen.
seen() {
	target_value >>/tmp/seen
}

# saw VALUE: the client has appended VALUE since /tmp/seen was emptied.
saw() {
	grep -qx -- "$1" /tmp/seen
}

step "engage ks_target_value 7; a client keeps reading it and sees 7"
expect_errno ok ctl "engage ks_target_value 7"
assert_eq 7 "$(fn_read ks_target_value retval)" "fn/ks_target_value/retval"
: >/tmp/seen
client_start seen
wait_until 20 saw 7

step "write 9 to fn/ks_target_value/retval: the same client now sees 9"
dmesg_mark
expect_errno ok set_retval ks_target_value 9
: >/tmp/seen
wait_until 20 saw 9
assert_no_match '^7$' "$(cat /tmp/seen)" "values the client saw after the write"
assert_eq 9 "$(fn_read ks_target_value retval)" "fn/ks_target_value/retval"
expect_engaged ks_target_value 9
expect_ks_log <<'EOF'
killswitch: retval ks_target_value 7 -> 9 uid=0 auid=4294967295 ses=4294967295 comm=kswrite
EOF

step "hex and negative values, with the newline a shell's echo adds"
expect_errno ok set_retval ks_target_value -0x16
: >/tmp/seen
wait_until 20 saw -22
echo 0 >"$KS_FN/ks_target_value/retval" || fail "echo 0 > retval failed"
: >/tmp/seen
wait_until 20 saw 0
client_stop

step "a malformed value is EINVAL, logged, and changes nothing"
dmesg_mark
for v in "abc" "007" "+1" "1 2" "0x" "9223372036854775808"; do
	expect_errno EINVAL set_retval ks_target_value "$v"
done
assert_eq 0 "$(fn_read ks_target_value retval)" "fn/ks_target_value/retval"
assert_eq "6 6" "$(ks_log | wc -l) $(ks_log | grep -c '^killswitch: refused retval ks_target_value error=-EINVAL ')" \
	"log lines, refusals among them"

step "uid 1000 cannot open it (0600), root without CAP_SYS_ADMIN gets EPERM"
expect_errno EACCES as_user set_retval ks_target_value 5
expect_errno EPERM set_retval -d ks_target_value 5
assert_eq 0 "$(target_value)" "ks_target_value()"

step "the file of a pending engagement takes a new value too, used once armed"
expect_errno ok ctl "engage ax25:ax25_create -1"
expect_errno ok set_retval ax25:ax25_create -13
expect_engaged ax25:ax25_create -13
modprobe_alias net-pf-3 ax25
expect_errno EACCES as_user sock AF_AX25 SOCK_SEQPACKET
expect_state ax25:ax25_create armed

step "after disengage the file is gone and the function is itself again"
expect_errno ok ctl "disengage_all"
[ ! -e "$KS_FN/ks_target_value" ] || fail "fn/ks_target_value outlived its engagement"
assert_eq 42 "$(target_value)" "ks_target_value()"
expect_kernel_healthy
