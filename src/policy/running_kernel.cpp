#include "policy/running_kernel.h"

#include <string_view>

#include "util/text.h"

namespace killswitch::policy {
namespace {

// The part of /proc/version after the build number ("#1 SMP ..."), where
// distributions put their package version; the compiler's own version
// ("gcc-12 (Debian 12.2.0-14)") comes earlier and must not be mistaken
// for it.
std::string_view build_tail(std::string_view proc_version) {
  const auto hash = proc_version.rfind('#');
  return hash == std::string_view::npos ? std::string_view()
                                        : proc_version.substr(hash);
}

std::optional<KernelVersion> debian_version(std::string_view tail) {
  constexpr std::string_view kMarker = " Debian ";
  const auto at = tail.find(kMarker);
  if (at == std::string_view::npos)
    return std::nullopt;
  return leading_version(tail.substr(at + kMarker.size()));
}

std::optional<KernelVersion> ubuntu_signature(std::string_view signature) {
  const auto words = util::split_words(util::trim(signature));
  if (words.size() < 3 || words.front() != "Ubuntu")
    return std::nullopt;
  return leading_version(words.back());
}

} // namespace

RunningKernel identify_kernel(const KernelFacts& facts) {
  RunningKernel k{std::string(util::trim(facts.release)), std::nullopt, ""};

  if (facts.version_signature) {
    k.upstream = ubuntu_signature(*facts.version_signature);
    k.source = k.upstream ? "/proc/version_signature"
                          : "unreadable /proc/version_signature";
    return k;
  }

  const auto tail = build_tail(facts.proc_version);
  if (auto v = debian_version(tail)) {
    k.upstream = v;
    k.source = "Debian package version in /proc/version";
    return k;
  }
  if (tail.find("Ubuntu") != std::string_view::npos) {
    k.source = "Ubuntu kernel without /proc/version_signature";
    return k;
  }

  k.upstream = leading_version(k.release);
  k.source = k.upstream ? "kernel release" : "unrecognised kernel release";
  return k;
}

} // namespace killswitch::policy
