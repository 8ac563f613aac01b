// Validation of the bytes a post arrives in, before anything else reads them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "brandlint/brandlint.hpp"

namespace brandlint::text {

// Returns an error naming the line and byte column of the first ill-formed UTF-8 sequence
// (overlong forms, surrogates and truncated sequences included) or NUL byte, or nothing
// when the bytes are valid UTF-8 text. `path` names the file in the error.
std::optional<Error> check_utf8(std::string_view bytes, const std::string& path);

// The number of code points in valid UTF-8.
std::size_t count_code_points(std::string_view utf8);

}  // namespace brandlint::text
