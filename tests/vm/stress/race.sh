# While ks_target_value() is called in tight loops on every vCPU, random
# engage, disengage, retval flips, tryengage, observe and disengage_all
# never let a caller see anything but 42 or a value that was engaged, and
# the hit counters add up to exactly the overridden calls the callers saw.
# vm: timeout=400
# vm: cmdline=log_buf_len=16M softlockup_panic=1 softlockup_all_cpu_backtrace=1
. /usr/lib/ksvm/functions.sh
need_module_loaded
load_target || fail "ks_target.ko is needed for a function to call"
SECONDS_=${STRESS_SECONDS:-60}
NCPU=$(nproc)
T=/tmp/race
mkdir -p $T
VALUE=ks_target_value
TWIN=ks_target_twin

# The whole kernel log, record by record, from boot to the end: the
# ring buffer may wrap, /dev/kmsg says so (EPIPE) and the sequence
# numbers show it.
cat /dev/kmsg >$T/kmsg 2>$T/kmsg.err &
kmsg_pid=$!
# Warnings and worse still reach the console; killswitch's notices, a few
# thousand of them, only the log.
echo 5 >/proc/sys/kernel/printk

step "the debug checks this kernel has watch the race"
debug_checks
[ "$(kconfig DEBUG_KMEMLEAK)" = y ] && kmemleak_forget

step "$NCPU callers, one pinned to each vCPU, call $VALUE in loops of 20000"
cpu=0
while [ $cpu -lt "$NCPU" ]; do
	taskset -c $cpu sh -c "
		exec 3<>/proc/ks_target_tally
		while [ ! -e $T/stop ]; do echo 20000 >&3 || exit 1; done
		cat <&3 >$T/tally.$cpu" &
	eval "caller_$cpu=\$!"
	cpu=$((cpu + 1))
done
echo "  started $NCPU callers"

# driver ID: random commands for SECONDS_ seconds.  $VALUE gets values
# in +-(100..199), $TWIN (which nobody calls) 1000..1099; each command
# that succeeded is logged as "ok <kind> <target> <value>".
driver() {
	_end=$(($(cut -d. -f1 /proc/uptime) + SECONDS_))
	_ops=0
	while [ "$(cut -d. -f1 /proc/uptime)" -lt $_end ]; do
		_v=$((100 + RANDOM % 100))
		[ $((RANDOM % 2)) = 0 ] && _v=-$_v
		_w=$((1000 + RANDOM % 100))
		_s=$((RANDOM % 2))
		case $((RANDOM % 16)) in
		0|1|2) _k=engage _t=$VALUE _r=$(ctl "engage $VALUE $_v") ;;
		3) _k=engage _t=ks_target:$VALUE _r=$(ctl "engage ks_target:$VALUE $_v") ;;
		4) _k=engage _t=$TWIN _r=$(ctl "engage $TWIN $_w"); _v=$_w ;;
		5|6) _k=disengage _t=$VALUE _r=$(ctl "disengage $VALUE") ;;
		7) _k=disengage _t=$TWIN _r=$(ctl "disengage $TWIN") ;;
		8|9) _k=retval _t=$VALUE _r=$(set_retval $VALUE $_v 2>&1) ;;
		10) _k=retval _t=$TWIN _r=$(set_retval $TWIN $_w 2>&1); _v=$_w ;;
		11) _k=tryengage _t=$VALUE _r=$(ctl "tryengage $VALUE $_v $_s") ;;
		12) _k=observe _t=$VALUE _r=$(ctl "observe $VALUE $_s") _v=0 ;;
		13) _k=disengage_all _t=- _r=$(ctl disengage_all) ;;
		*) _k=batch _t=$VALUE _r=$(ctl -e "engage $VALUE $_v\nengage $TWIN $_w") ;;
		esac
		echo "$_r $_k $_t $_v"
		_ops=$((_ops + 1))
	done
}

step "two drivers change the engagements at random for ${SECONDS_}s"
driver >$T/ops.1 &
d1=$!
driver >$T/ops.2 &
d2=$!
wait $d1 $d2
touch $T/stop
cpu=0
while [ $cpu -lt "$NCPU" ]; do
	eval "wait \$caller_$cpu" || fail "caller on cpu $cpu failed"
	cpu=$((cpu + 1))
