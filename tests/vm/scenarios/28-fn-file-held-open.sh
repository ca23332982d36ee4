# A per-function file held open across its engagement's disengage does
# not keep the fn/ directory: the next engagement of that name gets its
# own files, and killswitch can be unloaded and loaded again.
. /usr/lib/ksvm/functions.sh
need_module_loaded
load_target || fail "ks_target.ko is needed for a function to engage"

step "fn/ks_target_value/hits is open while ks_target_value is disengaged"
dmesg_mark
expect_errno ok ctl "engage ks_target_value 5"
exec 4<"$KS_FN/ks_target_value/hits"
expect_errno ok ctl "disengage ks_target_value"

step "engaging the same name again gives it a complete fn/ directory"
expect_errno ok ctl "engage ks_target_value 6"
expect_no_log 'cannot create its files'
assert_eq "callers hits retval state" "$(ls "$KS_FN/ks_target_value" | tr '\n' ' ' | sed 's/ $//')" "fn/ks_target_value"
expect_errno ok set_retval ks_target_value 7
assert_eq 7 "$(target_value)" "ks_target_value()"

step "the old file, read now, finds nothing; closed, it leaves nothing behind"
run cat <&4
exec 4<&-
expect_errno ok ctl disengage_all
assert_eq "" "$(ls "$KS_FN")" "fn/"

step "killswitch unloads and loads again"
expect_ok rmmod killswitch
[ ! -e "$KS_DIR" ] || fail "$KS_DIR is still there after rmmod"
expect_ok insmod "$KS_MODULE"
need_module_loaded
expect_kernel_healthy
