# tryengage observes without blocking: on a function nobody calls it
# commits to armed when the window ends; on one a background client keeps
# calling it aborts, logs how many calls it saw, and fn/<t>/callers names
# the client; a disengage during the window cancels it.
. /usr/lib/ksvm/functions.sh
need_module_loaded
load_target || skip "ks_target.ko was not built"
assert_eq 42 "$(target_value)" "ks_target_value()"

step "tryengage on an idle function: observing, not tainting, for 2 s"
dmesg_mark
expect_errno ok ctl "tryengage ks_target_value -5 2"
expect_state ks_target_value observing
expect_engaged ks_target_value -5
assert_eq 0 "$(taint_bit20)" "taint bit 20 while observing"

step "nothing calls it, so the window ends in a commit: armed"
wait_until 20 in_state ks_target_value armed
expect_state ks_target_value armed
assert_eq 0 "$(fn_read ks_target_value hits)" "hits"
assert_eq -5 "$(target_value)" "ks_target_value() after the commit"
assert_eq 1 "$(taint_bit20)" "taint bit 20"
expect_ks_log <<'EOF'
killswitch: tryengage ks_target_value retval=-5 seconds=2 state=observing uid=0 auid=4294967295 ses=4294967295 comm=kswrite
killswitch: tainting kernel with TAINT_KILLSWITCH (bit 20, 'H')
killswitch: tryengage ks_target_value committed: no calls in 2s
EOF
expect_errno ok ctl "disengage ks_target_value"

step "tryengage while a client keeps reading /proc/ks_target: calls still run"
client_start cat /proc/ks_target
dmesg_mark
expect_errno ok ctl "tryengage ks_target_value -1 3"
sleep 1
expect_state ks_target_value observing
assert_eq 42 "$(target_value)" "ks_target_value() while observing"
assert_gt "$(fn_read ks_target_value hits)" 0 "hits while observing"

step "callers names the client: comm, uid and the call site in ks_target"
run fn_read ks_target_value callers
assert_match '^comm=cat pid=[0-9]+ uid=0 calls=[0-9]+ caller=ks_target_show\+0x[0-9a-f]+/0x[0-9a-f]+ \[ks_target\] stack=ks_target_show\+' "$out" "callers"
assert_eq 16 "$(printf '%s\n' "$out" | grep -c '^comm=')" "callers lines (the last 16)"

step "the window saw calls: aborted, with their number, and released"
wait_until 20 not_engaged ks_target_value
client_stop
expect_engaged_file ""
expect_log '^killswitch: tryengage ks_target_value aborted: [1-9][0-9]* calls in 3s$'
expect_log '^killswitch: released ks_target_value retval=-1 hits=[1-9][0-9]*: tryengage window saw calls$'
assert_eq 42 "$(target_value)" "ks_target_value() after the abort"

step "disengage during the window cancels it: no commit, no abort afterwards"
dmesg_mark
expect_errno ok ctl "tryengage ks_target_value -1 2"
expect_state ks_target_value observing
expect_errno ok ctl "disengage ks_target_value"
expect_engaged_file ""
sleep 3
assert_eq 42 "$(target_value)" "ks_target_value() after the window"
expect_ks_log <<'EOF'
killswitch: tryengage ks_target_value retval=-1 seconds=2 state=observing uid=0 auid=4294967295 ses=4294967295 comm=kswrite
killswitch: disengage ks_target_value retval=-1 hits=0 uid=0 auid=4294967295 ses=4294967295 comm=kswrite
EOF

step "the window is 0..86400 seconds; an engaged target is EBUSY"
expect_errno EINVAL ctl "tryengage ks_target_value -1 86401"
expect_errno EINVAL ctl "tryengage ks_target_value -1 -1"
expect_errno ok ctl "engage ks_target_value 3"
expect_errno EBUSY ctl "tryengage ks_target_value -1 5"
expect_engaged ks_target_value 3
expect_errno ok ctl "disengage_all"
expect_kernel_healthy
