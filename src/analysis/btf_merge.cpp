#include "analysis/btf_merge.h"

#include <cerrno>
#include <cstdint>
#include <cstring>

#include <fmt/format.h>

namespace killswitch::analysis {
namespace {

using util::Error;
using util::fail;

constexpr std::uint16_t kMagic = 0xeb9f;
constexpr std::uint32_t kHeaderSize = 24; // struct btf_header in version 1

struct Sections {
  std::string_view types;
  std::string_view strings;
};

std::uint32_t read_u32(std::string_view data, std::size_t at) {
  std::uint32_t value = 0;
  std::memcpy(&value, data.data() + at, sizeof(value));
  return value;
}

void append_u32(std::string& out, std::uint32_t value) {
  char bytes[sizeof(value)];
  std::memcpy(bytes, &value, sizeof(value));
  out.append(bytes, sizeof(bytes));
}

// The type and string sections of a raw BTF, checked against its size.
util::Result<Sections> sections(std::string_view raw, std::string_view what) {
  const auto bad = [&](std::string_view why) {
    return fail(Error{EINVAL, "btf", fmt::format("{} BTF: {}", what, why)});
  };
  std::uint16_t magic = 0;
  if (raw.size() >= sizeof(magic))
    std::memcpy(&magic, raw.data(), sizeof(magic));
  if (raw.size() < kHeaderSize || magic != kMagic)
    return bad("no BTF header (raw BTF starts with 0xeb9f)");
  if (raw[2] != 1)
    return bad(
        fmt::format("version {}, only 1 is known", static_cast<int>(raw[2])));
  const std::uint64_t header = read_u32(raw, 4);
  const std::uint64_t type_off = read_u32(raw, 8);
  const std::uint64_t type_len = read_u32(raw, 12);
  const std::uint64_t str_off = read_u32(raw, 16);
  const std::uint64_t str_len = read_u32(raw, 20);
  if (header < kHeaderSize || header + type_off + type_len > raw.size() ||
      header + str_off + str_len > raw.size())
    return bad("sections run past the end of the data");
  return Sections{raw.substr(header + type_off, type_len),
                  raw.substr(header + str_off, str_len)};
}

} // namespace

util::Result<std::string> merge_split_btf(std::string_view base,
                                          std::string_view split) {
  auto b = sections(base, "base");
  if (!b)
    return fail(b.error());
  auto s = sections(split, "split");
  if (!s)
    return fail(s.error());
  const std::uint64_t types = b->types.size() + s->types.size();
  const std::uint64_t strings = b->strings.size() + s->strings.size();
  if (kHeaderSize + types + strings > UINT32_MAX)
    return fail(Error{E2BIG, "btf", "merged BTF larger than 4 GiB"});

  std::string out(base.substr(0, 4)); // magic, version, flags
  append_u32(out, kHeaderSize);
  append_u32(out, 0);
  append_u32(out, static_cast<std::uint32_t>(types));
  append_u32(out, static_cast<std::uint32_t>(types));
  append_u32(out, static_cast<std::uint32_t>(strings));
  out.reserve(kHeaderSize + types + strings);
  out.append(b->types).append(s->types);
  out.append(b->strings).append(s->strings);
  return out;
}

} // namespace killswitch::analysis
