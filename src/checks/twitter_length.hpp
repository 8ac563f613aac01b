// The length of a post as X/Twitter counts it (twitter-text's weighted length, version 3).
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "text/entity_finder.hpp"

namespace brandlint::platform {

// twitter-text's counting configuration (config-v3.json); v3() gives its defaults. Setting
// emoji_parsing_enabled to false gives the older version 2 configuration.
struct TwitterTextConfig {
  int max_weighted_length = 280;
  int scale = 100;
  int default_weight = 200;
  int transformed_url_length = 23;
  bool emoji_parsing_enabled = true;
  // Code points in [start, end] (inclusive) weigh `weight`; the first range that holds a code
  // point wins, others weigh default_weight.
  struct Range {
    char32_t start;
    char32_t end;
    int weight;
  };
  std::vector<Range> ranges;  // v3 defaults filled by v3()
  static TwitterTextConfig v3();
};

struct WeightedLength {
  int weighted_length = 0;    // as twitter-text reports it (sum of weights / scale)
  bool valid = false;         // 0 < length <= max, no invalid characters
  int permillage = 0;         // weighted_length * 1000 / max_weighted_length
  std::size_t valid_end = 0;  // byte offset where the text stops being valid: [0, valid_end) fits
};

// Counts `utf8_nfc`, which must already be NFC-normalised valid UTF-8 (twitter-text normalises
// before counting; the caller does it here). Each URL found by text::find_urls counts
// transformed_url_length; with emoji_parsing_enabled each emoji (with its ZWJ sequence, skin
// tone, variation selector, keycap, flag or tag sequence) counts default_weight once; every
// other code point counts the weight of its range. U+FFFE, U+FEFF and U+FFFF are invalid
// characters: they make the post invalid and end the valid range (bidirectional formatting
// characters such as U+202A-U+202E are valid, as the conformance cases require). The valid range
// ends before the first unit that is invalid or takes the total over the maximum. A text made only
// of characters <= U+0020 is reported like twitter-text does for an empty post: all zero, invalid.
WeightedLength weighted_length(std::string_view utf8_nfc,
                               const TwitterTextConfig& config = TwitterTextConfig::v3());
// The same, with the URLs of `utf8_nfc` already found (text::find_urls).
WeightedLength weighted_length(std::string_view utf8_nfc, const TwitterTextConfig& config,
                               const std::vector<text::Entity>& urls);

}  // namespace brandlint::platform
