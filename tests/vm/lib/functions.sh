# SPDX-License-Identifier: GPL-2.0
#
# Helper verbs for VM scenarios, sourced inside the guest:
#
#   . /usr/lib/ksvm/functions.sh
#
# Every expect_* and assert_* verb either prints one line saying what held,
# or calls fail, which says what was expected and what came instead and
# exits 1: a scenario stops at its first broken expectation, so later steps
# may rely on earlier ones.  A scenario whose prerequisite is missing calls
# skip, which exits 77; run-all reports that as SKIP with the reason.
#
# Commands are shown as "$ cmd" with their output indented below, so a
# failed run's log reads as a transcript.

KS_DIR=/sys/kernel/security/killswitch
KS_CONTROL=$KS_DIR/control
KS_ENGAGED=$KS_DIR/engaged
KS_TAINT=$KS_DIR/taint
KS_LAST_ERROR=$KS_DIR/last_error
KS_FN=$KS_DIR/fn

# Exit codes of the killswitch tool (killswitch --help, README).
KS_EXIT_OK=0
KS_EXIT_USAGE=2
KS_EXIT_NO_MODULE=3
KS_EXIT_PERM=4
KS_EXIT_NOT_FOUND=5
KS_EXIT_BUSY=6
KS_EXIT_REFUSED=7

# What counts as the kernel having hurt itself, as an extended regex over
# kernel log messages with the timestamp removed.  run-script reads this
# line and applies the same list to the console: keep it on one line.
KSVM_BAD_KLOG='^(-+\[ cut here \]-+|WARNING:|BUG:|kernel BUG at|Oops|general protection fault|Kernel panic|Call Trace:|watchdog: BUG:|INFO: task .* blocked|UBSAN:|KASAN:|rcu: INFO:)'

_ksvm_step=0
_ksvm_mark=0

# busybox sh runs its own applets before anything on PATH; the module tools
# are meant to be kmod's, as the kernel's request_module() uses.
insmod() { /sbin/insmod "$@"; }
rmmod() { /sbin/rmmod "$@"; }
modprobe() { /sbin/modprobe "$@"; }
lsmod() { /sbin/lsmod "$@"; }
modinfo() { /sbin/modinfo "$@"; }

# step SENTENCE: announce the next part of the scenario, on the console
# and in the kernel log (at debug level, so only dmesg shows it there).
step() {
	_ksvm_step=$((_ksvm_step + 1))
	echo "--- step $_ksvm_step: $*"
	echo "<7>ksvm: step $_ksvm_step: $*" 2>/dev/null >/dev/kmsg
}

fail() {
	echo "FAIL: $*"
	exit 1
}

skip() {
	echo "SKIP: $*"
	exit 77
}

# quoted ARGS...: the words as a shell would need them typed.
quoted() {
	_s=
	for _a in "$@"; do
		case $_a in
		*[!A-Za-z0-9_./:=+,@%-]* | "")
			_a="'$(printf '%s' "$_a" | sed "s/'/'\\\\''/g")'" ;;
		esac
		_s="$_s${_s:+ }$_a"
	done
	printf '%s\n' "$_s"
}

# shown ARGS...: quoted, but a word over 200 characters is cut short and
# given with its length: for transcripts only.
shown() {
	_w=
	for _b in "$@"; do
		[ ${#_b} -gt 200 ] &&
			_b="$(printf '%s' "$_b" | head -c 40)...(${#_b} chars)"
		_w="$_w${_w:+ }$(quoted "$_b")"
	done
	printf '%s\n' "$_w"
}

# run CMD...: runs CMD, shows it and its output, leaves the combined output
# in $out and the exit status in $rc.
run() {
	echo "  \$ $(shown "$@")"
	out=$("$@" 2>&1)
	rc=$?
	[ -n "$out" ] && printf '%s\n' "$out" | sed 's/^/  | /'
	return 0
}

expect_ok() {
	run "$@"
	[ "$rc" = 0 ] || fail "expected '$*' to succeed, it exited $rc"
	echo "  ok: exit 0"
}

# expect_exit N CMD...: CMD exits with status N (a tool exit code).
expect_exit() {
	_want=$1
	shift
	run "$@"
	[ "$rc" = "$_want" ] || fail "expected '$*' to exit $_want, it exited $rc"
	echo "  ok: exit $rc"
}

expect_fail() {
	run "$@"
	[ "$rc" != 0 ] || fail "expected '$*' to fail, it succeeded"
	echo "  ok: failed with exit $rc"
}

# ctl [-e] [-d] [-o OFFSET] TEXT: one write(2) of TEXT to the control
# file; prints "ok" or the errno name (see kswrite.c).  -e expands
# \n-style escapes, -d drops CAP_SYS_ADMIN first, -o writes at OFFSET.
ctl() {
	_opts=
	while [ $# -gt 1 ]; do
		case $1 in
		-e|-d) _opts="$_opts $1"; shift ;;
		-o) _opts="$_opts -o $2"; shift 2 ;;
		*) break ;;
		esac
	done
	# $_opts is deliberately split into words.
	# shellcheck disable=SC2086
	kswrite $_opts "$KS_CONTROL" "$1"
}

