#include <cerrno>

#include <fmt/format.h>

#include "analysis/check_context.h"
#include "analysis/decompress.h"
#include "analysis/modules.h"

namespace killswitch::analysis::detail {
namespace {

using util::fail;

bool is_module_file(std::string_view name) {
  return name.ends_with(".ko") || name.ends_with(".ko.xz") ||
         name.ends_with(".ko.zst") || name.ends_with(".ko.gz");
}

// Without modules.dep (depmod never ran, as in a bare initramfs), walk the
// tree.  Slow on a distribution kernel's 4000 modules, so only a fallback.
std::optional<std::string> walk_for(const SystemView& view,
                                    const std::string& dir,
                                    std::string_view module, int depth) {
  auto names = view.list_dir(dir);
  if (!names || depth > 8)
    return std::nullopt;
  for (const auto& name : *names) {
    const std::string path = fmt::format("{}/{}", dir, name);
    if (is_module_file(name)) {
      if (module_name_of_path(name) == module)
        return path;
      continue;
    }
    if (name.find('.') != std::string::npos)
      continue; // modules.alias and friends; directories have no dots
    if (auto found = walk_for(view, path, module, depth + 1))
      return found;
  }
  return std::nullopt;
}

} // namespace

util::Result<std::optional<std::string>>
find_module_file(Context& ctx, std::string_view module) {
  const std::string dir = ctx.paths.modules_dir();
  if (!ctx.modules_dep)
    ctx.modules_dep = ctx.view.read_file(ctx.paths.modules_dep());
  if (!*ctx.modules_dep) {
    if (ctx.modules_dep->error().code != ENOENT)
      return fail(ctx.modules_dep->error());
    return walk_for(ctx.view, dir, normalize_module_name(module), 0);
  }

  auto listed = find_in_modules_dep(ctx.modules_dep->value(), module);
  if (!listed)
    return fail(util::Error::invalid(fmt::format(
        "{}: {}", ctx.paths.modules_dep(), listed.error().message)));
  if (!*listed)
    return std::optional<std::string>();
  // modules.dep paths are relative to the modules directory, except for
  // old depmod output that wrote them absolute.
  const std::string& path = **listed;
  return std::optional<std::string>(path.starts_with('/')
                                        ? ctx.paths.under_root(path.substr(1))
                                        : dir + "/" + path);
}

util::Result<void> load_module_image(Context& ctx, const std::string& path) {
  auto data = ctx.view.read_file(path);
  if (!data)
    return fail(data.error());
  auto image = decompress(std::move(data.value()), path);
  if (!image)
    return fail(image.error());
  ctx.ko_image = std::move(image.value());
  return {};
}

} // namespace killswitch::analysis::detail
