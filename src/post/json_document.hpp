// A small JSON parser that remembers where every value is in the file, so that a finding in
// a post's "text" points at the characters inside the JSON string, escapes accounted for.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "brandlint/brandlint.hpp"

namespace brandlint::post {

struct JsonMember;

struct JsonValue {
  enum class Kind { null, boolean, number, string, array, object };
  Kind kind = Kind::null;
  std::size_t offset = 0;  // where the value starts in the file
  std::string text;        // strings: the decoded value; numbers and booleans: as written
  // Strings: runs of `text` copied unchanged from the file (escapes break runs).
  std::vector<SourceMap::Segment> segments;
  std::vector<JsonValue> items;  // arrays
  // Objects, in file order. A named pair rather than std::pair: clang with libstdc++ rejects
  // std::pair of the still incomplete JsonValue.
  std::vector<JsonMember> members;

  const JsonValue* find(std::string_view key) const;
};

struct JsonMember {
  JsonValue key;
  JsonValue value;
};

// Parses the JSON value in file.contents[begin, end). Errors carry the file's line and column.
// Nesting deeper than 64 levels is refused (no input of ours needs it).
Expected<JsonValue> parse_json(const SourceFile& file, std::size_t begin, std::size_t end);

// The same, but the items of a list of posts (the value itself when it is an array, or its
// "posts" member when it is an object) go to `each` one at a time as they are read, instead of
// into the value's `items`: a file of many posts never holds all of them as JSON values.
Expected<JsonValue> parse_json(const SourceFile& file, std::size_t begin, std::size_t end,
                               const std::function<void(JsonValue& item)>& each);

}  // namespace brandlint::post
