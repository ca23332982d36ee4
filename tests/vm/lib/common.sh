# SPDX-License-Identifier: GPL-2.0
#
# Host side of the VM harness, sourced by run-script and run-all: where
# things live, which kernel a name means, and the builds a VM depends on.
# The module and the tool are built by their own build systems; this file
# only calls them.

KSVM_LIB=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
KSVM_DIR=$(dirname "$KSVM_LIB")
KSVM_REPO=$(cd "$KSVM_DIR/../.." && pwd)
KSVM_BUILD=$KSVM_REPO/build/vm
KSVM_LOGS=$KSVM_BUILD/logs

# Exit statuses of run-script besides the scenario's own (see README.md).
KSVM_SKIP=77
KSVM_TIMEOUT=124
KSVM_KERNEL_BAD=125
KSVM_SETUP_FAILED=126

# What counts as kernel trouble on the console: functions.sh's list (the
# one place it is written), anchored after a printk timestamp.
KSVM_BAD_KLOG=$(sed -n "s/^KSVM_BAD_KLOG='\(.*\)'\$/\1/p" "$KSVM_LIB/functions.sh")
KSVM_BAD_CONSOLE="^\\[ *[0-9]+\\.[0-9]+\\] ${KSVM_BAD_KLOG#^}"

ksvm_say() { echo "ksvm: $*" >&2; }

# A banner that is hard to miss in a scroll of build output.
ksvm_shout() {
	local line
	echo "ksvm: !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!" >&2
	for line; do echo "ksvm: !!! $line" >&2; done
	echo "ksvm: !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!" >&2
}

# The debug kernel stress/build-debug-kernel builds (lockdep, kmemleak,
# DEBUG_ATOMIC_SLEEP): "--kernel debug".  It lives in its own tree, not
# under /boot and /lib/modules.
KSVM_DEBUG_KERNEL=$KSVM_REPO/build/debug-kernel

# ksvm_debug_release: the debug kernel's release; fails if it is not built.
ksvm_debug_release() {
	[[ -s $KSVM_DEBUG_KERNEL/release ]] && cat "$KSVM_DEBUG_KERNEL/release"
}

# ksvm_is_debug REL: REL is the debug kernel's release.
ksvm_is_debug() {
	[[ $(ksvm_debug_release 2>/dev/null) == "$1" ]]
}

# ksvm_resolve_kernel SPEC: prints the installed release that SPEC names.
# SPEC is a series ("6.1", "6.12": the newest installed release of it), a
# full release ("6.12.118+deb12-amd64"), or "debug" (or its release) for
# the built debug kernel.  Fails when no /boot/vmlinuz-* matches, or for
# "debug" when it is not built.
ksvm_resolve_kernel() {
	local spec=$1 img

	if [[ $spec == debug ]] || ksvm_is_debug "$spec"; then
		ksvm_debug_release
		return
	fi
	if [[ -e /boot/vmlinuz-$spec ]]; then
		echo "$spec"
		return 0
	fi
	# "6.1." does not match 6.12.x, so a series never picks another.  A
	# series means Debian's generic flavour: the rt and cloud kernels
	# ("...-rt-amd64", "...-cloud-amd64") are named by full release.
	img=$(ls -1 /boot/vmlinuz-"$spec".* 2>/dev/null |
		grep -vE -- '-[a-z]+-amd64$' | sort -V | tail -n 1)
	[[ -n $img ]] || return 1
	echo "${img#/boot/vmlinuz-}"
}

# ksvm_missing_kernel SPEC: what to say when SPEC does not resolve.
ksvm_missing_kernel() {
	if [[ $1 == debug ]]; then
		echo "the debug kernel is not built (tests/vm/stress/build-debug-kernel)"
	else
		echo "no kernel image /boot/vmlinuz-$1.* is installed"
	fi
}

# Where release REL keeps its build tree (KDIR for the module), its
# modules.dep and friends, and its .config.
ksvm_kdir() {
	if ksvm_is_debug "$1"; then
		echo "$KSVM_DEBUG_KERNEL/linux-source-6.1"
	else
		echo "/lib/modules/$1/build"
	fi
}

ksvm_moddir() {
	if ksvm_is_debug "$1"; then
		echo "$KSVM_DEBUG_KERNEL/modules/lib/modules/$1"
	else
		echo "/lib/modules/$1"
	fi
}

