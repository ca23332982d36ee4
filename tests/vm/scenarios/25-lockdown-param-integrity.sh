# A killswitch.ko that is loaded into a kernel locked down at integrity
# (as a signed one could be) skips every entry of its engage= parameter
# with EPERM, as it refuses runtime engage, and says so in the log.
# vm: no-module
. /usr/lib/ksvm/functions.sh
. /usr/lib/ksvm/lockdown.sh
lockdown_param integrity
