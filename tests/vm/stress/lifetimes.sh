# Unloading the target module or killswitch itself while engaged and
# under load, 100 load/unload cycles of killswitch with 67 engagements
# each, and 4096-command batches leave no oops, no probe, no traced function and no
# memory behind, and callers only ever see 42 or an engaged value.
# vm: timeout=900
# vm: cmdline=log_buf_len=16M softlockup_panic=1 softlockup_all_cpu_backtrace=1
. /usr/lib/ksvm/functions.sh
need_module_loaded
load_target || fail "ks_target.ko is needed for a function to call"
CYCLES=${STRESS_CYCLES:-100}
UNLOADS=${STRESS_UNLOADS:-10}
NCPU=$(nproc)
T=/tmp/life
mkdir -p $T
cat /dev/kmsg >$T/kmsg 2>$T/kmsg.err &
kmsg_pid=$!
echo 5 >/proc/sys/kernel/printk

step "the debug checks this kernel has watch every step"
debug_checks
[ "$(kconfig DEBUG_KMEMLEAK)" = y ] && kmemleak_forget

# callers_start: one caller per vCPU, each calling ks_target_value() in
# batches of 20000 through a fresh /proc/ks_target_tally and appending
# the batch's counts to $T/tally.CPU, until $T/stop exists or the file is
# gone (ks_target unloaded).
callers_start() {
	rm -f $T/stop $T/tally.*
	_cpu=0
	while [ $_cpu -lt "$NCPU" ]; do
		taskset -c $_cpu sh -c "
			while [ ! -e $T/stop ]; do
				exec 3<>/proc/ks_target_tally || exit 0
				echo 20000 >&3 || exit 0
				cat <&3 >>$T/tally.$_cpu
				exec 3>&-
			done" 2>/dev/null &
		_cpu=$((_cpu + 1))
	done
	echo "  started $NCPU callers"
}

callers_stop() {
	touch $T/stop
	wait_until 60 callers_gone
}

callers_gone() {
	! pgrep -f "exec 3<>/proc/ks_target_tally" >/dev/null
}

# seen_values: the values other than 42 the callers saw, sorted.
seen_values() {
	cat $T/tally.* 2>/dev/null | sed -n 's/^value=\([-0-9]*\) .*/\1/p' | sort -un | tr '\n' ' '
}

# calls_seen: calls the callers recorded (lower bound: a batch cut short
# by an unload is not read back).
calls_seen() {
	cat $T/tally.* 2>/dev/null | awk -F'[ =]' '/^calls=/ { s += $2 } END { print s + 0 }'
}

# expect_seen VALUES: the values besides 42 that callers saw are exactly
# VALUES ("" for none); each caller also saw only 42 or those.
expect_seen() {
	assert_eq "$1" "$(seen_values)" "values other than 42 the callers saw"
}

# traced: killswitch's functions in tracefs, names only (the trampoline's
# address changes from load to load).
traced() {
	awk '{ print $1, $2 }' /sys/kernel/tracing/enabled_functions
}

# kmalloc_objs: active objects summed over the kmalloc caches (and 6.12's
# separate memdup_user ones).
kmalloc_objs() {
	awk '$1 ~ /^(kmalloc|memdup_user)-[0-9]+k?$/ { s += $2 } END { print s + 0 }' /proc/slabinfo
}

# slab_snapshot FILE: "cache active_objects" of every slab cache.
slab_snapshot() {
	awk 'NR > 2 { print $1, $2 }' /proc/slabinfo | sort >"$1"
}

# slab_growth OLD NEW: caches whose active objects grew, largest first.
slab_growth() {
	awk 'FILENAME == ARGV[1] { old[$1] = $2; next }
	     $2 - old[$1] > 0 { print $2 - old[$1], $1 }' "$1" "$2" | sort -rn | head -n 8
}

meminfo() {
	awk '$1 ~ /^(Slab|SUnreclaim|Percpu):$/ { printf "%s%s kB ", $1, $2 }' /proc/meminfo
}

