#include "analysis/decompress.h"

#include <cerrno>
#include <memory>

#include <fmt/format.h>
#include <lzma.h>
#include <zstd.h>

namespace killswitch::analysis {
namespace {

using util::Error;
using util::fail;

constexpr std::string_view kXzMagic("\xfd"
                                    "7zXZ\0",
                                    6);
constexpr std::string_view kZstdMagic("\x28\xb5\x2f\xfd", 4);
constexpr std::string_view kGzipMagic("\x1f\x8b", 2);

// Output grows in steps of this size; a module is rarely above a few MB.
constexpr std::size_t kStep = 1 << 20;

Error corrupt(std::string_view what, std::string_view detail) {
  return Error{EINVAL, "decompress",
               fmt::format("decompress {}: {}", what, detail)};
}

util::Result<std::string> unxz(std::string_view data, std::string_view what) {
  lzma_stream stream = LZMA_STREAM_INIT;
  if (lzma_stream_decoder(&stream, UINT64_MAX, LZMA_CONCATENATED) != LZMA_OK)
    return fail(corrupt(what, "cannot start the xz decoder"));

  std::string out;
  stream.next_in = reinterpret_cast<const std::uint8_t*>(data.data());
  stream.avail_in = data.size();
  lzma_ret ret = LZMA_OK;
  while (ret == LZMA_OK) {
    const std::size_t used = out.size();
    out.resize(used + kStep);
    stream.next_out = reinterpret_cast<std::uint8_t*>(out.data() + used);
    stream.avail_out = kStep;
    ret = lzma_code(&stream, LZMA_FINISH);
    out.resize(used + kStep - stream.avail_out);
  }
  lzma_end(&stream);
  if (ret != LZMA_STREAM_END)
    return fail(
        corrupt(what, fmt::format("xz error {}", static_cast<int>(ret))));
  return out;
}

struct DctxFree {
  void operator()(ZSTD_DCtx* ctx) const { ZSTD_freeDCtx(ctx); }
};

util::Result<std::string> unzstd(std::string_view data, std::string_view what) {
  const std::unique_ptr<ZSTD_DCtx, DctxFree> ctx(ZSTD_createDCtx());
  if (!ctx)
    return fail(corrupt(what, "cannot start the zstd decoder"));

  std::string out;
  ZSTD_inBuffer in{data.data(), data.size(), 0};
  std::size_t ret = 1;
  // ret == 0 marks the end of a frame; several frames may follow.
  while (in.pos < in.size || ret != 0) {
    const std::size_t used = out.size();
    out.resize(used + kStep);
    ZSTD_outBuffer buf{out.data() + used, kStep, 0};
    ret = ZSTD_decompressStream(ctx.get(), &buf, &in);
    out.resize(used + buf.pos);
    if (ZSTD_isError(ret) != 0)
      return fail(corrupt(what, ZSTD_getErrorName(ret)));
    if (ret != 0 && in.pos == in.size && buf.pos < kStep)
      return fail(corrupt(what, "truncated zstd stream"));
  }
  return out;
}

} // namespace

Compression detect_compression(std::string_view data) {
  if (data.starts_with(kXzMagic))
    return Compression::xz;
  if (data.starts_with(kZstdMagic))
    return Compression::zstd;
  if (data.starts_with(kGzipMagic))
    return Compression::gzip;
  return Compression::none;
}

util::Result<std::string> decompress(std::string data, std::string_view what) {
  switch (detect_compression(data)) {
  case Compression::none:
    return data;
  case Compression::xz:
    return unxz(data, what);
  case Compression::zstd:
    return unzstd(data, what);
  case Compression::gzip:
    break;
  }
  return fail(Error{ENOTSUP, "decompress",
                    fmt::format("decompress {}: gzip-compressed modules are "
                                "not supported",
                                what)});
}

} // namespace killswitch::analysis
