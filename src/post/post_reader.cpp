#include "post/post_reader.hpp"

#include <yaml-cpp/yaml.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "config/config_text.hpp"
#include "post/metadata.hpp"
#include "text/utf8_check.hpp"

namespace brandlint::post {

// In structured_reader.cpp: the `brandlint: {disable: [...]}` key, shared with YAML posts.
std::optional<Error> yaml_suppressions(const SourceFile& file, const YAML::Node& v, Metadata& meta,
                                       std::size_t line_offset);

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// The end of the line starting at `pos` (the offset of its "\n", or size()) and the start
// of the next one.
std::pair<std::size_t, std::size_t> line_at(const std::string& s, std::size_t pos) {
  std::size_t end = s.find('\n', pos);
  if (end == std::string::npos) return {s.size(), s.size()};
  const std::size_t next = end + 1;
  if (end > pos && s[end - 1] == '\r') --end;
  return {end, next};
}

struct FrontMatter {
  std::size_t yaml_begin = 0, yaml_end = 0;  // the YAML between the fences
  std::size_t body_begin = 0;
  std::size_t first_line = 0;  // 0-based file line of the YAML's first line
};

// Finds the front matter fences. Returns false when the file has none.
bool find_front_matter(const std::string& s, std::size_t start, FrontMatter& fm) {
  auto [end, next] = line_at(s, start);
  if (std::string_view(s).substr(start, end - start) != "---") return false;
  fm.yaml_begin = next;
  fm.first_line = 1;
  for (std::size_t pos = next; pos < s.size();) {
    auto [line_end, line_next] = line_at(s, pos);
    const std::string_view line = std::string_view(s).substr(pos, line_end - pos);
    if (line == "---" || line == "...") {
      fm.yaml_end = pos;
      fm.body_begin = line_next;
      return true;
    }
    if (line_next == pos) break;
    pos = line_next;
  }
  fm.yaml_end = fm.body_begin = std::string::npos;  // opened but never closed
  return true;
}

Error error_at(const SourceFile& file, const YAML::Mark& mark, const FrontMatter& fm,
               std::string message) {
  // yaml-cpp counts from 0 within the YAML text; the file has the "---" line before it.
  const std::size_t line = fm.first_line + static_cast<std::size_t>(std::max(mark.line, 0)) + 1;
  const std::size_t column = static_cast<std::size_t>(std::max(mark.column, 0)) + 1;
  return Error{file.path, line, column, std::move(message)};
}

}  // namespace

Expected<std::shared_ptr<const SourceFile>> read_source(const std::string& path) {
  auto file = std::make_shared<SourceFile>();
  if (path == "-") {
    file->path = "<stdin>";
    std::ostringstream buffer;
    buffer << std::cin.rdbuf();
    file->contents = buffer.str();
  } else {
    file->path = path;
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error{path, 0, 0, std::string("cannot read file: ") + std::strerror(errno)};
    file->contents.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (in.bad())
      return Error{path, 0, 0, std::string("cannot read file: ") + std::strerror(errno)};
  }
  if (auto bad = text::check_utf8(file->contents, file->path)) return *bad;
  index_lines(*file);
  return std::shared_ptr<const SourceFile>(std::move(file));
}

std::shared_ptr<const SourceFile> source_from_text(std::string text, std::string name) {
  auto file = std::make_shared<SourceFile>();
  file->path = std::move(name);
  file->contents = std::move(text);
  index_lines(*file);
  return file;
}

std::string input_format(const std::string& path, const InputOptions& options) {
  if (!options.format.empty()) return options.format;
  const auto dot = path.rfind('.');
  std::string ext = dot == std::string::npos ? "" : path.substr(dot + 1);
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext == "json") return "json";
  if (ext == "jsonl" || ext == "ndjson") return "jsonl";
  if (ext == "yaml" || ext == "yml") return "yaml";
  if (ext == "csv") return "csv";
  return "text";
}

Expected<std::vector<Post>> parse_posts(const std::shared_ptr<const SourceFile>& file,
                                        const InputOptions& options) {
  const std::string format = input_format(file->path, options);
  if (format == "json") return parse_json_posts(file);
  if (format == "jsonl") return parse_jsonl_posts(file);
  if (format == "yaml") return parse_yaml_posts(file);
  if (format == "csv") return parse_csv_posts(file, options.csv);
  const std::string& s = file->contents;
  std::size_t start = std::string_view(s).substr(0, kBom.size()) == kBom ? kBom.size() : 0;
  Post post;
  post.source.file = file;
  FrontMatter fm;
  if (find_front_matter(s, start, fm)) {
    if (fm.body_begin == std::string::npos) {
      return Error{file->path, 1, 1, "front matter opened with '---' is never closed"};
    }
    const std::string yaml = s.substr(fm.yaml_begin, fm.yaml_end - fm.yaml_begin);
    YAML::Node root;
    try {
      root = YAML::Load(yaml);
    } catch (const YAML::Exception& e) {
      return error_at(*file, e.mark, fm, "invalid YAML in front matter: " + yaml_problem(e.msg));
    }
    if (root && !root.IsNull()) {
      if (!root.IsMap()) {
        return error_at(*file, root.Mark(), fm, "front matter must be a map of keys and values");
      }
      for (const auto& entry : root) {
        const std::string key = entry.first.Scalar();
        const YAML::Node& value = entry.second;
        if (key.rfind("x-", 0) == 0) continue;  // the user's own keys
        if (key == "brandlint") {
          if (auto bad = yaml_suppressions(*file, value, post.meta, fm.first_line)) return *bad;
          continue;
        }
        if (!value.IsScalar() && !value.IsNull()) {
          return error_at(*file, value.Mark(), fm, "front matter key '" + key + "' must be text");
        }
        KeyResult result;
        const std::string text = value.IsNull() ? std::string() : value.Scalar();
        if (auto bad = set_metadata(post.meta, key, text, result)) {
          return error_at(*file, value.Mark(), fm, *bad);
        }
        if (result == KeyResult::unknown) {
          return error_at(
              *file, entry.first.Mark(), fm,
              "unknown front matter key '" + key +
                  "' (known: id, lang, platform, kind, customer, customer_handle, "
                  "agent, in_reply_to, scheduled_at, timezone, brandlint; prefix your own "
                  "keys "
                  "with 'x-')");
        }
      }
    }
    start = fm.body_begin;
  }
  post.text = s.substr(start);
  post.source.segments.push_back({0, start, post.text.size()});
  std::vector<Post> posts;
  posts.push_back(std::move(post));
  return posts;
}

}  // namespace brandlint::post
