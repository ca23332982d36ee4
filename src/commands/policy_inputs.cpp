#include "commands/policy_inputs.h"

#include <cerrno>

#include "commands/failure.h"
#include "policy/cmdline.h"

namespace killswitch::commands {
namespace {

std::string read_or_empty(const kernel_iface::Filesystem& fs,
                          const std::string& path) {
  auto text = fs.read(path);
  return text ? std::move(*text) : std::string();
}

policy::KernelFacts read_facts(const kernel_iface::Filesystem& fs,
                               const policy::Locations& where) {
  policy::KernelFacts facts;
  facts.release = read_or_empty(fs, where.osrelease());
  facts.proc_version = read_or_empty(fs, where.version());
  if (auto signature = fs.read(where.version_signature()))
    facts.version_signature = std::move(*signature);
  return facts;
}

} // namespace

policy::Locations policy_locations() {
  auto where =
      policy::locations_from_environment(kernel_iface::process_environment());
  if (!where)
    throw UsageError(where.error().message);
  return std::move(*where);
}

PolicyInputs read_policy_inputs(const kernel_iface::Filesystem& fs,
                                const policy::Locations& where, bool boot) {
  PolicyInputs in{policy::load_policy(fs, where.policy_dirs),
                  policy::identify_kernel(read_facts(fs, where)),
                  where.today.value_or(policy::today_utc())};
  if (!boot)
    return in;

  auto cmdline = fs.read(where.cmdline());
  if (!cmdline) {
    in.policy.problems.push_back({where.cmdline(), cmdline.error().message});
    return in;
  }
  auto parsed = policy::parse_cmdline(*cmdline);
  in.policy.problems.insert(in.policy.problems.end(), parsed.problems.begin(),
                            parsed.problems.end());
  policy::merge_entries(in.policy, std::move(parsed.entries));
  return in;
}

} // namespace killswitch::commands