done
expect_errno ok ctl disengage_all
expect_engaged_file ""
sleep 1
kill $kmsg_pid
cat $T/ops.1 $T/ops.2 >$T/ops
echo "  commands: $(wc -l <$T/ops), of which ok: $(grep -c '^ok ' $T/ops)"
awk '{ n[$1 " " $2]++ } END { for (k in n) printf "    %-24s %d\n", k, n[k] }' $T/ops | sort

step "the kernel log was read whole: no gap in the record numbers"
[ ! -s $T/kmsg.err ] || fail "reading /dev/kmsg failed: $(cat $T/kmsg.err)"
gaps=$(awk -F'[,;]' '/^[0-9]+,[0-9]+,/ {
	if (seen && $2 != last + 1) print last "->" $2; last = $2; seen = 1 }' $T/kmsg)
assert_eq "" "$gaps" "gaps in /dev/kmsg sequence numbers"
sed -n 's/^[0-9]*,[0-9]*,[0-9]*,[^;]*;//p' $T/kmsg >$T/log
echo "  $(wc -l <$T/log) records, $(grep -c '^killswitch: ' $T/log) from killswitch"

step "what the callers saw"
cat $T/tally.*
calls=$(awk -F'[ =]' '/^calls=/ { s += $2 } END { print s + 0 }' $T/tally.*)
real=$(awk -F'[ =]' '/^calls=/ { s += $4 } END { print s + 0 }' $T/tally.*)
outside=$(awk -F'[ =]' '/^calls=/ { s += $6 } END { print s + 0 }' $T/tally.*)
overridden=$(awk -F'[ =]' '/^value=/ { s += $4 } END { print s + 0 }' $T/tally.*)
awk -F'[ =]' '/^value=/ { n[$2] += $4 } END { for (v in n) print v, n[v] }' \
	$T/tally.* | sort -n >$T/seen
echo "  calls=$calls real=$real overridden=$overridden outside=$outside distinct=$(wc -l <$T/seen)"
assert_eq 0 "$outside" "calls that returned a value outside [-2048, 2048)"
assert_eq "$calls" "$((real + overridden))" "calls = real + overridden"
assert_gt "$real" 0 "calls that ran the real function"
assert_gt "$overridden" 0 "overridden calls"

step "every value a caller saw was engaged on $VALUE at some point"
# Values the drivers set on ks_target_value (either name) and got "ok".
awk '$1 == "ok" && ($3 == "ks_target_value" || $3 == "ks_target:ks_target_value") &&
	$2 != "disengage" && $2 != "observe" { print $4 }' $T/ops | sort -u >$T/allowed
# And what the kernel says it applied to that function.
sed -n -e 's/^killswitch: \(engage\|tryengage\) \(ks_target:\)\{0,1\}ks_target_value retval=\([-0-9]*\) .*/\3/p' \
	-e 's/^killswitch: retval \(ks_target:\)\{0,1\}ks_target_value [-0-9]* -> \([-0-9]*\) .*/\2/p' \
	$T/log | sort -u >$T/applied
assert_eq "$(cat $T/allowed)" "$(cat $T/applied)" "values set with ok = values the log says were applied"
stray=$(awk 'FILENAME == ARGV[1] { ok[$1] = 1; next } !($1 in ok)' $T/allowed $T/seen)
assert_eq "" "$stray" "values seen that were never engaged on $VALUE (value count)"
echo "  ok: $(wc -l <$T/seen) distinct values seen, all of them engaged"

step "the log tells each engagement's life in order: opened, then closed"
# A "disengage T" or "released T" line must follow the line that engaged
# T, and T must not be engaged twice without one in between; the hit
# accounting below reads the log in that order.
awk '
	$1 != "killswitch:" { next }
	($2 == "engage" || ($2 == "tryengage" && $4 ~ /^retval=/) ||
	 ($2 == "observe" && $4 ~ /^seconds=/)) {
		t = $3
		if (t in open) print "line " NR ": engaged while open since line " open[t] ": " $0
		open[t] = NR
	}
	($2 == "disengage" || $2 == "released") && $5 ~ /^hits=/ {
		t = $3
		if (!(t in open)) print "line " NR ": released, never engaged: " $0
		delete open[t]
	}' $T/log >$T/order
if [ -s $T/order ]; then
	head -n 5 $T/order | cut -c1-200 | sed 's/^/  | /'
	head -n 2 $T/order | while read -r _ n _; do
		n=${n%:}
		echo "  around line $n:"
		sed -n "$((n - 4)),$((n + 1))p" $T/log | grep '^killswitch' |
			cut -c1-160 | sed 's/^/  |   /'
	done
	fail "$(wc -l <$T/order) killswitch log lines out of order"
