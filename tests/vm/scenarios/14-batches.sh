# A write of several commands is one batch, applied all or nothing: one
# bad line of N engages none of them and last_error names that line; a
# batch of every traceable ax25 function engages them all; a batch
# disengage is all or nothing too, and disengage_all releases many at once.
. /usr/lib/ksvm/functions.sh
need_module_loaded
expect_ok modprobe ax25
ok_batch='engage ax25:ax25_create -1\nengage ax25:ax25_bind -1\nengage ax25:ax25_connect -1'

# refused_batch ERRNO LAST_ERROR TEXT: the batch TEXT (with \n escapes)
# fails with ERRNO, last_error is LAST_ERROR and nothing is engaged.
refused_batch() {
	expect_errno "$1" ctl -e "$3"
	expect_last_error "$2"
	expect_engaged_file ""
}

step "a batch of five whose fourth line names an unknown symbol: none applied"
dmesg_mark
refused_batch ENOENT "line=4 target=ax25:no_such_function_ks error=-ENOENT" \
	"$ok_batch\\nengage ax25:no_such_function_ks -1\\nengage vsock:vsock_create -1"
expect_errno ok sock AF_AX25 SOCK_SEQPACKET
expect_ks_log <<'EOF'
killswitch: refused engage ax25:no_such_function_ks retval=-1 error=-ENOENT line=4 of 5, none applied uid=0 auid=4294967295 ses=4294967295 comm=kswrite
EOF

step "the failing line is named whatever the reason"
refused_batch EOPNOTSUPP "line=2 target=ax25:ax25_exit error=-EOPNOTSUPP" \
	'engage ax25:ax25_create -1\nengage ax25:ax25_exit 0\nengage ax25:ax25_bind -1'
refused_batch EBUSY "line=3 target=ax25:ax25_create error=-EBUSY" \
	'engage ax25:ax25_create -1\nengage ax25:ax25_bind -1\nengage ax25:ax25_create -2'
refused_batch EBUSY "line=2 target=ax25_create error=-EBUSY" \
	'engage ax25:ax25_create -1\nengage ax25_create -1'
refused_batch EACCES "line=4 target=ks_ftrace_handler error=-EACCES" \
	"$ok_batch\\nengage ks_ftrace_handler 0"

step "a malformed line anywhere: EINVAL, with its line number"
dmesg_mark
refused_batch EINVAL "line=3 target= error=-EINVAL" \
	'engage ax25:ax25_create -1\nengage ax25:ax25_connect -1\nengage ax25:ax25_bind\n'
expect_log '^killswitch: refused malformed command \(line 3 of a 77-byte write\) error=-EINVAL '

step "a good batch of three, one of them pending, applies as a whole"
dmesg_mark
expect_errno ok ctl -e "$ok_batch\\nengage vsock:vsock_create -1"
expect_engaged_file "ax25:ax25_create retval=-1 hits=N
ax25:ax25_bind retval=-1 hits=N
ax25:ax25_connect retval=-1 hits=N
vsock:vsock_create retval=-1 hits=N"
expect_state ax25:ax25_connect armed
expect_state vsock:vsock_create pending
expect_errno EPERM sock AF_AX25 SOCK_SEQPACKET
expect_ks_log '^killswitch: engage ' <<'EOF'
killswitch: engage ax25:ax25_create retval=-1 uid=0 auid=4294967295 ses=4294967295 comm=kswrite
killswitch: engage ax25:ax25_bind retval=-1 uid=0 auid=4294967295 ses=4294967295 comm=kswrite
killswitch: engage ax25:ax25_connect retval=-1 uid=0 auid=4294967295 ses=4294967295 comm=kswrite
killswitch: engage vsock:vsock_create retval=-1 state=pending uid=0 auid=4294967295 ses=4294967295 comm=kswrite
EOF

step "a batch disengage with one target not engaged releases none"
dmesg_mark
expect_errno ENOENT ctl -e 'disengage ax25:ax25_bind\ndisengage ax25:ax25_listen\ndisengage ax25_create'
expect_last_error "line=2 target=ax25:ax25_listen error=-ENOENT"
expect_errno ENOENT ctl -e 'disengage ax25:ax25_bind\ndisengage ax25_bind'
expect_last_error "line=2 target=ax25_bind error=-ENOENT"
assert_eq 4 "$(grep -c . "$KS_ENGAGED")" "engagements left"
expect_log '^killswitch: refused disengage ax25:ax25_listen error=-ENOENT line=2 of 3, none applied '

step "a batch disengage of three, mixing names, releases exactly those"
dmesg_mark
expect_errno ok ctl -e 'disengage ax25:ax25_bind\ndisengage ax25_create\ndisengage vsock_create'
expect_engaged_file "ax25:ax25_connect retval=-1 hits=N"
expect_errno ok sock AF_AX25 SOCK_SEQPACKET
expect_ks_log '^killswitch: disengage ' <<'EOF'
killswitch: disengage ax25:ax25_bind retval=-1 hits=0 uid=0 auid=4294967295 ses=4294967295 comm=kswrite
killswitch: disengage ax25:ax25_create retval=-1 hits=1 uid=0 auid=4294967295 ses=4294967295 comm=kswrite
killswitch: disengage vsock:vsock_create retval=-1 hits=0 uid=0 auid=4294967295 ses=4294967295 comm=kswrite
EOF
expect_errno ok ctl "disengage ax25:ax25_connect"

step "every traceable ax25 function in one batch, then disengage_all"
traceable ax25 >/tmp/ax25.fns
n=$(grep -c . /tmp/ax25.fns)
assert_gt "$n" 100 "traceable ax25 functions"
dmesg_mark
expect_errno ok ctl "$(sed 's/.*/engage ax25:& -1/' /tmp/ax25.fns)"
assert_eq "$n" "$(grep -c ' state=armed$' "$KS_ENGAGED")" "armed engagements"
assert_eq "$n" "$(find "$KS_FN" -mindepth 1 -maxdepth 1 -name 'ax25:*' | grep -c .)" "fn/ directories"
assert_eq "$n" "$(ks_log | grep -c '^killswitch: engage ax25:')" "engage log lines"
expect_errno EPERM sock AF_AX25 SOCK_SEQPACKET
dmesg_mark
expect_errno ok ctl "disengage_all"
expect_engaged_file ""
assert_eq "" "$(ls "$KS_FN")" "fn/"
assert_eq "$n" "$(ks_log | grep -c '^killswitch: disengage ax25:')" "disengage log lines"
expect_errno ok sock AF_AX25 SOCK_SEQPACKET

step "ax25 still unloads and loads cleanly"
expect_ok rmmod ax25
expect_ok modprobe ax25
expect_errno ok sock AF_AX25 SOCK_SEQPACKET
expect_kernel_healthy
