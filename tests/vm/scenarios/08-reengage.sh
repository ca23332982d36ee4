# A function disengaged and then engaged again is blocked again, with the
# new retval, cycle after cycle.
. /usr/lib/ksvm/functions.sh
need_module_loaded
need_tool
need_program kcapi-enc kcapi-tools

step "baseline ciphertext"
expect_ok kcapi_encrypt /tmp/before

for cycle in 1 2 3; do
	case $cycle in
	1) name=-EPERM errno=1 ;;
	2) name=-EBADMSG errno=74 ;;
	3) name=EACCES errno=13 ;;
	esac

	step "cycle $cycle: engage with $name; the client fails with -$errno"
	expect_ok killswitch engage af_alg_sendmsg "$name"
	expect_engaged af_alg_sendmsg "-$errno"
	expect_fail kcapi_encrypt /tmp/during
	assert_match "encryption failed with error -$errno\$" "$out" "kcapi-enc's error"
	assert_gt "$(hits af_alg_sendmsg)" 0 "hits"

	step "cycle $cycle: disengage; the client works, same ciphertext"
	expect_ok killswitch disengage af_alg_sendmsg
	expect_not_engaged af_alg_sendmsg
	expect_ok kcapi_encrypt /tmp/after
	assert_eq "$(hex_of /tmp/before)" "$(hex_of /tmp/after)" "ciphertext"
done

step "the kernel stayed healthy"
expect_kernel_healthy
