// JsonPrinter's reports for apply and bootparam (schema in docs/policy.md).

#include <nlohmann/json.hpp>

#include "output/json_printer.h"
#include "retval/errno_table.h"
#include "retval/retval.h"

namespace killswitch::output {
namespace {

using nlohmann::json;

json errno_of(std::int64_t value) {
  auto label = retval::errno_label(value);
  return label ? json(label->substr(1)) : json(nullptr);
}

json problems_json(const std::vector<policy::Problem>& problems) {
  json list = json::array();
  for (const auto& p : problems)
    list.push_back({{"where", p.where}, {"message", p.message}});
  return list;
}

json result_json(const policy::Applied& a) {
  const auto& d = a.decision;
  json error = nullptr;
  if (a.failed()) {
    auto name = a.errnum > 0 ? retval::errno_name(a.errnum) : std::nullopt;
    error = {{"message", a.error},
             {"errno", name ? json(std::string(*name)) : json(nullptr)}};
  }
  return {{"target", d.target},
          {"action", std::string(policy::step_name(d.step))},
          {"done", a.done},
          {"retval", d.retval},
          {"errno", errno_of(d.retval)},
          {"engaged_retval", d.current ? json(*d.current) : json(nullptr)},
          {"origin", std::string(policy::origin_name(d.origin))},
          {"id", d.id},
          {"source", d.source},
          {"detail", d.detail},
          {"notes", d.notes},
          {"error", error}};
}

json kernel_json(const policy::RunningKernel& k) {
  return {
      {"release", k.release},
      {"upstream", k.upstream ? json(k.upstream->to_string()) : json(nullptr)},
      {"upstream_source", k.source}};
}

void emit(std::ostream& out, const json& j) {
  out << j.dump(-1, ' ', false, json::error_handler_t::replace) << '\n';
}

} // namespace

void JsonPrinter::applied(const policy::ApplyReport& r) {
  json results = json::array();
  for (const auto& a : r.results)
    results.push_back(result_json(a));
  json overrides = json::array();
  for (const auto& o : r.overrides)
    overrides.push_back(
        {{"target", o.target}, {"replaced", o.replaced}, {"by", o.by}});

  const auto c = r.counts();
  emit(out_, {{"command", "apply"},
              {"dry_run", r.dry_run},
              {"boot", r.boot},
              {"kernel", kernel_json(r.kernel)},
              {"files", r.files},
              {"results", results},
              {"problems", problems_json(r.problems)},
              {"overrides", overrides},
              {"nothing_to_do", r.nothing_to_do()},
              {"summary",
               {{"engaged", c.engaged},
                {"changed", c.changed},
                {"disengaged", c.disengaged},
                {"forgotten", c.forgotten},
                {"unchanged", c.unchanged},
                {"skipped", c.skipped},
                {"held_back", c.held_back},
                {"failed", c.failed}}}});
}

void JsonPrinter::bootparam(const policy::BootParamReport& r) {
  json included = json::array();
  for (const auto& e : r.included)
    included.push_back({{"target", e.target.to_string()},
                        {"retval", e.retval},
                        {"id", e.id},
                        {"source", e.source}});
  json left_out = json::array();
  for (const auto& d : r.left_out)
    left_out.push_back({{"target", d.target},
                        {"retval", d.retval},
                        {"id", d.id},
                        {"source", d.source},
                        {"reason", d.detail}});
  emit(out_, {{"command", "bootparam"},
              {"bootparam", r.param},
              {"included", included},
              {"left_out", left_out},
              {"problems", problems_json(r.problems)}});
}

} // namespace killswitch::output
