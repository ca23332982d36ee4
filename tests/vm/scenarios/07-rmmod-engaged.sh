# rmmod while functions are engaged releases them: they work again, nothing
# of the module is left under /sys/kernel/security, and the module loads
# and works again afterwards.
. /usr/lib/ksvm/functions.sh
need_module_loaded
need_tool
need_program kcapi-enc kcapi-tools

step "the module's files as loaded"
files=$(ks_files)
printf '%s\n' "$files" | sed 's/^/  | /'
assert_match "$KS_CONTROL" "$files" "files"

step "engage af_alg_sendmsg (and the test target, if built); the client fails"
expect_ok kcapi_encrypt /tmp/before
expect_ok killswitch engage af_alg_sendmsg -EPERM
expect_fail kcapi_encrypt /tmp/during
target=0
if load_target; then
	target=1
	expect_ok killswitch engage ks_target_value 7
	assert_eq 7 "$(target_value)" "ks_target_value()"
fi

step "rmmod killswitch with the engagements active"
dmesg_mark
expect_ok rmmod killswitch
assert_no_match '^killswitch ' "$(lsmod)" "lsmod"

step "the functions work again"
expect_ok kcapi_encrypt /tmp/after
assert_eq "$(hex_of /tmp/before)" "$(hex_of /tmp/after)" "ciphertext"
[ "$target" = 1 ] && assert_eq 42 "$(target_value)" "ks_target_value()"

step "nothing of the module is left under /sys/kernel/security"
assert_eq "" "$(ks_files)" "killswitch paths"
assert_no_match killswitch "$(ls -a /sys/kernel/security)" "securityfs root"

step "the tool says the module is not loaded"
expect_exit "$KS_EXIT_NO_MODULE" killswitch engage af_alg_sendmsg -EPERM

step "insmod again: same files, nothing engaged, engage works"
expect_ok insmod "$KS_MODULE"
assert_eq "$files" "$(ks_files)" "the module's files"
expect_engaged_file ""
expect_ok killswitch engage af_alg_sendmsg -EPERM
expect_fail kcapi_encrypt /tmp/during
expect_ok killswitch disengage --all
expect_engaged_file ""
expect_ok kcapi_encrypt /tmp/after

step "a second unload and load cycle, then a healthy kernel"
expect_ok rmmod killswitch
expect_ok insmod "$KS_MODULE"
expect_kernel_healthy
