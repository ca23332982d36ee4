# A module function observed under its plain name stays that function's
# one engagement until it is disengaged: engaging it as module:symbol
# while it is listed as observed is refused with EBUSY (engaged under
# another name), as the pending case is (scenario 15).
. /usr/lib/ksvm/functions.sh
need_module_loaded
load_target || fail "ks_target.ko is needed for a module function"

step "ks_target_value observed by its plain name for 0 s: withdrawn, still listed"
expect_errno ok ctl "observe ks_target_value 0"
wait_until 10 in_state ks_target_value observed
assert_eq 42 "$(target_value)" "ks_target_value()"

step "the same function as ks_target:ks_target_value is engaged under another name: EBUSY"
expect_errno EBUSY ctl "engage ks_target:ks_target_value 6"
expect_errno EBUSY ctl "tryengage ks_target:ks_target_value 6 1"
expect_engaged_file "ks_target_value retval=0 hits=N"
assert_eq 42 "$(target_value)" "ks_target_value()"

step "disengage releases the one engagement; then the other name engages"
expect_errno ok ctl "disengage ks_target_value"
expect_engaged_file ""
expect_errno ok ctl "engage ks_target:ks_target_value 6"
assert_eq 6 "$(target_value)" "ks_target_value()"
expect_errno ok ctl disengage_all
assert_eq 0 "$(grep -c '^ks_target_value ' /sys/kernel/tracing/enabled_functions)" "ks_target_value in enabled_functions"
expect_kernel_healthy
