#include <gtest/gtest.h>

#include "analysis/decompress.h"
#include "compress.h"

namespace killswitch::analysis {
namespace {

// More than one output step of the decoders (1 MiB), and not all zeros.
std::string sample() {
  std::string data;
  for (int i = 0; data.size() < (3u << 20); ++i)
    data += "module text " + std::to_string(i) + "\n";
  return data;
}

std::string xz(const std::string& data) {
  return testing::xz_compress(data);
}

std::string zstd(const std::string& data) {
  return testing::zstd_compress(data);
}

TEST(Decompress, DetectsByMagic) {
  EXPECT_EQ(detect_compression(xz("a")), Compression::xz);
  EXPECT_EQ(detect_compression(zstd("a")), Compression::zstd);
  EXPECT_EQ(detect_compression("\x1f\x8b rest"), Compression::gzip);
  EXPECT_EQ(detect_compression("\x7f"
                               "ELF"),
            Compression::none);
  EXPECT_EQ(detect_compression(""), Compression::none);
}

TEST(Decompress, Xz) {
  const std::string data = sample();
  auto out = decompress(xz(data), "m.ko.xz");
  ASSERT_TRUE(out) << out.error().message;
  EXPECT_EQ(*out, data);
}

TEST(Decompress, Zstd) {
  const std::string data = sample();
  auto out = decompress(zstd(data), "m.ko.zst");
  ASSERT_TRUE(out) << out.error().message;
  EXPECT_EQ(*out, data);
}

TEST(Decompress, ConcatenatedZstdFrames) {
  auto out = decompress(zstd("one ") + zstd("two"), "m.ko.zst");
  ASSERT_TRUE(out);
  EXPECT_EQ(*out, "one two");
}

TEST(Decompress, PlainIsPassedThrough) {
  EXPECT_EQ(*decompress("\x7f"
                        "ELF...",
                        "m.ko"),
            "\x7f"
            "ELF...");
}

TEST(Decompress, TruncatedXz) {
  std::string packed = xz(sample());
  packed.resize(packed.size() / 2);
  auto out = decompress(packed, "m.ko.xz");
  ASSERT_FALSE(out);
  EXPECT_EQ(out.error().code, EINVAL);
  EXPECT_NE(out.error().message.find("m.ko.xz"), std::string::npos);
}

TEST(Decompress, TruncatedZstd) {
  std::string packed = zstd(sample());
  packed.resize(packed.size() / 2);
  auto out = decompress(packed, "m.ko.zst");
  ASSERT_FALSE(out);
  EXPECT_NE(out.error().message.find("truncated"), std::string::npos);
}

TEST(Decompress, CorruptZstd) {
  std::string packed = zstd(sample());
  for (std::size_t i = 8; i < packed.size(); i += 7)
    packed[i] = static_cast<char>(packed[i] ^ 0x5a);
  EXPECT_FALSE(decompress(packed, "m.ko.zst"));
}

TEST(Decompress, GzipIsRefused) {
  auto out = decompress(std::string("\x1f\x8b\x08\x00", 4), "m.ko.gz");
  ASSERT_FALSE(out);
  EXPECT_EQ(out.error().code, ENOTSUP);
}

} // namespace
} // namespace killswitch::analysis
