# A W (warning) taint fails the run though the script exits 0 (125).
# selftest: exit=125
# vm: no-module
echo 512 >/proc/sys/kernel/tainted
