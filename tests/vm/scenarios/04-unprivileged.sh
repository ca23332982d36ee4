# Without CAP_SYS_ADMIN in the initial user namespace nobody can engage a
# function: not uid 1000, not root without the capability, not root of a
# user namespace; and no refused attempt changes any state.
. /usr/lib/ksvm/functions.sh
need_module_loaded
need_tool
expect_ok modprobe af_alg

step "uid 1000 runs with no capabilities at all"
assert_eq "uid=1000(user) gid=1000(user) groups=1000(user)" "$(as_user id)" "id"
assert_match '^CapEff:[[:space:]]+0+$' "$(as_user grep CapEff /proc/self/status)" "CapEff"

step "the tool run by uid 1000 is refused with the permission exit code"
expect_exit "$KS_EXIT_PERM" as_user killswitch engage af_alg_sendmsg -EPERM

step "uid 1000 cannot even open control (0200 root): EACCES from the VFS"
expect_errno EACCES as_user ctl "engage af_alg_sendmsg -1"

step "uid 1000 cannot read engaged (0400) but can read taint (0444)"
expect_fail as_user cat "$KS_ENGAGED"
expect_ok as_user cat "$KS_TAINT"

step "root without CAP_SYS_ADMIN reaches the module and gets EPERM, logged"
dmesg_mark
expect_errno EPERM ctl -d "engage af_alg_sendmsg -1"
expect_log '^killswitch: refused .*error=-EPERM uid=0 auid=4294967295 ses=4294967295 comm=kswrite$'

step "root of a new user namespace gets EPERM too"
dmesg_mark
expect_errno EPERM unshare -r kswrite "$KS_CONTROL" "engage af_alg_sendmsg -1"
expect_log '^killswitch: refused .*error=-EPERM '

step "nothing changed: nothing engaged, no taint, the client works"
expect_engaged_file ""
assert_eq 0 "$(taint_bit20)" "taint bit 20"
expect_ok kcapi_encrypt /tmp/ct
assert_eq "$KCAPI_CIPHERTEXT" "$(hex_of /tmp/ct)" "ciphertext"

step "with something engaged, the unprivileged disengage is refused as well"
expect_ok killswitch engage af_alg_sendmsg -EPERM
expect_exit "$KS_EXIT_PERM" as_user killswitch disengage af_alg_sendmsg
expect_errno EPERM ctl -d "disengage af_alg_sendmsg"
expect_errno EPERM ctl -d "disengage_all"
expect_engaged af_alg_sendmsg -1
expect_ok killswitch disengage af_alg_sendmsg
expect_kernel_healthy
