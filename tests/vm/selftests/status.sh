# run-script exits with the script's own status, and "vm: no-module" keeps
# the module out of the VM.
# selftest: exit=3
# vm: no-module
[ -d /sys/kernel/security/killswitch ] && exit 1
exit 3
