// Finding the parts of a post that social platforms turn into links: URLs, @mentions, #hashtags
// and $cashtags, following the twitter-text conformance rules (shared/conformance/twitter-text).
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace brandlint::text {

enum class EntityKind { url, mention, hashtag, cashtag };

// A found entity: [begin, end) are byte offsets into the UTF-8 input. The span includes the
// sigil ('@', '#', '$', or their full-width forms) for mentions, hashtags and cashtags.
struct Entity {
  EntityKind kind;
  std::size_t begin;
  std::size_t end;
};

// Finds every entity in `utf8` (which must be valid UTF-8), sorted by begin and non-overlapping
// (where two candidates overlap, the one starting first wins, as twitter-text does; so a
// "#fragment" inside a URL is not a hashtag).
//  - URLs: with or without http(s)://, twitter-text semantics: the host must end in a known
//    top-level domain (generic, country-code or IDN; or xn-- punycode), labels of at most 63
//    octets once IDNA-encoded, no leading/trailing '-' or '_'; URLs without protocol need an
//    ASCII (or Latin-accented) host; trailing punctuation is left out; parentheses in the path
//    are kept only when balanced; t.co links stop after their slug. E-mail addresses are not URLs.
//  - mentions: @name (1-20 of [A-Za-z0-9_]), "@name/list-slug" lists, Mastodon handles
//    (@user@instance.social) and Bluesky handles (@user.bsky.social: dotted host names ending in
//    a known top-level domain). An '@' preceded by a letter, digit or '_' (the local part of an
//    e-mail address) starts no mention; "@name" directly followed by '@' or "://" is none.
//  - hashtags: '#' or '＃' then letters, marks, decimal digits, '_' and a few joiners, with at
//    least one letter or mark (so "#123" is not a hashtag); not preceded by a letter or digit.
//  - cashtags: "$" + 1-6 ASCII letters (+ optional "." or "_" and 1-2 letters), preceded by
//    whitespace or the start and followed by whitespace, punctuation or the end.
// `urls`, when given, receives what find_urls(utf8) returns, found on the way: a URL that a
// mention starting earlier overlaps is a URL there but not an entity here.
std::vector<Entity> find_entities(std::string_view utf8, std::vector<Entity>* urls = nullptr);

// Only the URLs, exactly as twitter-text's URL extractor finds them (the input to the weighted
// length count), sorted by begin and non-overlapping. Input must be valid UTF-8.
std::vector<Entity> find_urls(std::string_view utf8);

}  // namespace brandlint::text
