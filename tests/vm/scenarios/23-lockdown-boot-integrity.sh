# Booted with lockdown=integrity, the kernel refuses to load the unsigned
# killswitch.ko, by insmod and by modprobe with killswitch.engage= on the
# command line, so its parameter is never read and nothing is engaged.
# vm: no-module
# vm: cmdline=lockdown=integrity killswitch.engage=ks_target_value=5
. /usr/lib/ksvm/functions.sh
[ -f "$KS_MODULE" ] || fail "killswitch.ko is not in the initramfs"
[ -e /sys/kernel/security/lockdown ] || skip "this kernel has no lockdown LSM"

step "the kernel is locked down at integrity from boot"
assert_match '\[integrity\]' "$(cat /sys/kernel/security/lockdown)" "lockdown"

step "insmod killswitch.ko is refused: the module is unsigned"
# The lockdown LSM rate-limits its lines (10 in 5 s), and at boot it may
# have spent them on tracefs: wait until 6 s after its last line.
last=$(dmesg | sed -n 's/^\[ *\([0-9]*\)\.[0-9]*\] Lockdown: .*/\1/p' | tail -n 1)
while [ "$(cut -d. -f1 /proc/uptime)" -lt $((${last:-0} + 6)) ]; do sleep 0.5; done
dmesg_mark
expect_fail insmod "$KS_MODULE" engage=ks_target_value=5
assert_match 'Operation not permitted' "$out" "insmod's error"
expect_log '^Lockdown: insmod: unsigned module loading is restricted; see man kernel_lockdown.7$'

step "modprobe killswitch, which would apply killswitch.engage=, is refused the same way"
expect_fail modprobe killswitch
assert_match 'Operation not permitted' "$out" "modprobe's error"

step "so killswitch never ran: no files, no module, no log line of its own, no taint"
expect_module_unloaded killswitch
[ ! -e "$KS_DIR" ] || fail "$KS_DIR exists"
expect_no_log '^killswitch: '
assert_eq 0 "$(taint_bit20)" "taint bit 20"
echo "  NOTE: an unsigned killswitch.ko cannot be loaded under lockdown=integrity;"
echo "  NOTE: scenario 25 shows what a loaded (signed) one does there"
expect_kernel_healthy
