// How CI formats name a finding's file. GitHub and GitLab attach findings to repository files
// by paths relative to the checkout, which is where CI runs brandlint; a local run may name
// files any way it likes, so paths are made relative to the current directory when they are
// inside it.
#pragma once

#include <string>
#include <string_view>

#include "brandlint/brandlint.hpp"

namespace brandlint::report {

struct ArtifactPath {
  bool is_file = true;    // false for stdin and --text, which have no file to point at
  bool relative = false;  // inside the current directory: `path` is relative to it
  std::string path;       // '/'-separated; absolute when not relative
};

ArtifactPath artifact_path(const SourceFile& source);

// The path as a URI reference: every byte but unreserved characters and '/' percent-encoded
// (so non-ASCII names, spaces and '#' survive), absolute paths as file:// URIs, and a name
// that is not a file ("<stdin>") as a relative reference to that name.
std::string artifact_uri(const ArtifactPath& path);

// The current directory as a file:// URI ending in '/', the base of relative artifact URIs.
std::string current_directory_uri();

}  // namespace brandlint::report
