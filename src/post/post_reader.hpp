// Reading posts from files, stdin and the command line.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "brandlint/brandlint.hpp"
#include "post/structured_reader.hpp"

namespace brandlint::post {

// Reads a whole file ("-" is stdin) and checks that it is UTF-8 text.
Expected<std::shared_ptr<const SourceFile>> read_source(const std::string& path);
// Wraps text given on the command line.
std::shared_ptr<const SourceFile> source_from_text(std::string text, std::string name);

struct InputOptions {
  // text (one post, maybe with front matter), json, jsonl, yaml or csv; empty: by the file's
  // extension (.json, .jsonl/.ndjson, .yaml/.yml, .csv; anything else is text).
  std::string format;
  CsvOptions csv;
};

// The format a file is read as.
std::string input_format(const std::string& path, const InputOptions& options);

// The posts a file holds. A one-post text file may start with YAML front matter between
// "---" lines; its text is the rest. Every post's positions map back into the file.
Expected<std::vector<Post>> parse_posts(const std::shared_ptr<const SourceFile>& file,
                                        const InputOptions& options = {});

}  // namespace brandlint::post
