# A function can be engaged under one name only, also when one name went pending with its module, so everything stays releasable.
. /usr/lib/ksvm/functions.sh
need_module_loaded

step "ax25_create is engaged by its plain name, then its module unloads: pending"
expect_ok modprobe ax25
expect_errno ok ctl "engage ax25_create -1"
expect_ok rmmod ax25
expect_state ax25_create pending

step "the same function under its module:symbol name is refused while the first is pending"
expect_errno EBUSY ctl "engage ax25:ax25_create -2"

step "ax25 loads again: the one engagement arms, and disengage_all releases everything"
expect_ok modprobe ax25
expect_state ax25_create armed
expect_errno ok ctl "engage ax25:ax25_bind -1"
expect_errno ok ctl "disengage_all"
expect_engaged_file ""

step "rmmod killswitch leaves no kprobe and no traced function behind"
expect_ok rmmod killswitch
assert_eq "" "$(cat /sys/kernel/debug/kprobes/list)" "kprobes list"
assert_eq 0 "$(grep -c . /sys/kernel/tracing/enabled_functions)" "enabled_functions"
expect_kernel_healthy
