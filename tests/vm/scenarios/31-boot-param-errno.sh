# The module's own killswitch.engage= takes MODULE:SYMBOL and errno names,
# from the kernel command line through modprobe and from insmod alike, and
# logs an entry whose value is neither a number nor an errno name.
# vm: no-module
# vm: cmdline=killswitch.engage=af_alg:af_alg_sendmsg=-EBADMSG,af_alg:alg_setkey=EBOGUS
. /usr/lib/ksvm/functions.sh
need_program kcapi-enc kcapi-tools
[ -f "$KS_MODULE" ] || fail "killswitch.ko is not in the initramfs"

step "modprobe applies the command line: -EBADMSG is -74, pending until af_alg loads"
dmesg_mark
expect_ok modprobe killswitch
assert_no_match '^af_alg ' "$(lsmod)" "lsmod"
expect_engaged af_alg:af_alg_sendmsg -74
assert_eq pending "$(state_of af_alg:af_alg_sendmsg)" "state"
expect_log '^killswitch: engage af_alg:af_alg_sendmsg retval=-74 state=pending .*source=param'
expect_log "^killswitch: param: skipped 'af_alg:alg_setkey=EBOGUS': malformed, expected fn=retval$"
expect_not_engaged af_alg:alg_setkey

step "the client loads af_alg, which arms it, and fails with EBADMSG"
expect_fail kcapi_encrypt /tmp/ct
assert_match 'encryption failed with error -74$' "$out" "kcapi-enc's error"
assert_eq armed "$(state_of af_alg:af_alg_sendmsg)" "state"

step "insmod takes a name without its minus sign: EPERM is -1"
expect_ok rmmod killswitch
expect_ok kcapi_encrypt /tmp/ct
dmesg_mark
expect_ok insmod "$KS_MODULE" engage=af_alg:af_alg_sendmsg=EPERM
expect_engaged af_alg:af_alg_sendmsg -1
expect_fail kcapi_encrypt /tmp/ct
assert_match 'encryption failed with error -1$' "$out" "kcapi-enc's error"
expect_ok rmmod killswitch
expect_kernel_healthy
