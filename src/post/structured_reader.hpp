// Posts kept as data: JSON, JSON Lines, YAML and CSV files. Every reader maps the text of each
// post back to where it stands in the file.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "brandlint/brandlint.hpp"

namespace brandlint::post {

struct CsvOptions {
  std::string text_column;                     // empty: text, message, post, content or body
  std::map<std::string, std::string> columns;  // header (case-insensitive) → metadata key
  char delimiter = 0;                          // 0: guessed from the header (',' or ';')
};

Expected<std::vector<Post>> parse_json_posts(const std::shared_ptr<const SourceFile>& file);
Expected<std::vector<Post>> parse_jsonl_posts(const std::shared_ptr<const SourceFile>& file);
Expected<std::vector<Post>> parse_yaml_posts(const std::shared_ptr<const SourceFile>& file);
Expected<std::vector<Post>> parse_csv_posts(const std::shared_ptr<const SourceFile>& file,
                                            const CsvOptions& options);

}  // namespace brandlint::post
