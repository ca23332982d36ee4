# The engage= module parameter engages its good entries at load and logs
# the bad ones as skipped, given to insmod or, through modprobe, on the
# kernel command line.
# vm: no-module
# vm: cmdline=killswitch.engage=af_alg_sendmsg=-74,no_such_fn_cmdline=0
. /usr/lib/ksvm/functions.sh
need_program kcapi-enc kcapi-tools
[ -f "$KS_MODULE" ] || fail "killswitch.ko is not in the initramfs"
expect_ok modprobe af_alg

step "insmod with engage=af_alg_sendmsg=-1,no_such_fn=0 engages the first entry"
dmesg_mark
expect_ok insmod "$KS_MODULE" engage=af_alg_sendmsg=-1,no_such_fn=0
expect_engaged_file "af_alg_sendmsg retval=-1 hits=N"
assert_eq 1 "$(taint_bit20)" "taint bit 20"
expect_log '^killswitch: engage af_alg_sendmsg retval=-1( |$)'

step "and logs the second as skipped, with a reason"
expect_log "^killswitch: param: skipped 'no_such_fn=0': .+"

step "the engagement is real: the client fails with EPERM (-1)"
expect_fail kcapi_encrypt /tmp/ct
assert_match 'encryption failed with error -1$' "$out" "kcapi-enc's error"
assert_gt "$(hits af_alg_sendmsg)" 0 "hits"

step "rmmod releases it and the client works again"
expect_ok rmmod killswitch
expect_ok kcapi_encrypt /tmp/ct
assert_eq "$KCAPI_CIPHERTEXT" "$(hex_of /tmp/ct)" "ciphertext"

step "modprobe applies killswitch.engage= from the kernel command line"
dmesg_mark
expect_ok modprobe killswitch
expect_engaged_file "af_alg_sendmsg retval=-74 hits=N"
expect_log "^killswitch: param: skipped 'no_such_fn_cmdline=0': .+"
expect_fail kcapi_encrypt /tmp/ct
assert_match 'encryption failed with error -74$' "$out" "kcapi-enc's error (EBADMSG)"

step "insmod of a parameter with only bad entries loads, engages nothing"
expect_ok rmmod killswitch
dmesg_mark
expect_ok insmod "$KS_MODULE" "engage=no_such_fn=0,af_alg_sendmsg=notanumber,=1,af_alg_sendmsg"
expect_engaged_file ""
expect_log "^killswitch: param: skipped 'af_alg_sendmsg=notanumber': .+"
expect_ok kcapi_encrypt /tmp/ct
expect_ok rmmod killswitch
expect_kernel_healthy
