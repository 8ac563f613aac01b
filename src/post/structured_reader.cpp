#include "post/structured_reader.hpp"

#include <yaml-cpp/yaml.h>

#include <optional>

#include "config/config_text.hpp"
#include "post/json_document.hpp"
#include "post/metadata.hpp"

namespace brandlint::post {
namespace {

constexpr const char* kKnownKeys =
    "text, id, lang, platform, kind, customer, customer_handle, agent, in_reply_to, "
    "scheduled_at, timezone, brandlint; prefix your own keys with 'x-'";

Error error_at_offset(const SourceFile& file, std::size_t offset, std::string message) {
  const Position p = locate(file, offset);
  return Error{file.path, p.line, p.column, std::move(message)};
}

// ---- JSON -------------------------------------------------------------------------------

std::optional<Error> json_suppressions(const SourceFile& file, const JsonValue& v, Metadata& meta) {
  if (v.kind != JsonValue::Kind::object) {
    return error_at_offset(file, v.offset, "'brandlint' must be an object with 'disable'");
  }
  for (const auto& [key, value] : v.members) {
    if (key.text != "disable") {
      return error_at_offset(file, key.offset,
                             "unknown key 'brandlint." + key.text + "' (use disable)");
    }
    if (value.kind != JsonValue::Kind::array) {
      return error_at_offset(file, value.offset,
                             "'disable' must be a list of {rule, reason, until}");
    }
    for (const auto& item : value.items) {
      if (item.kind != JsonValue::Kind::object) {
        return error_at_offset(file, item.offset,
                               "a suppression is an object {rule, reason, until}");
      }
      Suppression s;
      for (const auto& [k, field] : item.members) {
        std::string* target = k.text == "rule"     ? &s.rule
                              : k.text == "reason" ? &s.reason
                              : k.text == "until"  ? &s.until
                                                   : nullptr;
        if (target == nullptr) {
          return error_at_offset(
              file, k.offset, "unknown suppression key '" + k.text + "' (use rule, reason, until)");
        }
        if (field.kind != JsonValue::Kind::string) {
          return error_at_offset(file, field.offset, "'" + k.text + "' must be a string");
        }
        *target = field.text;
      }
      if (auto bad = check_suppression(s)) return error_at_offset(file, item.offset, *bad);
      meta.suppressions.push_back(std::move(s));
    }
  }
  return std::nullopt;
}

Expected<Post> json_post(const std::shared_ptr<const SourceFile>& file, const JsonValue& v,
                         std::size_t index) {
  if (v.kind != JsonValue::Kind::object) {
    return error_at_offset(*file, v.offset, "a post must be an object with a \"text\" key");
  }
  Post post;
  post.index = index;
  post.source.file = file;
  bool has_text = false;
  for (const auto& [key, value] : v.members) {
    if (key.text == "text") {
      if (value.kind != JsonValue::Kind::string) {
        return error_at_offset(*file, value.offset, "\"text\" must be a string");
      }
      post.text = value.text;
      post.source.segments = value.segments;
      has_text = true;
      continue;
    }
    if (key.text == "brandlint") {
      if (auto bad = json_suppressions(*file, value, post.meta)) return *bad;
      continue;
    }
    if (value.kind == JsonValue::Kind::array || value.kind == JsonValue::Kind::object) {
      if (key.text.rfind("x-", 0) == 0) continue;
      return error_at_offset(*file, value.offset, "\"" + key.text + "\" must be a string");
    }
    KeyResult result;
    if (auto bad = set_metadata(post.meta, key.text, value.text, result)) {
      return error_at_offset(*file, value.offset, *bad);
    }
    if (result == KeyResult::unknown) {
      return error_at_offset(*file, key.offset,
                             "unknown key \"" + key.text + "\" (known: " + kKnownKeys + ")");
    }
  }
  if (!has_text) return error_at_offset(*file, v.offset, "this post has no \"text\"");
  if (post.source.segments.empty()) post.source.segments.push_back({0, v.offset, 0});
  return post;
}

Expected<std::vector<Post>> json_posts_from(const std::shared_ptr<const SourceFile>& file,
                                            const JsonValue& root) {
  const JsonValue* list = &root;
  if (root.kind == JsonValue::Kind::object && root.find("posts") != nullptr) {
    list = root.find("posts");
    if (list->kind != JsonValue::Kind::array) {
      return error_at_offset(*file, list->offset, "\"posts\" must be a list of posts");
    }
  }
  std::vector<Post> posts;
  if (list->kind == JsonValue::Kind::array) {
    for (const auto& item : list->items) {
      auto post = json_post(file, item, posts.size() + 1);
      if (!post) return post.error();
      posts.push_back(std::move(post.value()));
    }
    return posts;
  }
  auto post = json_post(file, *list, 1);
  if (!post) return post.error();
  posts.push_back(std::move(post.value()));
  return posts;
}

std::size_t after_bom(const std::string& s) { return s.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0; }

// ---- YAML -------------------------------------------------------------------------------

Error yaml_error(const SourceFile& file, const YAML::Mark& mark, std::string message) {
  return Error{file.path, static_cast<std::size_t>(std::max(mark.line, 0)) + 1,
               static_cast<std::size_t>(std::max(mark.column, 0)) + 1, std::move(message)};
}

}  // namespace

// Shared with the front matter reader.
std::optional<Error> yaml_suppressions(const SourceFile& file, const YAML::Node& v, Metadata& meta,
                                       std::size_t line_offset) {
  auto err = [&](const YAML::Node& n, std::string message) {
    Error e = yaml_error(file, n.Mark(), std::move(message));
    e.line += line_offset;
    return e;
  };
  if (!v.IsMap()) return err(v, "'brandlint' must be a map with 'disable'");
  for (const auto& entry : v) {
    const std::string key = entry.first.Scalar();
    if (key != "disable")
      return err(entry.first, "unknown key 'brandlint." + key + "' (use disable)");
    if (!entry.second.IsSequence()) {
      return err(entry.second, "'disable' must be a list of {rule, reason, until}");
    }
    for (const auto& item : entry.second) {
      if (!item.IsMap()) return err(item, "a suppression is a map {rule, reason, until}");
      Suppression s;
      for (const auto& field : item) {
        const std::string k = field.first.Scalar();
        std::string* target = k == "rule"     ? &s.rule
                              : k == "reason" ? &s.reason
                              : k == "until"  ? &s.until
                                              : nullptr;
        if (target == nullptr) {
          return err(field.first, "unknown suppression key '" + k + "' (use rule, reason, until)");
        }
        if (!field.second.IsScalar()) return err(field.second, "'" + k + "' must be text");
        *target = field.second.Scalar();
      }
      if (auto bad = check_suppression(s)) return err(item, *bad);
      meta.suppressions.push_back(std::move(s));
    }
  }
  return std::nullopt;
}

namespace {

Expected<Post> yaml_post(const std::shared_ptr<const SourceFile>& file, const YAML::Node& node,
                         std::size_t index) {
  if (!node.IsMap())
    return yaml_error(*file, node.Mark(), "a post must be a map with a 'text' key");
  Post post;
  post.index = index;
  post.source.file = file;
  bool has_text = false;
  for (const auto& entry : node) {
    const std::string key = entry.first.Scalar();
    const YAML::Node& value = entry.second;
    if (key == "text") {
      if (!value.IsScalar()) return yaml_error(*file, value.Mark(), "'text' must be text");
      post.text = value.Scalar();
      post.source.segments = align_text(post.text, file->contents,
                                        static_cast<std::size_t>(std::max(value.Mark().pos, 0)));
      has_text = true;
      continue;
    }
    if (key == "brandlint") {
      if (auto bad = yaml_suppressions(*file, value, post.meta, 0)) return *bad;
      continue;
    }
    if (key.rfind("x-", 0) == 0) continue;
    if (!value.IsScalar() && !value.IsNull()) {
      return yaml_error(*file, value.Mark(), "'" + key + "' must be text");
    }
    KeyResult result;
    if (auto bad = set_metadata(post.meta, key, value.IsNull() ? "" : value.Scalar(), result)) {
      return yaml_error(*file, value.Mark(), *bad);
    }
    if (result == KeyResult::unknown) {
      return yaml_error(*file, entry.first.Mark(),
                        "unknown key '" + key + "' (known: " + kKnownKeys + ")");
    }
  }
  if (!has_text) return yaml_error(*file, node.Mark(), "this post has no 'text'");
  if (post.source.segments.empty()) {
    post.source.segments.push_back({0, static_cast<std::size_t>(std::max(node.Mark().pos, 0)), 0});
  }
  return post;
}

}  // namespace

Expected<std::vector<Post>> parse_json_posts(const std::shared_ptr<const SourceFile>& file) {
  // Each post of the list is made as soon as its JSON is read. An invalid JSON file is
  // reported as such even when a post before the error was already wrong, as when the whole
  // document was read first.
  std::vector<Post> posts;
  std::optional<Error> wrong_post;
  auto root =
      parse_json(*file, after_bom(file->contents), file->contents.size(), [&](JsonValue& item) {
        if (wrong_post) return;
        auto post = json_post(file, item, posts.size() + 1);
        if (!post) {
          wrong_post = post.error();
          return;
        }
        posts.push_back(std::move(post.value()));
      });
  if (!root) return root.error();
  if (wrong_post) return *wrong_post;
  const JsonValue* list = &root.value();
  if (list->kind == JsonValue::Kind::object && list->find("posts") != nullptr) {
    list = list->find("posts");
  }
  if (list->kind == JsonValue::Kind::array && list->items.empty()) return posts;
  return json_posts_from(file, root.value());  // one post, or "posts" that is not a list
}

Expected<std::vector<Post>> parse_jsonl_posts(const std::shared_ptr<const SourceFile>& file) {
  const std::string& s = file->contents;
  std::vector<Post> posts;
  std::size_t pos = after_bom(s);
  while (pos < s.size()) {
    std::size_t end = s.find('\n', pos);
    if (end == std::string::npos) end = s.size();
    std::size_t b = pos, e = end;
    while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r')) ++b;
    while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')) --e;
    if (b < e) {
      auto value = parse_json(*file, b, e);
      if (!value) return value.error();
      auto post = json_post(file, value.value(), posts.size() + 1);
      if (!post) return post.error();
      posts.push_back(std::move(post.value()));
    }
    pos = end + 1;
  }
  return posts;
}

Expected<std::vector<Post>> parse_yaml_posts(const std::shared_ptr<const SourceFile>& file) {
  YAML::Node root;
  try {
    root = YAML::Load(file->contents);  // yaml-cpp skips a byte-order mark itself
  } catch (const YAML::Exception& e) {
    return yaml_error(*file, e.mark, "invalid YAML: " + yaml_problem(e.msg));
  }
  const YAML::Node* list = &root;
  YAML::Node posts_node;
  if (root.IsMap() && root["posts"]) {
    posts_node = root["posts"];
    list = &posts_node;
    if (!list->IsSequence())
      return yaml_error(*file, list->Mark(), "'posts' must be a list of posts");
  }
  std::vector<Post> posts;
  if (list->IsSequence()) {
    for (const auto& item : *list) {
      auto post = yaml_post(file, item, posts.size() + 1);
      if (!post) return post.error();
      posts.push_back(std::move(post.value()));
    }
    return posts;
  }
  auto post = yaml_post(file, *list, 1);
  if (!post) return post.error();
  posts.push_back(std::move(post.value()));
  return posts;
}

}  // namespace brandlint::post
