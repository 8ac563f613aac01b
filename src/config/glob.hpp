// Matching paths against the globs of per-path overrides.
#pragma once

#include <string_view>

namespace brandlint {

// `*` matches within one folder name, `**` any number of folders, `?` one character. Paths
// use '/'. A pattern without '/' matches the file name in any folder ("*.csv").
bool glob_match(std::string_view pattern, std::string_view path);

}  // namespace brandlint
