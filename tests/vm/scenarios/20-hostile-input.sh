# Every kind of careless or hostile write to the control file gets the
# result docs/control-interface.md gives it, and a refused one changes
# nothing, logs one line and leaves the kernel clean.
. /usr/lib/ksvm/functions.sh
need_module_loaded
load_target || fail "ks_target.ko is needed for a state with an armed engagement"
expect_module_unloaded ax25

# Counters for the summary at the end.
n_refused=0 n_noop=0 n_accepted=0

# group SENTENCE: a step whose refusals are counted against the log.
group() {
	logged
	step "$@"
	dmesg_mark
	_group_refused=0
}

# logged: each refusal since the last group logged exactly one
# "killswitch: refused" line, and nothing else was logged.
logged() {
	[ -n "${_group_refused:-}" ] || return 0
	_lines=$(ks_log)
	_n=$(printf '%s\n' "$_lines" | grep -c '^killswitch: refused ')
	_all=$(printf '%s\n' "$_lines" | grep -c .)
	[ "$_n" = "$_group_refused" ] && [ "$_all" = "$_n" ] || {
		printf '%s\n' "$_lines" | sed 's/^/  | /'
		fail "expected $_group_refused 'refused' lines and no other, got $_n of $_all"
	}
	echo "  ok: $_n refusals, $_n 'killswitch: refused' lines"
	_group_refused=
}

# refused ERRNO SENTENCE [-e] [-o OFF] TEXT: the write gives ERRNO and the
# engaged file is byte for byte what it was.
refused() {
	_errno=$1 _what=$2
	shift 2
	echo "- $_what"
	expect_errno "$_errno" ctl "$@"
	assert_eq "$state" "$(cat "$KS_ENGAGED")" "engaged"
	n_refused=$((n_refused + 1))
	_group_refused=$((_group_refused + 1))
}

# noop SENTENCE [-e] TEXT: the write succeeds and changes nothing (the
# group's log check sees that it logged nothing).
noop() {
	_what=$1
	shift
	echo "- $_what"
	expect_errno ok ctl "$@"
	assert_eq "$state" "$(cat "$KS_ENGAGED")" "engaged"
	n_noop=$((n_noop + 1))
}

# accepted SENTENCE LINE [-e] TEXT: the write succeeds and the engaged
# file then has LINE (hits masked to N) besides the starting state.
accepted() {
	_what=$1 _line=$2
	shift 2
	echo "- $_what"
	expect_errno ok ctl "$@"
	assert_match "^$_line\$" "$(engaged_summary)" "engaged"
	n_accepted=$((n_accepted + 1))
}

# back_to_start TARGET...: disengages what an accepted case added.
back_to_start() {
	for _t; do
		expect_errno ok ctl "disengage $_t"
	done
	assert_eq "$state" "$(cat "$KS_ENGAGED")" "engaged back to the start"
}

# chars N C: N copies of the character C.
chars() {
	head -c "$1" /dev/zero | tr '\0' "$2"
}

step "a known state: ks_target_twin armed with 7, ax25:ax25_create pending"
expect_errno ok ctl -e 'engage ks_target_twin 7\nengage ax25:ax25_create -1'
expect_engaged_file "ks_target_twin retval=7 hits=N
ax25:ax25_create retval=-1 hits=N"
state=$(cat "$KS_ENGAGED")
files=$(ks_files)
kprobes=$(cat /sys/kernel/debug/kprobes/list)
traced=$(cat /sys/kernel/tracing/enabled_functions)

group "writes holding nothing but blanks are no-ops that return their byte count"
noop "an empty write" ''
noop "a lone newline, as a shell writing value and newline apart sends" -e '\n'
noop "only spaces" '    '
noop "only tabs" -e '\t\t'
noop "a lone CR" -e '\r'
noop "blank lines of spaces, tabs and CRs" -e ' \t\r\n\n\t \r\n'
noop "4096 newlines" -e "$(chars 4096 N | sed 's/N/\\n/g')"

group "a NUL byte anywhere is malformed: EINVAL"
refused EINVAL "a NUL inside a command" -e 'engage ks_target_value\0 1'
refused EINVAL "a NUL after a complete command" -e 'engage ks_target_value 1\0'
refused EINVAL "a NUL alone" -e '\0'
refused EINVAL "a NUL on a later line" -e 'engage ks_target_value 1\n\0\n'
expect_last_error "line=2 target= error=-EINVAL"

