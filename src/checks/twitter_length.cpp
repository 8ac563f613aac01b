#include "checks/twitter_length.hpp"

#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <limits>

#include "text/entity_finder.hpp"

namespace brandlint::platform {

namespace {

constexpr UChar32 kZwj = 0x200D;
constexpr UChar32 kVs16 = 0xFE0F;  // emoji presentation selector
constexpr UChar32 kKeycap = 0x20E3;
constexpr UChar32 kCancelTag = 0xE007F;

UChar32 cp_at(std::string_view s, std::size_t i, std::size_t* next) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  auto at = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(p, at, static_cast<int32_t>(s.size()), c);
  *next = static_cast<std::size_t>(at);
  return c;
}

// The code point at `i` if it equals `want`: then `i` moves past it.
bool take(std::string_view s, std::size_t* i, UChar32 want) {
  if (*i >= s.size()) return false;
  std::size_t next = *i;
  if (cp_at(s, *i, &next) != want) return false;
  *i = next;
  return true;
}

bool is_regional_indicator(UChar32 c) { return u_hasBinaryProperty(c, UCHAR_REGIONAL_INDICATOR); }

bool is_tag(UChar32 c) { return c >= 0xE0020 && c <= 0xE007E; }

// A code point that can stand as (the start of) an emoji on its own. ASCII digits, '#' and '*'
// only do so in keycaps; '©' and '®' only with U+FE0F (they are text by default and lie in the
// cheap Latin range, so counting them as emoji would change the count).
bool is_emoji_base(UChar32 c) {
  if (c < 0x80) return false;
  return u_hasBinaryProperty(c, UCHAR_EMOJI) || u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC);
}

// One emoji element at `i` (keycap, flag, or a pictograph with its selector, skin tone and tag
// sequence); returns the offset after it or `i` when there is none.
std::size_t match_emoji_element(std::string_view s, std::size_t i) {
  std::size_t p = i;
  const UChar32 c = cp_at(s, i, &p);
  if ((c >= '0' && c <= '9') || c == '#' || c == '*') {
    take(s, &p, kVs16);
    return take(s, &p, kKeycap) ? p : i;
  }
  if (c < 0x80) return i;  // no other ASCII character starts an emoji
  if (is_regional_indicator(c)) {
    if (p < s.size()) {
      std::size_t q = p;
      if (is_regional_indicator(cp_at(s, p, &q))) return q;
    }
    return p;
  }
  if (!is_emoji_base(c)) return i;
  const bool has_vs16 = take(s, &p, kVs16);
  if ((c == 0xA9 || c == 0xAE) && !has_vs16) return i;
  if (p < s.size() && u_hasBinaryProperty(c, UCHAR_EMOJI_MODIFIER_BASE)) {
    std::size_t q = p;
    if (u_hasBinaryProperty(cp_at(s, p, &q), UCHAR_EMOJI_MODIFIER)) {
      p = q;
      take(s, &p, kVs16);
    }
  }
  // Tag sequence (subdivision flags): tags then CANCEL TAG.
  std::size_t q = p;
  bool any_tag = false;
  while (q < s.size()) {
    std::size_t r = q;
    if (!is_tag(cp_at(s, q, &r))) break;
    q = r;
    any_tag = true;
  }
  if (any_tag && take(s, &q, kCancelTag)) p = q;
  return p;
}

// Whether `seq` (emoji elements joined by ZWJ) is a recommended (RGI) ZWJ sequence, as written
// or once fully qualified (U+FE0F after each text-default pictograph), since twemoji also accepts
// the sequences without their selectors.
bool is_rgi_zwj_sequence(std::string_view seq) {
  icu::UnicodeString raw;
  icu::UnicodeString qualified;
  std::size_t p = 0;
  while (p < seq.size()) {
    std::size_t next = p;
    const UChar32 c = cp_at(seq, p, &next);
    raw.append(c);
    if (c != kVs16) {
      qualified.append(c);
      std::size_t after = next;
      take(seq, &after, kVs16);
      std::size_t ignored = after;
      const bool modifier_follows =
          after < seq.size() &&
          u_hasBinaryProperty(cp_at(seq, after, &ignored), UCHAR_EMOJI_MODIFIER);
      if (c != kZwj && u_hasBinaryProperty(c, UCHAR_EMOJI) &&
          !u_hasBinaryProperty(c, UCHAR_EMOJI_PRESENTATION) &&
          !u_hasBinaryProperty(c, UCHAR_EMOJI_MODIFIER) && !modifier_follows) {
        qualified.append(kVs16);
      }
    }
    p = next;
  }
  return u_stringHasBinaryProperty(raw.getBuffer(), raw.length(), UCHAR_RGI_EMOJI_ZWJ_SEQUENCE) ||
         u_stringHasBinaryProperty(qualified.getBuffer(), qualified.length(),
                                   UCHAR_RGI_EMOJI_ZWJ_SEQUENCE);
}

