// Applying safe fixes to files: the edit itself, an atomic write that keeps the file's
// permissions, and the unified diff shown by --diff.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "brandlint/brandlint.hpp"

namespace brandlint::fix {

struct Replacement {
  std::size_t offset;  // bytes in the file
  std::size_t length;
  std::string text;
};

// The contents with the replacements made. Overlapping replacements after the first are
// skipped (the next run will offer them again).
std::string apply(const std::string& contents, std::vector<Replacement> replacements);

// Writes `contents` to `path` through a temporary file in the same folder, flushed to disk
// and renamed over the original, with the original's permissions. The original is untouched
// if anything fails.
std::optional<Error> write_atomically(const std::string& path, const std::string& contents);

// A unified diff (3 lines of context) from `before` to `after`, labelled a/path and b/path;
// empty when they are equal.
std::string unified_diff(const std::string& path, const std::string& before,
                         const std::string& after);

}  // namespace brandlint::fix
