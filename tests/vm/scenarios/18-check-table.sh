# killswitch check gives the verdict (exit 0, 10 or 11) and the reasons
# that docs/check.md tabulates for real targets of Debian's 6.1 and 6.12
# kernels, and for the other kernel's files through --kernel-release,
# a module of it read from its .ko (6.1) or .ko.xz (6.12).
. /usr/lib/ksvm/functions.sh
# vm: timeout=300
need_tool
expect_module_unloaded ax25

series=$(uname -r | cut -d. -f1,2)
case $series in
6.1 | 6.12) ;;
*) skip "the table has no column for kernel series $series" ;;
esac

# check_table SERIES: one check per row read from fd 3.  A row is
#
#   VERDICT-6.1 VERDICT-6.12 EXPECT ARGS...
#
# the verdict on each series, what the report must show, and the
# arguments of "killswitch check".  EXPECT is a comma-separated list of
# LEVEL:CODE (a reason of that level and finding code) and FACT~REGEX (the
# report's FACT line matches REGEX); an item written 6.1/ITEM or 6.12/ITEM
# holds on that series only.  The word OTHER in ARGS is the other release.
# SERIES picks the column: the series of the kernel whose files are
# checked.  A "#" line before a row is the sentence that announces it.
check_table() {
	_series=$1
	_what=
	set -f
	while read -r _v61 _v612 _expect _args <&3; do
		case $_v61 in
		'#') _what=$_v612${_expect:+ $_expect}${_args:+ $_args}; continue ;;
		'') continue ;;
		esac
		if [ "$_series" = 6.1 ]; then _v=$_v61; else _v=$_v612; fi
		_args=$(printf '%s\n' "$_args" | sed "s/OTHER/${other:-OTHER}/g")
		step "${_what:-killswitch check $_args}"
		_what=
		# $_args is split into the tool's words on purpose.
		# shellcheck disable=SC2086
		expect_check "$_v" $_args
		_items=$(printf '%s\n' "$_expect" | tr ',' '\n')
		for _item in $_items; do
			case $_item in
			6.1/* | 6.12/*)
				[ "${_item%%/*}" = "$_series" ] || continue
				_item=${_item#*/} ;;
			esac
			case $_item in
			*~*) expect_fact "${_item%%~*}" "${_item#*~}" ;;
			*:*) expect_reason "${_item%%:*}" "${_item#*:}" ;;
			*) fail "check_table: cannot read '$_item'" ;;
			esac
		done
	done
	set +f
}

expect_ok modprobe af_alg
expect_module_loaded af_alg

check_table "$series" 3<<'EOF'
# af_alg_sendmsg, the function killswitch exists for, returns int: -EPERM fits
OK	OK	returns~^int,where~^af_alg,6.1/note:cold-fragments	af_alg_sendmsg -EPERM
# a void function without RETVAL: 0 is implied, and what skipping its body means is said
OK	OK	returns~^void,note:void-body-skipped	af_alg_wmem_wakeup
# a void function with a non-zero RETVAL: refused
REFUSE	REFUSE	refuse:retval-void	af_alg_wmem_wakeup -EPERM
# a pointer-returning function: an ERR_PTR, with a warning about its callers
WARN	WARN	returns~pointer,warn:retval-pointer	af_alg_alloc_areq -ENOMEM
# a bool function: 1 is true
OK	OK	returns~^bool	kthread_should_stop 1
# a bool function: 2 is no bool
REFUSE	REFUSE	refuse:retval-range	kthread_should_stop 2
# an unsigned function: a negative errno reaches callers as a large number
WARN	WARN	returns~^unsigned,warn:retval-unsigned-negative	af_alg_count_tsgl -EPERM
# a static function that gcc kept only as an .isra copy: not "not found"
REFUSE	REFUSE	refuse:clone-only,clones~copy_strings\.isra	copy_strings -EPERM
# a static name defined twice in vmlinux (binfmt_elf and compat_binfmt_elf)
REFUSE	REFUSE	refuse:duplicate,matches~^vmlinux.*;.vmlinux	load_elf_binary -EPERM
# a function on the kprobe blacklist
REFUSE	REFUSE	refuse:blacklisted,probe~blacklist.yes	atomic_notifier_call_chain 0
# __init code, freed once boot is over
REFUSE	REFUSE	refuse:init-section,probe~__init.yes	start_kernel
# schedule: on the core-function list
REFUSE	REFUSE	refuse:core-function	schedule
# a function of a module that is not loaded, read from its .ko: pending
WARN	WARN	where~ax25\.ko,note:module-not-loaded,warn:probe-unknown	ax25:ax25_create -EPERM
EOF
expect_module_unloaded ax25

step "as uid 1000 addresses are hidden and tracefs is closed: start_kernel cannot be told from __init code"
run as_user killswitch check start_kernel
assert_eq 10 "$rc" "exit status (WARN)"
assert_match "^start_kernel: WARN\$" "$(printf '%s\n' "$out" | head -n 1)" "verdict"
expect_reason note addresses-hidden
expect_reason warn tracefs-unavailable
expect_reason warn blacklist-unavailable
expect_reason warn init-unknown
expect_fact where "address hidden"

other=
for dir in /lib/modules/*; do
	[ "${dir##*/}" = "$(uname -r)" ] || other=${dir##*/}
done
if [ -z "$other" ]; then
	echo "  NOTE: no other kernel release in this VM; --kernel-release is left out"
else
	check_table "$(echo "$other" | cut -d. -f1,2)" 3<<'EOF'
# another release's module, from its .ko (6.1) or .ko.xz (6.12) on disk
WARN	WARN	6.1/where~ax25\.ko\),6.1/warn:btf-unavailable,6.12/where~ax25\.ko\.xz\),6.12/returns~^int,warn:probe-unknown	--kernel-release OTHER ax25:ax25_create -EPERM
# another release's vmlinux function: a placeholder System.map, so BTF alone (6.12) or nothing (6.1)
REFUSE	REFUSE	note:system-map-unusable,refuse:core-function,6.12/where~build/vmlinux,6.12/warn:no-symbol-table,6.1/refuse:no-symbols	--kernel-release OTHER schedule
EOF
fi
expect_kernel_healthy
