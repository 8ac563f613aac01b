// How long a post may be on each network, and how its length is counted there.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "brandlint/brandlint.hpp"
#include "text/entity_finder.hpp"

namespace brandlint::platform {

// "x" and "twitter" are one network; other names are returned as given.
std::string canonical_platform(std::string_view platform);
// The name people know the network by, for messages: "X", "Mastodon".
std::string display_name(std::string_view platform);

// The shipped limit of a network (the table is in platform_limits.cpp), with the user's
// `limits:` entry for it laid over: each field the user set replaces the shipped one. An unknown
// network counts nothing.
PlatformLimit limit_for(std::string_view platform, const Config& config);

struct Measured {
  std::size_t length = 0;    // in the network's unit
  std::size_t hashtags = 0;  // #hashtags in the post
  // Where the network would cut the post: bytes [0, fits_end) fit. Equal to the text's size when
  // all of it fits (or nothing is counted).
  std::size_t fits_end = 0;
  std::size_t over_hashtag = 0;  // byte offset of the first hashtag over max_hashtags, if any
};

// Measures `nfc` (NFC-normalised, valid UTF-8) as the limit's counting says:
//  - twitter: twitter-text's weighted length (ranges weighted 1 or 2, URLs count url_length,
//    emoji sequences 2; see checks/twitter_length.hpp);
//  - graphemes: user-perceived characters (Bluesky);
//  - characters: code points, each URL counting url_length when that is set (Mastodon);
//  - none: nothing is counted.
// `entities` and `urls` are what text::find_entities found in `nfc` (text::AnalysedText keeps
// them, so no check finds them twice).
Measured measure(std::string_view nfc, const PlatformLimit& limit,
                 const std::vector<text::Entity>& entities, const std::vector<text::Entity>& urls);

}  // namespace brandlint::platform