fi
echo "  ok: every engagement of the log was opened before it was closed"

step "the hit counters add up to the overridden calls"
# Each engagement, by the name it was written with, from its log lines:
# its hits when released count as overridden calls if it was armed
# (engage, or a committed tryengage), as observed calls otherwise.
awk '
	$1 != "killswitch:" { next }
	$2 == "engage" { mode[$3] = "armed" }
	$2 == "tryengage" && $4 ~ /^retval=/ { mode[$3] = "trial" }
	$2 == "tryengage" && $4 == "committed:" { mode[$3] = "armed"; commits++ }
	$2 == "observe" && $4 ~ /^seconds=/ { mode[$3] = "observe" }
	($2 == "disengage" || $2 == "released") && $5 ~ /^hits=/ {
		t = $3; h = substr($5, 6); sub(/:$/, "", h)
		if (t == "ks_target_twin") twin += h
		else if (mode[t] == "armed") armed += h
		else observed += h
		closed[mode[t]]++
		delete mode[t]
	}
	END {
		for (t in mode) open++
		printf "armed_hits=%d observed_hits=%d twin_hits=%d commits=%d open=%d", armed, observed, twin, commits, open
		printf " released_armed=%d released_trial=%d released_observe=%d\n", closed["armed"], closed["trial"], closed["observe"]
	}' $T/log >$T/hits
cat $T/hits | sed 's/^/  /'
armed_hits=$(sed 's/.*armed_hits=\([0-9]*\).*/\1/' $T/hits)
observed_hits=$(sed 's/.*observed_hits=\([0-9]*\).*/\1/' $T/hits)
assert_eq 0 "$(sed 's/.* open=\([0-9]*\).*/\1/' $T/hits)" "engagements the log never closed"
assert_eq 0 "$(sed 's/.*twin_hits=\([0-9]*\).*/\1/' $T/hits)" "hits of $TWIN, which nobody calls"
assert_eq "$overridden" "$armed_hits" "overridden calls seen = hits of armed engagements"
[ "$observed_hits" -le "$real" ] ||
	fail "observed hits $observed_hits exceed the $real calls that ran the real function"
echo "  ok: observed hits $observed_hits <= real calls $real"

step "nothing left behind and no kernel trouble in the whole log"
assert_eq "" "$(grep -v 'ks_anchor' /sys/kernel/tracing/enabled_functions)" "enabled_functions besides ks_anchor"
assert_eq "" "$(cat /sys/kernel/debug/kprobes/list)" "kprobes/list"
bad=$(grep -E "$KSVM_BAD_KLOG|$KSVM_DEBUG_KLOG|RCU (stall|grace)" $T/log)
assert_eq "" "$bad" "kernel trouble in the log"
expect_lockdep_alive
expect_kernel_healthy
if [ "$(kconfig DEBUG_KMEMLEAK)" = y ]; then
	kmemleak_report >$T/kmemleak
	expect_no_leaks $T/kmemleak
fi
echo "race: ${SECONDS_}s, $NCPU callers, $calls calls ($overridden overridden), $(grep -c '^ok ' $T/ops) successful commands of $(wc -l <$T/ops)"

step "one function never had two engagements at once, and every one had its files"
# docs/control-interface.md: engaging a function "engaged under another
# name" is EBUSY; each engagement has fn/<target>/.
awk '
	$1 != "killswitch:" { next }
	($2 == "engage" || ($2 == "tryengage" && $4 ~ /^retval=/) ||
	 ($2 == "observe" && $4 ~ /^seconds=/)) {
		if ($3 ~ /ks_target_value$/) {
			if (n++) print "line " NR ": " n " engagements of ks_target_value: " $0
		}
	}
	($2 == "disengage" || $2 == "released") && $5 ~ /^hits=/ && $3 ~ /ks_target_value$/ { n-- }
' $T/log >$T/aliases
grep -n 'cannot create its files' $T/log >$T/nofiles
[ -s $T/aliases ] && head -n 3 $T/aliases | cut -c1-200 | sed 's/^/  | /'
[ -s $T/nofiles ] && head -n 3 $T/nofiles | cut -c1-200 | sed 's/^/  | /'
assert_eq 0 "$(wc -l <$T/aliases)" "times ks_target_value was engaged under a second name"
assert_eq 0 "$(wc -l <$T/nofiles)" "engagements left without their fn/ files"
