#include "analysis/report_json.h"

#include <fmt/format.h>

#include "retval/retval.h"

namespace killswitch::analysis {
namespace {

using nlohmann::json;

json text_or_null(const std::string& text) {
  return text.empty() ? json(nullptr) : json(text);
}

// Addresses as hex strings: a JSON number loses precision above 2^53.
json address_json(std::uint64_t address) {
  return address == 0 ? json(nullptr) : json(fmt::format("{:#x}", address));
}

json answer_json(Answer answer) {
  switch (answer) {
  case Answer::yes:
    return true;
  case Answer::no:
    return false;
  case Answer::unknown:
    break;
  }
  return nullptr;
}

json retval_json(const std::optional<std::int64_t>& value) {
  return value ? json(*value) : json(nullptr);
}

// The errno name of a negative errno value, without its '-'.
json errno_json(const std::optional<std::int64_t>& value) {
  if (!value)
    return nullptr;
  auto label = retval::errno_label(*value);
  return label ? json(label->substr(1)) : json(nullptr);
}

json symbol_json(const SymbolEntry& entry) {
  return {{"name", entry.name},
          {"module", text_or_null(entry.module)},
          {"type", std::string(1, entry.type)},
          {"address", address_json(entry.address)}};
}

json location_json(const std::optional<Location>& location) {
  if (!location)
    return nullptr;
  json j = symbol_json(location->entry);
  j["loaded"] = location->loaded;
  j["source"] = location->source;
  j["file"] = text_or_null(location->file);
  j["section"] = text_or_null(location->entry.section);
  return j;
}

json clone_json(const Clone& clone) {
  json kinds = json::array();
  for (const auto kind : clone.kinds)
    kinds.push_back(std::string(clone_kind_name(kind)));
  json j = symbol_json(clone.entry);
  j["kinds"] = kinds;
  j["shape"] = std::string(clone_shape_name(clone.shape));
  return j;
}

json return_type_json(const TypeFacts& facts) {
  if (!facts.return_type)
    return nullptr;
  const ReturnType& type = *facts.return_type;
  const bool has_sign = type.type_class == TypeClass::integer ||
                        type.type_class == TypeClass::enumeration;
  return {{"class", std::string(type_class_name(type.type_class))},
          {"c_type", type.spelling},
          {"size", type.size},
          {"signed", has_sign ? json(type.is_signed) : json(nullptr)},
          {"btf", facts.btf_source},
          {"btf_function", facts.btf_function}};
}

} // namespace

nlohmann::json report_to_json(const Report& report) {
  json reasons = json::array();
  for (const auto& finding : report.verdict.reasons)
    reasons.push_back(
        {{"level", std::string(finding_level_name(finding.level))},
         {"code", finding.code},
         {"message", finding.message}});
  json candidates = json::array();
  for (const auto& candidate : report.candidates) {
    json j = symbol_json(candidate.entry);
    j["file"] = text_or_null(candidate.file);
    candidates.push_back(std::move(j));
  }
  json clones = json::array();
  for (const auto& clone : report.clones)
    clones.push_back(clone_json(clone));

  return {
      {"schema_version", kReportSchemaVersion},
      {"target", report.target},
      {"module", text_or_null(report.module)},
      {"symbol", report.symbol},
      {"kernel_release", report.kernel_release},
      {"running_kernel", report.running_kernel},
      {"addresses_hidden", report.addresses_hidden},
      {"verdict", std::string(level_name(report.verdict.level))},
      {"exit_code", exit_code(report.verdict.level)},
      {"reasons", reasons},
      {"location", location_json(report.location)},
      {"candidates", candidates},
      {"clones", clones},
      {"probe",
       {{"ftrace_site", answer_json(report.probe.ftrace_site)},
        {"blacklisted", answer_json(report.probe.blacklisted)},
        {"init_section", answer_json(report.probe.init_section)}}},
      {"return_type", return_type_json(report.type)},
      {"retval", retval_json(report.retval)},
      {"retval_errno", errno_json(report.retval)},
      {"suggested_retval", retval_json(report.suggested_retval)},
      {"suggested_errno", errno_json(report.suggested_retval)},
      {"core_function", text_or_null(report.core_area)},
  };
}

} // namespace killswitch::analysis
