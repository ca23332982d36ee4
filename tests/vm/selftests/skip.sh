# A scenario that calls skip is reported as skipped (77).
# selftest: exit=77
# vm: no-module
. /usr/lib/ksvm/functions.sh
skip "a prerequisite is missing"
