# Each impossible or malformed command gets its own exact errno, changes
# nothing, is logged as refused, and leaves a clean kernel log.
. /usr/lib/ksvm/functions.sh
need_module_loaded
need_tool
expect_ok modprobe af_alg

step "a known starting state: af_alg_sendmsg engaged with -1"
expect_errno ok ctl "engage af_alg_sendmsg -1"
state=$(cat "$KS_ENGAGED")
files=$(ks_files)

# refused ERRNO TEXT: the write gives ERRNO and the state is unchanged.
refused() {
	_errno=$1
	shift
	expect_errno "$_errno" ctl "$@"
	assert_eq "$state" "$(cat "$KS_ENGAGED")" "engaged after the refusal"
}

step "unknown symbols: ENOENT"
dmesg_mark
refused ENOENT "engage no_such_function_ks -1"
expect_log '^killswitch: refused engage no_such_function_ks retval=-1 error=-ENOENT uid=0 auid=4294967295 ses=4294967295 comm=kswrite$'
refused ENOENT "engage af_alg:no_such_function_ks -1"

step "engage of an engaged function: EBUSY, and the retval is not changed"
dmesg_mark
refused EBUSY "engage af_alg_sendmsg -1"
refused EBUSY "engage af_alg_sendmsg -22"
expect_engaged af_alg_sendmsg -1
expect_log '^killswitch: refused engage af_alg_sendmsg retval=-22 error=-EBUSY '

step "disengage of a function that is not engaged, or does not exist: ENOENT"
dmesg_mark
refused ENOENT "disengage af_alg_accept"
refused ENOENT "disengage no_such_function_ks"
expect_log '^killswitch: refused disengage af_alg_accept error=-ENOENT '

step "malformed commands: EINVAL"
dmesg_mark
for cmd in "engage" "engage af_alg_sendmsg" "engage af_alg_sendmsg -1 extra" \
	   "Engage af_alg_sendmsg -1" "ENGAGE af_alg_sendmsg -1" \
	   "engage af_alg_sendmsg 007" "engage af_alg_sendmsg +1" \
	   "engage af_alg_sendmsg 1e3" "engage af_alg_sendmsg 0x" \
	   "engage af_alg_sendmsg 0xg1" "engage af_alg_sendmsg --1" \
	   "engage af_alg_sendmsg 9223372036854775808" \
	   "engage af_alg_sendmsg -9223372036854775809" \
	   "engage af_alg_sendmsg 0x10000000000000000" \
	   "engage bad-symbol -1" "engage bad/symbol -1" "engage :af_alg_sendmsg -1" \
	   "disengage" "disengage a b" "disengage_all now" "frobnicate af_alg_sendmsg"; do
	refused EINVAL "$cmd"
done
expect_log '^killswitch: refused .*error=-EINVAL uid=0 auid=4294967295 ses=4294967295 comm=kswrite$'

step "a symbol of 512 characters is malformed: EINVAL"
long=$(head -c 512 /dev/zero | tr '\0' a)
refused EINVAL "engage $long -1"

step "a batch is all or nothing: one bad line, and no line of it applies"
dmesg_mark
refused ENOENT -e 'engage af_alg_accept -1\nengage no_such_function_ks -1\n'
expect_not_engaged af_alg_accept
expect_log '^killswitch: refused engage no_such_function_ks retval=-1 error=-ENOENT .*none applied'
refused EBUSY -e 'engage af_alg_accept -1\nengage af_alg_sendmsg -1'
expect_not_engaged af_alg_accept

step "malformed batches: mixed verbs, two disengage_all, a NUL, over 4096 lines: EINVAL"
refused EINVAL -e 'engage af_alg_accept -1\ndisengage af_alg_sendmsg'
refused EINVAL -e 'disengage af_alg_sendmsg\ndisengage_all\n'
refused EINVAL -e 'disengage_all\ndisengage_all'
refused EINVAL -e 'engage af_alg_accept\0 -1'
refused EINVAL -e 'engage af_alg_accept -1\n\0'
refused EINVAL "$(i=0; while [ $i -le 4096 ]; do echo "disengage f$i"; i=$((i + 1)); done)"

step "a write at a non-zero offset: EINVAL"
refused EINVAL -o 1 "engage af_alg_accept -1"

step "a write over 65536 bytes: E2BIG"
refused E2BIG "$(head -c 65537 /dev/zero | tr '\0' ' ')"

step "every function of killswitch itself, .exit.text included: EACCES"
# Padding symbols (__pfx_*) are not functions.  The module's init code is
# freed after load, so anything kallsyms still shows at or above .init.text
# need only be refused, with whatever errno.
init=$(cat /sys/module/killswitch/sections/.init.text 2>/dev/null)
own=$(awk -v init="${init#0x}" '
	$2 ~ /^[tT]$/ && $4 == "[killswitch]" && $3 !~ /^__pfx_/ {
		print (init != "" && $1 >= init ? "freed" : "live"), $3
	}' /proc/kallsyms)
[ -n "$own" ] || fail "no text symbol of [killswitch] in /proc/kallsyms"
printf '%s\n' "$own" | while read -r where sym; do
	if [ "$where" = live ]; then
		refused EACCES "engage $sym 0"
	else
		run ctl "engage $sym 0"
		[ "$out" != ok ] || fail "engaging freed init code $sym succeeded"
	fi
done || exit 1

step "a function kprobes refuses (blacklisted): the kernel's EINVAL passes through"
bl=$(awk '{ print $2 }' /sys/kernel/debug/kprobes/blacklist |
	while read -r s; do grep -qE " [tT] $s\$" /proc/kallsyms && { echo "$s"; break; }; done)
[ -n "$bl" ] || fail "no kprobe-blacklisted function found"
refused EINVAL "engage $bl 0"

step "a freed __init function: EINVAL"
refused EINVAL "engage start_kernel 0"

step "the tool maps these to its exit codes"
expect_exit "$KS_EXIT_NOT_FOUND" killswitch engage no_such_function_ks -1
expect_exit "$KS_EXIT_BUSY" killswitch engage af_alg_sendmsg -EPERM
expect_exit "$KS_EXIT_NOT_FOUND" killswitch disengage af_alg_accept
# The tool's own check refuses the blacklisted function first (exit 11);
# with --force the kernel's refusal comes through (exit 7).
expect_exit 11 killswitch engage "$bl" 0
expect_exit "$KS_EXIT_REFUSED" killswitch engage --force "$bl" 0
expect_exit "$KS_EXIT_USAGE" killswitch engage af_alg_sendmsg
expect_exit "$KS_EXIT_USAGE" killswitch engage af_alg_sendmsg not_a_number
expect_exit "$KS_EXIT_USAGE" killswitch frobnicate
assert_eq "$state" "$(cat "$KS_ENGAGED")" "engaged after the tool's refusals"

step "nothing else changed and the kernel log is clean"
assert_eq "$files" "$(ks_files)" "the module's files"
expect_errno ok ctl "disengage af_alg_sendmsg"
expect_engaged_file ""
expect_kernel_healthy
