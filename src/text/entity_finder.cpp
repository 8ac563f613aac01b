#include "text/entity_finder.hpp"

#include <re2/re2.h>
#include <unicode/idna.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>

namespace brandlint::text {

namespace {

constexpr std::size_t npos = std::string_view::npos;

// Every top-level domain (see tlds.inc for where the list comes from), sorted by byte value.
constexpr std::string_view kTlds[] = {
#include "text/tlds.inc"
};

// Longest URL twitter-text accepts (with the host IDNA-encoded).
constexpr std::size_t kMaxUrlLength = 4096;
// Longest t.co slug twitter-text accepts.
constexpr std::size_t kMaxTcoSlugLength = 40;
// Longest top-level domain, in code points, worth trying.
constexpr int kMaxTldCodePoints = 64;

// ---------------------------------------------------------------------------------------------
// Code points

// The code point at byte `i` (valid UTF-8 assumed); `next` receives the offset after it.
UChar32 cp_at(std::string_view s, std::size_t i, std::size_t* next = nullptr) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  auto at = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(p, at, static_cast<int32_t>(s.size()), c);
  if (next != nullptr) *next = static_cast<std::size_t>(at);
  return c;
}

// The code point ending at byte `i`, or U_SENTINEL (-1) at the start of the text.
UChar32 cp_before(std::string_view s, std::size_t i) {
  if (i == 0) return U_SENTINEL;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  auto at = static_cast<int32_t>(i);
  UChar32 c;
  U8_PREV(p, 0, at, c);
  return c;
}

std::size_t next_offset(std::string_view s, std::size_t i) {
  std::size_t next = i + 1;
  cp_at(s, i, &next);
  return next;
}

bool is_ascii_alnum(UChar32 c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool is_ascii_alpha(UChar32 c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Whitespace as twitter-text lists it.
bool is_space(UChar32 c) {
  return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680 ||
         c == 0x180E || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
         c == 0x205F || c == 0x3000;
}

// Characters twitter-text refuses in a post.
bool is_invalid_char(UChar32 c) { return c == 0xFFFE || c == 0xFEFF || c == 0xFFFF; }

// Bidirectional formatting characters, which may surround a URL.
bool is_directional(UChar32 c) {
  return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069);
}

bool is_ascii_punct(UChar32 c) {
  return (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60) ||
         (c >= 0x7B && c <= 0x7E);
}

// twitter-text's "Latin accent" letters, allowed in hosts without protocol and in URL paths.
bool is_latin_accent(UChar32 c) {
  return (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xF6) || (c >= 0xF8 && c <= 0x24F) ||
         c == 0x253 || c == 0x254 || c == 0x256 || c == 0x257 || c == 0x259 || c == 0x25B ||
         c == 0x263 || c == 0x268 || c == 0x26F || c == 0x272 || c == 0x289 || c == 0x28B ||
         c == 0x2BB || (c >= 0x300 && c <= 0x36F) || (c >= 0x1E00 && c <= 0x1EFF);
}

bool is_cyrillic(UChar32 c) { return c >= 0x400 && c <= 0x4FF; }

// ---------------------------------------------------------------------------------------------
// Hosts and top-level domains

// A character of a host label in a URL with protocol: anything but ASCII punctuation,
// whitespace, control and formatting characters.
bool is_domain_char(UChar32 c) {
  return c > 0x20 && c != 0x7F && !(c >= 0x80 && c <= 0x9F) && !is_ascii_punct(c) && !is_space(c) &&
         !is_invalid_char(c) && !is_directional(c);
}

// A character of a host label in a URL without protocol (besides '-').
bool is_ascii_domain_char(UChar32 c) { return is_ascii_alnum(c) || is_latin_accent(c); }

bool is_tld(std::string_view candidate) {
  std::string folded;
  const bool ascii = std::all_of(candidate.begin(), candidate.end(),
                                 [](char ch) { return static_cast<unsigned char>(ch) < 0x80; });
  if (ascii) {
    folded.reserve(candidate.size());
    for (char ch : candidate) {
      folded.push_back(ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch);
    }
  } else {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(
        icu::StringPiece(candidate.data(), static_cast<int32_t>(candidate.size())));
    u.foldCase();
    u.toUTF8String(folded);
  }
  return std::binary_search(std::begin(kTlds), std::end(kTlds), std::string_view(folded));
}

// twitter-text requires a top-level domain not to run on into [0-9a-zA-Z@+-].
bool tld_may_end_at(std::string_view s, std::size_t e) {
  if (e >= s.size()) return true;
  const char ch = s[e];
  return !(is_ascii_alnum(static_cast<unsigned char>(ch)) || ch == '@' || ch == '+' || ch == '-');
}

// The end of the longest top-level domain starting at `q`, or npos.
std::size_t match_tld(std::string_view s, std::size_t q) {
  std::size_t best = npos;
  // xn--punycode
  if (s.size() - q > 4 && (s[q] == 'x' || s[q] == 'X') && (s[q + 1] == 'n' || s[q + 1] == 'N') &&
      s[q + 2] == '-' && s[q + 3] == '-') {
    std::size_t r = q + 4;
    while (r < s.size() && (is_ascii_alnum(static_cast<unsigned char>(s[r])) || s[r] == '-')) ++r;
    if (r > q + 4 && tld_may_end_at(s, r)) best = r;
  }
  std::size_t e = q;
  for (int n = 0; n < kMaxTldCodePoints && e < s.size(); ++n) {
    std::size_t next = e;
    const UChar32 c = cp_at(s, e, &next);
    if (!is_domain_char(c)) break;
    e = next;
    if ((best == npos || e > best) && tld_may_end_at(s, e) && is_tld(s.substr(q, e - q))) {
      best = e;
    }
  }
  return best;
}

// A host label must start and end with a letter/digit-like character, not '-' or '_';
// `allow_underscore` is false for the label right before the top-level domain.
bool label_ok(std::string_view label, bool allow_underscore) {
  if (label.empty()) return false;
  const char first = label.front();
  const char last = label.back();
  if (first == '-' || first == '_' || last == '-' || last == '_') return false;
  return allow_underscore || label.find('_') == npos;
}

// Matches a host name starting at `begin`: labels separated by '.', ending in a top-level
// domain. `with_protocol` selects the label alphabet (any non-punctuation character, or ASCII
// and Latin accents only). Returns the end of the host or npos. The match with the most labels
// wins, as with twitter-text's greedy expression.
std::size_t match_host(std::string_view s, std::size_t begin, bool with_protocol) {
  struct Label {
    std::size_t b, e;
  };
  std::vector<Label> labels;
  std::size_t p = begin;
  while (p < s.size()) {
    const std::size_t b = p;
    while (p < s.size()) {
      std::size_t next = p;
      const UChar32 c = cp_at(s, p, &next);
      const bool ok = with_protocol ? (is_domain_char(c) || c == '-' || c == '_')
                                    : (is_ascii_domain_char(c) || c == '-');
      if (!ok) break;
      p = next;
    }
    if (p == b || p >= s.size() || s[p] != '.') break;
    labels.push_back({b, p});
    ++p;  // the dot
  }
  // All labels but the last must be valid subdomain labels for any longer match to work.
  std::size_t valid_prefix = 0;
  while (valid_prefix < labels.size() &&
         label_ok(s.substr(labels[valid_prefix].b, labels[valid_prefix].e - labels[valid_prefix].b),
                  true)) {
    ++valid_prefix;
  }
  for (std::size_t j = std::min(labels.size(), valid_prefix + 1); j >= 1; --j) {
    const Label& last = labels[j - 1];
    if (!label_ok(s.substr(last.b, last.e - last.b), false)) continue;
    const std::size_t end = match_tld(s, last.e + 1);
    if (end != npos) return end;
  }
  return npos;
}

// ---------------------------------------------------------------------------------------------
// Paths and queries

bool is_path_char(UChar32 c) {
  constexpr std::string_view kPunct = "!*';:=+,.$/%#[]-_~|&@";
  return is_ascii_alnum(c) || is_cyrillic(c) || is_latin_accent(c) || c == 0x2013 ||
         (c < 0x80 && kPunct.find(static_cast<char>(c)) != npos);
}

bool is_path_ending_char(UChar32 c) {
  return is_ascii_alnum(c) || is_cyrillic(c) || is_latin_accent(c) || c == '+' || c == '-' ||
         c == '=' || c == '_' || c == '#' || c == '/';
}

// Skips path characters from `q`; returns the offset after them.
std::size_t skip_path_chars(std::string_view s, std::size_t q) {
  while (q < s.size()) {
    std::size_t next = q;
    if (!is_path_char(cp_at(s, q, &next))) break;
    q = next;
  }
  return q;
}

// A balanced parenthesised group in a path: "(chars)" or "(chars(chars)chars)"; npos if none.
std::size_t match_parens(std::string_view s, std::size_t q) {
  std::size_t r = skip_path_chars(s, q + 1);
  if (r < s.size() && s[r] == ')' && r > q + 1) return r + 1;
  if (r < s.size() && s[r] == '(') {
    const std::size_t inner = skip_path_chars(s, r + 1);
    if (inner == r + 1 || inner >= s.size() || s[inner] != ')') return npos;
    r = skip_path_chars(s, inner + 1);
    if (r < s.size() && s[r] == ')') return r + 1;
  }
  return npos;
}

// The end of the path starting with the '/' at `p`: the longest run of path characters and
// balanced parentheses that ends in a path-ending character (at least the '/').
std::size_t match_path(std::string_view s, std::size_t p) {
  std::size_t q = p + 1;
  std::size_t end = q;
  while (q < s.size()) {
    if (s[q] == '(') {
      const std::size_t r = match_parens(s, q);
      if (r == npos) break;
      q = end = r;
      continue;
    }
    std::size_t next = q;
    const UChar32 c = cp_at(s, q, &next);
    if (!is_path_char(c)) break;
    q = next;
    if (is_path_ending_char(c)) end = q;
  }
  return end;
}

// Length of the RE2 match anchored at `pos`, or npos.
std::size_t anchored_match(const RE2& re, std::string_view s, std::size_t pos,
                           re2::StringPiece* groups = nullptr, int ngroups = 0) {
  re2::StringPiece whole[4];
  const int n = 1 + ngroups;
  if (!re.Match(re2::StringPiece(s.data(), s.size()), pos, s.size(), RE2::ANCHOR_START, whole, n)) {
    return npos;
  }
  for (int i = 0; i < ngroups; ++i) groups[i] = whole[i + 1];
  return whole[0].size();
}

const RE2& query_re() {
  static const RE2 re(R"(\?[a-zA-Z0-9!?*'@();:&=+$/%#\[\]\-_.,~|]*[a-zA-Z0-9\-_&=#/])");
  return re;
}

const RE2& port_re() {
  static const RE2 re(R"(:[0-9]+)");
  return re;
}

// The length of "http://" or "https://" (in any case) at `pos`, or 0. Tested by hand: it is
// tried at every word of every post, where an RE2 call costs more than the whole test.
std::size_t protocol_at(std::string_view s, std::size_t pos) {
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  constexpr std::string_view kHttp = "http";
  if (s.size() - pos < 7) return 0;
  for (std::size_t i = 0; i < kHttp.size(); ++i) {
    if (lower(s[pos + i]) != kHttp[i]) return 0;
  }
  std::size_t p = pos + kHttp.size();
  if (lower(s[p]) == 's') ++p;
  return s.compare(p, 3, "://") == 0 ? p + 3 - pos : 0;
}

// Can a host without protocol start at `pos`? Its first label (ASCII letters and digits,
// Latin accents, '-') must be followed by a dot: a cheap test that spares match_host() at
// almost every word.
bool dotted_label_at(std::string_view s, std::size_t pos) {
  std::size_t p = pos;
  while (p < s.size()) {
    const auto ch = static_cast<unsigned char>(s[p]);
    if (!(is_ascii_alnum(ch) || ch == '-' || ch >= 0x80)) break;
    ++p;
  }
  return p > pos && p < s.size() && s[p] == '.';
}

const RE2& tco_re() {
  static const RE2 re(
      R"((?i)https?://t\.co/([a-z0-9]+)(?:\?[a-z0-9!?*'@();:&=+$/%#\[\]\-_.,~|]*[a-z0-9\-_&=#/])?)");
  return re;
}

// The port, path and query after a host ending at `p`; returns the end of the URL.
std::size_t match_url_tail(std::string_view s, std::size_t p) {
  if (p < s.size() && s[p] == ':') {
    const std::size_t n = anchored_match(port_re(), s, p);
    if (n != npos) p += n;
  }
  if (p < s.size() && s[p] == '/') p = match_path(s, p);
  if (p < s.size() && s[p] == '?') {
    const std::size_t n = anchored_match(query_re(), s, p);
    if (n != npos) p += n;
  }
  return p;
}

// IDNA-encodes the host; false when a label is longer than 63 octets, the name longer than 253,
// or an xn-- label is not valid punycode. `ascii_length` receives the encoded length.
bool host_encodes(std::string_view host, std::size_t* ascii_length) {
  static const icu::IDNA* const idna = [] {
    UErrorCode status = U_ZERO_ERROR;
    return icu::IDNA::createUTS46Instance(UIDNA_DEFAULT, status);
  }();
  if (idna == nullptr) return false;
  std::string ascii;
  icu::StringByteSink<std::string> sink(&ascii);
  icu::IDNAInfo info;
  UErrorCode status = U_ZERO_ERROR;
  idna->nameToASCII_UTF8(icu::StringPiece(host.data(), static_cast<int32_t>(host.size())), sink,
                         info, status);
  if (U_FAILURE(status)) return false;
  constexpr uint32_t kFatal = UIDNA_ERROR_LABEL_TOO_LONG | UIDNA_ERROR_DOMAIN_NAME_TOO_LONG |
                              UIDNA_ERROR_PUNYCODE | UIDNA_ERROR_INVALID_ACE_LABEL |
                              UIDNA_ERROR_EMPTY_LABEL;
  if ((info.getErrors() & kFatal) != 0) return false;
  *ascii_length = ascii.size();
  return true;
}

// ---------------------------------------------------------------------------------------------
// URLs

// May a URL start right after `prev`?
bool url_may_follow(UChar32 prev) {
  if (prev == U_SENTINEL) return true;
  return !(is_ascii_alnum(prev) || prev == '@' || prev == 0xFF20 || prev == '$' || prev == '#' ||
           prev == 0xFF03 || is_invalid_char(prev));
}

std::vector<Entity> scan_urls(std::string_view s) {
  std::vector<Entity> urls;
  std::size_t pos = 0;
  while (pos < s.size()) {
    const UChar32 prev = cp_before(s, pos);
    if (url_may_follow(prev)) {
      const std::size_t proto = protocol_at(s, pos);
      if (proto != 0) {
        const std::size_t host_end = match_host(s, pos + proto, true);
        if (host_end != npos) {
          const std::size_t full_end = match_url_tail(s, host_end);
          std::size_t end = full_end;
          bool ok = true;
          re2::StringPiece slug;
          const std::size_t tco = anchored_match(tco_re(), s.substr(0, full_end), pos, &slug, 1);
          if (tco != npos) {
            end = pos + tco;
            ok = slug.size() <= kMaxTcoSlugLength;
          }
          std::size_t ascii_host = 0;
          const std::size_t host_begin = pos + proto;
          ok = ok && host_encodes(s.substr(host_begin, host_end - host_begin), &ascii_host) &&
               (end - pos) - (host_end - host_begin) + ascii_host <= kMaxUrlLength;
          if (ok) urls.push_back({EntityKind::url, pos, end});
          pos = full_end;
          continue;
        }
      } else if (!is_latin_accent(prev) &&
                 !(prev == '-' || prev == '_' || prev == '.' || prev == '/') &&
                 dotted_label_at(s, pos)) {
        // Without protocol: an ASCII host, never right after '-', '_', '.' or '/' (tested before
        // matching, so that each dotted run is matched once: the scan stays linear), nor inside
        // a word (a Latin-accented letter before continues the host that started earlier).
        const std::size_t host_end = match_host(s, pos, false);
        if (host_end != npos) {
          const std::size_t end = match_url_tail(s, host_end);
          std::size_t ascii_host = 0;
          const bool ok = host_encodes(s.substr(pos, host_end - pos), &ascii_host) &&
                          (end - pos) - (host_end - pos) + ascii_host <= kMaxUrlLength;
          if (ok) urls.push_back({EntityKind::url, pos, end});
          pos = end;
          continue;
        }
      }
    }
    pos = next_offset(s, pos);
  }
  return urls;
}

// ---------------------------------------------------------------------------------------------
// Mentions

// A dotted host name as used by Bluesky handles and Mastodon instances: ASCII labels
// ([A-Za-z0-9] with inner '-'), at least `min_labels` of them, the last a known top-level
// domain, not running on into a name character. Returns its end or npos.
std::size_t match_handle_host(std::string_view s, std::size_t begin, std::size_t min_labels) {
  std::vector<std::size_t> label_ends;
  std::size_t p = begin;
  while (true) {
    const std::size_t b = p;
    while (p < s.size() && (is_ascii_alnum(static_cast<unsigned char>(s[p])) || s[p] == '-')) ++p;
    if (p == b || p - b > 63 || s[b] == '-' || s[p - 1] == '-') break;
    label_ends.push_back(p);
    if (p >= s.size() || s[p] != '.') break;
    ++p;
  }
  for (std::size_t n = label_ends.size(); n >= min_labels && n >= 1; --n) {
    const std::size_t end = label_ends[n - 1];
    const std::size_t last_begin = n == 1 ? begin : label_ends[n - 2] + 1;
    const std::string_view last = s.substr(last_begin, end - last_begin);
    if (!std::all_of(last.begin(), last.end(),
                     [](char ch) { return is_ascii_alpha(static_cast<unsigned char>(ch)); })) {
      continue;
    }
    if (!is_tld(last)) continue;
    if (end < s.size()) {
      const UChar32 after = cp_at(s, end);
      if (is_ascii_alnum(after) || after == '_' || after == '-' || after == '@' ||
          after == 0xFF20 || is_latin_accent(after)) {
        continue;
      }
    }
    return end;
  }
  return npos;
}

bool is_at_sign(std::string_view s, std::size_t i, std::size_t* after) {
  if (s[i] == '@') {
    *after = i + 1;
    return true;
  }
  // The first byte tells most positions apart without a compare: this runs at every byte.
  if (static_cast<unsigned char>(s[i]) == 0xEF && s.compare(i, 3, "\xEF\xBC\xA0") == 0) {
    // U+FF20 FULLWIDTH COMMERCIAL AT
    *after = i + 3;
    return true;
  }
  return false;
}

// May a mention start at the '@' at `at`? Not after [A-Za-z0-9_!#$%&*@＠], except "RT" / "RT:".
bool mention_may_start(std::string_view s, std::size_t at) {
  const UChar32 prev = cp_before(s, at);
  if (prev == U_SENTINEL) return true;
  const bool blocked = is_ascii_alnum(prev) || prev == '_' || prev == '!' || prev == '#' ||
                       prev == '$' || prev == '%' || prev == '&' || prev == '*' || prev == '@' ||
                       prev == 0xFF20;
  if (!blocked && prev != ':') return true;
  // A retweet marker: (start | not [A-Za-z0-9_+~.-]) "rt" ":"?
  std::size_t k = at;
  if (prev == ':') k = at - 1;
  if (k < 2) return prev == ':';
  const char r = s[k - 2];
  const char t = s[k - 1];
  if ((r == 'r' || r == 'R') && (t == 't' || t == 'T')) {
    if (k == 2) return true;
    const unsigned char before = static_cast<unsigned char>(s[k - 3]);
    return !(is_ascii_alnum(before) || before == '_' || before == '+' || before == '~' ||
             before == '.' || before == '-');
  }
  return prev == ':';
}

const RE2& mastodon_user_re() {
  static const RE2 re(R"([A-Za-z0-9_]+(?:[.-]+[A-Za-z0-9_]+)*@)");
  return re;
}

const RE2& twitter_mention_re() {
  static const RE2 re(R"([A-Za-z0-9_]{1,20}(?:/[A-Za-z][A-Za-z0-9_-]{0,24})?)");
  return re;
}

// The end of the mention whose name starts at `name` (after the '@'), or npos. `resume` receives
// where to go on.
std::size_t match_mention(std::string_view s, std::size_t name, std::size_t* resume) {
  *resume = name;
  // Mastodon: @user@instance.tld
  const std::size_t user = anchored_match(mastodon_user_re(), s, name);
  if (user != npos && user - 1 <= 30) {
    const std::size_t end = match_handle_host(s, name + user, 2);
    if (end != npos) return end;
  }
  // Bluesky: @name.host.tld
  const std::size_t bsky = match_handle_host(s, name, 2);
  if (bsky != npos) return bsky;
  // Twitter: @name or @name/list
  const std::size_t n = anchored_match(twitter_mention_re(), s, name);
  if (n == npos) return npos;
  const std::size_t end = name + n;
  *resume = end;
  if (end < s.size()) {
    const UChar32 after = cp_at(s, end);
    if (after == '@' || after == 0xFF20 || is_latin_accent(after) ||
        s.compare(end, 3, "://") == 0) {
      return npos;
    }
  }
  return end;
}

// ---------------------------------------------------------------------------------------------
// Hashtags

bool is_hashtag_alpha(UChar32 c) { return (U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_M_MASK)) != 0; }

bool is_hashtag_alnum(UChar32 c) {
  // Joiners and punctuation twitter-text allows inside hashtags.
  constexpr char32_t kSpecial[] = {U'_',   0x200C, 0x200D, 0xA67E, 0x05BE, 0x05F3,
                                   0x05F4, 0xFF5E, 0x301C, 0x309B, 0x309C, 0x30A0,
                                   0x30FB, 0x3003, 0x0F0B, 0x0F0C, 0x00B7};
  if ((U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_M_MASK | U_GC_ND_MASK)) != 0) return true;
  return std::find(std::begin(kSpecial), std::end(kSpecial), static_cast<char32_t>(c)) !=
         std::end(kSpecial);
}

