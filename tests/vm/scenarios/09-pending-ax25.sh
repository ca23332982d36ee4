# An engagement of ax25:ax25_create written before ax25 is loaded is
# pending, is armed when an unprivileged socket(AF_AX25) autoloads ax25, so
# that very call fails with EPERM, goes back to pending when ax25 unloads
# and is armed again, still blocking, when it loads again.
. /usr/lib/ksvm/functions.sh
need_module_loaded
expect_module_unloaded ax25

step "Debian's ax25.ko declares no net-pf-3 alias: without one nothing autoloads"
expect_errno EAFNOSUPPORT as_user sock AF_AX25 SOCK_SEQPACKET
expect_module_unloaded ax25
modprobe_alias net-pf-3 ax25

step "engage ax25:ax25_create -EPERM while ax25 is not loaded: pending"
dmesg_mark
expect_errno ok ctl "engage ax25:ax25_create -1"
expect_engaged ax25:ax25_create -1
expect_state ax25:ax25_create pending
assert_eq -1 "$(fn_read ax25:ax25_create retval)" "fn/ax25:ax25_create/retval"
assert_eq 0 "$(fn_read ax25:ax25_create hits)" "fn/ax25:ax25_create/hits"
expect_module_unloaded ax25
assert_eq 0 "$(taint_bit20)" "taint bit 20 while only pending"
expect_ks_log <<'EOF'
killswitch: engage ax25:ax25_create retval=-1 state=pending uid=0 auid=4294967295 ses=4294967295 comm=kswrite
EOF

step "uid 1000's socket(AF_AX25) autoloads ax25 and gets EPERM from that same call"
dmesg_mark
expect_errno EPERM as_user sock AF_AX25 SOCK_SEQPACKET
expect_module_loaded ax25
expect_state ax25:ax25_create armed
assert_eq 1 "$(hits ax25:ax25_create)" "hits"
assert_eq 1 "$(taint_bit20)" "taint bit 20 once armed"
expect_ks_log <<'EOF'
killswitch: tainting kernel with TAINT_KILLSWITCH (bit 20, 'H')
killswitch: armed ax25:ax25_create retval=-1: module ax25 loaded
EOF

step "every later socket(AF_AX25) fails too, for root as well"
expect_errno EPERM as_user sock AF_AX25 SOCK_SEQPACKET
expect_errno EPERM sock AF_AX25 SOCK_DGRAM
assert_eq 3 "$(hits ax25:ax25_create)" "hits"

step "rmmod ax25: the engagement goes back to pending, with its hit count"
dmesg_mark
expect_ok rmmod ax25
expect_state ax25:ax25_create pending
expect_ks_log <<'EOF'
killswitch: pending ax25:ax25_create retval=-1 hits=3: module ax25 unloaded, re-armed when it loads
EOF

step "modprobe ax25: armed again, and the call still fails"
dmesg_mark
expect_ok modprobe ax25
expect_state ax25:ax25_create armed
expect_errno EPERM as_user sock AF_AX25 SOCK_SEQPACKET
expect_ks_log <<'EOF'
killswitch: armed ax25:ax25_create retval=-1: module ax25 loaded
EOF

step "a second unload and autoload cycle behaves the same"
expect_ok rmmod ax25
expect_state ax25:ax25_create pending
expect_errno EPERM as_user sock AF_AX25 SOCK_SEQPACKET
expect_state ax25:ax25_create armed

step "disengage: the socket can be made again"
dmesg_mark
expect_errno ok ctl "disengage ax25:ax25_create"
expect_engaged_file ""
expect_errno ok as_user sock AF_AX25 SOCK_SEQPACKET
expect_log '^killswitch: disengage ax25:ax25_create retval=-1 hits=5 uid=0 auid=4294967295 ses=4294967295 comm=kswrite$'
[ ! -e "$KS_FN/ax25:ax25_create" ] || fail "fn/ax25:ax25_create outlived its engagement"
echo "  ok: fn/ax25:ax25_create is gone"
expect_kernel_healthy
