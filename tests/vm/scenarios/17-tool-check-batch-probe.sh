# The tool checks targets before engaging (check's exit codes, REFUSE
# stops engage unless --force), writes a module's function as MOD:SYMBOL
# so that an unloaded module's engagement is pending, refuses a module
# that is not on disk, engages a pattern and a --from file in one write,
# disengages by pattern, and probe names a caller without blocking it.
. /usr/lib/ksvm/functions.sh
# vm: timeout=300
need_module_loaded
expect_module_unloaded ax25
load_target || skip "ks_target.ko was not built"

step "check: WARN and REFUSE exit 10 and 11; engage --strict stops on WARN"
# Without module BTF (Debian 6.1 builds ks_target.ko without it) the return
# type is unchecked: WARN. With BTF (6.12) an int function and -5 are OK.
if [ -e /sys/kernel/btf/ks_target ]; then
	echo "  note: ks_target has BTF on this kernel: -5 for an int is OK"
	expect_exit 0 killswitch check ks_target_value -5
else
	expect_exit 10 killswitch check ks_target_value -5
	expect_exit 10 killswitch engage --strict ks_target_value -5
	expect_engaged_file ""
fi
expect_exit 11 killswitch check schedule
expect_exit 11 killswitch engage schedule 0
expect_not_engaged schedule
expect_exit 11 killswitch --json check schedule
assert_match '"verdict":"REFUSE"' "$out"

step "engage notloaded:fn: no such module on disk, exit 5, nothing written"
expect_exit 5 killswitch engage notloaded:fn -EPERM
assert_match "no module notloaded" "$out"
expect_not_engaged notloaded:fn

step "engage ax25:ax25_create before ax25 is loaded: checked from its .ko, pending"
expect_ok killswitch engage ax25:ax25_create -EPERM
expect_state ax25:ax25_create pending
expect_module_unloaded ax25
expect_ok killswitch status
assert_match "state=pending" "$out"
expect_ok killswitch disengage ax25:ax25_create

step "with ax25 loaded, a pattern engages its functions in one batch as ax25:..."
expect_ok modprobe ax25
expect_ok killswitch engage 'ax25_*' -EPERM
assert_match "ax25_\* matches" "$out"
assert_match "engaged ax25:ax25_" "$out"
expect_state ax25:ax25_create armed
expect_errno EPERM sock AF_AX25 SOCK_SEQPACKET

step "disengage by pattern releases all of them in one write"
expect_ok killswitch disengage 'ax25:*'
expect_not_engaged ax25:ax25_create
expect_engaged_file ""

step "engage --from FILE: one write; a failing line is named and none applied"
printf '# two targets\nax25:ax25_create -EPERM\nks_target_nonexistent 0\n' >/tmp/list
expect_exit "$KS_EXIT_NOT_FOUND" killswitch engage --from /tmp/list
expect_engaged_file ""
printf 'ax25:ax25_create -EPERM\nax25:ax25_connect EACCES\n' >/tmp/list
expect_ok killswitch engage --from /tmp/list
expect_engaged ax25:ax25_create -1
expect_engaged ax25:ax25_connect -13
expect_exit 6 killswitch engage --from /tmp/list
assert_match "line 1 of 2 refused, none applied" "$out"
expect_ok killswitch disengage --all

step "probe reports the client that calls the function, and never blocks it"
client_start cat /proc/ks_target
expect_ok killswitch probe ks_target_value --for 3s
assert_match "would be broken" "$out"
assert_match "comm=cat" "$out"
client_stop
assert_eq 42 "$(target_value)" "ks_target_value() after the probe"
expect_engaged_file ""

step "engage --probe 2s on an idle function commits to armed"
expect_ok killswitch engage --probe 2s ks_target_value -5
wait_until 20 in_state ks_target_value armed
expect_ok killswitch status
assert_match "ks_target_value retval=-5 .* state=armed" "$out"
expect_ok killswitch disengage ks_target_value