// The end of the hashtag whose '#' or '＃' is at `at` (its text starts at `name`), or npos;
// `resume` receives where to go on.
std::size_t match_hashtag(std::string_view s, std::size_t at, std::size_t name,
                          std::size_t* resume) {
  *resume = name;
  const UChar32 prev = cp_before(s, at);
  if (prev != U_SENTINEL && prev != 0xFE0E && prev != 0xFE0F &&
      (prev == '&' || is_hashtag_alnum(prev))) {
    return npos;
  }
  if (name < s.size()) {
    const UChar32 first = cp_at(s, name);
    if (first == 0xFE0F || first == 0x20E3) return npos;
  }
  std::size_t p = name;
  bool has_alpha = false;
  while (p < s.size()) {
    std::size_t next = p;
    const UChar32 c = cp_at(s, p, &next);
    if (!is_hashtag_alnum(c)) break;
    has_alpha = has_alpha || is_hashtag_alpha(c);
    p = next;
  }
  if (p == name || !has_alpha) return npos;
  *resume = p;
  if (p < s.size()) {
    const UChar32 after = cp_at(s, p);
    if (after == '#' || after == 0xFF03 || s.compare(p, 3, "://") == 0) return npos;
  }
  return p;
}

// ---------------------------------------------------------------------------------------------
// Cashtags

