#include "policy/ownership.h"

#include <nlohmann/json.hpp>

namespace killswitch::policy {
namespace {

using nlohmann::json;
using util::Error;
using util::fail;

constexpr int kStateVersion = 1;

// A string member, or empty when it is missing or not a string (json's
// value() would throw on the wrong type).
std::string string_field(const json& j, const char* key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

util::Result<Owned> owned_from_json(const json& j) {
  if (!j.is_object() || !j.contains("target") || !j["target"].is_string() ||
      !j.contains("retval") || !j["retval"].is_number_integer())
    return fail(Error::invalid("state file: an entry without target and "
                               "retval"));

  Owned o;
  o.target = j["target"].get<std::string>();
  o.retval = j["retval"].get<std::int64_t>();
  o.origin =
      string_field(j, "origin") == "cmdline" ? Origin::cmdline : Origin::policy;
  o.id = string_field(j, "id");
  o.source = string_field(j, "source");
  return o;
}

} // namespace

std::string_view origin_name(Origin origin) {
  return origin == Origin::cmdline ? "cmdline" : "policy";
}

util::Result<std::vector<Owned>> parse_owned(std::string_view text) {
  // The parser's own exceptions are turned off: a damaged file is an
  // error value like any other.
  const json j = json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object())
    return fail(Error::invalid("state file is not a JSON object"));
  const auto version = j.find("version");
  if (version == j.end() || !version->is_number_integer() ||
      version->get<int>() != kStateVersion)
    return fail(Error::invalid("state file has an unknown version"));
  if (!j.contains("owned") || !j["owned"].is_array())
    return fail(Error::invalid("state file has no \"owned\" array"));

  std::vector<Owned> owned;
  for (const auto& element : j["owned"]) {
    auto o = owned_from_json(element);
    if (!o)
      return fail(o.error());
    owned.push_back(std::move(*o));
  }
  return owned;
}

std::string format_owned(const std::vector<Owned>& owned) {
  json list = json::array();
  for (const auto& o : owned)
    list.push_back({{"target", o.target},
                    {"retval", o.retval},
                    {"origin", std::string(origin_name(o.origin))},
                    {"id", o.id},
                    {"source", o.source}});
  const json j = {{"version", kStateVersion}, {"owned", list}};
  return j.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

} // namespace killswitch::policy