# expect_errno ERRNO CMD...: CMD prints an errno name last, as kswrite and
# ctl do, and that name is ERRNO ("ok" for success).
expect_errno() {
	_want=$1
	shift
	run "$@"
	_got=$(printf '%s\n' "$out" | tail -n 1)
	[ "$_got" = "$_want" ] || fail "expected '$*' to give $_want, got '$_got'"
	echo "  ok: got $_got"
}

# assert_eq EXPECTED ACTUAL [WHAT]
assert_eq() {
	[ "$1" = "$2" ] || fail "${3:-value}: expected '$1', got '$2'"
	echo "  ok: ${3:-value} is '$2'"
}

# assert_match REGEX ACTUAL [WHAT]: extended regex, anywhere in ACTUAL.
assert_match() {
	printf '%s\n' "$2" | grep -Eq -- "$1" ||
		fail "${3:-value}: expected a match for /$1/, got '$2'"
	echo "  ok: ${3:-value} matches /$1/"
}

assert_no_match() {
	! printf '%s\n' "$2" | grep -Eq -- "$1" ||
		fail "${3:-value}: expected no match for /$1/, got '$2'"
	echo "  ok: ${3:-value} does not match /$1/"
}

# assert_gt A B [WHAT]: integer A > integer B.
assert_gt() {
	[ -n "$1" ] && [ "$1" -gt "$2" ] 2>/dev/null ||
		fail "${3:-value}: expected more than $2, got '$1'"
	echo "  ok: ${3:-value} is $1 (> $2)"
}

# wait_until SECONDS CMD...: runs CMD (quietly) every 0.2 s until it
# succeeds; fails the scenario if it has not after SECONDS.
wait_until() {
	_limit=$(($1 * 5))
	shift
	_tries=0
	until "$@" >/dev/null 2>&1; do
		_tries=$((_tries + 1))
		[ "$_tries" -lt "$_limit" ] ||
			fail "'$(shown "$@")' did not hold within $((_limit / 5))s"
		sleep 0.2
	done
	echo "  ok: '$(shown "$@")' holds (after ~$((_tries / 5))s)"
}

# taint_bit20: prints bit 20 (TAINT_KILLSWITCH, 'H') of the taint mask.
taint_bit20() {
	echo $((($(cat /proc/sys/kernel/tainted) >> 20) & 1))
}

# engaged_line SYMBOL: that symbol's line in the engaged file, if any.
engaged_line() {
	grep -E "^$1( |\$)" "$KS_ENGAGED" 2>/dev/null
}

# hits SYMBOL: the hits= field of SYMBOL's engaged line (empty if none).
hits() {
	engaged_line "$1" | sed -n 's/.* hits=\([0-9]*\).*/\1/p'
}

# expect_engaged SYMBOL RETVAL
expect_engaged() {
	_line=$(engaged_line "$1")
	[ -n "$_line" ] || fail "$1 is not in $KS_ENGAGED"
	assert_match "^$1 retval=$2( |\$)" "$_line" "engaged line of $1"
}

expect_not_engaged() {
	_line=$(engaged_line "$1")
	[ -z "$_line" ] || fail "$1 is still engaged: '$_line'"
	echo "  ok: $1 is not engaged"
}

