// Reading the YAML files users write (configuration, rule files) from text, so that tests and
// fuzzers need no files, and so that a file is checked for UTF-8 before YAML sees it.
#pragma once

#include <string>

#include "brandlint/brandlint.hpp"

namespace brandlint {

// The contents of a text file: an error names the file when it cannot be read or is not
// UTF-8 (with the line and column of the first bad byte). `what` says what the file is for.
Expected<std::string> read_text_file(const std::string& path, const std::string& what);
// The same bytes, not checked for UTF-8: for a file whose checksum may show it was read and
// checked before (a rule file whose parse is cached), which checks it itself otherwise.
Expected<std::string> read_file_bytes(const std::string& path, const std::string& what);

// yaml-cpp's message for a parse error, in words a user can act on: it calls input nested
// deeper than it will follow a "bad file".
std::string yaml_problem(const std::string& yaml_cpp_message);

// A .brandlint.yaml's contents; `path` names it in errors and anchors relative paths.
Expected<Config> parse_config(const std::string& contents, const std::string& path);

}  // namespace brandlint