// The length in bytes of the emoji at `i`, 0 if none: one element, or the longest recommended
// ZWJ sequence of elements starting there (other ZWJ chains count element by element).
std::size_t emoji_length_at(std::string_view s, std::size_t i) {
  constexpr int kMaxZwjElements = 8;  // recommended sequences have at most 4
  std::size_t ends[kMaxZwjElements];
  int count = 0;
  std::size_t end = match_emoji_element(s, i);
  if (end == i) return 0;
  ends[count++] = end;
  while (count < kMaxZwjElements && end < s.size()) {
    std::size_t after_zwj = end;
    if (!take(s, &after_zwj, kZwj) || after_zwj >= s.size()) break;
    const std::size_t next = match_emoji_element(s, after_zwj);
    if (next == after_zwj) break;
    end = ends[count++] = next;
  }
  for (int m = count; m >= 2; --m) {
    if (is_rgi_zwj_sequence(s.substr(i, ends[m - 1] - i))) return ends[m - 1] - i;
  }
  return ends[0] - i;
}

int weight_of(UChar32 c, const TwitterTextConfig& config) {
  for (const auto& r : config.ranges) {
    if (static_cast<char32_t>(c) >= r.start && static_cast<char32_t>(c) <= r.end) return r.weight;
  }
  return config.default_weight;
}

bool is_invalid_char(UChar32 c) { return c == 0xFFFE || c == 0xFEFF || c == 0xFFFF; }

}  // namespace

TwitterTextConfig TwitterTextConfig::v3() {
  TwitterTextConfig config;
  config.ranges = {
      {0, 4351, 100},
      {8192, 8205, 100},
      {8208, 8223, 100},
      {8242, 8247, 100},
  };
  return config;
}

WeightedLength weighted_length(std::string_view s, const TwitterTextConfig& config) {
  return weighted_length(s, config, text::find_urls(s));
}

WeightedLength weighted_length(std::string_view s, const TwitterTextConfig& config,
                               const std::vector<text::Entity>& urls) {
  WeightedLength result;
  if (s.size() > static_cast<std::size_t>(std::numeric_limits<int32_t>::max())) return result;
  if (std::all_of(s.begin(), s.end(),
                  [](char ch) { return static_cast<unsigned char>(ch) <= 0x20; })) {
    return result;
  }
  auto next_url = urls.begin();
  const long long limit = static_cast<long long>(config.max_weighted_length) * config.scale;
  long long total = 0;
  bool chars_valid = true;
  bool fits = true;
  std::size_t pos = 0;
  while (pos < s.size()) {
    std::size_t end = pos;
    while (next_url != urls.end() && next_url->begin < pos) ++next_url;
    if (next_url != urls.end() && next_url->begin == pos) {
      total += static_cast<long long>(config.transformed_url_length) * config.scale;
      end = next_url->end;
    } else if (const std::size_t emoji = config.emoji_parsing_enabled ? emoji_length_at(s, pos) : 0;
               emoji != 0) {
      total += config.default_weight;
      end = pos + emoji;
    } else {
      const UChar32 c = cp_at(s, pos, &end);
      total += weight_of(c, config);
      if (is_invalid_char(c)) chars_valid = false;
    }
    fits = fits && chars_valid && total <= limit;
    if (fits) result.valid_end = end;
    pos = end;
  }
  result.weighted_length = config.scale > 0 ? static_cast<int>(total / config.scale) : 0;
  result.permillage = config.max_weighted_length > 0
                          ? static_cast<int>(static_cast<long long>(result.weighted_length) * 1000 /
                                             config.max_weighted_length)
                          : 0;
  result.valid = chars_valid && result.weighted_length > 0 &&
                 result.weighted_length <= config.max_weighted_length;
  return result;
}

}  // namespace brandlint::platform