# state_of TARGET: the state= field of TARGET's engaged line (empty if
# TARGET is not engaged).
state_of() {
	engaged_line "$1" | sed -n 's/.* state=\([a-z]*\).*/\1/p'
}

# fn_read TARGET FILE: fn/TARGET/FILE (retval, hits, state or callers).
fn_read() {
	cat "$KS_FN/$1/$2"
}

# expect_state TARGET STATE: the engaged line and fn/TARGET/state agree
# that TARGET is in STATE (armed, pending, observing, observed, failed).
expect_state() {
	assert_eq "$2" "$(state_of "$1")" "state of $1 in engaged"
	assert_eq "$2" "$(fn_read "$1" state 2>&1)" "fn/$1/state"
}

# in_state TARGET STATE and not_engaged TARGET: tests, for wait_until.
in_state() {
	[ "$(state_of "$1")" = "$2" ]
}

not_engaged() {
	[ -z "$(engaged_line "$1")" ]
}

# set_retval [-d] TARGET VALUE: one write(2) of VALUE to fn/TARGET/retval;
# prints "ok" or the errno name, like ctl (-d drops CAP_SYS_ADMIN).
set_retval() {
	_opts=
	[ "$1" = -d ] && { _opts=-d; shift; }
	# shellcheck disable=SC2086
	kswrite $_opts "$KS_FN/$1/retval" "$2"
}

# expect_last_error TEXT: last_error says exactly TEXT.
expect_last_error() {
	assert_eq "$1" "$(cat "$KS_LAST_ERROR")" "last_error"
}

# engaged_summary: the engaged file reduced to "<target> retval=V hits=N"
# lines: hit counts are masked, and keys other than retval and hits are
# dropped, as the contract tells readers to ignore keys they do not know.
engaged_summary() {
	awk '{
		line = $1
		for (i = 2; i <= NF; i++) {
			if ($i ~ /^retval=/) line = line " " $i
			else if ($i ~ /^hits=[0-9]+$/) line = line " hits=N"
		}
		print line
	}' "$KS_ENGAGED"
}

# expect_engaged_file TEXT: engaged_summary is exactly TEXT.
expect_engaged_file() {
	assert_eq "$1" "$(engaged_summary)" "engaged"
}

# ks_files: every path of the module under securityfs, sorted.
ks_files() {
	find /sys/kernel/security -path '*killswitch*' 2>/dev/null | sort
}

# dmesg_mark: remember this point of the kernel log; dmesg_since_mark and
# the expect_log verbs look only at what came after the last mark.
dmesg_mark() {
	_ksvm_mark=$((_ksvm_mark + 1))
	echo "<7>ksvm-mark $$.$_ksvm_mark" >/dev/kmsg
}

# dmesg_since_mark: kernel messages after the last mark, without timestamps.
dmesg_since_mark() {
	dmesg | sed -e 's/^\[ *[0-9.]*\] //' |
		sed -n "/^ksvm-mark $$\\.$_ksvm_mark\$/,\$p" | sed 1d
}

# ks_log: the killswitch lines since the last mark.
ks_log() {
	dmesg_since_mark | grep '^killswitch: '
}

# expect_log REGEX: some kernel message since the last mark matches.
expect_log() {
	if ! dmesg_since_mark | grep -Eq -- "$1"; then
		echo "  kernel log since the mark:"
		dmesg_since_mark | sed 's/^/  | /'
		fail "no kernel log line matches /$1/"
	fi
	echo "  ok: kernel log has /$1/"
}

expect_no_log() {
	if dmesg_since_mark | grep -Eq -- "$1"; then
		dmesg_since_mark | grep -E -- "$1" | sed 's/^/  | /'
		fail "kernel log has a line matching /$1/"
	fi
	echo "  ok: kernel log has no /$1/"
}

# expect_ks_log [REGEX] <<EOF ... EOF: the killswitch lines since the last
# mark (only those matching REGEX, if given) are exactly the given ones, in
# order.
expect_ks_log() {
	_want=$(cat)
	_got=$(ks_log | grep -E -- "${1:-.}")
	if [ "$_want" != "$_got" ]; then
		echo "  expected killswitch log:"
		printf '%s\n' "$_want" | sed 's/^/  - /'
		echo "  got:"
		printf '%s\n' "$_got" | sed 's/^/  + /'
		fail "killswitch log differs"
	fi
	echo "  ok: killswitch log is as expected ($(printf '%s\n' "$_got" |
		grep -c .) lines)"
}

