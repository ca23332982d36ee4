#pragma once

#include <span>
#include <string_view>

namespace killswitch::analysis {

// A family of kernel functions that engage refuses unless --force: losing
// them kills the machine, or disarms the checks killswitch itself relies
// on (capabilities, lockdown, LSM, ftrace and kprobes).  docs/check.md
// prints this table.
struct CoreFunction {
  std::string_view pattern; // a name, or a prefix when it ends in '*'
  std::string_view area;    // "scheduler", "memory allocator", ...
};

std::span<const CoreFunction> core_functions();

// The entry covering `name` or the function it is a clone of; null when
// none does.
const CoreFunction* find_core_function(std::string_view name);

} // namespace killswitch::analysis
