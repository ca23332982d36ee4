#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "output/printer.h"

namespace killswitch::output {
namespace {

using kernel_iface::Command;
using kernel_iface::Engagement;
using kernel_iface::Status;
using nlohmann::json;

Status loaded_status() {
  Status s;
  s.module_loaded = true;
  s.interface_present = true;
  s.engaged = {Engagement{"af_alg_sendmsg", -1, 3, "armed", {}},
               Engagement{"f", 5, 0, "", {{"owner", "me"}}}};
  s.module_taint = true;
  s.kernel_taint = 1U << 20;
  return s;
}

struct Streams {
  std::ostringstream out, err;
  std::unique_ptr<Printer> printer(Format f) {
    return make_printer(f, out, err);
  }
};

TEST(TextPrinter, Status) {
  Streams s;
  s.printer(Format::text)->status(loaded_status());
  EXPECT_EQ(s.out.str(), "module: loaded\n"
                         "taint: yes (module flag 1, kernel bit 20 set)\n"
                         "engaged:\n"
                         "  af_alg_sendmsg retval=-1 (-EPERM) hits=3 "
                         "state=armed\n"
                         "  f retval=5 hits=0 owner=me\n");
}

TEST(TextPrinter, StatusWithoutTheModule) {
  Streams s;
  s.printer(Format::text)->status(Status{});
  EXPECT_EQ(s.out.str(), "module: not loaded (modprobe killswitch)\n"
                         "taint: unknown\n");
}

TEST(TextPrinter, DoneNotesAndErrors) {
  Streams s;
  auto p = s.printer(Format::text);
  p->done(Command::engage({"", "f"}, -22));
  p->done(Command::disengage({"m", "f"}));
  p->done(Command::disengage_all());
  p->note("mounted securityfs on /sys/kernel/security");
  p->error("f is not engaged", ENOENT, 5);
  EXPECT_EQ(s.out.str(), "engaged f retval=-22 (-EINVAL)\n"
                         "disengaged m:f\n"
                         "disengaged all\n");
  EXPECT_EQ(s.err.str(), "killswitch: mounted securityfs on "
                         "/sys/kernel/security\n"
                         "killswitch: f is not engaged\n");
}

TEST(JsonPrinter, Status) {
  Streams s;
  s.printer(Format::json)->status(loaded_status());
  const auto j = json::parse(s.out.str());
  EXPECT_EQ(j["module_loaded"], true);
  EXPECT_EQ(j["interface_present"], true);
  ASSERT_EQ(j["engaged"].size(), 2U);
  EXPECT_EQ(j["engaged"][0],
            json::parse(R"({"symbol":"af_alg_sendmsg","retval":-1,)"
                        R"("errno":"EPERM","hits":3,"state":"armed",)"
                        R"("extra":{}})"));
  EXPECT_EQ(j["engaged"][1]["errno"], nullptr);
  EXPECT_EQ(j["engaged"][1]["state"], nullptr);
  EXPECT_EQ(j["engaged"][1]["extra"]["owner"], "me");
  EXPECT_EQ(j["taint"], json::parse(R"({"module":true,"kernel_bit":true,)"
                                    R"("kernel_mask":1048576})"));
}

TEST(JsonPrinter, StatusWithoutTheModuleUsesNulls) {
  Streams s;
  s.printer(Format::json)->status(Status{});
  const auto j = json::parse(s.out.str());
  EXPECT_EQ(j["module_loaded"], false);
  EXPECT_EQ(j["engaged"], json::array());
  EXPECT_EQ(j["taint"]["module"], nullptr);
  EXPECT_EQ(j["taint"]["kernel_bit"], nullptr);
}

TEST(JsonPrinter, DoneAndErrorsOnStdoutNotesDropped) {
  Streams s;
  auto p = s.printer(Format::json);
  p->note("chatter");
  p->done(Command::engage({"", "f"}, -1));
  p->done(Command::disengage_all());
  p->error("f is not engaged", ENOENT, 5);
  p->error("bad input", 0, 2);
  EXPECT_EQ(s.err.str(), "");

  std::istringstream lines(s.out.str());
  std::string line;
  std::vector<json> objects;
  while (std::getline(lines, line))
    objects.push_back(json::parse(line));
  ASSERT_EQ(objects.size(), 4U);
  EXPECT_EQ(objects[0], json::parse(R"({"ok":true,"command":"engage",)"
                                    R"("symbol":"f","retval":-1,)"
                                    R"("errno":"EPERM"})"));
  EXPECT_EQ(objects[1], json::parse(R"({"ok":true,)"
                                    R"("command":"disengage_all"})"));
  EXPECT_EQ(objects[2], json::parse(R"({"error":{"message":)"
                                    R"("f is not engaged","errno":"ENOENT",)"
                                    R"("exit_code":5}})"));
  EXPECT_EQ(objects[3]["error"]["errno"], nullptr);
}

TEST(JsonPrinter, InvalidUtf8IsReplacedNotThrown) {
  Streams s;
  s.printer(Format::json)->error("invalid number '\xff'", 0, 2);
  const auto j = json::parse(s.out.str());
  EXPECT_EQ(j["error"]["message"], "invalid number '\xef\xbf\xbd'");
}

} // namespace
} // namespace killswitch::output
