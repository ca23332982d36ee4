#include "output/json_printer.h"

#include <nlohmann/json.hpp>

#include "kernel_iface/taint.h"
#include "retval/errno_table.h"
#include "retval/retval.h"

namespace killswitch::output {
namespace {

using nlohmann::json;

json name_or_null(std::optional<std::string_view> name) {
  return name ? json(std::string(*name)) : json(nullptr);
}

// The errno name of a negative errno retval, without its '-'.
json retval_errno(std::int64_t value) {
  auto label = retval::errno_label(value);
  return label ? json(label->substr(1)) : json(nullptr);
}

template <typename T> json optional_json(const std::optional<T>& value) {
  return value ? json(*value) : json(nullptr);
}

json engagement_json(const kernel_iface::Engagement& e) {
  json extra = json::object();
  for (const auto& [key, value] : e.extra)
    extra[key] = value;
  return {{"symbol", e.symbol},
          {"retval", e.retval},
          {"errno", retval_errno(e.retval)},
          {"hits", e.hits},
          {"state", e.state.empty() ? json(nullptr) : json(e.state)},
          {"extra", extra}};
}

// Bytes that are not UTF-8 (a symbol typed with a stray byte) become U+FFFD
// rather than an exception: an error report must not fail to print.
void emit(std::ostream& out, const json& j) {
  out << j.dump(-1, ' ', false, json::error_handler_t::replace) << '\n';
}

} // namespace

void JsonPrinter::note(std::string_view /*message*/) {}

void JsonPrinter::done(const kernel_iface::Command& command) {
  json j = {{"ok", true},
            {"command", std::string(kernel_iface::verb_name(command.verb))}};
  if (command.verb != kernel_iface::Verb::disengage_all)
    j["symbol"] = command.target.to_string();
  if (command.verb == kernel_iface::Verb::engage) {
    j["retval"] = command.retval;
    j["errno"] = retval_errno(command.retval);
  }
  emit(out_, j);
}

void JsonPrinter::status(const kernel_iface::Status& s) {
  json engaged = json::array();
  for (const auto& e : s.engaged)
    engaged.push_back(engagement_json(e));

  std::optional<bool> kernel_bit;
  if (s.kernel_taint)
    kernel_bit = kernel_iface::has_killswitch_taint(*s.kernel_taint);

  const json j = {{"module_loaded", s.module_loaded},
                  {"interface_present", s.interface_present},
                  {"engaged", engaged},
                  {"taint",
                   {{"module", optional_json(s.module_taint)},
                    {"kernel_bit", optional_json(kernel_bit)},
                    {"kernel_mask", optional_json(s.kernel_taint)}}}};
  emit(out_, j);
}

void JsonPrinter::error(std::string_view message, int errnum, int exit_code) {
  const json j = {
      {"error",
       {{"message", std::string(message)},
        {"errno",
         errnum > 0 ? name_or_null(retval::errno_name(errnum)) : json(nullptr)},
        {"exit_code", exit_code}}}};
  emit(out_, j);
}

} // namespace killswitch::output
