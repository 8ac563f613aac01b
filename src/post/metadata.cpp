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