bool is_cashtag_terminator(char ch) {
  constexpr std::string_view kPunct = "!'#%&()*+,\\-./:;<=>?@[]^_{|}~$";
  return kPunct.find(ch) != npos;
}

bool cashtag_may_end_at(std::string_view s, std::size_t e) {
  if (e >= s.size()) return true;
  if (is_cashtag_terminator(s[e])) return true;
  return is_space(cp_at(s, e)) || u_isUWhiteSpace(cp_at(s, e));
}

// The end of the cashtag whose '$' is at `at`, or npos.
std::size_t match_cashtag(std::string_view s, std::size_t at) {
  const UChar32 prev = cp_before(s, at);
  if (prev != U_SENTINEL && !is_space(prev)) return npos;
  std::size_t p = at + 1;
  while (p < s.size() && p - at - 1 < 6 && is_ascii_alpha(static_cast<unsigned char>(s[p]))) ++p;
  if (p == at + 1) return npos;
  // Optional ".xx" / "_xx" suffix, longest first.
  if (p < s.size() && (s[p] == '.' || s[p] == '_')) {
    std::size_t q = p + 1;
    while (q < s.size() && q - p - 1 < 2 && is_ascii_alpha(static_cast<unsigned char>(s[q]))) {
      ++q;
    }
    for (std::size_t e = q; e > p + 1; --e) {
      if (cashtag_may_end_at(s, e)) return e;
    }
  }
  return cashtag_may_end_at(s, p) ? p : npos;
}

}  // namespace

