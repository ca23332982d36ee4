# Times engaging and releasing every traceable ax25 function one write at
# a time and as one batch, and the cost of a call to an engaged function
# against the bare call and a kprobe override; prints "BENCH key value".
# vm: timeout=1200
. /usr/lib/ksvm/functions.sh

# Set by bench/run-vm-bench in its copy of this script.
ROUNDS=3
CALL_ROUNDS=7
CALLS=1000000

need_module_loaded
[ -f "$KS_TARGET" ] || fail "ks_target.ko was not built"

# bench KEY VALUE: one figure for the host to collect.
bench() {
	echo "BENCH $1 $2"
}

# timed KEY [-l] INPUT: kstime of INPUT into control; records its ns.
timed() {
	_key=$1 _opt=
	shift
	[ "$1" = -l ] && { _opt=-l; shift; }
	# $_opt is empty or one word.
	# shellcheck disable=SC2086
	_r=$(kstime $_opt "$KS_CONTROL" "$1" 2>&1)
	[ "$(printf '%s\n' "$_r" | tail -n 1)" = ok ] ||
		fail "$_key: kstime $_opt $1: $_r; last_error: $(cat "$KS_LAST_ERROR")"
	bench "$_key" "$(printf '%s\n' "$_r" | sed -n 's/.* ns=\([0-9]*\)$/\1/p')"
}

# expect_armed N: exactly N engagements, all armed.
expect_armed() {
	if [ "$(grep -c ' state=armed$' "$KS_ENGAGED")" != "$1" ] ||
	   [ "$(grep -c . "$KS_ENGAGED")" != "$1" ]; then
		fail "expected $1 armed engagements, engaged has: $(head -n 3 "$KS_ENGAGED")"
	fi
}

# ns_per_call WHAT: ks_target's own timing of CALLS calls of WHAT.
ns_per_call() {
	echo "$1 $CALLS" >/proc/ks_target || fail "write to /proc/ks_target failed"
	sed -n 's/.* ns_per_call=\([0-9]*\)$/\1/p' /proc/ks_target
}

step "every traceable ax25 function"
expect_ok modprobe ax25
traceable ax25 >/tmp/fns
n=$(grep -c . /tmp/fns)
assert_gt "$n" 0 "traceable ax25 functions"
bench functions "$n"
bench cpus "$(nproc)"
sed 's/.*/engage ax25:& -1/' /tmp/fns >/tmp/engage
sed 's/.*/disengage ax25:&/' /tmp/fns >/tmp/release

r=1
while [ "$r" -le "$ROUNDS" ]; do
	step "round $r of $ROUNDS: one write per function, then one batch"
	timed one_engage_ns -l /tmp/engage
	expect_armed "$n"
	timed one_release_ns -l /tmp/release
	expect_armed 0
	timed batch_engage_ns /tmp/engage
	expect_armed "$n"
	timed batch_release_ns /tmp/release
	expect_armed 0
	r=$((r + 1))
done
expect_ok rmmod ax25

step "cost per call: ks_target_value bare and engaged, ks_target_twin under a kprobe"
expect_ok insmod "$KS_TARGET" kprobe_twin=1
assert_eq "value=42 twin=-1" "$(head -n 1 /proc/ks_target)" "/proc/ks_target"
r=1
while [ "$r" -le "$CALL_ROUNDS" ]; do
	bench bare_ns "$(ns_per_call value)"
	bench kprobe_ns "$(ns_per_call twin)"
	echo "engage ks_target_value -1" >"$KS_CONTROL" || fail "engage failed"
	bench engaged_ns "$(ns_per_call value)"
	# The loop's calls, and the read that reported them.
	[ "$(hits ks_target_value)" = $((CALLS + 1)) ] ||
		fail "engaged calls not all intercepted: hits=$(hits ks_target_value)"
	echo "disengage ks_target_value" >"$KS_CONTROL" || fail "disengage failed"
	r=$((r + 1))
done
expect_kernel_healthy
