# killswitch stops a real AF_ALG client (kcapi-enc) on Debian's kernel and lets it run again.
. /usr/lib/ksvm/functions.sh
need_module_loaded
need_tool
need_program kcapi-enc kcapi-tools

step "kcapi-enc encrypts a block through the kernel's AF_ALG interface"
expect_ok kcapi_encrypt /tmp/before
echo "    ciphertext: $(hex_of /tmp/before)"

step "the admin engages the killswitch on af_alg_sendmsg"
dmesg_mark
expect_ok killswitch engage af_alg_sendmsg -EPERM
expect_log '^killswitch: engage af_alg_sendmsg retval=-1 '
expect_ok killswitch status

step "the same client now fails with EPERM: the kernel function returned without running"
expect_fail kcapi_encrypt /tmp/during
expect_ok killswitch status

step "the kernel was tainted with bit 20 ('H') and says so"
assert_eq 1 "$(taint_bit20)" "taint bit 20"

step "disengage: AF_ALG works again and gives the same ciphertext"
expect_ok killswitch disengage af_alg_sendmsg
expect_ok kcapi_encrypt /tmp/after
assert_eq "$(hex_of /tmp/before)" "$(hex_of /tmp/after)" "ciphertext"
expect_kernel_healthy
