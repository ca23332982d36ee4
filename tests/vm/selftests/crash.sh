# A kernel crash stops the VM at once and fails the run (125).
# selftest: exit=125
# vm: no-module
echo c >/proc/sysrq-trigger
sleep 600
