#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "commands/handlers.h"

namespace killswitch::commands {

// Hands a report in both forms to the printer (output/rendered.h).  Bytes
// that are not UTF-8 in `object` are replaced, as the JSON printer does.
inline void print_rendered(Context& ctx, std::string text, std::string notes,
                           const nlohmann::json& object) {
  ctx.out.rendered(
      {std::move(text), std::move(notes),
       object.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)});
}

} // namespace killswitch::commands