ksvm_kconfig() {
	if ksvm_is_debug "$1"; then
		echo "$KSVM_DEBUG_KERNEL/config"
	else
		echo "/boot/config-$1"
	fi
}

# ksvm_build_module REL: make -C kernel KVER=REL KDIR=<its tree>.  A
# failed build is loud but not fatal: the VM then boots without the module.
ksvm_build_module() {
	local rel=$1 log=$KSVM_BUILD/$1/kernel-make.log

	mkdir -p "$KSVM_BUILD/$rel"
	if [[ ! -f $KSVM_REPO/kernel/Makefile ]]; then
		ksvm_shout "kernel/Makefile is missing: no killswitch.ko for $rel"
		return 1
	fi
	if ! make -C "$KSVM_REPO/kernel" KVER="$rel" KDIR="$(ksvm_kdir "$rel")" \
			>"$log" 2>&1; then
		ksvm_shout "make -C kernel KVER=$rel FAILED: booting without" \
			   "killswitch.ko. Last lines of $log:"
		tail -n 15 "$log" | sed 's/^/ksvm:     /' >&2
		return 1
	fi
	return 0
}

# ksvm_build_tool: configures build/ once and builds the killswitch target
# (everything, if there is no target of that name).
ksvm_build_tool() {
	local log=$KSVM_BUILD/tool-build.log

	mkdir -p "$KSVM_BUILD"
	if [[ ! -f $KSVM_REPO/CMakeLists.txt ]]; then
		ksvm_shout "CMakeLists.txt is missing: no killswitch tool in the VM"
		return 1
	fi
	{
		if [[ ! -f $KSVM_REPO/build/CMakeCache.txt ]]; then
			cmake -S "$KSVM_REPO" -B "$KSVM_REPO/build" || return 1
		fi
		cmake --build "$KSVM_REPO/build" --target killswitch -j "$(nproc)" ||
			cmake --build "$KSVM_REPO/build" -j "$(nproc)"
	} >"$log" 2>&1 && return 0

	ksvm_shout "the CMake build of the killswitch tool FAILED: the VM gets" \
		   "no tool. Last lines of $log:"
	tail -n 15 "$log" | sed 's/^/ksvm:     /' >&2
	return 1
}

# ksvm_find_tool: prints the path of the built tool, if any.
ksvm_find_tool() {
	[[ -d $KSVM_REPO/build ]] || return 1
	# build/debs and build/vm-full hold other builds of the tool (the
	# .deb's, linked dynamically): never the one for this VM.
	find "$KSVM_REPO/build" \( -path "$KSVM_BUILD" -o \
	     -path "$KSVM_REPO/build/debs" -o -path "$KSVM_REPO/build/vm-full" \) \
	     -prune -o -name killswitch -type f -perm -u+x -print 2>/dev/null |
		head -n 1
}

# The small static helpers the guest runs (lib/*.c: kswrite, kssocket,
# kstime), each built to build/vm/NAME when its source is newer.
KSVM_HELPERS="kswrite kssocket kstime"

ksvm_build_helpers() {
	local name src bin

	mkdir -p "$KSVM_BUILD"
	for name in $KSVM_HELPERS; do
		src=$KSVM_LIB/$name.c bin=$KSVM_BUILD/$name
		[[ $bin -nt $src ]] && continue
		gcc -static -O2 -Wall -Wextra -Werror -o "$bin.tmp" "$src" &&
			mv "$bin.tmp" "$bin" || return 1
	done
}