# expect_kernel_healthy: no oops, WARN or BUG since boot, and neither the
# D (oops) nor the W (warning) taint flag is set.
expect_kernel_healthy() {
	_bad=$(dmesg | sed 's/^\[ *[0-9.]*\] //' | grep -E -- "$KSVM_BAD_KLOG")
	[ -z "$_bad" ] || fail "kernel log shows trouble: $_bad"
	_t=$(cat /proc/sys/kernel/tainted)
	[ $(((_t >> 7) & 1)) = 0 ] || fail "kernel tainted D (died): $_t"
	[ $(((_t >> 9) & 1)) = 0 ] || fail "kernel tainted W (warned): $_t"
	echo "  ok: kernel healthy (tainted=$_t)"
}

# What the kernel's debug checks print when they fire, beyond
# KSVM_BAD_KLOG's WARNING:/BUG: headers: lockdep (PROVE_LOCKING),
# DEBUG_ATOMIC_SLEEP, PROVE_RCU, DEBUG_LIST, DEBUG_OBJECTS, kmemleak, and
# lockdep switching itself off.  An extended regex, one line.
KSVM_DEBUG_KLOG='sleeping function called from invalid context|scheduling while atomic|possible (recursive|circular) locking|inconsistent lock state|possible irq lock inversion|suspicious RCU usage|bad unlock balance|held lock freed|lock held when returning to user space|DEBUG_LOCKS_WARN_ON|lockdep is turned off|list_(add|del) corruption|ODEBUG:|kmemleak: ([0-9]+ new suspected|.*disabled|Cannot)'

# The debug checks debug_checks reports on, as CONFIG_ names.
KSVM_DEBUG_CHECKS="PROVE_LOCKING DEBUG_ATOMIC_SLEEP DEBUG_KMEMLEAK DEBUG_LIST DEBUG_OBJECTS KASAN"

# kconfig NAME: CONFIG_NAME of the booted kernel as its .config has it
# (y, m, a number or a string), or n when it is not set.  Fails when the
# harness had no config for this kernel to put in the VM.
kconfig() {
	[ -r /usr/lib/ksvm/kconfig ] || return 1
	_v=$(sed -n "s/^CONFIG_$1=//p" /usr/lib/ksvm/kconfig)
	echo "${_v:-n}"
}

# debug_checks: says which of KSVM_DEBUG_CHECKS this kernel has, and that
# the others cannot report anything in this run.
debug_checks() {
	_on= _off=
	for _c in $KSVM_DEBUG_CHECKS; do
		case $(kconfig "$_c") in
		y) _on="$_on $_c" ;;
		"") echo "  NOTE: no kernel config in the VM: which debug checks" \
			 "run is unknown"; return 0 ;;
		*) _off="$_off $_c" ;;
		esac
	done
	echo "  debug checks in this kernel:${_on:- none}"
	[ -z "$_off" ] ||
		echo "  NOTE: not in this kernel:$_off; what they catch cannot show here"
}

# expect_lockdep_alive: with PROVE_LOCKING, lockdep is still checking
# (debug_locks 1).  It switches itself off at its first report, or when
# one of its tables is full, and is silent from then on.
expect_lockdep_alive() {
	[ "$(kconfig PROVE_LOCKING)" = y ] || return 0
	_dl=$(sed -n 's/^ *debug_locks: *//p' /proc/lockdep_stats)
	assert_eq 1 "$_dl" "debug_locks in /proc/lockdep_stats (lockdep still on)"
}

# kmemleak_forget: one scan, then "clear": what kmemleak suspects now
# (boot's own objects) is not reported again.
kmemleak_forget() {
	echo scan >/sys/kernel/debug/kmemleak
	echo clear >/sys/kernel/debug/kmemleak
}

