#include <string_view>

#include "output/json_printer.h"
#include "output/text_printer.h"

namespace killswitch::output {

void TextPrinter::rendered(const Rendered& report) {
  out_ << report.text;
  std::string_view notes = report.notes;
  while (!notes.empty()) {
    const auto nl = notes.find('\n');
    note(notes.substr(0, nl));
    notes.remove_prefix(nl == std::string_view::npos ? notes.size() : nl + 1);
  }
  out_.flush();
}

void JsonPrinter::rendered(const Rendered& report) {
  if (!report.json.empty())
    out_ << report.json << '\n' << std::flush;
}

} // namespace killswitch::output
