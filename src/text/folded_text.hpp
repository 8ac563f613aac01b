// The copies of a post's text that rules match against, with a map back to the NFC text.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace brandlint::text {

struct FoldedText {
  std::string text;
  // source[i] is the NFC byte offset the folded byte i came from; source[text.size()] is the
  // end of the NFC text. A match [b, e) maps to [source[b], source_end(e)).
  std::vector<uint32_t> source;
  std::vector<uint32_t> source_end;  // source_end[i]: NFC end of the character before byte i
};

// NFKC, case folding, combining marks removed, typographic quotes made ASCII, every run of
// white space one space: what rule writers write their terms in. Bytes [from, to) of `nfc`
// (character boundaries) only, the map still giving offsets in the whole of `nfc`.
FoldedText fold(std::string_view nfc, std::size_t from = 0,
                std::size_t to = std::string_view::npos);

// Folds a rule's term the same way, for matching against fold().
std::string fold_term(std::string_view utf8);

// Appends `piece` to `out` as standing for bytes [from, to) of `in`, whose map to the NFC text
// it inherits: a copy of a folded text with some of it replaced (text::skeleton, the
// misspelt words of checks/evasions.hpp) still maps back to what was written. `out` starts
// with source_end holding 0; end it with out.source.push_back(in.source.back()).
void append_mapped(FoldedText& out, const FoldedText& in, std::string_view piece, std::size_t from,
                   std::size_t to);

// The folded text with common evasions undone: look-alike letters from other scripts
// (ICU's confusable skeleton), leetspeak inside words (r3tard, ret@rd), runs of three or
// more letters repeated (gaaay → gaay) and spaced or dotted single letters (m.a.r.i.c.a).
// Four or more spaced letters that start with a vowel read two ways: "a f a g" is "a fag",
// "a s q u e r o s o s" is one word. `vowel` says which reading this copy takes; `read_apart`,
// when given, is set when the folded text holds such a run, so that the other copy is worth
// making.
enum class LeadingVowel : std::uint8_t { apart, joined };
FoldedText skeleton(const FoldedText& folded, LeadingVowel vowel = LeadingVowel::apart,
                    bool* read_apart = nullptr);

// Whether skeleton() could change the folded text at all: a byte of another script, a digit
// or sign that reads as a letter next to a letter, a letter three times in a row, or two
// single letters one separator apart. Most posts have none, and then the skeleton, which
// costs as much as folding, is not made.
bool may_hold_evasions(std::string_view folded);

}  // namespace brandlint::text