# ksvm_extract_vmlinux REL: unpacks the ELF kernel inside
# /boot/vmlinuz-REL into build/vm/REL/vmlinux.  QEMU boots that ELF
# through its PVH entry point, which skips the compressed kernel's
# decompressor: under TCG that stub alone takes about 4 s for an xz
# kernel.  It also skips KASLR, which only the stub applies; set
# KSVM_BZIMAGE=1 to boot /boot/vmlinuz as a boot loader would.
ksvm_extract_vmlinux() {
	local rel=$1 img=/boot/vmlinuz-$1 out=$KSVM_BUILD/$1/vmlinux
	local magic dec pos

	# The debug kernel's build leaves the ELF beside its tree.
	ksvm_is_debug "$rel" && return 0
	[[ -s $out && $out -nt $img ]] && return 0
	rm -f "$out"
	for magic in '\xfd7zXZ\x00:xz' '\x28\xb5\x2f\xfd:zstd' '\x1f\x8b\x08:gzip'; do
		dec=${magic##*:}
		for pos in $(LC_ALL=C grep -obUaP "${magic%:*}" "$img" | cut -d: -f1); do
			tail -c +$((pos + 1)) "$img" | $dec -dc >"$out.tmp" 2>/dev/null
			# An ELF with a PVH entry note (Xen note type 0x12).
			if [[ $(head -c 4 "$out.tmp" | od -An -tx1 | tr -d ' ') == 7f454c46 ]] &&
			   readelf -n "$out.tmp" 2>/dev/null | grep -q '(0x00000012)'; then
				mv "$out.tmp" "$out"
				return 0
			fi
		done
	done
	rm -f "$out.tmp"
	ksvm_say "no PVH-bootable ELF inside $img: booting it as a bzImage"
	return 1
}

# ksvm_kernel_image REL: what run-script gives to qemu -kernel.
ksvm_kernel_image() {
	if ksvm_is_debug "$1"; then
		if [[ ${KSVM_BZIMAGE:-0} == 1 ]]; then
			echo "$(ksvm_kdir "$1")/arch/x86/boot/bzImage"
		else
			echo "$KSVM_DEBUG_KERNEL/vmlinux"
		fi
	elif [[ ${KSVM_BZIMAGE:-0} != 1 && -s $KSVM_BUILD/$1/vmlinux ]]; then
		echo "$KSVM_BUILD/$1/vmlinux"
	else
		echo "/boot/vmlinuz-$1"
	fi
}

# ksvm_prepare REL BUILD: builds what a VM of release REL needs and its
# initramfs.  With BUILD=0 nothing but the initramfs is (re)made, from
# whatever module and tool exist.  Serialised by a lock, so parallel runs
# may call it.
ksvm_prepare() {
	local lock rc

	mkdir -p "$KSVM_BUILD/$1"
	exec {lock}>"$KSVM_BUILD/.lock"
	flock "$lock"
	__ksvm_prepare "$@"
	rc=$?
	exec {lock}>&-
	return $rc
}

# A failed build leaves its product out of the VM rather than boot a stale
# one: a run tests the tree as it is, or says loudly what it lacks.
__ksvm_prepare() {
	local rel=$1 build=$2 ko target tool log=$KSVM_BUILD/$1/initramfs.log
	local helpers=() others=() name other

	ko=$KSVM_REPO/kernel/.build/$rel/killswitch.ko
	target=$KSVM_REPO/kernel/.build/$rel/test/ks_target.ko
	tool=$(ksvm_find_tool)
	if ((build)); then
		ksvm_build_module "$rel" || ko=
		if ksvm_build_tool; then
			tool=$(ksvm_find_tool)
		else
			tool=
		fi
	fi
	[[ ${KSVM_BZIMAGE:-0} == 1 ]] || ksvm_extract_vmlinux "$rel" || true
	if ! ksvm_build_helpers; then
		ksvm_say "cannot build the guest helpers $KSVM_HELPERS (gcc -static)"
		return 1
	fi
	for name in $KSVM_HELPERS; do
		helpers+=(--helper "$KSVM_BUILD/$name")
	done
	# The other test kernel's files, for check --kernel-release.
	for name in 6.1 6.12; do
		other=$(ksvm_resolve_kernel "$name") || continue
		[[ $other == "$rel" ]] || others+=(--other-release "$other")
	done

	if [[ -n $ko && ! -f $ko ]]; then
		ksvm_shout "$ko does not exist: booting without killswitch.ko"
		ko=
	fi
	[[ -n $ko && -f $target ]] || target=
	if [[ -z $tool ]]; then
		ksvm_shout "no built killswitch tool under build/: the VM has" \
			   "none on PATH"
	fi

	if ! "$KSVM_LIB/build-initramfs" --release "$rel" \
		--out "$KSVM_BUILD/$rel" --module "$ko" --target "$target" \
		--moddir "$(ksvm_moddir "$rel")" --kconfig "$(ksvm_kconfig "$rel")" \
		--tool "$tool" "${helpers[@]}" "${others[@]}" >"$log" 2>&1; then
		cat "$log" >&2
		return 1
	fi
	grep WARNING "$log" | sed 's/^/ksvm: /' >&2
	return 0
}
