#!/bin/bash
# What packaging/ ships beside the binary, held to the binary: the man
# pages render without a warning and name every verb and option the tool
# has; the bash completion offers exactly those; the policy examples of
# killswitch.d(5) and packaging/examples parse.  The units and the
# initramfs hook run in tests/vm/full.
#
# usage: packaging.sh PATH-TO-KILLSWITCH SOURCE-DIR
# Needs groff (groff-base) and bash-completion.

set -u
KS=$1
SRC=$2
MAN8=$SRC/packaging/man/killswitch.8
MAN5=$SRC/packaging/man/killswitch.d.5
COMPLETION=$SRC/packaging/bash-completion/killswitch
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
failures=0

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

for need in groff /usr/share/bash-completion/bash_completion; do
	if ! command -v "$need" >/dev/null && [[ ! -e $need ]]; then
		echo "packaging: $need is missing (scripts/install-deps)"
		exit 1
	fi
done

# The verbs of `killswitch --help`, and the options of `killswitch VERB
# --help` other than --help, one a line, sorted.
verbs() {
	"$KS" --help | sed -n '/^Subcommands:$/,/^$/p' |
		awk 'NR > 1 && NF { print $1 }' | sort
}
options_of() {
	"$KS" "$1" --help | sed -n '/^Options:$/,/^$/p' |
		grep -oE -- '^ +(-[a-z],)?--[a-z][a-z-]*' | sed 's/.*--/--/' |
		grep -vx -- --help | sort -u
}

# complete WORDS...: what the completion offers for the last word, sorted.
complete_words() {
	bash -c '
		. /usr/share/bash-completion/bash_completion
		. "$0"
		COMP_WORDS=("$@")
		COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
		COMP_LINE="${COMP_WORDS[*]}"
		COMP_POINT=${#COMP_LINE}
		_killswitch killswitch "${COMP_WORDS[COMP_CWORD]}" \
			"${COMP_WORDS[COMP_CWORD - 1]}"
		printf "%s\n" "${COMPREPLY[@]}"' "$COMPLETION" "$@" | sort
}

expect_same() { # WHAT EXPECTED ACTUAL
	[[ $2 == "$3" ]] ||
		fail "$1: expected [$(tr '\n' ' ' <<<"$2")], got [$(tr '\n' ' ' <<<"$3")]"
}

all_verbs=$(verbs)
[[ $(wc -l <<<"$all_verbs") -ge 7 ]] || fail "killswitch --help lists no verbs: $all_verbs"

# The man pages: groff's warnings (-ww) on, nothing printed.
for page in "$MAN8" "$MAN5"; do
	warnings=$(LC_ALL=C.UTF-8 groff -man -ww -z "$page" 2>&1)
	[[ -z $warnings ]] || fail "$(basename "$page"): $warnings"
done

# killswitch(8): every verb in the synopsis and under COMMANDS, every
# option of every verb somewhere.
for verb in $all_verbs; do
	[[ $(grep -cx "\.B $verb" "$MAN8") -ge 2 ]] ||
		fail "killswitch.8 does not have '$verb' in both SYNOPSIS and COMMANDS"
	for option in $(options_of "$verb"); do
		grep -qF -- "${option//-/\\-}" "$MAN8" ||
			fail "killswitch.8 does not mention $verb $option"
	done
done

# The completion: the verbs, then exactly each verb's options.
expect_same "completion of the verb" \
	"$(printf '%s\n' $all_verbs --help --json | sort)" \
	"$(complete_words killswitch '')"
for verb in $all_verbs; do
	expect_same "completion of $verb's options" \
		"$(options_of "$verb")" "$(complete_words killswitch "$verb" --)"
done

# ... and the values: engaged functions from KILLSWITCH_SECURITYFS, return
# values as the second argument whatever options come first, files after
# --from.
mkdir "$T/ks"
printf 'af_alg:af_alg_sendmsg retval=-1 hits=0 state=pending\nfoo retval=0 hits=3 state=armed\n' \
	>"$T/ks/engaged"
export KILLSWITCH_SECURITYFS=$T/ks
expect_same "completion of disengage" "af_alg:af_alg_sendmsg" \
	"$(complete_words killswitch disengage af)"
expect_same "completion of a return value" "-EACCES
-EINVAL
-ENOENT
-ENOSYS
-EPERM" "$(complete_words killswitch engage --probe 30s foo -E)"
expect_same "completion after engage's retval" "" \
	"$(complete_words killswitch engage foo -1 '')"
touch "$T/targets.txt"
expect_same "completion of --from" "$T/targets.txt" \
	"$(complete_words killswitch engage --from "$T/targ")"

# killswitch.d(5)'s example entry and packaging/examples are valid policy,
# and the example names every key docs/policy.md's table has.
export KILLSWITCH_NO_CHECK=1 KILLSWITCH_PROC=$T/proc
export KILLSWITCH_MODULES=$T/modules KILLSWITCH_TODAY=2026-06-15
mkdir -p "$T/proc/sys/kernel" "$T/modules" "$T/man" "$T/examples"
echo 6.8.1 >"$T/proc/sys/kernel/osrelease"
echo 'Linux version 6.8.1 (gcc) #1 SMP' >"$T/proc/version"
# The first example of FORMAT, from its [[engage]] to its .fi.
awk '/^\[\[engage\]\]$/ { on = 1 } on && /^\.fi$/ { exit } on' "$MAN5" |
	sed 's/\\-/-/g' >"$T/man/example.conf"
cp "$SRC"/packaging/examples/*.conf "$T/examples/"
for dir in man examples; do
	out=$(KILLSWITCH_POLICY_DIRS=$T/$dir "$KS" bootparam 2>&1)
	rc=$?
	[[ $rc == 0 && $out == killswitch=af_alg_sendmsg=-1 ]] ||
		fail "the $dir policy: bootparam exited $rc: $out"
done
documented=$(sed -n 's/^| `\([a-z_]*\)` | \(yes\|no\) |.*/\1/p' "$SRC/docs/policy.md" | sort)
in_example=$(sed -n 's/^\([a-z_]*\) *=.*/\1/p' "$T/man/example.conf" | sort)
[[ -n $documented ]] || fail "no keys found in docs/policy.md"
expect_same "keys of killswitch.d(5)'s example" "$documented" "$in_example"

[[ $failures == 0 ]] && echo "packaging: all passed"
[[ $failures == 0 ]]