# kmemleak_report: waits out kmemleak's minimum age (5 s), scans twice (a
# pointer that was only in flight during the first scan is found by the
# second) and prints what it reports since the last kmemleak_forget.
kmemleak_report() {
	sleep 6
	echo scan >/sys/kernel/debug/kmemleak
	sleep 1
	echo scan >/sys/kernel/debug/kmemleak
	cat /sys/kernel/debug/kmemleak
}

# kmemleak_objects_of RE: of a kmemleak report on stdin, the objects whose
# allocation backtrace has a frame matching RE, one line each: the object
# and its frames.
kmemleak_objects_of() {
	KSVM_RE=$1 awk '
	BEGIN { re = ENVIRON["KSVM_RE"] }
	function flush() { if (hit) print obj; obj = ""; hit = 0 }
	/^unreferenced object/ { flush(); obj = $3 " " $4 " " $5; next }
	/^ +\[<[0-9a-f]+>\]/ {
		f = $0; sub(/^ +\[<[0-9a-f]+>\] /, "", f)
		obj = obj " " f
		if (f ~ re) hit = 1
	}
	END { flush() }'
}

# expect_no_leaks REPORT: a kmemleak report (kmemleak_report's output)
# names no object that killswitch or ks_target allocated: none with a
# frame in either module, or a bare address (code of a module that has
# been unloaded since; no other module comes and goes in these VMs).
# Other objects are listed but do not fail.
expect_no_leaks() {
	_n=$(grep -c '^unreferenced object' "$1")
	_ours=$(kmemleak_objects_of '\[(killswitch|ks_target)\]$|^0x[0-9a-f]+$' <"$1")
	_others=$(kmemleak_objects_of . <"$1" | grep -vxF -- "$_ours")
	echo "  kmemleak: $_n unreferenced object(s) since the start"
	[ -z "$_others" ] ||
		printf '%s\n' "$_others" | head -n 5 | cut -c1-200 | sed 's/^/    not ours: /'
	[ -z "$_ours" ] ||
		printf '%s\n' "$_ours" | head -n 10 | cut -c1-300 | sed 's/^/    | /'
	assert_eq 0 "$(printf '%s' "$_ours" | grep -c .)" \
		"unreferenced objects allocated by killswitch or ks_target"
}

# as_user CMD...: runs CMD as uid 1000 with no capabilities; the helper
# verbs are available to it.
as_user() {
	su -s /bin/sh user -c ". /usr/lib/ksvm/functions.sh; $(quoted "$@")"
}

# sock FAMILY TYPE [PROTOCOL]: one socket(2) call (see kssocket.c);
# prints "ok" or the errno name, so expect_errno can check it.
sock() {
	kssocket "$@"
}

# modprobe_alias ALIAS MODULE: tells modprobe that ALIAS means MODULE, as
# a file in /etc/modprobe.d would on an installed system.
modprobe_alias() {
	mkdir -p /etc/modprobe.d
	echo "alias $1 $2" >>/etc/modprobe.d/ksvm.conf
	echo "  /etc/modprobe.d/ksvm.conf: alias $1 $2"
}

# module_loaded NAME: a test: NAME is a loaded module (not built in).
module_loaded() {
	grep -q "^$1 " /proc/modules
}

expect_module_loaded() {
	module_loaded "$1" || fail "module $1 is not loaded"
	echo "  ok: module $1 is loaded"
}

expect_module_unloaded() {
	! module_loaded "$1" || fail "module $1 is loaded"
	echo "  ok: module $1 is not loaded"
}

# traceable MODULE: the functions of loaded module MODULE that ftrace can
# patch, from tracefs, one per line, sorted, each name once.
traceable() {
	sed -n "s/^\([^ ]*\) \[$1\]\$/\1/p" \
		/sys/kernel/tracing/available_filter_functions | sort -u
}

# client_start CMD...: runs CMD over and over in the background, output
# discarded, until client_stop; a caller the scenario controls.
client_start() {
	echo "  \$ while :; do $(shown "$@"); done &"
	(while :; do "$@"; done) >/dev/null 2>&1 &
	_ksvm_client=$!
}

client_stop() {
	[ -n "${_ksvm_client:-}" ] || return 0
	echo "  \$ kill %client"
	kill "$_ksvm_client" 2>/dev/null
	wait "$_ksvm_client" 2>/dev/null
	_ksvm_client=
}