group "bytes outside the grammar's character sets: EINVAL"
refused EINVAL "a 0xff byte in the symbol" -e 'engage ks_target_value\xff 1'
refused EINVAL "UTF-8 (é) in the symbol" -e 'engage ks_target_valu\xc3\xa9 1'
refused EINVAL "an invalid UTF-8 sequence as the symbol" -e 'engage \xc3\x28 1'
refused EINVAL "a high byte in the verb" -e '\x80engage ks_target_value 1'
refused EINVAL "a vertical tab as a separator" -e 'engage\x0bks_target_value 1'
refused EINVAL "a form feed as a separator" -e 'engage\x0cks_target_value 1'
refused EINVAL "an escape sequence in the retval" -e 'engage ks_target_value \x1b[31m1'

group "symbol and module names past their limits: EINVAL"
refused EINVAL "a 5,000-character symbol" "engage $(chars 5000 a) 1"
expect_last_error "line=1 target= error=-EINVAL"
refused EINVAL "a 512-character symbol" "engage $(chars 512 a) 1"
refused EINVAL "a 56-character module" "engage $(chars 56 m):f 1"
refused ENOENT "a 511-character symbol is well formed but unknown" "engage $(chars 511 a) 1"

group "writes of 4 KiB and 64 KiB, and past the 65536-byte limit"
refused EINVAL "4096 bytes of letters, one word" "$(chars 4096 x)"
refused EINVAL "65536 bytes of letters, one word" "$(chars 65536 x)"
refused EINVAL "65535 bytes: blanks, then a bad word" "$(chars 65530 ' ')bogus"
refused E2BIG "65537 blanks" "$(chars 65537 ' ')"
refused E2BIG "131000 bytes" "$(chars 131000 x)"

group "writes at a non-zero offset: EINVAL"
refused EINVAL "a valid command at offset 1" -o 1 "engage ks_target_value 1"
refused EINVAL "a valid command at offset 65536" -o 65536 "engage ks_target_value 1"
refused EINVAL "a blank write at offset 1" -o 1 ' '

group "retvals the grammar refuses: EINVAL"
for v in 99999999999999999999 9223372036854775808 -9223372036854775809 \
	 0x10000000000000000 -0x8000000000000001 +5 --1 -+1 1e3 0x -0x 0xg \
	 007 -01 00 0b1 1.5 1, 0x1_0 EPERM -EPERM 'one'; do
	refused EINVAL "retval '$v'" "engage ks_target_value $v"
done
refused EINVAL "an empty retval (trailing blank)" "engage ks_target_value "

group "seconds the grammar refuses: EINVAL"
for s in 86401 -1 0x10 01 1.5 ''; do
	refused EINVAL "observe window '$s'" "observe ks_target_value $s"
done
refused EINVAL "tryengage without seconds" "tryengage ks_target_value 1"

group "verbs in another case, unknown verbs: EINVAL"
for verb in Engage ENGAGE eNGAGE Disengage DISENGAGE TryEngage OBSERVE \
	    engage_all disengage-all enable engaged '#engage' '-engage'; do
	refused EINVAL "verb '$verb'" "$verb ks_target_value 1"
done
refused EINVAL "verb DISENGAGE_ALL" "DISENGAGE_ALL"
refused EINVAL "verb Disengage_all" "Disengage_all"

group "extra or missing arguments: EINVAL"
refused EINVAL "engage with one word too many" "engage ks_target_value 1 2"
refused EINVAL "tryengage with one word too many" "tryengage ks_target_value 1 2 3"
refused EINVAL "observe with one word too many" "observe ks_target_value 1 2"
refused EINVAL "disengage of two targets" "disengage ks_target_twin ks_target_value"
refused EINVAL "disengage_all with an argument" "disengage_all now"
refused EINVAL "engage alone" "engage"
refused EINVAL "engage without a retval" "engage ks_target_value"
refused EINVAL "observe without seconds" "observe ks_target_value"
refused EINVAL "disengage alone" "disengage"

