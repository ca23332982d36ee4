# "# vm: cmdline=" reaches the kernel command line.
# selftest: exit=0
# vm: no-module
# vm: cmdline=ksvm.selftest=yes
grep -q ' ksvm.selftest=yes' /proc/cmdline
