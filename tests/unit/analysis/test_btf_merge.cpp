#include <cstring>

#include <gtest/gtest.h>

#include "analysis/btf_merge.h"
#include "btf_builder.h"

namespace killswitch::analysis {
namespace {

std::uint32_t field(const std::string& raw, std::size_t at) {
  std::uint32_t v = 0;
  std::memcpy(&v, raw.data() + at, sizeof(v));
  return v;
}

TEST(BtfMerge, ConcatenatesSections) {
  testing::BaseIds ids{};
  auto base = testing::vmlinux_btf(&ids);
  const std::string base_raw = testing::raw_btf(base.get());
  const std::string split_raw = testing::module_btf_raw(base.get(), ids);

  auto merged = merge_split_btf(base_raw, split_raw);
  ASSERT_TRUE(merged) << merged.error().message;
  const std::uint32_t types =
      field(base_raw, 12) + field(split_raw, 12); // type_len
  const std::uint32_t strings = field(base_raw, 20) + field(split_raw, 20);
  EXPECT_EQ(field(*merged, 4), 24u);
  EXPECT_EQ(field(*merged, 12), types);
  EXPECT_EQ(field(*merged, 16), types);
  EXPECT_EQ(field(*merged, 20), strings);
  EXPECT_EQ(merged->size(), 24u + types + strings);

  // libbpf reads it, with the module's types after the base's.
  testing::BtfPtr btf(
      btf__new(merged->data(), static_cast<std::uint32_t>(merged->size())));
  ASSERT_NE(btf, nullptr);
  EXPECT_GT(btf__find_by_name_kind(btf.get(), "mod_open", BTF_KIND_FUNC),
            static_cast<int>(btf__type_cnt(base.get())) - 1);
}

TEST(BtfMerge, Errors) {
  auto base = testing::vmlinux_btf();
  const std::string good = testing::raw_btf(base.get());

  auto short_base = merge_split_btf("ab", good);
  ASSERT_FALSE(short_base);
  EXPECT_NE(short_base.error().message.find("base BTF: no BTF header"),
            std::string::npos);

  std::string version = good;
  version[2] = 2;
  auto bad_version = merge_split_btf(good, version);
  ASSERT_FALSE(bad_version);
  EXPECT_NE(bad_version.error().message.find("split BTF: version 2"),
            std::string::npos);

  std::string truncated = good;
  truncated.resize(truncated.size() - 1);
  auto past_end = merge_split_btf(good, truncated);
  ASSERT_FALSE(past_end);
  EXPECT_NE(past_end.error().message.find("past the end"), std::string::npos);
}

} // namespace
} // namespace killswitch::analysis