group "symbols with spaces, slashes, dots and shell metacharacters"
refused EINVAL "a space inside the symbol" "engage ks_target value 1"
refused EINVAL "a slash" "engage ks_target/ks_target_value 1"
refused EINVAL "a path" "engage ../control 1"
refused EINVAL "an absolute path" "engage /proc/ks_target 1"
for meta in '$(reboot)' '`id`' 'a;b' 'a|b' 'a&b' 'a>b' 'a<b' 'f*' 'f?' '~f' \
	    "f'" 'f"' 'f\' 'f!' 'f#' 'f%' 'f{a,b}' 'f[0]' 'f=1' 'f@g' 'f+g'; do
	refused EINVAL "symbol '$meta'" "engage $meta 1"
done
refused ENOENT "'..' is made of symbol characters and names nothing" "engage .. 1"
refused ENOENT "'.' names nothing either" "engage . 1"

group "MODULE: with an empty or bad part: EINVAL"
refused EINVAL "an empty module" "engage :ks_target_value 1"
refused EINVAL "an empty symbol" "engage ks_target: 1"
refused EINVAL "both parts empty" "engage : 1"
refused EINVAL "two colons" "engage ks_target:ks_target:ks_target_value 1"
refused EINVAL "a dot in the module" "engage ks.target:ks_target_value 1"
refused EINVAL "disengage of an empty module" "disengage :ks_target_twin"

group "killswitch's own functions, by either name: EACCES"
for sym in ks_control_write ks_ftrace_handler ks_return_stub ks_engage; do
	refused EACCES "$sym" "engage $sym 0"
	refused EACCES "killswitch:$sym" "engage killswitch:$sym 0"
done
refused EACCES "a name killswitch lacks, in its own module" "engage killswitch:no_such_fn_ks 0"

group "targets that are well formed but wrong: ENOENT, EBUSY"
refused ENOENT "an unknown symbol" "engage no_such_fn_ks 1"
refused ENOENT "an unknown symbol in a loaded module" "engage ks_target:no_such_fn_ks 1"
refused ENOENT "disengage of what is not engaged" "disengage ks_target_value"
refused EBUSY "engage of an engaged function, same retval" "engage ks_target_twin 7"
refused EBUSY "engage of an engaged function, another retval" "engage ks_target_twin 8"
refused EBUSY "the same function under its module:symbol name" "engage ks_target:ks_target_twin 8"
refused EBUSY "observe of an engaged function" "observe ks_target_twin 1"
refused EBUSY "tryengage of a pending target" "tryengage ax25:ax25_create 1 1"
expect_engaged ks_target_twin 7

group "batches with one bad command apply nothing"
refused EINVAL "a malformed third line" -e 'engage ks_target_value 1\nengage ks_target:ks_target_value 2\nengage b@d 3'
expect_last_error "line=3 target= error=-EINVAL"
refused ENOENT "an unknown symbol on line 2" -e 'engage ks_target_value 1\nengage no_such_fn_ks 2'
expect_last_error "line=2 target=no_such_fn_ks error=-ENOENT"
refused EBUSY "the same target twice" -e 'engage ks_target_value 1\nengage ks_target_value 2'
refused EBUSY "the same function under two names" -e 'engage ks_target_value 1\nengage ks_target:ks_target_value 2'
refused EACCES "an own function last" -e 'engage ks_target_value 1\nobserve ks_control_write 1'
refused EINVAL "engage mixed with disengage" -e 'engage ks_target_value 1\ndisengage ks_target_twin'
refused EINVAL "disengage mixed with disengage_all" -e 'disengage ks_target_twin\ndisengage_all'
refused EINVAL "two disengage_all" -e 'disengage_all\ndisengage_all'
refused ENOENT "disengage of an engaged and an unknown target" -e 'disengage ks_target_twin\ndisengage no_such_fn_ks'
refused ENOENT "disengage of one target twice" -e 'disengage ks_target_twin\ndisengage ks_target_twin'
refused ENOENT "disengage of one target under both names" -e 'disengage ks_target_twin\ndisengage ks_target:ks_target_twin'
refused ENOENT "4096 commands parse; the first target is unknown" \
	"$(i=0; while [ $i -lt 4096 ]; do echo "disengage f$i"; i=$((i + 1)); done)"
refused EINVAL "4097 commands are too many" \
	"$(i=0; while [ $i -le 4096 ]; do echo "disengage f$i"; i=$((i + 1)); done)"
