# Booted with lockdown=confidentiality, the kernel refuses to load the unsigned
# killswitch.ko, by insmod and by modprobe with killswitch.engage= on the
# command line, so its parameter is never read and nothing is engaged.
# vm: no-module
# vm: cmdline=lockdown=confidentiality killswitch.engage=ks_target_value=5
. /usr/lib/ksvm/functions.sh
. /usr/lib/ksvm/lockdown.sh
lockdown_boot confidentiality 26
