# A script that exits 0 on a quiet kernel passes, with the module loaded.
# selftest: exit=0
. /usr/lib/ksvm/functions.sh
need_module_loaded
assert_eq "uid=0(root) gid=0(root)" "$(id)" "id"
assert_eq 1777 "$(stat -c %a /tmp)" "mode of /tmp"
expect_ok test -w /sys/kernel/security
expect_ok test -d /sys/kernel/tracing/events
expect_ok test -d /sys/kernel/debug/kprobes
expect_fail as_user touch /not-for-users
expect_ok modprobe -n -v algif_skcipher
