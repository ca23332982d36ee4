#!/bin/sh
# The killswitch binary against a fake securityfs tree: argument handling,
# the exact bytes written to control, exit codes and output formats.  What
# only the kernel can do (errnos from a write) is covered by the unit tests
# and by tests/vm.
#
# usage: fake-tree.sh PATH-TO-KILLSWITCH

set -u
KS=$1
TREE=$(mktemp -d)
trap 'rm -rf "$TREE"' EXIT
failures=0

export KILLSWITCH_SECURITYFS="$TREE/ks" KILLSWITCH_SYSMODULE="$TREE/module"
export KILLSWITCH_TAINTED="$TREE/tainted"
# The host's kernel is not the fake tree's: engage does not check targets.
export KILLSWITCH_NO_CHECK=1
mkdir "$TREE/ks" "$TREE/module"
: > "$TREE/ks/control"
printf 'f retval=-1 hits=3\n' > "$TREE/ks/engaged"
echo 1 > "$TREE/ks/taint"
echo 1048576 > "$TREE/tainted"

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# expect_exit CODE ARGS...: run the tool, keep its output in $out.
expect_exit() {
	want=$1; shift
	out=$("$KS" "$@" 2>&1); got=$?
	[ "$got" = "$want" ] || fail "killswitch $*: exit $got, expected $want: $out"
}

# expect_control TEXT: the last write to control was exactly TEXT and "\n".
expect_control() {
	printf '%s\n' "$1" | cmp -s - "$TREE/ks/control" ||
		fail "control holds '$(cat "$TREE/ks/control")', expected '$1'"
}

expect_nothing_written() {
	[ -s "$TREE/ks/control" ] && fail "control holds '$(cat "$TREE/ks/control")'"
}

expect_output() {
	case $out in *"$1"*) ;; *) fail "output lacks '$1': $out" ;; esac
}

# An errno name as RETVAL, with or without '-', becomes the negative errno.
expect_exit 0 engage f -EPERM;		expect_control "engage f -1"
expect_exit 0 engage f EINVAL --json;	expect_control "engage f -22"
expect_output '"ok":true'

# Numbers are written in decimal, options may come anywhere.
expect_exit 0 --json engage m:f -0x10;	expect_control "engage m:f -16"
expect_exit 0 disengage f;		expect_control "disengage f"
expect_exit 0 disengage --all;		expect_control "disengage_all"

# Several targets go in one write: a file, or several names to disengage.
printf '# list\nf -EPERM\nm:g 0x10  # tail\n' > "$TREE/list"
expect_exit 0 engage --from "$TREE/list"
expect_control "$(printf 'engage f -1\nengage m:g 16')"
expect_exit 0 disengage f m:g;		expect_control "$(printf 'disengage f\ndisengage m:g')"
expect_exit 0 engage --probe 2m f EPERM; expect_control "tryengage f -1 120"

# Invalid input exits 2 and writes nothing.
: > "$TREE/ks/control"
for args in "engage f" "engage f 007" "engage f -EFOO" "engage f 1 2" \
	"engage a-b 1" "engage f +1" "disengage" "disengage f --all" \
	"status x" "frobnicate" "check" "check f 1 2" "engage f 1 --probe 0s" \
	"engage f 1 --probe 5d" "engage f[ 1" "probe f" "probe f --for 1x" \
	"engage --from $TREE/list f 1" "engage --from $TREE/nonexistent"; do
	# shellcheck disable=SC2086
	expect_exit 2 $args
done
expect_nothing_written
expect_exit 2 engage f -EFOO --json;	expect_output '"exit_code":2'

# Status reads engaged, the taint flag and bit 20 of the kernel mask.
expect_exit 0 status;			expect_output "f retval=-1 (-EPERM) hits=3"
expect_exit 0 status --json;		expect_output '"kernel_bit":true'

# Without the module, engage exits 3 and status still reports.
rm -r "$TREE/ks" "$TREE/module"
expect_exit 3 engage f 0
expect_output "killswitch module is not loaded (modprobe killswitch)"
expect_exit 0 status;			expect_output "module: not loaded"

# --help documents the exit codes.
expect_exit 0 --help;			expect_output "7  kernel refused the target"
expect_output "11  check: the verdict is REFUSE"

[ "$failures" = 0 ] && echo "fake-tree: all passed"
exit "$failures"
