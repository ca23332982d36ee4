#pragma once

#include <string>
#include <string_view>

#include "util/result.h"

namespace killswitch::analysis {

enum class Compression { none, xz, zstd, gzip };

// Told by the magic bytes, not the file name: kmod does the same, and a
// renamed file must not be fed to the wrong decoder.
Compression detect_compression(std::string_view data);

// The decompressed bytes of an xz or zstd module (liblzma, libzstd); data
// that is not compressed is returned as is.  gzip (CONFIG_MODULE_COMPRESS_GZIP,
// which Debian does not use) is an error, as is a corrupt or truncated
// stream.  `what` names the file in messages.
util::Result<std::string> decompress(std::string data, std::string_view what);

} // namespace killswitch::analysis
