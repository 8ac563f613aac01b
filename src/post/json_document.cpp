#include "post/json_document.hpp"

#include <unicode/utf16.h>
#include <unicode/utf8.h>

namespace brandlint::post {

const JsonValue* JsonValue::find(std::string_view key) const {
  for (const auto& [k, v] : members) {
    if (k.text == key) return &v;
  }
  return nullptr;
}

namespace {

constexpr int kMaxDepth = 64;

class Parser {
 public:
  Parser(const SourceFile& file, std::size_t begin, std::size_t end,
         const std::function<void(JsonValue&)>* each = nullptr)
      : file_(file), s_(file.contents), pos_(begin), end_(end), each_(each) {}

  Expected<JsonValue> document() {
    JsonValue v;
    if (!value(v, 0)) return error_;
    skip_space();
    if (pos_ < end_) {
      fail("unexpected text after the JSON value");
      return error_;
    }
    return v;
  }

 private:
  // Records the error at the current position; returns false for the caller to pass on.
  bool fail(const std::string& message) {
    const Position p = locate(file_, pos_);
    error_ = Error{file_.path, p.line, p.column, "invalid JSON: " + message};
    return false;
  }

  void skip_space() {
    while (pos_ < end_ &&
           (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n' || s_[pos_] == '\r')) {
      ++pos_;
    }
  }

  bool literal(std::string_view word) {
    if (s_.compare(pos_, word.size(), word) != 0) return false;
    pos_ += word.size();
    return true;
  }

  bool value(JsonValue& v, int depth) {
    skip_space();
    if (pos_ >= end_) return fail("unexpected end of input");
    if (depth > kMaxDepth) return fail("nested more than 64 levels deep");
    v.offset = pos_;
    const char c = s_[pos_];
    if (c == '{') return object(v, depth);
    if (c == '[') return array(v, depth);
    if (c == '"') return string(v);
    if (c == 't' || c == 'f') {
      v.kind = JsonValue::Kind::boolean;
      v.text = c == 't' ? "true" : "false";
      if (literal(v.text)) return true;
      return fail("expected true or false");
    }
    if (c == 'n') {
      if (literal("null")) return true;
      return fail("expected null");
    }
    if (c == '-' || (c >= '0' && c <= '9')) return number(v);
    return fail(std::string("unexpected character '") + c + "'");
  }

  bool number(JsonValue& v) {
    v.kind = JsonValue::Kind::number;
    const std::size_t start = pos_;
    if (s_[pos_] == '-') ++pos_;
    auto digits = [&] {
      const std::size_t from = pos_;
      while (pos_ < end_ && s_[pos_] >= '0' && s_[pos_] <= '9') ++pos_;
      return pos_ > from;
    };
    if (!digits()) return fail("malformed number");
    if (pos_ < end_ && s_[pos_] == '.') {
      ++pos_;
      if (!digits()) return fail("malformed number");
    }
    if (pos_ < end_ && (s_[pos_] == 'e' || s_[pos_] == 'E')) {
      ++pos_;
      if (pos_ < end_ && (s_[pos_] == '+' || s_[pos_] == '-')) ++pos_;
      if (!digits()) return fail("malformed number");
    }
    v.text = s_.substr(start, pos_ - start);
    return true;
  }

  bool hex4(uint32_t& out) {
    if (pos_ + 4 > end_) return false;
    out = 0;
    for (int i = 0; i < 4; ++i) {
      const char h = s_[pos_ + static_cast<std::size_t>(i)];
      out <<= 4;
      if (h >= '0' && h <= '9')
        out |= static_cast<uint32_t>(h - '0');
      else if (h >= 'a' && h <= 'f')
        out |= static_cast<uint32_t>(h - 'a' + 10);
      else if (h >= 'A' && h <= 'F')
        out |= static_cast<uint32_t>(h - 'A' + 10);
      else
        return false;
    }
    pos_ += 4;
    return true;
  }

  bool string(JsonValue& v) {
    v.kind = JsonValue::Kind::string;
    ++pos_;  // the opening quote
    std::size_t run_start = pos_;
    auto close_run = [&] {
      if (pos_ > run_start) {
        v.segments.push_back({v.text.size(), run_start, pos_ - run_start});
        v.text.append(s_, run_start, pos_ - run_start);
      }
    };
    while (true) {
      if (pos_ >= end_) return fail("unterminated string");
      const char c = s_[pos_];
      if (c == '"') {
        close_run();
        ++pos_;
        return true;
      }
      if (static_cast<unsigned char>(c) < 0x20) {
        return fail("control character in string (escape line breaks as \\n)");
      }
      if (c != '\\') {
        ++pos_;
        continue;
      }
      close_run();
      const std::size_t escape_at = pos_;
      ++pos_;
      if (pos_ >= end_) return fail("unterminated string");
      const char e = s_[pos_++];
      std::string decoded;
      switch (e) {
        case '"': decoded = "\""; break;
        case '\\': decoded = "\\"; break;
        case '/': decoded = "/"; break;
        case 'b': decoded = "\b"; break;
        case 'f': decoded = "\f"; break;
        case 'n': decoded = "\n"; break;
        case 'r': decoded = "\r"; break;
        case 't': decoded = "\t"; break;
        case 'u': {
          uint32_t unit = 0;
          if (!hex4(unit)) return fail("malformed \\u escape");
          UChar32 cp = static_cast<UChar32>(unit);
          if (U16_IS_LEAD(unit) && s_.compare(pos_, 2, "\\u") == 0) {
            const std::size_t save = pos_;
            pos_ += 2;
            uint32_t trail = 0;
            if (hex4(trail) && U16_IS_TRAIL(trail)) {
              cp = U16_GET_SUPPLEMENTARY(unit, trail);
            } else {
              pos_ = save;
            }
          }
          if (U_IS_SURROGATE(cp)) return fail("unpaired surrogate in \\u escape");
          if (cp == 0) return fail("NUL character in string");
          char buf[4];
          int32_t n = 0;
          U8_APPEND_UNSAFE(buf, n, cp);
          decoded.assign(buf, static_cast<std::size_t>(n));
          break;
        }
        default: pos_ = escape_at; return fail(std::string("unknown escape \\") + e);
      }
      // An escape maps to where it starts in the file.
      v.segments.push_back({v.text.size(), escape_at, 0});
      v.text += decoded;
      run_start = pos_;
    }
  }

  bool array(JsonValue& v, int depth) {
    v.kind = JsonValue::Kind::array;
    // The list of posts: the document itself, or the root object's "posts" member.
    const bool streamed = each_ != nullptr && (depth == 0 || posts_member_);
    posts_member_ = false;
    ++pos_;
    skip_space();
    if (pos_ < end_ && s_[pos_] == ']') {
      ++pos_;
      return true;
    }
    while (true) {
      JsonValue item;
      if (!value(item, depth + 1)) return false;
      if (streamed) {
        (*each_)(item);
      } else {
        v.items.push_back(std::move(item));
      }
      skip_space();
      if (pos_ < end_ && s_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (pos_ < end_ && s_[pos_] == ']') {
        ++pos_;
        return true;
      }
      return fail("expected ',' or ']'");
    }
  }

  bool object(JsonValue& v, int depth) {
    v.kind = JsonValue::Kind::object;
    ++pos_;
    skip_space();
    if (pos_ < end_ && s_[pos_] == '}') {
      ++pos_;
      return true;
    }
    while (true) {
      skip_space();
      if (pos_ >= end_ || s_[pos_] != '"') return fail("expected a quoted key");
      JsonValue key;
      key.offset = pos_;
      if (!string(key)) return false;
      skip_space();
      if (pos_ >= end_ || s_[pos_] != ':') return fail("expected ':' after the key");
      ++pos_;
      JsonValue item;
      posts_member_ = each_ != nullptr && depth == 0 && key.text == "posts";
      if (!value(item, depth + 1)) return false;
      posts_member_ = false;
      v.members.push_back(JsonMember{std::move(key), std::move(item)});
      skip_space();
      if (pos_ < end_ && s_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (pos_ < end_ && s_[pos_] == '}') {
        ++pos_;
        return true;
      }
      return fail("expected ',' or '}'");
    }
  }

  const SourceFile& file_;
  const std::string& s_;
  std::size_t pos_;
  std::size_t end_;
  const std::function<void(JsonValue&)>* each_;
  bool posts_member_ = false;  // the value about to be read is the root's "posts"
  Error error_;
};

}  // namespace

Expected<JsonValue> parse_json(const SourceFile& file, std::size_t begin, std::size_t end) {
  Parser parser(file, begin, end);
  return parser.document();
}

Expected<JsonValue> parse_json(const SourceFile& file, std::size_t begin, std::size_t end,
                               const std::function<void(JsonValue& item)>& each) {
  Parser parser(file, begin, end, &each);
  return parser.document();
}

}  // namespace brandlint::post
