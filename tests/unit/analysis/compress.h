#pragma once

#include <cstdint>
#include <cstdlib>
#include <string>

#include <lzma.h>
#include <zstd.h>

namespace killswitch::analysis::testing {

inline std::string zstd_compress(const std::string& data) {
  std::string out(ZSTD_compressBound(data.size()), '\0');
  const std::size_t used =
      ZSTD_compress(out.data(), out.size(), data.data(), data.size(), 1);
  if (ZSTD_isError(used) != 0)
    std::abort();
  out.resize(used);
  return out;
}

inline std::string xz_compress(const std::string& data) {
  std::string out(lzma_stream_buffer_bound(data.size()), '\0');
  std::size_t used = 0;
  if (lzma_easy_buffer_encode(
          0, LZMA_CHECK_CRC64, nullptr,
          reinterpret_cast<const std::uint8_t*>(data.data()), data.size(),
          reinterpret_cast<std::uint8_t*>(out.data()), &used,
          out.size()) != LZMA_OK)
    std::abort();
  out.resize(used);
  return out;
}

} // namespace killswitch::analysis::testing