std::vector<Entity> find_urls(std::string_view utf8) {
  if (utf8.size() > static_cast<std::size_t>(std::numeric_limits<int32_t>::max())) return {};
  return scan_urls(utf8);
}

std::vector<Entity> find_entities(std::string_view utf8, std::vector<Entity>* urls) {
  if (urls != nullptr) urls->clear();
  if (utf8.size() > static_cast<std::size_t>(std::numeric_limits<int32_t>::max())) return {};
  std::vector<Entity> found = scan_urls(utf8);
  if (urls != nullptr) *urls = found;
  const std::string_view s = utf8;
  std::size_t pos = 0;
  while (pos < s.size()) {
    std::size_t after = 0;
    std::size_t resume = 0;
    const char ch = s[pos];
    if (is_at_sign(s, pos, &after)) {
      if (mention_may_start(s, pos)) {
        const std::size_t end = match_mention(s, after, &resume);
        if (end != npos) {
          found.push_back({EntityKind::mention, pos, end});
          resume = end;
        }
        pos = std::max(resume, after);
        continue;
      }
    } else if (ch == '#' || (static_cast<unsigned char>(ch) == 0xEF &&
                             s.compare(pos, 3, "\xEF\xBC\x83") == 0)) {  // '#' or U+FF03
      after = pos + (ch == '#' ? 1 : 3);
      const std::size_t end = match_hashtag(s, pos, after, &resume);
      if (end != npos) found.push_back({EntityKind::hashtag, pos, end});
      pos = std::max(resume, after);
      continue;
    } else if (ch == '$') {
      const std::size_t end = match_cashtag(s, pos);
      if (end != npos) {
        found.push_back({EntityKind::cashtag, pos, end});
        pos = end;
        continue;
      }
    }
    pos = next_offset(s, pos);
  }
  std::stable_sort(found.begin(), found.end(),
                   [](const Entity& a, const Entity& b) { return a.begin < b.begin; });
  std::vector<Entity> kept;
  kept.reserve(found.size());
  for (const Entity& e : found) {
    if (!kept.empty() && e.begin < kept.back().end) continue;
    kept.push_back(e);
  }
  return kept;
}

}  // namespace brandlint::text
