// Runs the twitter-text conformance cases (shared/conformance/twitter-text) through
// platform::weighted_length and text::find_entities.
#include <doctest/doctest.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "checks/twitter_length.hpp"
#include "text/entity_finder.hpp"

#ifndef BRANDLINT_SHARED_DIR
#error "BRANDLINT_SHARED_DIR must name the shared/ directory (a string literal)"
#endif

namespace {

using brandlint::platform::TwitterTextConfig;
using brandlint::text::Entity;
using brandlint::text::EntityKind;

std::string conformance_file(const char* name) {
  return std::string(BRANDLINT_SHARED_DIR) + "/conformance/twitter-text/" + name;
}

std::string to_nfc(const std::string& utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  REQUIRE(U_SUCCESS(status));
  const icu::UnicodeString normalised = nfc->normalize(icu::UnicodeString::fromUTF8(utf8), status);
  REQUIRE(U_SUCCESS(status));
  std::string out;
  normalised.toUTF8String(out);
  return out;
}

// The number of UTF-16 code units in the first `bytes` bytes of valid UTF-8.
long utf16_units(std::string_view s, std::size_t bytes) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto len = static_cast<int32_t>(std::min(bytes, s.size()));
  int32_t i = 0;
  long units = 0;
  while (i < len) {
    UChar32 c;
    U8_NEXT(p, i, len, c);
    units += U16_LENGTH(c);
  }
  return units;
}

// ---------------------------------------------------------------------------------------------
// Weighted length

TEST_CASE("twitter-text config-v3.json is TwitterTextConfig::v3()") {
  // yaml-cpp reads JSON too.
  const YAML::Node json = YAML::LoadFile(conformance_file("config-v3.json"));
  const TwitterTextConfig v3 = TwitterTextConfig::v3();
  CHECK(json["maxWeightedTweetLength"].as<int>() == v3.max_weighted_length);
  CHECK(json["scale"].as<int>() == v3.scale);
  CHECK(json["defaultWeight"].as<int>() == v3.default_weight);
  CHECK(json["transformedURLLength"].as<int>() == v3.transformed_url_length);
  CHECK(json["emojiParsingEnabled"].as<bool>() == v3.emoji_parsing_enabled);
  const YAML::Node ranges = json["ranges"];
  REQUIRE(ranges.size() == v3.ranges.size());
  for (std::size_t i = 0; i < ranges.size(); ++i) {
    CHECK(ranges[i]["start"].as<unsigned>() == v3.ranges[i].start);
    CHECK(ranges[i]["end"].as<unsigned>() == v3.ranges[i].end);
    CHECK(ranges[i]["weight"].as<int>() == v3.ranges[i].weight);
  }
}

TEST_CASE("twitter-text weighted length conformance (validate.yml)") {
  const YAML::Node root = YAML::LoadFile(conformance_file("validate.yml"))["tests"];
  TwitterTextConfig v2 = TwitterTextConfig::v3();
  v2.emoji_parsing_enabled = false;  // twitter-text runs WeightedTweetsCounterTest with v2
  const TwitterTextConfig v3 = TwitterTextConfig::v3();
  const std::pair<const char*, const TwitterTextConfig*> sections[] = {
      {"WeightedTweetsCounterTest", &v2},
      {"WeightedTweetsWithDiscountedEmojiCounterTest", &v3},
      {"UnicodeDirectionalMarkerCounterTest", &v3},
  };
  for (const auto& [section_name, config] : sections) {
    const std::string name = section_name;
    const YAML::Node cases = root[name];
    REQUIRE_MESSAGE(cases.IsSequence(), name);
    REQUIRE(cases.size() > 0);
    std::size_t passed = 0;
    for (const YAML::Node& c : cases) {
      const std::string description = c["description"].as<std::string>();
      const std::string text = c["text"].as<std::string>();
      const YAML::Node expected = c["expected"];
      CAPTURE(name);
      CAPTURE(description);
      const std::string nfc = to_nfc(text);
      const auto got = brandlint::platform::weighted_length(nfc, *config);
      // twitter-text reports the last valid UTF-16 index of the original text: the valid prefix
      // of the normalised text, shifted by how much normalisation changed the length.
      const long valid_range_end = utf16_units(nfc, got.valid_end) +
                                   (utf16_units(text, text.size()) - utf16_units(nfc, nfc.size())) -
                                   1;
      const bool ok = got.weighted_length == expected["weightedLength"].as<int>() &&
                      got.valid == expected["valid"].as<bool>() &&
                      got.permillage == expected["permillage"].as<int>() &&
                      valid_range_end == expected["validRangeEnd"].as<long>();
      CHECK(got.weighted_length == expected["weightedLength"].as<int>());
      CHECK(got.valid == expected["valid"].as<bool>());
      CHECK(got.permillage == expected["permillage"].as<int>());
      CHECK(valid_range_end == expected["validRangeEnd"].as<long>());
      if (ok) ++passed;
    }
    MESSAGE(name << ": " << passed << "/" << cases.size() << " cases pass");
    CHECK(passed == cases.size());
  }
}

