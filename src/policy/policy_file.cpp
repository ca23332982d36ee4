#include "policy/policy_file.h"

#include <fmt/format.h>

// The tool is linked statically and Debian ships toml++ only as a shared
// library, so it is used header-only; without exceptions, parse() returns
// its error as a value, as docs/cpp-errors.md wants of a library.
#define TOML_EXCEPTIONS 0
#define TOML_HEADER_ONLY 1
#include <toml++/toml.h>

#include "retval/retval.h"

namespace killswitch::policy {
namespace {

// Collects the problems of one [[engage]] table while its keys are read.
class EntryReader {
public:
  EntryReader(const toml::table& table, const std::string& source,
              std::size_t index)
      : table_(table), source_(source) {
    entry_.source = source;
    entry_.index = index;
    entry_.line = table.source().begin.line;
  }

  // The entry, or nothing when a problem was added.
  std::optional<Entry> read(std::vector<Problem>& problems);

private:
  void key(std::string_view name, const toml::node& node);
  void target(const toml::node& node);
  void retval(const toml::node& node);
  void text(const toml::node& node, std::string_view name, std::string& out);
  void fixed_in(const toml::node& node);
  void affects(const toml::node& node);
  void expires(const toml::node& node);
  void force(const toml::node& node);

  // The strings of an array, reporting anything else.
  std::vector<std::pair<std::string, const toml::node*>>
  strings(const toml::node& node, std::string_view name);

  void problem(const toml::node& node, std::string message);

  const toml::table& table_;
  const std::string& source_;
  Entry entry_;
  bool has_target_ = false;
  bool has_retval_ = false;
  std::vector<Problem> problems_;
};

std::string where(const std::string& source, const toml::node& node) {
  const auto line = node.source().begin.line;
  return line == 0 ? source : fmt::format("{}:{}", source, line);
}

void EntryReader::problem(const toml::node& node, std::string message) {
  problems_.push_back({where(source_, node),
                       fmt::format("entry {}: {}", entry_.index, message)});
}

std::optional<Entry> EntryReader::read(std::vector<Problem>& problems) {
  for (const auto& [name, node] : table_)
    key(name.str(), node);
  if (!has_target_)
    problem(table_, "no target");
  if (!has_retval_)
    problem(table_, "no retval");
  if (entry_.id.empty() && !table_.contains("id"))
    problem(table_, "no id (a CVE number or another name for the problem)");
  if (entry_.reason.empty() && !table_.contains("reason"))
    problem(table_, "no reason");

  if (!problems_.empty()) {
    problems.insert(problems.end(), problems_.begin(), problems_.end());
    return std::nullopt;
  }
  return entry_;
}

void EntryReader::key(std::string_view name, const toml::node& node) {
  if (name == "target")
    target(node);
  else if (name == "retval")
    retval(node);
  else if (name == "id")
    text(node, name, entry_.id);
  else if (name == "reason")
    text(node, name, entry_.reason);
  else if (name == "fixed_in")
    fixed_in(node);
  else if (name == "affects")
    affects(node);
  else if (name == "expires")
    expires(node);
  else if (name == "force")
    force(node);
  else
    // A misspelt guard would silently make the entry apply everywhere.
    problem(node, fmt::format("unknown key '{}'", name));
}

void EntryReader::target(const toml::node& node) {
  has_target_ = true;
  const auto* value = node.as_string();
  if (value == nullptr)
    return problem(node, "target must be a string");
  auto name = symbols::parse_symbol_name(value->get());
  if (!name)
    return problem(node, name.error().message);
  entry_.target = std::move(*name);
}

void EntryReader::retval(const toml::node& node) {
  has_retval_ = true;
  if (const auto* number = node.as_integer()) {
    entry_.retval = number->get();
    return;
  }
  const auto* value = node.as_string();
  if (value == nullptr)
    return problem(node, "retval must be an integer or a string such as "
                         "\"EPERM\"");
  auto parsed = retval::parse_retval(value->get());
  if (!parsed)
    return problem(node, parsed.error().message);
  entry_.retval = *parsed;
}

void EntryReader::text(const toml::node& node, std::string_view name,
                       std::string& out) {
  const auto* value = node.as_string();
  if (value == nullptr || value->get().empty())
    return problem(node, fmt::format("{} must be a non-empty string", name));
  out = value->get();
}

std::vector<std::pair<std::string, const toml::node*>>
EntryReader::strings(const toml::node& node, std::string_view name) {
  std::vector<std::pair<std::string, const toml::node*>> out;
  const auto* array = node.as_array();
  if (array == nullptr) {
    problem(node, fmt::format("{} must be an array of strings", name));
    return out;
  }
  for (const auto& element : *array) {
    if (const auto* s = element.as_string())
      out.emplace_back(s->get(), &element);
    else
      problem(element, fmt::format("{} must be an array of strings", name));
  }
  return out;
}

void EntryReader::fixed_in(const toml::node& node) {
  for (const auto& [text, element] : strings(node, "fixed_in")) {
    if (auto v = parse_version(text))
      entry_.guards.fixed_in.push_back(*v);
    else
      problem(*element, "fixed_in: " + v.error().message);
  }
}

void EntryReader::affects(const toml::node& node) {
  for (const auto& [text, element] : strings(node, "affects")) {
    if (auto r = parse_range(text))
      entry_.guards.affects.push_back(std::move(*r));
    else
      problem(*element, "affects: " + r.error().message);
  }
}

void EntryReader::expires(const toml::node& node) {
  if (const auto* date = node.as_date()) {
    const auto& d = date->get();
    const Date value{std::chrono::year(d.year), std::chrono::month(d.month),
                     std::chrono::day(d.day)};
    if (!value.ok())
      return problem(node, "expires is not a real date");
    entry_.expires = value;
    return;
  }
  const auto* text = node.as_string();
  if (text == nullptr)
    return problem(node, "expires must be a date such as 2026-06-30");
  auto value = parse_date(text->get());
  if (!value)
    return problem(node, "expires: " + value.error().message);
  entry_.expires = *value;
}

void EntryReader::force(const toml::node& node) {
  const auto* value = node.as_boolean();
  if (value == nullptr)
    return problem(node, "force must be true or false");
  entry_.force = value->get();
}

} // namespace

ParsedFile parse_policy_file(std::string_view text, const std::string& source) {
  ParsedFile out;

  auto parsed = toml::parse(text, source);
  if (!parsed) {
    const auto& error = parsed.error();
    out.problems.push_back(
        {fmt::format("{}:{}", source, error.source().begin.line),
         std::string(error.description())});
    return out;
  }

  const toml::table& top = parsed.table();
  for (const auto& [name, node] : top) {
    if (name.str() != "engage") {
      out.problems.push_back(
          {where(source, node), fmt::format("unknown key '{}' (entries are "
                                            "[[engage]] tables)",
                                            name.str())});
      continue;
    }
    const auto* tables = node.as_array();
    if (tables == nullptr || !tables->is_array_of_tables()) {
      out.problems.push_back({where(source, node),
                              "engage must be written [[engage]], one "
                              "table per entry"});
      continue;
    }
    std::size_t index = 0;
    for (const auto& element : *tables) {
      EntryReader reader(*element.as_table(), source, ++index);
      if (auto entry = reader.read(out.problems))
        out.entries.push_back(std::move(*entry));
    }
  }
  return out;
}

} // namespace killswitch::policy
