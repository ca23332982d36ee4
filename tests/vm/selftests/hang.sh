# A scenario that never finishes is stopped by the hard timeout (124).
# selftest: exit=124
# vm: no-module
# vm: timeout=15
sleep 600