# The AF_ALG client several scenarios use: AES-128-CBC of a fixed 32-byte
# plaintext under a fixed key and IV.  KCAPI_CIPHERTEXT is the answer that
# "openssl enc -aes-128-cbc -nopad" gives for the same input on the host.
KCAPI_KEY=0123456789abcdef
KCAPI_IV=000102030405060708090a0b0c0d0e0f
KCAPI_PLAIN='killswitch test plaintext 32 by.'
KCAPI_CIPHERTEXT=fac663f60a3277e8e66d51e00ae7f2675ea880478a8fc069f6fb11277c237ade

# kcapi_encrypt OUT: encrypts the fixed plaintext into the file OUT.  On
# failure kcapi-enc says "encryption failed with error -N", N the errno.
kcapi_encrypt() {
	printf '%s' "$KCAPI_KEY" >/tmp/.kcapi-key
	printf '%s' "$KCAPI_PLAIN" >/tmp/.kcapi-plain
	rm -f "$1"
	kcapi-enc -e -c 'cbc(aes)' --iv "$KCAPI_IV" --keyfd 3 \
		-i /tmp/.kcapi-plain -o "$1" 3</tmp/.kcapi-key
}

# hex_of FILE: the file's bytes as one line of lower-case hex.
hex_of() {
	od -An -tx1 -v "$1" | tr -d ' \n'
}

# load_target: loads ks_target.ko, the test-only target module, which puts
# ks_target_value() (normally 42) behind /proc/ks_target.  Returns 1, with
# a notice, when it was not built.
load_target() {
	if [ ! -f "$KS_TARGET" ]; then
		echo "  NOTE: ks_target.ko was not built; steps that need it are left out"
		return 1
	fi
	[ -e /proc/ks_target ] || expect_ok insmod "$KS_TARGET"
}

# target_value: what ks_target_value() returns now.
target_value() {
	tr ' ' '\n' </proc/ks_target | sed -n 's/^value=//p'
}

# expect_check VERDICT ARGS...: "killswitch check ARGS" says VERDICT (OK,
# WARN or REFUSE) on its first line and in its exit status (0, 10, 11);
# its report stays in $out for expect_reason and expect_fact.
expect_check() {
	case $1 in
	OK) _code=0 ;;
	WARN) _code=10 ;;
	REFUSE) _code=11 ;;
	*) fail "expect_check: '$1' is not a verdict" ;;
	esac
	_verdict=$1
	shift
	run killswitch check "$@"
	[ "$rc" = "$_code" ] ||
		fail "expected 'killswitch check $*' to say $_verdict (exit $_code), it exited $rc"
	assert_match "^[^ ]+: $_verdict( |\$)" "$(printf '%s\n' "$out" | head -n 1)" \
		"verdict"
}

# expect_reason LEVEL CODE: the last check gave a reason of LEVEL (note,
# warn, refuse) with the finding code CODE (docs/check.md).
expect_reason() {
	printf '%s\n' "$out" | grep -Eq -- "^  $1 +.* \[$2\]\$" ||
		fail "the check gave no $1 reason [$2]"
	echo "  ok: $1 [$2]"
}

# expect_fact KEY REGEX: the last check's KEY line (where, matches, clones,
# returns, probe, retval) matches the extended regex REGEX.
expect_fact() {
	_fact=$(printf '%s\n' "$out" | sed -n "s/^  $1  *//p" | head -n 1)
	[ -n "$_fact" ] || fail "the check printed no '$1' line"
	assert_match "$2" "$_fact" "$1"
}

# need_module_loaded: the scenario needs killswitch.ko loaded by init.
need_module_loaded() {
	[ -d "$KS_DIR" ] ||
		fail "$KS_DIR is missing: killswitch.ko is not loaded"
}

need_tool() {
	command -v killswitch >/dev/null ||
		fail "the killswitch tool is not in the initramfs (not built?)"
}

# need_program NAME [PACKAGE]: skip when a client program is absent.
need_program() {
	command -v "$1" >/dev/null ||
		skip "$1 is not in the initramfs (install ${2:-its package} on the host)"
}
