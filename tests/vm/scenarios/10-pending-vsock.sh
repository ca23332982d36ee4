# An engagement of vsock:vsock_create written before vsock is loaded is
# pending, is armed when an unprivileged socket(AF_VSOCK) autoloads vsock
# with its transports, so that call fails with EPERM, goes back to pending
# when vsock unloads and blocks again after a reload; the plain name finds
# it for disengage, and AF_VSOCK works again afterwards.
. /usr/lib/ksvm/functions.sh
need_module_loaded
expect_module_unloaded vsock

step "engage vsock:vsock_create -EPERM while vsock is not loaded: pending"
dmesg_mark
expect_errno ok ctl "engage vsock:vsock_create -1"
expect_state vsock:vsock_create pending
expect_ks_log <<'EOF'
killswitch: engage vsock:vsock_create retval=-1 state=pending uid=0 auid=4294967295 ses=4294967295 comm=kswrite
EOF

step "uid 1000's socket(AF_VSOCK) autoloads vsock and gets EPERM from that call"
dmesg_mark
expect_errno EPERM as_user sock AF_VSOCK SOCK_STREAM
expect_module_loaded vsock
expect_module_loaded vsock_loopback
expect_state vsock:vsock_create armed
assert_eq 1 "$(hits vsock:vsock_create)" "hits"
expect_ks_log '(armed|pending) ' <<'EOF'
killswitch: armed vsock:vsock_create retval=-1: module vsock loaded
EOF

step "other socket types of the family are refused as well"
expect_errno EPERM as_user sock AF_VSOCK SOCK_DGRAM
expect_errno EPERM sock AF_VSOCK SOCK_SEQPACKET

step "the same function by its plain name is engaged under another name: EBUSY"
expect_errno EBUSY ctl "engage vsock_create -22"
expect_engaged_file "vsock:vsock_create retval=-1 hits=N"

step "unloading the transports the autoload brought, and vsock with them: pending"
dmesg_mark
expect_ok modprobe -r vsock_loopback vmw_vsock_vmci_transport
expect_module_unloaded vsock
expect_state vsock:vsock_create pending
expect_ks_log <<'EOF'
killswitch: pending vsock:vsock_create retval=-1 hits=3: module vsock unloaded, re-armed when it loads
EOF

step "modprobe vsock_loopback loads vsock again: armed, and socket() still fails"
dmesg_mark
expect_ok modprobe vsock_loopback
expect_state vsock:vsock_create armed
expect_errno EPERM as_user sock AF_VSOCK SOCK_STREAM
expect_ks_log <<'EOF'
killswitch: armed vsock:vsock_create retval=-1: module vsock loaded
EOF

step "disengage by the plain name; AF_VSOCK sockets work again"
dmesg_mark
expect_errno ok ctl "disengage vsock_create"
expect_engaged_file ""
expect_errno ok as_user sock AF_VSOCK SOCK_STREAM
expect_ks_log <<'EOF'
killswitch: disengage vsock:vsock_create retval=-1 hits=4 uid=0 auid=4294967295 ses=4294967295 comm=kswrite
EOF

step "and unloading vsock now says nothing"
dmesg_mark
expect_ok modprobe -r vsock_loopback
expect_ok rmmod vsock
expect_ks_log <<'EOF'
EOF
expect_kernel_healthy
