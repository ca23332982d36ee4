# A pending engagement can be disengaged before its module ever loads, and
# then nothing is armed at load; a module that loads without the named
# symbol marks that engagement failed, at every load, while the module and
# the other engagements carry on as usual.
. /usr/lib/ksvm/functions.sh
need_module_loaded
expect_module_unloaded ax25
modprobe_alias net-pf-3 ax25

step "a pending engagement is disengaged before ax25 loads"
dmesg_mark
expect_errno ok ctl "engage ax25:ax25_create -1"
expect_state ax25:ax25_create pending
expect_errno ok ctl "disengage ax25:ax25_create"
expect_engaged_file ""
[ ! -e "$KS_FN/ax25:ax25_create" ] || fail "fn/ax25:ax25_create is still there"
expect_ks_log <<'EOF'
killswitch: engage ax25:ax25_create retval=-1 state=pending uid=0 auid=4294967295 ses=4294967295 comm=kswrite
killswitch: disengage ax25:ax25_create retval=-1 hits=0 uid=0 auid=4294967295 ses=4294967295 comm=kswrite
EOF

step "so the autoload arms nothing and the socket is made"
dmesg_mark
expect_errno ok as_user sock AF_AX25 SOCK_SEQPACKET
expect_module_loaded ax25
expect_ks_log <<'EOF'
EOF
assert_eq 0 "$(taint_bit20)" "taint bit 20"
expect_ok rmmod ax25

step "a plain name of a module that is not loaded is unknown, not pending"
expect_errno ENOENT ctl "engage ax25_create -1"
expect_engaged_file ""

step "one batch: a real ax25 function and one ax25 lacks, both pending"
dmesg_mark
expect_errno ok ctl -e 'engage ax25:ax25_create -1\nengage ax25:no_such_function_ks 0'
expect_state ax25:ax25_create pending
expect_state ax25:no_such_function_ks pending

step "ax25 loads: the missing one is failed, the real one armed"
dmesg_mark
expect_errno EPERM as_user sock AF_AX25 SOCK_SEQPACKET
expect_module_loaded ax25
expect_state ax25:no_such_function_ks failed
expect_state ax25:ax25_create armed
expect_ks_log '(armed|pending|failed) ' <<'EOF'
killswitch: failed ax25:no_such_function_ks: module ax25 loaded without a usable no_such_function_ks: -ENOENT
killswitch: armed ax25:ax25_create retval=-1: module ax25 loaded
EOF

step "ax25's __exit function has no ftrace site: failed with EOPNOTSUPP at the next load"
expect_ok rmmod ax25
expect_errno ok ctl "engage ax25:ax25_exit 0"
dmesg_mark
expect_ok modprobe ax25
expect_state ax25:ax25_exit failed
expect_log '^killswitch: failed ax25:ax25_exit: module ax25 loaded without a usable ax25_exit: -EOPNOTSUPP$'

step "unloading leaves failed ones failed, and each load retries them"
dmesg_mark
expect_ok rmmod ax25
expect_state ax25:no_such_function_ks failed
expect_state ax25:ax25_create pending
expect_ks_log '(armed|pending|failed) ' <<'EOF'
killswitch: pending ax25:ax25_create retval=-1 hits=1: module ax25 unloaded, re-armed when it loads
EOF
dmesg_mark
expect_ok modprobe ax25
expect_ks_log '(armed|pending|failed) ' <<'EOF'
killswitch: failed ax25:no_such_function_ks: module ax25 loaded without a usable no_such_function_ks: -ENOENT
killswitch: failed ax25:ax25_exit: module ax25 loaded without a usable ax25_exit: -EOPNOTSUPP
killswitch: armed ax25:ax25_create retval=-1: module ax25 loaded
EOF
expect_errno EPERM as_user sock AF_AX25 SOCK_SEQPACKET

step "failed engagements are disengaged like any other"
expect_errno ok ctl -e 'disengage ax25:no_such_function_ks\ndisengage ax25:ax25_exit'
expect_engaged_file "ax25:ax25_create retval=-1 hits=N"
expect_errno ok ctl "disengage_all"
expect_errno ok as_user sock AF_AX25 SOCK_SEQPACKET
expect_ok rmmod ax25
expect_kernel_healthy
