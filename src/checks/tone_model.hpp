// How hostile a reply reads, as one number: the sum of the weights of its words and of its
// pairs of neighbouring words. The tone packs name hostile phrases, and a phrase that no rule
// names is missed however plainly it sneers; the weights, learned from hostile and polite
// replies (tests/corpus/tone, tests/corpus/hostile and polite, and the tone packs' examples)
// by tools/tone_train.cpp, read the words around it too. A score is not a certainty, so the
// tone check reports a reply over the model's threshold as a suggestion to reread it (info),
// naming the words that weigh most.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "brandlint/brandlint.hpp"

namespace brandlint::text {
class AnalysedText;
struct FoldedText;
}  // namespace brandlint::text

namespace brandlint::checks {

// What the model reads of the bytes [begin, end) of text.nfc(), in order: every word as
// `folded` (text::fold(text.nfc())) holds it, a name (a word with a capital inside a
// sentence), @handle, #hashtag, number, link or placeholder as one token for its kind, emoji as
// themselves, "?", "!" and quotes (not the full stop, which ends brisk polite replies and
// sarcastic ones alike). Views into `folded`, `text` or static strings.
std::vector<std::string_view> tone_tokens(const text::AnalysedText& text,
                                          const text::FoldedText& folded, std::size_t begin,
                                          std::size_t end);
// The model's features: the tokens and every pair of neighbours ("everyone else", "else ?"),
// so that "not" alone and "not our" weigh apart; sorted, each once. For the trainer and tests:
// ToneModel::score reads the tokens without making these strings.
std::vector<std::string> tone_features(const std::vector<std::string_view>& tokens);
std::vector<std::string> tone_features(const text::AnalysedText& text, std::size_t begin,
                                       std::size_t end);

// The hate model's features (rule_check.cpp): the tone model's, and the first five letters of
// each word of six letters or more, marked "~", which a word's inflections share.
std::vector<std::string> hate_features(const std::vector<std::string_view>& tokens);
std::vector<std::string> hate_features(const text::AnalysedText& text, std::size_t begin,
                                       std::size_t end);

class ToneModel {
 public:
  ToneModel(double bias, double threshold, std::unordered_map<std::string, double> weights);

  // Reads a file written by serialise(); an error names the file and the line.
  static Expected<std::unique_ptr<ToneModel>> load(const std::string& path);
  // The file: `header` as comment lines, the bias and threshold, then a weight per line. Only
  // of a model made by the constructor: load() keeps the hashes of the words, not the words.
  std::string serialise(const std::string& header) const;

  double score(const std::vector<std::string>& features) const;
  // The same as score(tone_features(tokens)), without making the strings.
  double score(const std::vector<std::string_view>& tokens) const;
  // Above it a reply reads as hostile: the score that the polite replies the model was
  // trained on reach only rarely (tools/tone_train.cpp picks it).
  double threshold() const { return threshold_; }
  // The words (not pairs, not placeholders) of `features` with the largest positive
  // weights, largest first, at most `n`.
  std::vector<std::string> strongest(const std::vector<std::string>& features, std::size_t n) const;
  // The same, each in quotation marks, joined by commas ("“a”, “b”"): how findings name them.
  std::string strongest_quoted(const std::vector<std::string>& features, std::size_t n) const;
  std::size_t size() const { return size_; }

 private:
  double bias_;
  double threshold_;
  // The weights by the FNV-1a hash of each feature, in one open-addressed table (a hash of 0
  // marks an empty slot): a post's hundred lookups stay in a few cache lines' reach, where a
  // node-based map cost a cache miss each (5 µs a post on a long run).
  std::vector<std::uint64_t> keys_;
  std::vector<float> values_;
  std::size_t mask_ = 0, size_ = 0;
  const float* find(std::uint64_t hash) const;
  // No table yet: make_table() makes it.
  ToneModel(double bias, double threshold) : bias_(bias), threshold_(threshold) {}
  // An empty table for `features` weights; a weight put in by its feature's hash.
  void make_table(std::size_t features);
  void insert(std::uint64_t hash, float weight);
  std::unordered_map<std::string, double> names_;  // for serialise()
};

}  // namespace brandlint::checks
