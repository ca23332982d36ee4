# killswitch= on the kernel command line is engaged by `killswitch apply
# --boot` before the scenario starts, a malformed entry is skipped with a
# reason, and a real AF_ALG client then fails.
# vm: cmdline=killswitch=af_alg_sendmsg=-1,no-such=1,noequals
. /usr/lib/ksvm/functions.sh
need_module_loaded
need_tool
need_program kcapi-enc kcapi-tools

step "apply --boot ran before the scenario and said what it skipped"
[ -f /run/ksvm-apply-boot.status ] || fail "init did not run apply --boot"
assert_eq 8 "$(cat /run/ksvm-apply-boot.status)" "apply --boot exit status"
run cat /run/ksvm-apply-boot.log
assert_match "skipped killswitch= entry 'no-such=1'" "$out" "apply's log"
assert_match "skipped killswitch= entry 'noequals': expected FUNCTION=RETVAL" "$out" "apply's log"
assert_match 'engaged af_alg:af_alg_sendmsg retval=-1 \(-EPERM\)' "$out" "apply's log"

step "af_alg_sendmsg is engaged, pending until af_alg loads"
assert_no_match '^af_alg ' "$(lsmod)" "lsmod"
expect_engaged af_alg:af_alg_sendmsg -1
assert_eq pending "$(state_of af_alg:af_alg_sendmsg)" "state"
run cat /run/killswitch/owned.json
assert_match '"origin": "cmdline"' "$out" "state file"

step "the client autoloads af_alg, which arms it, and fails with EPERM"
expect_fail kcapi_encrypt /tmp/ct
assert_match 'encryption failed with error -1$' "$out" "kcapi-enc's error"
assert_eq armed "$(state_of af_alg:af_alg_sendmsg)" "state"
assert_gt "$(hits af_alg:af_alg_sendmsg)" 0 "hits"

step "apply --boot again changes nothing; a plain apply leaves it alone"
expect_exit 8 killswitch apply --boot
assert_match 'nothing to do' "$out" "second apply --boot"
assert_no_match 'disengaged' "$out" "second apply --boot"
expect_ok killswitch apply
assert_match 'nothing to do' "$out" "plain apply"
expect_engaged af_alg:af_alg_sendmsg -1

step "the kernel stayed healthy"
expect_kernel_healthy
