// Which of brandlint's languages (en, es, fr, it) a post, a sentence or a clause is written in.
//
// Short social posts defeat character n-gram models trained on long text, and CLD2 reports
// "unknown" on most of them; but almost every sentence of three words or more holds a few of the
// language's most frequent words, and every other word can be looked up in the Hunspell
// dictionaries brandlint loads anyway. So each word votes: 2 for the languages whose frequent-word
// list (dictionaries/langid/<lang>.txt) holds it, 1 for those whose dictionary accepts it, and its
// votes are shared out so that every informative word weighs the same. Words every language
// accepts (brand names, "hotel", "pizza") and words none knows (names, typos) say nothing; names
// are left out beforehand (capitalised words inside a sentence, the customer's and agent's
// names), as are mentions, hashtags, URLs, e-mail addresses, numbers and emoji.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "brandlint/brandlint.hpp"
#include "spelling/speller.hpp"
#include "text/analysed_text.hpp"

namespace brandlint::language {

inline constexpr std::array<std::string_view, 4> kLanguages = {"en", "es", "fr", "it"};
inline constexpr std::size_t kLanguageCount = kLanguages.size();

// The language's name in English, for messages: "Italian".
std::string_view language_name(std::string_view lang);

struct Guess {
  std::string lang;  // en, es, fr or it; empty when the evidence is too thin or too even
  int evidence = 0;  // words that spoke for some languages and not for others
  double share = 0;  // the winner's part of all votes, 0..1
  std::array<double, kLanguageCount> scores{};
};

// A part of the text and its guess. [begin, end) are bytes into AnalysedText::nfc().
struct SpanGuess {
  std::size_t begin = 0;
  std::size_t end = 0;
  Guess guess;
};

// How sure a guess must be to count: at least `min_evidence` informative words, the winner
// holding at least `min_share` of the votes and `min_lead` times the runner-up's.
struct Certainty {
  int min_evidence = 3;
  double min_share = 0.45;
  double min_lead = 1.5;
};

class LanguageDetector {
 public:
  // The dictionary of a language, or nullptr when it is not installed (its votes are then
  // left out). Called from any thread; the pools it returns must outlive the detector.
  using SpellerLookup = std::function<const spelling::SpellerPool*(std::string_view lang)>;

  // Reads dictionaries/langid/<lang>.txt under `data_dir`. A missing list is an error naming it.
  static Expected<std::unique_ptr<const LanguageDetector>> load(const std::string& data_dir,
                                                                SpellerLookup spellers);

  // The language of [begin, end) of text.nfc(). `names` are words to ignore (the customer's and
  // agent's names, folded to lowercase).
  Guess detect(const text::AnalysedText& text, std::size_t begin, std::size_t end,
               const std::unordered_set<std::string>& names, const Certainty& certainty) const;
  // The language of each sentence, and of each clause (a run between commas, semicolons,
  // colons, dashes or brackets) of the sentences with more than one.
  std::vector<SpanGuess> sentences(const text::AnalysedText& text,
                                   const std::unordered_set<std::string>& names,
                                   const Certainty& certainty) const;
  std::vector<SpanGuess> clauses(const text::AnalysedText& text, const SpanGuess& sentence,
                                 const std::unordered_set<std::string>& names,
                                 const Certainty& certainty) const;

  // The longest run of consecutive informative words of [begin, end) that speak for `lang` more
  // than for any other language: "Hi Marco, thanks" is a run of two English words.
  int longest_run(const text::AnalysedText& text, std::size_t begin, std::size_t end,
                  const std::unordered_set<std::string>& names, std::string_view lang) const;

  // Whether the text may hold another language than `lang`: some word is a frequent word of
  // another language (dictionaries/langid) that is neither one of `lang`'s nor in its
  // dictionary. When none is, the check stops there, without loading the other languages'
  // dictionaries: a typo or a name is not a sign of another language, a "gracias" is.
  bool may_hold_other_language(const text::AnalysedText& text,
                               const std::unordered_set<std::string>& names,
                               std::string_view lang) const;

  // Whether no part of the text can be guessed another language than `lang`, judged without
  // the other languages' dictionaries: the post as a whole (at `whole` certainty) and each
  // sentence and clause (at `parts`). Each word's votes are bounded from what is known
  // without those dictionaries (the frequent-word lists and `lang`'s own dictionary), trying
  // every answer the others could give. True means that the full guesses would find only
  // `lang` or nothing; false only that they must be asked. "Let us know if there's anything
  // ese we can do" is surely English: one Spanish word cannot outvote nine English ones.
  bool surely_only(const text::AnalysedText& text, const std::unordered_set<std::string>& names,
                   std::string_view lang, const Certainty& whole, const Certainty& parts) const;

  // The words of a person's name, lowercased, for `names`.
  static void add_name(std::string_view name, std::unordered_set<std::string>& names);
  // The customer's, handle's and agent's names of a post.
  static std::unordered_set<std::string> names_in(const Metadata& meta);

 private:
  LanguageDetector() = default;
  using Votes = std::array<double, kLanguageCount>;
  // The votes of each informative word of [begin, end), in order; each sums to 1.
  // Calls `visit` with each lowercased word of [begin, end) that can vote: names, mentions,
  // numbers and the like are left out, elisions are split.
  void for_each_word(const text::AnalysedText& text, std::size_t begin, std::size_t end,
                     const std::unordered_set<std::string>& names,
                     const std::function<void(const std::string&)>& visit) const;
  // The clauses of a sentence, as spans: empty when it has only one.
  static std::vector<std::pair<std::size_t, std::size_t>> clause_spans(
      const text::AnalysedText& text, const SpanGuess& sentence);
  std::vector<Votes> word_votes(const text::AnalysedText& text, std::size_t begin, std::size_t end,
                                const std::unordered_set<std::string>& names) const;
  // The languages (bit l: kLanguages[l]) whose list of frequent words holds each word: one
  // lookup per word, not one per language.
  std::unordered_map<std::string, std::uint8_t> frequent_;
  std::uint8_t frequent_in(const std::string& word) const {
    const auto found = frequent_.find(word);
    return found == frequent_.end() ? 0 : found->second;
  }
  static constexpr std::uint8_t bit(std::size_t l) { return static_cast<std::uint8_t>(1u << l); }
  static_assert(kLanguageCount <= 8, "a language's bit in frequent_");
  SpellerLookup spellers_;
  // Tells detectors apart in the per-thread memo of votes, even one made where a destroyed one
  // was (a library user's or a test's second linter): its address could not.
  std::uint64_t serial_ = 0;
};

}  // namespace brandlint::language
