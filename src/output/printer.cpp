#include "output/printer.h"

#include "output/json_printer.h"
#include "output/text_printer.h"

namespace killswitch::output {

std::unique_ptr<Printer> make_printer(Format format, std::ostream& out,
                                      std::ostream& err) {
  if (format == Format::json)
    return std::make_unique<JsonPrinter>(out);
  return std::make_unique<TextPrinter>(out, err);
}

} // namespace killswitch::output
