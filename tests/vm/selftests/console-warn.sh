# A WARN on the console fails the run though the script exits 0 (125).
# selftest: exit=125
# vm: no-module
# The harness reads the console, so a line printed like the kernel's
# stands in for a real WARN here; taint-warn.sh covers the taint path.
echo "[    9.999999] WARNING: CPU: 0 PID: 1 at selftest.c:1 selftest+0x0/0x1"
