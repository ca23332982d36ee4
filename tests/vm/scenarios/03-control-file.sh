# The control file alone, written with a shell's echo, engages and
# disengages a function, and the engaged file shows the engagement.
. /usr/lib/ksvm/functions.sh
need_module_loaded
expect_ok modprobe af_alg

step "echo engage into control; engaged shows the line"
dmesg_mark
echo "engage af_alg_sendmsg -1" >"$KS_CONTROL" || fail "echo engage failed"
expect_engaged_file "af_alg_sendmsg retval=-1 hits=N"
assert_eq 0 "$(hits af_alg_sendmsg)" "hits"

step "echo disengage; engaged is empty"
echo "disengage af_alg_sendmsg" >"$KS_CONTROL" || fail "echo disengage failed"
expect_engaged_file ""

step "both writes were logged with the shell as comm"
expect_ks_log '(engage|disengage) ' <<'EOF2'
killswitch: engage af_alg_sendmsg retval=-1 uid=0 auid=4294967295 ses=4294967295 comm=sh
killswitch: disengage af_alg_sendmsg retval=-1 hits=0 uid=0 auid=4294967295 ses=4294967295 comm=sh
EOF2

step "one write with its newline returns the full byte count"
expect_errno ok ctl -e 'engage af_alg_sendmsg -22\n'
expect_engaged af_alg_sendmsg -22

step "surrounding blanks, tabs and CR are accepted"
expect_errno ok ctl -e '  disengage\taf_alg_sendmsg \r\n'
expect_engaged_file ""

step "a write of blanks only is a no-op that succeeds"
expect_errno ok ctl -e ' \n'
expect_engaged_file ""

if load_target; then
	step "hex and negative hex retvals reach the caller of a test function"
	assert_eq 42 "$(target_value)" "ks_target_value()"
	echo "engage ks_target_value 0x10" >"$KS_CONTROL" || fail "echo engage failed"
	assert_eq 16 "$(target_value)" "ks_target_value() engaged with 0x10"
	assert_gt "$(hits ks_target_value)" 0 "hits"
	echo "disengage ks_target_value" >"$KS_CONTROL"
	echo "engage ks_target:ks_target_value -0x16" >"$KS_CONTROL" ||
		fail "echo engage with a module prefix failed"
	assert_eq -22 "$(target_value)" "ks_target_value() engaged with -0x16"
fi

step "disengage_all clears everything"
echo "engage af_alg_sendmsg 0" >"$KS_CONTROL" || fail "echo engage failed"
echo "disengage_all" >"$KS_CONTROL" || fail "echo disengage_all failed"
expect_engaged_file ""
[ -e /proc/ks_target ] && assert_eq 42 "$(target_value)" "ks_target_value()"
expect_kernel_healthy
