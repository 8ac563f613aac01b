// A word's letters by case, and the word in lower case: what the checks that read
// capitalisation (shouting, names, proper nouns, acronyms) need to know about one token.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace brandlint::text {

struct LetterCase {
  std::size_t code_points = 0;  // every code point of the word
  std::size_t letters = 0;      // alphabetic code points
  std::size_t upper = 0, lower = 0, digits = 0;
  bool first_upper = false;  // the first code point is an upper-case letter ("Priya")
};

namespace detail {
// Per byte, its kind as a count in one of four 16-bit fields: ASCII upper-case letter, lower-
// case letter, digit, and a byte outside ASCII. Adding them up counts all four at once.
inline constexpr std::uint64_t kUpper = 1, kLower = 1ull << 16, kDigit = 1ull << 32,
                               kOther = 1ull << 48;
inline constexpr std::array<std::uint64_t, 256> kByteKinds = [] {
  std::array<std::uint64_t, 256> kinds{};
  for (unsigned c = 0; c < 256; ++c) {
    kinds[c] = c >= 'A' && c <= 'Z'   ? kUpper
               : c >= 'a' && c <= 'z' ? kLower
               : c >= '0' && c <= '9' ? kDigit
               : c >= 0x80            ? kOther
                                      : 0;
  }
  return kinds;
}();
// letter_case() of a word with a byte outside ASCII: decoded, with ICU's properties.
LetterCase letter_case_decoded(std::string_view word);
}  // namespace detail

// Counts the code points of a UTF-8 word by kind; invalid sequences are skipped. Inline: the
// checks ask it of every word, several times, and most words are short and ASCII, counted
// in one pass without decoding (in pieces short enough that no 16-bit count overflows).
inline LetterCase letter_case(std::string_view word) {
  std::size_t upper = 0, lower = 0, digits = 0;
  for (std::size_t at = 0; at < word.size(); at += 0xFFFF) {
    std::uint64_t sum = 0;
    for (const char ch : word.substr(at, 0xFFFF)) {
      sum += detail::kByteKinds[static_cast<unsigned char>(ch)];
    }
    if ((sum >> 48) != 0) return detail::letter_case_decoded(word);
    upper += sum & 0xFFFF;
    lower += (sum >> 16) & 0xFFFF;
    digits += (sum >> 32) & 0xFFFF;
  }
  LetterCase l;
  l.code_points = word.size();
  l.letters = upper + lower;
  l.upper = upper;
  l.lower = lower;
  l.digits = digits;
  l.first_upper = !word.empty() && word.front() >= 'A' && word.front() <= 'Z';
  return l;
}

// The code points of UTF-8 `s`; invalid sequences are skipped.
std::u32string code_points(std::string_view s);

// The word in lower case (Unicode root locale).
std::string lowercase(std::string_view word);

// The word with each typographic apostrophe (’) made ASCII, as Hunspell's ICONV makes it:
// "it’s" and "it's" are one word.
std::string straight_apostrophes(std::string_view word);

}  // namespace brandlint::text