TEST_CASE("weighted_length basics") {
  using brandlint::platform::weighted_length;
  CHECK(weighted_length("").weighted_length == 0);
  CHECK_FALSE(weighted_length("").valid);
  CHECK_FALSE(weighted_length("   ").valid);
  const auto hello = weighted_length("hello");
  CHECK(hello.weighted_length == 5);
  CHECK(hello.valid);
  CHECK(hello.valid_end == 5);
  const std::string long_text(281, 'x');
  const auto over = weighted_length(long_text);
  CHECK(over.weighted_length == 281);
  CHECK_FALSE(over.valid);
  CHECK(over.valid_end == 280);
  // "©" is text (weight 1), "©️" an emoji (weight 2); a flag is one emoji.
  CHECK(weighted_length("\xC2\xA9").weighted_length == 1);
  CHECK(weighted_length("\xC2\xA9\xEF\xB8\x8F").weighted_length == 2);
  CHECK(weighted_length("\xF0\x9F\x87\xAF\xF0\x9F\x87\xB5").weighted_length == 2);
  // Recommended ZWJ sequences are one emoji (also without their U+FE0F); other chains are not.
  CHECK(weighted_length("\U0001F469\u200D\u2764\u200D\U0001F48B\u200D\U0001F468").weighted_length ==
        2);
  CHECK(weighted_length("\U0001F600\u200D\U0001F600").weighted_length == 5);
  CHECK(weighted_length("1\uFE0F\u20E3 #\u20E3").weighted_length == 5);
  const auto bom = weighted_length(
      "ab\xEF\xBB\xBF"
      "cd");
  CHECK_FALSE(bom.valid);
  CHECK(bom.valid_end == 2);
}

// ---------------------------------------------------------------------------------------------
// Entity extraction

// Cases left out of the extract.yml comparison, by description, and why.
const std::map<std::string, std::string>& skipped_extract_cases() {
  static const std::map<std::string, std::string> skipped = {
      {"Extract lone metion but not @user@user (too close to an email)",
       "brandlint reads @user@instance.tld as a Mastodon handle by design, so "
       "\"@test@example.com\" is one mention, where twitter-text finds none"},
  };
  return skipped;
}

struct Found {
  std::string value;  // URL text, screen name ("name" or "name/slug"), hashtag or cashtag text
  std::optional<std::pair<long, long>> indices;
  bool operator==(const Found& o) const { return value == o.value && indices == o.indices; }
};

std::string describe(const std::vector<Found>& v) {
  std::ostringstream out;
  out << "[";
  for (const Found& f : v) {
    out << " \"" << f.value << "\"";
    if (f.indices) out << "@" << f.indices->first << "-" << f.indices->second;
  }
  out << " ]";
  return out.str();
}

// Strips the sigil ('@', '#', '$' or a full-width form) from an entity's text.
std::string strip_sigil(std::string_view text) {
  const auto c = static_cast<unsigned char>(text.front());
  return std::string(text.substr(c < 0x80 ? 1 : 3));
}

std::vector<Found> actual(const std::string& text, EntityKind kind, bool with_indices, bool lists) {
  std::vector<Found> out;
  for (const Entity& e : brandlint::text::find_entities(text)) {
    if (e.kind != kind) continue;
    const std::string_view span = std::string_view(text).substr(e.begin, e.end - e.begin);
    Found f;
    f.value = kind == EntityKind::url ? std::string(span) : strip_sigil(span);
    if (kind == EntityKind::mention && !lists && f.value.find('/') != std::string::npos) continue;
    if (with_indices)
      f.indices = std::make_pair(utf16_units(text, e.begin), utf16_units(text, e.end));
    out.push_back(f);
  }
  return out;
}

std::vector<Found> expected_of(const YAML::Node& expected, const char* key, bool with_indices) {
  std::vector<Found> out;
  if (!expected || expected.IsNull()) return out;
  for (const YAML::Node& item : expected) {
    Found f;
    if (!with_indices) {
      f.value = item.as<std::string>();
    } else {
      f.value = item[key].as<std::string>();
      if (item["list_slug"]) f.value += item["list_slug"].as<std::string>();
      f.indices = std::make_pair(item["indices"][0].as<long>(), item["indices"][1].as<long>());
    }
    out.push_back(f);
  }
  return out;
}

