#include "platform/platform_limits.hpp"

#include <unicode/utf8.h>

#include <algorithm>
#include <array>

#include "checks/twitter_length.hpp"
#include "text/analysed_text.hpp"
#include "text/entity_finder.hpp"
#include "text/graphemes.hpp"

namespace brandlint::platform {
namespace {

struct Network {
  std::string_view name;
  std::string_view display;
  PlatformLimit limit;
};

// The networks' published limits (checked 2025). Users override them with `limits:` in
// .brandlint.yaml when a network changes its mind.
const std::array<Network, 8>& networks() {
  static const std::array<Network, 8> table = {{
      {"twitter", "X", {"twitter", 280, 23, 0}},
      {"bluesky", "Bluesky", {"graphemes", 300, 0, 0}},
      {"mastodon", "Mastodon", {"characters", 500, 23, 0}},
      {"threads", "Threads", {"characters", 500, 0, 0}},
      {"instagram", "Instagram", {"characters", 2200, 0, 30}},
      {"linkedin", "LinkedIn", {"characters", 3000, 0, 0}},
      {"facebook", "Facebook", {"characters", 63206, 0, 0}},
      {"generic", "generic", {"none", 0, 0, 0}},
  }};
  return table;
}

// Code points, each URL counting `url_length` when that is set: the end of the unit that
// crosses `max` is where the text stops fitting.
Measured count_characters(std::string_view nfc, const PlatformLimit& limit,
                          const std::vector<text::Entity>& urls) {
  Measured m;
  m.fits_end = nfc.size();
  auto url = limit.url_length > 0 ? urls.begin() : urls.end();  // no url_length: URLs are text
  const auto* p = reinterpret_cast<const uint8_t*>(nfc.data());
  const auto len = static_cast<int32_t>(nfc.size());
  bool cut = false;
  for (int32_t i = 0; i < len;) {
    const auto unit_begin = static_cast<std::size_t>(i);
    std::size_t weight = 1;
    if (url != urls.end() && url->begin == unit_begin) {
      weight = limit.url_length;
      i = static_cast<int32_t>(url->end);
      ++url;
    } else {
      UChar32 c;
      U8_NEXT(p, i, len, c);
    }
    m.length += weight;
    if (!cut && limit.max_length > 0 && m.length > limit.max_length) {
      m.fits_end = unit_begin;
      cut = true;
    }
  }
  return m;
}

Measured count_graphemes(std::string_view nfc, const PlatformLimit& limit) {
  Measured m;
  m.fits_end = nfc.size();
  const auto ends = text::grapheme_ends(nfc);
  m.length = ends.size();
  if (limit.max_length > 0 && ends.size() > limit.max_length) {
    m.fits_end = ends[limit.max_length - 1];
  }
  return m;
}

}  // namespace

std::string canonical_platform(std::string_view platform) {
  if (platform == "x") return "twitter";
  return std::string(platform);
}

std::string display_name(std::string_view platform) {
  const std::string name = canonical_platform(platform);
  for (const auto& n : networks()) {
    if (n.name == name) return std::string(n.display);
  }
  return name;
}

PlatformLimit limit_for(std::string_view platform, const Config& config) {
  const std::string name = canonical_platform(platform);
  PlatformLimit limit{"none", 0, 0, 0};
  for (const auto& n : networks()) {
    if (n.name == name) limit = n.limit;
  }
  for (const auto& [key, user] : config.platform_limits) {
    if (canonical_platform(key) != name) continue;
    if (!user.counting.empty()) limit.counting = user.counting;
    if (user.max_length > 0) limit.max_length = user.max_length;
    if (user.url_length > 0) limit.url_length = user.url_length;
    if (user.max_hashtags > 0) limit.max_hashtags = user.max_hashtags;
  }
  return limit;
}

Measured measure(std::string_view nfc, const PlatformLimit& limit,
                 const std::vector<text::Entity>& entities, const std::vector<text::Entity>& urls) {
  Measured m;
  if (limit.counting == "twitter") {
    TwitterTextConfig config = TwitterTextConfig::v3();
    if (limit.max_length > 0) config.max_weighted_length = static_cast<int>(limit.max_length);
    if (limit.url_length > 0) config.transformed_url_length = static_cast<int>(limit.url_length);
    const WeightedLength w = weighted_length(nfc, config, urls);
    m.length = static_cast<std::size_t>(w.weighted_length);
    m.fits_end = w.weighted_length > config.max_weighted_length ? w.valid_end : nfc.size();
  } else if (limit.counting == "graphemes") {
    m = count_graphemes(nfc, limit);
  } else if (limit.counting == "characters") {
    m = count_characters(nfc, limit, urls);
  } else {
    m.fits_end = nfc.size();
  }
  for (const auto& e : entities) {
    if (e.kind != text::EntityKind::hashtag) continue;
    ++m.hashtags;
    if (limit.max_hashtags > 0 && m.hashtags == limit.max_hashtags + 1) m.over_hashtag = e.begin;
  }
  return m;
}

}  // namespace brandlint::platform
