# Bit 20 of the kernel taint mask is 0 before the first engagement, 1 after
# it, and stays 1 after disengage and after the module is unloaded.
. /usr/lib/ksvm/functions.sh
need_module_loaded
need_tool
expect_ok modprobe af_alg

step "after boot bit 20 is clear, and the taint file says 0"
assert_eq 0 "$(taint_bit20)" "taint bit 20"
assert_eq 0 "$(cat "$KS_TAINT")" "taint file"

step "a refused engage does not taint"
expect_exit "$KS_EXIT_NOT_FOUND" killswitch engage no_such_function_ks -1
assert_eq 0 "$(taint_bit20)" "taint bit 20"

step "the first engage sets bit 20 and says so in the log"
dmesg_mark
expect_ok killswitch engage af_alg_sendmsg -1
assert_eq 1 "$(taint_bit20)" "taint bit 20"
assert_eq 1 "$(cat "$KS_TAINT")" "taint file"
expect_log "^killswitch: tainting kernel with TAINT_KILLSWITCH \\(bit 20, 'H'\\)\$"

step "disengage leaves bit 20 set"
expect_ok killswitch disengage af_alg_sendmsg
assert_eq 1 "$(taint_bit20)" "taint bit 20"
assert_eq 1 "$(cat "$KS_TAINT")" "taint file"

step "rmmod leaves bit 20 set"
expect_ok rmmod killswitch
assert_eq 1 "$(taint_bit20)" "taint bit 20"

step "loaded again, the module reports the taint it finds"
expect_ok insmod "$KS_MODULE"
assert_eq 1 "$(cat "$KS_TAINT")" "taint file"
expect_kernel_healthy
