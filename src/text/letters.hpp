// A word's letters by case, and the word in lower case: what the checks that read
// capitalisation (shouting, names, proper nouns, acronyms) need to know about one token.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace brandlint::text {

struct LetterCase {
  std::size_t code_points = 0;  // every code point of the word
  std::size_t letters = 0;      // alphabetic code points
  std::size_t upper = 0, lower = 0, digits = 0;
  bool first_upper = false;  // the first code point is an upper-case letter ("Priya")
};

// Counts the code points of a UTF-8 word by kind; invalid sequences are skipped.
LetterCase letter_case(std::string_view word);

// The code points of UTF-8 `s`; invalid sequences are skipped.
std::u32string code_points(std::string_view s);

// The word in lower case (Unicode root locale).
std::string lowercase(std::string_view word);

// The word with each typographic apostrophe (’) made ASCII, as Hunspell's ICONV makes it:
// "it’s" and "it's" are one word.
std::string straight_apostrophes(std::string_view word);

}  // namespace brandlint::text
