// User-perceived characters (extended grapheme clusters), for the networks that count them.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace brandlint::text {

// The byte offsets where each grapheme cluster of `utf8` (valid UTF-8) ends, in order: "é",
// "👍🏽" and "🇪🇸" are one each.
std::vector<std::size_t> grapheme_ends(std::string_view utf8);

}  // namespace brandlint::text
