// The metadata keys every input format shares (front matter, YAML/JSON objects, CSV columns).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "brandlint/brandlint.hpp"

namespace brandlint::post {

enum class KeyResult { stored, ignored, unknown };

// Stores `value` under `key`. Returns an error message when the value is not allowed for
// the key (an unknown language, platform or kind); `result` says whether the key is known.
std::optional<std::string> set_metadata(Metadata& meta, std::string_view key,
                                        const std::string& value, KeyResult& result);

bool is_known_language(std::string_view lang);
bool is_known_platform(std::string_view platform);

}  // namespace brandlint::post

namespace brandlint::post {

// What is wrong with a suppression (no rule, no reason, a date that is not YYYY-MM-DD), if
// anything.
std::optional<std::string> check_suppression(const Suppression& s);

// Runs of `value` found in order in `contents` from `start`: for YAML scalars, whose decoded
// text (folded lines, indentation removed) differs from the file. Characters that cannot be
// found nearby (escapes) map to where the search stood.
std::vector<SourceMap::Segment> align_text(const std::string& value, const std::string& contents,
                                           std::size_t start);

}  // namespace brandlint::post