step "baseline: with and without killswitch loaded"
loaded_traced=$(traced)
assert_match '^ks_anchor \[killswitch\]$' "$loaded_traced" "enabled_functions with killswitch loaded"
expect_ok rmmod killswitch
base_kprobes=$(cat /sys/kernel/debug/kprobes/list)
base_traced=$(traced)
assert_eq "" "$base_kprobes" "kprobes/list"
assert_eq "" "$base_traced" "enabled_functions"
echo "  $(meminfo)"
expect_ok insmod "$KS_MODULE"

step "rmmod ks_target while its functions are engaged and called on every vCPU, $UNLOADS times"
expect_errno ok ctl -e 'engage ks_target_value 321\nengage ks_target_twin 654'
i=0
while [ $i -lt "$UNLOADS" ]; do
	callers_start
	sleep 1
	run rmmod ks_target
	[ "$rc" = 0 ] || fail "rmmod ks_target under load failed"
	callers_stop
	expect_state ks_target_value pending
	expect_state ks_target_twin pending
	expect_seen "321 "
	assert_gt "$(calls_seen)" 0 "calls recorded"
	expect_ok insmod "$KS_TARGET"
	expect_state ks_target_value armed
	assert_eq 321 "$(target_value)" "ks_target_value() after the reload"
	i=$((i + 1))
done
expect_errno ok ctl disengage_all
assert_eq "$base_kprobes" "$(cat /sys/kernel/debug/kprobes/list)" "kprobes/list"
assert_eq "$loaded_traced" "$(traced)" "enabled_functions"

step "rmmod killswitch while ks_target_value is engaged and called on every vCPU, $UNLOADS times"
i=0
while [ $i -lt "$UNLOADS" ]; do
	expect_errno ok ctl "engage ks_target_value 777"
	callers_start
	sleep 1
	run rmmod killswitch
	[ "$rc" = 0 ] || fail "rmmod killswitch under load failed"
	assert_eq 42 "$(target_value)" "ks_target_value() without killswitch"
	sleep 1
	callers_stop
	expect_seen "777 "
	assert_gt "$(cat $T/tally.* | awk -F'[ =]' '/^calls=/ { s += $4 } END { print s + 0 }')" 0 \
		"calls that returned 42 after the unload"
	assert_eq "$base_kprobes" "$(cat /sys/kernel/debug/kprobes/list)" "kprobes/list"
	assert_eq "$base_traced" "$(traced)" "enabled_functions"
	[ ! -e "$KS_DIR" ] || fail "$KS_DIR is still there"
	expect_ok insmod "$KS_MODULE"
	i=$((i + 1))
done

step "$CYCLES load/unload cycles of killswitch, each with 67 engagements"
# Each cycle: two from engage=, one vmlinux syscall nobody calls here and
# 64 pending ones in one batch, a retval change and a call; then rmmod.
# One cycle first, so that caches the first load fills are not counted.
expect_ok rmmod killswitch
batch="engage __x64_sys_acct -1$(i=0; while [ $i -lt 64 ]; do printf '\\nengage a:p%d 1' $i; i=$((i + 1)); done)"
cycle() {
	insmod "$KS_MODULE" engage=ks_target_value=5,ks_target_twin=6 ||
		fail "cycle $1: insmod failed"
	_r=$(ctl -e "$batch")
	[ "$_r" = ok ] || fail "cycle $1: the 65-line batch gave $_r"
	[ "$(set_retval ks_target_value 9)" = ok ] || fail "cycle $1: retval failed"
	[ "$(target_value)" = 9 ] || fail "cycle $1: ks_target_value() is not 9"
	[ "$(grep -c . "$KS_ENGAGED")" = 67 ] || fail "cycle $1: $(grep -c . "$KS_ENGAGED") engagements, not 67"
	rmmod killswitch || fail "cycle $1: rmmod failed"
}
cycle 0
sync; echo 3 >/proc/sys/vm/drop_caches
slab_snapshot $T/slab.before
objs_before=$(kmalloc_objs)
i=1 start=$(cut -d' ' -f1 /proc/uptime)
while [ $i -le "$CYCLES" ]; do
	cycle $i
	i=$((i + 1))
