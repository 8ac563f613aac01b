#include "text/utf8_check.hpp"

#include <unicode/utf8.h>

#include <cstdint>
#include <limits>

namespace brandlint::text {

std::optional<Error> check_utf8(std::string_view bytes, const std::string& path) {
  // ICU's macros index with int32_t; no post file comes near that size.
  if (bytes.size() > static_cast<std::size_t>(std::numeric_limits<int32_t>::max())) {
    return Error{path, 0, 0, "file too large (over 2 GiB)"};
  }
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const auto len = static_cast<int32_t>(bytes.size());
  std::size_t line = 1;
  std::size_t column = 1;  // in code points
  int32_t i = 0;
  while (i < len) {
    const int32_t at = i;
    UChar32 c;
    U8_NEXT(s, i, len, c);
    if (c < 0) {
      return Error{path, line, column,
                   "invalid UTF-8 at byte " + std::to_string(at) + " (save the file as UTF-8)"};
    }
    if (c == 0) {
      return Error{path, line, column,
                   "NUL byte at byte " + std::to_string(at) + ": this looks like a binary file"};
    }
    if (c == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return std::nullopt;
}

std::size_t count_code_points(std::string_view utf8) {
  std::size_t count = 0;
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  int32_t i = 0;
  const auto len = static_cast<int32_t>(utf8.size());
  while (i < len) {
    U8_FWD_1(s, i, len);
    ++count;
  }
  return count;
}

}  // namespace brandlint::text
