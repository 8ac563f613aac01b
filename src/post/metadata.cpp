#include "post/metadata.hpp"

#include <array>

namespace brandlint::post {

bool is_known_language(std::string_view lang) {
  static constexpr std::array<std::string_view, 8> kLanguages = {"en", "en-GB", "en-US", "es",
                                                                 "fr", "it",    "auto",  ""};
  for (auto l : kLanguages) {
    if (l == lang) return true;
  }
  return false;
}

bool is_known_platform(std::string_view platform) {
  static constexpr std::array<std::string_view, 9> kPlatforms = {
      "twitter",  "x",       "facebook", "instagram", "linkedin",
      "mastodon", "bluesky", "threads",  "generic"};
  for (auto p : kPlatforms) {
    if (p == platform) return true;
  }
  return false;
}

std::optional<std::string> set_metadata(Metadata& meta, std::string_view key,
                                        const std::string& value, KeyResult& result) {
  result = KeyResult::stored;
  if (key == "id") {
    meta.id = value;
  } else if (key == "lang") {
    std::string lang = value;
    if (lang == "en_GB" || lang == "en-gb") lang = "en-GB";
    if (lang == "en_US" || lang == "en-us") lang = "en-US";
    if (!is_known_language(lang)) {
      return "unknown language '" + value + "' (use en, en-GB, en-US, es, fr, it or auto)";
    }
    meta.lang = lang;
  } else if (key == "platform") {
    if (!is_known_platform(value)) {
      return "unknown platform '" + value +
             "' (use twitter, x, facebook, instagram, linkedin, mastodon, bluesky, threads or "
             "generic)";
    }
    meta.platform = value;
  } else if (key == "kind") {
    if (value != "reply" && value != "post") {
      return "unknown kind '" + value + "' (use reply or post)";
    }
    meta.kind = value;
  } else if (key == "customer") {
    meta.customer = value;
  } else if (key == "customer_handle") {
    meta.customer_handle = value;
  } else if (key == "agent") {
    meta.agent = value;
  } else if (key == "in_reply_to") {
    meta.in_reply_to = value;
  } else if (key == "scheduled_at") {
    meta.scheduled_at = value;
  } else if (key == "timezone") {
    meta.timezone = value;
  } else if (key.substr(0, 2) == "x-") {
    meta.extra[std::string(key)] = value;
    result = KeyResult::ignored;
  } else {
    result = KeyResult::unknown;
  }
  return std::nullopt;
}

}  // namespace brandlint::post

namespace brandlint::post {

std::optional<std::string> check_suppression(const Suppression& s) {
  if (s.rule.empty()) return "a suppression needs 'rule' (a rule id or prefix)";
  if (s.reason.empty()) {
    return "the suppression of '" + s.rule + "' needs a 'reason' saying why it is acceptable";
  }
  if (!s.until.empty()) {
    const std::string& d = s.until;
    bool ok = d.size() == 10 && d[4] == '-' && d[7] == '-';
    for (std::size_t i = 0; ok && i < d.size(); ++i) {
      if (i != 4 && i != 7) ok = d[i] >= '0' && d[i] <= '9';
    }
    if (!ok) return "'until' must be a date written YYYY-MM-DD, not '" + d + "'";
  }
  return std::nullopt;
}

std::vector<SourceMap::Segment> align_text(const std::string& value, const std::string& contents,
                                           std::size_t start) {
  constexpr std::size_t kWindow = 16;  // how far to look for the next character
  std::vector<SourceMap::Segment> segments;
  std::size_t i = 0;
  std::size_t cursor = std::min(start, contents.size());
  while (i < value.size()) {
    std::size_t found = std::string::npos;
    // Line breaks of a block scalar are followed by indentation; other characters are near.
    const std::size_t window = value[i] == '\n' || value[i] == ' ' ? kWindow * 8 : kWindow;
    for (std::size_t c = cursor; c < contents.size() && c < cursor + window; ++c) {
      if (contents[c] == value[i]) {
        found = c;
        break;
      }
    }
    if (found == std::string::npos) {
      segments.push_back({i, cursor, 0});
      ++i;
      continue;
    }
    std::size_t n = 0;
    while (i + n < value.size() && found + n < contents.size() &&
           value[i + n] == contents[found + n]) {
      ++n;
    }
    segments.push_back({i, found, n});
    i += n;
    cursor = found + n;
  }
  return segments;
}

}  // namespace brandlint::post