done
end=$(cut -d' ' -f1 /proc/uptime)
echo "  $CYCLES cycles, $((CYCLES * 67)) engagements, in $(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.0f", b - a }')s"
assert_eq "$base_kprobes" "$(cat /sys/kernel/debug/kprobes/list)" "kprobes/list"
assert_eq "$base_traced" "$(traced)" "enabled_functions"
[ ! -e "$KS_DIR" ] || fail "$KS_DIR is still there"
assert_eq 42 "$(target_value)" "ks_target_value()"

step "no memory left behind by the cycles"
sync; echo 3 >/proc/sys/vm/drop_caches
slab_snapshot $T/slab.after
objs_after=$(kmalloc_objs)
echo "  kmalloc objects: $objs_before before the cycles, $objs_after after"
echo "  caches that grew (objects, cache):"
slab_growth $T/slab.before $T/slab.after | sed 's/^/    /'
# SLUB counts each CPU's current slab as full, so a cache may show one
# more slab (up to 512 objects) by chance.  An object leaked per
# engagement would show as thousands; one leaked per load is below this.
limit=$((CYCLES * 67 / 4))
[ $((objs_after - objs_before)) -lt $limit ] ||
	fail "kmalloc objects grew by $((objs_after - objs_before)) over $((CYCLES * 67)) engagements"
echo "  ok: kmalloc objects grew by $((objs_after - objs_before)) (< $limit)"

step "batches of 4096 commands: pending engagements, then their disengage, in one write each"
expect_ok insmod "$KS_MODULE"
# The shortest names keep 4096 lines under the 65536-byte limit: module
# "a" (never loaded), symbols "0" to "4095"; a plain name disengages its
# module:symbol engagement.
engage=$(i=0; while [ $i -lt 4096 ]; do echo "engage a:$i 1"; i=$((i + 1)); done)
disengage=$(i=0; while [ $i -lt 4096 ]; do echo "disengage $i"; i=$((i + 1)); done)
echo "  writes of ${#engage} and ${#disengage} bytes"
t0=$(cut -d' ' -f1 /proc/uptime)
expect_errno ok ctl "$engage"
t1=$(cut -d' ' -f1 /proc/uptime)
assert_eq 4096 "$(grep -c ' state=pending$' "$KS_ENGAGED")" "pending engagements"
assert_eq 4096 "$(ls "$KS_FN" | grep -c '^a:[0-9]*$')" "fn/ directories"
expect_errno ok ctl "$disengage"
t2=$(cut -d' ' -f1 /proc/uptime)
expect_engaged_file ""
assert_eq 0 "$(ls "$KS_FN" | wc -l)" "fn/ directories"
expect_errno ok ctl "$engage"
expect_errno ok ctl disengage_all
expect_engaged_file ""
echo "  4096 engage: $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')s, 4096 disengage: $(awk -v a="$t1" -v b="$t2" 'BEGIN { printf "%.2f", b - a }')s"
expect_ok rmmod killswitch

step "kmemleak: nothing killswitch or ks_target allocated in any step is unreferenced"
# Both modules were unloaded and loaded again many times: objects lost
# by a module that is gone have bare addresses as its frames.
if [ "$(kconfig DEBUG_KMEMLEAK)" = y ]; then
	kmemleak_report >$T/kmemleak
	expect_no_leaks $T/kmemleak
else
	echo "  NOTE: no kmemleak in this kernel (CONFIG_DEBUG_KMEMLEAK is not set):" \
	     "only the slab counts above looked for leaks"
fi

step "no kernel trouble anywhere in the log"
sleep 1
kill $kmsg_pid
[ ! -s $T/kmsg.err ] || fail "reading /dev/kmsg failed: $(cat $T/kmsg.err)"
sed -n 's/^[0-9]*,[0-9]*,[0-9]*,[^;]*;//p' $T/kmsg >$T/log
bad=$(grep -E "$KSVM_BAD_KLOG|$KSVM_DEBUG_KLOG|RCU (stall|grace)|cannot create|could not" $T/log)
assert_eq "" "$bad" "kernel trouble in the log"
expect_lockdep_alive
expect_kernel_healthy
echo "lifetimes: $UNLOADS unloads of ks_target and of killswitch under load, $CYCLES load/unload cycles ($((CYCLES * 67)) engagements), 4096-command batches"