struct ExtractSection {
  const char* name;
  EntityKind kind;
  bool with_indices;
  const char* key;  // field holding the value in cases with indices
  bool lists;       // whether @user/list entries belong to the section
};

TEST_CASE("twitter-text extraction conformance (extract.yml)") {
  const YAML::Node root = YAML::LoadFile(conformance_file("extract.yml"))["tests"];
  // "replies" is not an entity kind (it asks whether a post is a reply) and is not run.
  const ExtractSection sections[] = {
      {"mentions", EntityKind::mention, false, "", false},
      {"mentions_with_indices", EntityKind::mention, true, "screen_name", false},
      {"mentions_or_lists_with_indices", EntityKind::mention, true, "screen_name", true},
      {"urls", EntityKind::url, false, "", false},
      {"urls_with_indices", EntityKind::url, true, "url", false},
      {"urls_with_directional_markers", EntityKind::url, true, "url", false},
      {"tco_urls_with_params", EntityKind::url, false, "", false},
      {"hashtags", EntityKind::hashtag, false, "", false},
      {"hashtags_from_astral", EntityKind::hashtag, false, "", false},
      {"hashtags_with_indices", EntityKind::hashtag, true, "hashtag", false},
      {"cashtags", EntityKind::cashtag, false, "", false},
      {"cashtags_with_indices", EntityKind::cashtag, true, "cashtag", false},
  };
  // Agreement reached per kind: every case run agrees (skipped ones excluded); must not go down.
  const std::map<EntityKind, std::size_t> minimum = {
      {EntityKind::mention, 30},
      {EntityKind::url, 108},
      {EntityKind::hashtag, 76},
      {EntityKind::cashtag, 10},
  };
  const std::map<EntityKind, std::string> kind_names = {{EntityKind::mention, "mentions"},
                                                        {EntityKind::url, "urls"},
                                                        {EntityKind::hashtag, "hashtags"},
                                                        {EntityKind::cashtag, "cashtags"}};
  std::map<EntityKind, std::size_t> agree, total, skipped;
  for (const ExtractSection& section : sections) {
    const YAML::Node cases = root[section.name];
    REQUIRE_MESSAGE(cases.IsSequence(), std::string(section.name));
    for (const YAML::Node& c : cases) {
      const std::string description = c["description"].as<std::string>();
      if (skipped_extract_cases().count(description) != 0) {
        ++skipped[section.kind];
        continue;
      }
      const std::string text = c["text"].as<std::string>();
      const std::vector<Found> want = expected_of(c["expected"], section.key, section.with_indices);
      const std::vector<Found> got =
          actual(text, section.kind, section.with_indices, section.lists);
      ++total[section.kind];
      if (got == want) {
        ++agree[section.kind];
      } else {
        MESSAGE(std::string(section.name)
                << " disagrees: " << description << "\n  text: " << text
                << "\n  want: " << describe(want) << "\n  got:  " << describe(got));
      }
    }
  }
  for (const auto& [kind, name] : kind_names) {
    MESSAGE("extract.yml " << name << ": " << agree[kind] << "/" << total[kind] << " cases agree ("
                           << skipped[kind] << " skipped)");
    CHECK(agree[kind] >= minimum.at(kind));
  }
}

TEST_CASE("find_entities: handles, e-mail addresses and URLs") {
  using brandlint::text::find_entities;
  auto spans = [](const std::string& text) {
    std::vector<std::string> out;
    for (const Entity& e : find_entities(text))
      out.push_back(text.substr(e.begin, e.end - e.begin));
    return out;
  };
  CHECK(spans("ask @alice@mastodon.social today") ==
        std::vector<std::string>{"@alice@mastodon.social"});
  CHECK(spans("ping @alice.bsky.social.") == std::vector<std::string>{"@alice.bsky.social"});
  CHECK(spans("mail hello@example.com now").empty());
  CHECK(spans("see (https://example.com/a_(b)) and example.org.") ==
        std::vector<std::string>{"https://example.com/a_(b)", "example.org"});
  CHECK(spans("#123 #ok $AAPL") == std::vector<std::string>{"#ok", "$AAPL"});
  const auto entities = find_entities("@bob #tag");
  REQUIRE(entities.size() == 2);
  CHECK(entities[0].kind == EntityKind::mention);
  CHECK(entities[1].kind == EntityKind::hashtag);
}

}  // namespace
