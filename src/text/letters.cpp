#include "text/letters.hpp"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>

namespace brandlint::text {

LetterCase detail::letter_case_decoded(std::string_view word) {
  LetterCase l;
  const auto* s = reinterpret_cast<const uint8_t*>(word.data());
  const auto len = static_cast<int32_t>(word.size());
  for (int32_t i = 0; i < len;) {
    UChar32 c;
    U8_NEXT(s, i, len, c);
    if (c < 0) continue;
    if (c < 0x80) {  // an ASCII code point of a word that has others: no property lookups
      const bool upper = c >= 'A' && c <= 'Z', lower = c >= 'a' && c <= 'z';
      if (l.code_points++ == 0) l.first_upper = upper;
      l.letters += upper || lower;
      l.upper += upper;
      l.lower += lower;
      l.digits += c >= '0' && c <= '9';
      continue;
    }
    if (l.code_points++ == 0) l.first_upper = u_isupper(c) != 0;
    if (u_isalpha(c)) ++l.letters;
    if (u_isupper(c)) ++l.upper;
    if (u_islower(c)) ++l.lower;
    if (u_isdigit(c)) ++l.digits;
  }
  return l;
}

std::u32string code_points(std::string_view s) {
  std::u32string out;
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  const auto len = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < len;) {
    UChar32 c;
    U8_NEXT(bytes, i, len, c);
    if (c >= 0) out += static_cast<char32_t>(c);
  }
  return out;
}

std::string lowercase(std::string_view word) {
  // Most words are ASCII: lowercase those without a trip through UTF-16.
  if (std::all_of(word.begin(), word.end(), [](char c) { return (c & 0x80) == 0; })) {
    std::string out(word);
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
  }
  std::string out;
  icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), static_cast<int32_t>(word.size())))
      .toLower(icu::Locale::getRoot())
      .toUTF8String(out);
  return out;
}

std::string straight_apostrophes(std::string_view word) {
  if (word.find('\xE2') == std::string_view::npos) return std::string(word);  // no ’ in it
  std::string out;
  out.reserve(word.size());
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (word.compare(i, 3, "\xE2\x80\x99") == 0) {  // ’
      out += '\'';
      i += 2;
    } else {
      out += word[i];
    }
  }
  return out;
}

}  // namespace brandlint::text
