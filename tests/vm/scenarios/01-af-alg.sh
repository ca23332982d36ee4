# Engaging af_alg_sendmsg with -EPERM makes a real AF_ALG client fail with
# EPERM while the kernel stays healthy, and after disengage the client
# gives the same ciphertext as before.
. /usr/lib/ksvm/functions.sh
need_module_loaded
need_tool
need_program kcapi-enc kcapi-tools

step "kcapi-enc encrypts through AF_ALG (modules autoloaded) and gets the known answer"
expect_ok kcapi_encrypt /tmp/before
assert_eq "$KCAPI_CIPHERTEXT" "$(hex_of /tmp/before)" "ciphertext"
assert_match '^af_alg ' "$(lsmod)" "lsmod"

step "the tool engages af_alg_sendmsg with -EPERM"
dmesg_mark
expect_ok killswitch engage af_alg_sendmsg -EPERM
expect_engaged af_alg_sendmsg -1
assert_eq 0 "$(hits af_alg_sendmsg)" "hits before any call"
expect_log '^killswitch: engage af_alg_sendmsg retval=-1 uid=0 auid=4294967295 ses=4294967295 comm=killswitch$'

step "the same command now fails, with EPERM (-1) from sendmsg, and the call is counted"
expect_fail kcapi_encrypt /tmp/during
assert_match 'encryption failed with error -1$' "$out" "kcapi-enc's error"
hits=$(hits af_alg_sendmsg)
assert_gt "$hits" 0 "hits"

step "status shows the engagement, in text and in JSON"
expect_ok killswitch status
assert_match 'af_alg_sendmsg' "$out" "status"
expect_ok killswitch status --json
assert_match '"af_alg_sendmsg"' "$out" "status --json"

step "the tool disengages it, and the log line carries the hit count"
dmesg_mark
expect_ok killswitch disengage af_alg_sendmsg
expect_not_engaged af_alg_sendmsg
expect_log "^killswitch: disengage af_alg_sendmsg retval=-1 hits=$hits uid=0 auid=4294967295 ses=4294967295 comm=killswitch\$"

step "the same command works again, with the same ciphertext"
expect_ok kcapi_encrypt /tmp/after
assert_eq "$(hex_of /tmp/before)" "$(hex_of /tmp/after)" "ciphertext after disengage"

step "the kernel stayed healthy"
expect_kernel_healthy