refused EINVAL "a forged log line after a newline is just a bad line" -e 'engage ks_target_value 1\nkillswitch: engage forged 0'
expect_no_log 'forged'

logged
step "what the grammar accepts, each undone afterwards"
accepted "no trailing newline" "ks_target_value retval=5 hits=N" "engage ks_target_value 5"
back_to_start ks_target_value
accepted "CRLF line end" "ks_target_value retval=5 hits=N" -e 'engage ks_target_value 5\r\n'
back_to_start ks_target_value
accepted "tabs and blanks around and between words" "ks_target_value retval=5 hits=N" -e '\t engage\t\tks_target_value \t5 \t'
back_to_start ks_target_value
accepted "blank lines around the command" "ks_target_value retval=5 hits=N" -e '\n\r\n  engage ks_target_value 5\n\n'
back_to_start ks_target_value
accepted "the command, then its newline in a second write" "ks_target_value retval=5 hits=N" "engage ks_target_value 5"
echo "- (the second write)"
expect_errno ok ctl -e '\n'
assert_match "^ks_target_value retval=5 hits=N\$" "$(engaged_summary)" "engaged"
back_to_start ks_target_value
accepted "-0 is zero" "ks_target_value retval=0 hits=N" "engage ks_target_value -0"
back_to_start ks_target_value
accepted "INT64_MIN in decimal" "ks_target_value retval=-9223372036854775808 hits=N" "engage ks_target_value -9223372036854775808"
back_to_start ks_target_value
accepted "-0x8000000000000000 is INT64_MIN" "ks_target_value retval=-9223372036854775808 hits=N" "engage ks_target_value -0x8000000000000000"
back_to_start ks_target_value
accepted "INT64_MAX in upper-case hex" "ks_target_value retval=9223372036854775807 hits=N" "engage ks_target_value 0X7FFFFFFFFFFFFFFF"
back_to_start ks_target_value
accepted "hex with leading zeros" "ks_target_value retval=16 hits=N" "engage ks_target_value 0x0010"
back_to_start ks_target_value
accepted "a command padded with blanks to exactly 4096 bytes" "ks_target_value retval=5 hits=N" \
	"engage ks_target_value 5$(chars 4072 ' ')"
back_to_start ks_target_value
accepted "a command padded with blanks to exactly 65536 bytes" "ks_target_value retval=5 hits=N" \
	"$(chars 65512 ' ')engage ks_target_value 5"
back_to_start ks_target_value
accepted "a batch of two engages" "ks_target_value retval=1 hits=N" -e 'engage ks_target_value 1\nengage ax25:ax25_release 2\n'
expect_state ax25:ax25_release pending
back_to_start ks_target_value ax25:ax25_release
accepted "a 55-character module is pending" "$(chars 55 m):f retval=1 hits=N" "engage $(chars 55 m):f 1"
back_to_start "$(chars 55 m):f"
accepted "'..' in a module that is not loaded is pending" "ax25:\.\. retval=1 hits=N" "engage ax25:.. 1"
[ -d "$KS_FN/ax25:.." ] || fail "fn/ax25:.. is missing"
echo "  ok: fn/ax25:.. is a directory of its own"
back_to_start ax25:..
accepted "observe for 0 seconds" "ks_target_value retval=0 hits=N" "observe ks_target_value 0"
wait_until 10 in_state ks_target_value observed
back_to_start ks_target_value
accepted "disengage by symbol of a module:symbol engagement" "ks_target:ks_target_value retval=3 hits=N" "engage ks_target:ks_target_value 3"
back_to_start ks_target_value

step "nothing was left behind: files, probes, traced functions, taint"
assert_eq "$files" "$(ks_files)" "the module's files"
assert_eq "$kprobes" "$(cat /sys/kernel/debug/kprobes/list)" "kprobes/list"
assert_eq "$traced" "$(cat /sys/kernel/tracing/enabled_functions)" "enabled_functions"
assert_eq 42 "$(target_value)" "ks_target_value()"
expect_errno ok ctl disengage_all
expect_engaged_file ""

total=$((n_refused + n_noop + n_accepted))
echo "inputs: $total ($n_refused refused, $n_noop no-ops, $n_accepted accepted)"
assert_gt "$total" 39 "kinds of input"
expect_kernel_healthy
