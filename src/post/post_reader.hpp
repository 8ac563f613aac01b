// Reading posts from files, stdin and the command line.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "brandlint/brandlint.hpp"

namespace brandlint::post {

// Reads a whole file ("-" is stdin) and checks that it is UTF-8 text.
Expected<std::shared_ptr<const SourceFile>> read_source(const std::string& path);
// Wraps text given on the command line.
std::shared_ptr<const SourceFile> source_from_text(std::string text, std::string name);

// The posts a file holds. A one-post file may start with YAML front matter between "---"
// lines; its text is the rest, positions mapped back into the file.
Expected<std::vector<Post>> parse_posts(const std::shared_ptr<const SourceFile>& file);

}  // namespace brandlint::post
