#!/bin/sh
# killswitch apply and bootparam, the binary against a fake tree: policy
# directories, /proc files, the state file and the module's files all
# moved by the environment (docs/policy.md).  The fake engaged file does
# not follow the writes; what apply writes is checked in control, and
# reconciling over several runs is covered by tests/unit/test_apply.cpp
# and tests/vm.
#
# usage: policy-tree.sh PATH-TO-KILLSWITCH

set -u
KS=$1
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
failures=0

export KILLSWITCH_SECURITYFS="$T/ks" KILLSWITCH_SYSMODULE="$T/module"
export KILLSWITCH_TAINTED="$T/tainted" KILLSWITCH_NO_CHECK=1
export KILLSWITCH_POLICY_DIRS="$T/etc:$T/usr" KILLSWITCH_STATE="$T/run/owned.json"
export KILLSWITCH_PROC="$T/proc" KILLSWITCH_MODULES="$T/modules"
export KILLSWITCH_TODAY=2026-06-15
mkdir -p "$T/ks" "$T/module" "$T/etc" "$T/usr" "$T/run" "$T/proc/sys/kernel" \
	"$T/modules/6.1.0-57-amd64"
: >"$T/ks/control"
: >"$T/ks/engaged"
echo 0 >"$T/tainted"
echo 6.1.0-57-amd64 >"$T/proc/sys/kernel/osrelease"
echo 'Linux version 6.1.0-57-amd64 (debian-kernel@lists.debian.org) (gcc-12 (Debian 12.2.0-14+deb12u1) 12.2.0) #1 SMP PREEMPT_DYNAMIC Debian 6.1.192-3 (2026-11-26)' \
	>"$T/proc/version"
echo 'BOOT_IMAGE=/vmlinuz root=/dev/vda killswitch=cmd_fn=EINVAL' >"$T/proc/cmdline"
echo 'alias symbol:af_alg_sendmsg af_alg' >"$T/modules/6.1.0-57-amd64/modules.symbols"

cat >"$T/usr/50-vendor.conf" <<'CONF'
[[engage]]
target = "af_alg_sendmsg"
retval = "EPERM"
id = "CVE-2026-31431"
reason = "vendor"

[[engage]]
target = "fixed_fn"
retval = -1
id = "CVE-2"
reason = "fixed on this kernel"
fixed_in = ["6.1.130", "6.12.20"]
CONF

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
expect_exit() {
	want=$1; shift
	out=$("$KS" "$@" 2>&1); got=$?
	[ "$got" = "$want" ] || fail "killswitch $*: exit $got, expected $want: $out"
}
expect_output() {
	case $out in *"$1"*) ;; *) fail "output lacks '$1': $out" ;; esac
}
expect_control() {
	printf '%s\n' "$1" | cmp -s - "$T/ks/control" ||
		fail "control holds '$(cat "$T/ks/control")', expected '$1'"
}

# A dry run writes nothing, not even the state file.
expect_exit 0 apply --dry-run
expect_output "would engage af_alg:af_alg_sendmsg retval=-1 (-EPERM) [CVE-2026-31431]"
expect_output "skipped fixed_fn retval=-1 (-EPERM) [CVE-2]: fixed in 6.1.130 (running 6.1.192)"
[ -s "$T/ks/control" ] && fail "dry run wrote '$(cat "$T/ks/control")'"
[ -e "$T/run/owned.json" ] && fail "dry run wrote the state file"

# apply engages the exported module function by module name and owns it.
expect_exit 0 apply
expect_control "engage af_alg:af_alg_sendmsg -1"
grep -q '"target": "af_alg:af_alg_sendmsg"' "$T/run/owned.json" ||
	fail "state file: $(cat "$T/run/owned.json")"

# bootparam: the entries that apply here, values in decimal.
expect_exit 0 bootparam
expect_output "killswitch=af_alg_sendmsg=-1"
expect_output "left out fixed_fn [CVE-2]: fixed in 6.1.130"

# --boot adds killswitch= from the command line.
expect_exit 0 apply --boot
expect_control "engage cmd_fn -22"

# /etc hides /usr/lib; a broken file is reported, the rest still applies.
printf '[[engage]]\ntarget = "local_fn"\nretval = 0\nid = "L"\nreason = "r"\n' \
	>"$T/etc/50-vendor.conf"
printf '[[engage]\n' >"$T/etc/10-broken.conf"
expect_exit 8 apply
expect_output "10-broken.conf:1:"
expect_output "engaged local_fn retval=0 [L]"
expect_control "engage local_fn 0"

# JSON: one report object, then the error object, nothing on stderr.
: >"$T/ks/control"
out=$("$KS" apply --json --dry-run 2>"$T/stderr"); got=$?
[ "$got" = 8 ] || fail "apply --json: exit $got"
[ -s "$T/stderr" ] && fail "apply --json wrote to stderr: $(cat "$T/stderr")"
expect_output '"command":"apply"'
expect_output '"exit_code":8'

# The /etc file replaced the vendor's entries in the parameter too.
rm "$T/etc/10-broken.conf"
expect_exit 0 bootparam
[ "$out" = "killswitch=local_fn=0" ] || fail "bootparam printed '$out'"

# Bad input: arguments, and a date that is not one.
expect_exit 2 apply extra
expect_exit 2 bootparam --boot
out=$(KILLSWITCH_TODAY=tomorrow "$KS" apply 2>&1)
[ $? = 2 ] || fail "a bad KILLSWITCH_TODAY did not exit 2: $out"
expect_output "KILLSWITCH_TODAY: invalid date 'tomorrow'"

[ "$failures" = 0 ] && echo "policy-tree: all passed"
[ "$failures" = 0 ]
