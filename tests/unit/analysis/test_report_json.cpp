#include <gtest/gtest.h>

#include "analysis/report_json.h"
#include "check_fixture.h"

namespace killswitch::analysis {
namespace {

using nlohmann::json;

class ReportJson : public testing::CheckTest {};

TEST_F(ReportJson, Schema) {
  const json j = report_to_json(run("af_alg_sendmsg", -1));
  EXPECT_EQ(j["schema_version"], 1);
  EXPECT_EQ(j["target"], "af_alg_sendmsg");
  EXPECT_TRUE(j["module"].is_null());
  EXPECT_EQ(j["symbol"], "af_alg_sendmsg");
  EXPECT_EQ(j["kernel_release"], "6.1.0-test-amd64");
  EXPECT_EQ(j["running_kernel"], true);
  EXPECT_EQ(j["addresses_hidden"], false);
  EXPECT_EQ(j["verdict"], "OK");
  EXPECT_EQ(j["exit_code"], 0);
  EXPECT_EQ(j["retval"], -1);
  EXPECT_EQ(j["retval_errno"], "EPERM");
  EXPECT_TRUE(j["suggested_retval"].is_null());
  EXPECT_TRUE(j["core_function"].is_null());

  const json& loc = j["location"];
  EXPECT_EQ(loc["name"], "af_alg_sendmsg");
  EXPECT_TRUE(loc["module"].is_null());
  EXPECT_EQ(loc["type"], "T");
  EXPECT_EQ(loc["address"], "0xffffffff81100010");
  EXPECT_EQ(loc["loaded"], true);
  EXPECT_EQ(loc["source"], "kallsyms");
  EXPECT_TRUE(loc["file"].is_null());

  EXPECT_EQ(j["candidates"].size(), 1u);
  ASSERT_EQ(j["clones"].size(), 1u);
  EXPECT_EQ(j["clones"][0]["kinds"], json::array({"cold"}));
  EXPECT_EQ(j["clones"][0]["shape"], "fragment");

  EXPECT_EQ(j["probe"]["ftrace_site"], true);
  EXPECT_EQ(j["probe"]["blacklisted"], false);
  EXPECT_EQ(j["probe"]["init_section"], false);

  const json& type = j["return_type"];
  EXPECT_EQ(type["class"], "integer");
  EXPECT_EQ(type["c_type"], "int");
  EXPECT_EQ(type["size"], 4);
  EXPECT_EQ(type["signed"], true);
  EXPECT_EQ(type["btf"], "/sys/kernel/btf/vmlinux");

  ASSERT_EQ(j["reasons"].size(), 1u);
  EXPECT_EQ(j["reasons"][0]["level"], "note");
  EXPECT_EQ(j["reasons"][0]["code"], "cold-fragments");
}

TEST_F(ReportJson, RefusalAndUnknowns) {
  view_.file("/proc/kallsyms", testing::fixture("kallsyms-hidden.txt"))
      .remove("/sys/kernel/tracing/available_filter_functions");
  const json j = report_to_json(run("schedule"));
  EXPECT_EQ(j["verdict"], "REFUSE");
  EXPECT_EQ(j["exit_code"], 11);
  EXPECT_EQ(j["addresses_hidden"], true);
  EXPECT_TRUE(j["location"]["address"].is_null());
  EXPECT_TRUE(j["probe"]["ftrace_site"].is_null());
  EXPECT_EQ(j["core_function"], "scheduler");
  EXPECT_TRUE(j["retval"].is_null());
  EXPECT_EQ(j["suggested_retval"], 0);
  EXPECT_TRUE(j["suggested_errno"].is_null());
  EXPECT_TRUE(j["return_type"]["signed"].is_null()); // void
}

TEST_F(ReportJson, NotFoundHasNullLocation) {
  const json j = report_to_json(run("no_such_function"));
  EXPECT_TRUE(j["location"].is_null());
  EXPECT_TRUE(j["return_type"].is_null());
  EXPECT_TRUE(j["candidates"].empty());
}

TEST_F(ReportJson, UnloadedModule) {
  const json j = report_to_json(run("af_alg:af_alg_accept"));
  EXPECT_EQ(j["module"], "af_alg");
  EXPECT_EQ(j["location"]["loaded"], false);
  EXPECT_EQ(j["location"]["source"], "ko");
  EXPECT_EQ(j["location"]["section"], ".text");
  EXPECT_EQ(j["verdict"], "WARN");
  EXPECT_EQ(j["exit_code"], 10);
}

} // namespace
} // namespace killswitch::analysis
