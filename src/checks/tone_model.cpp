#include "checks/tone_model.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <optional>
#include <sstream>

#include "cache/disk_cache.hpp"
#include "config/config_text.hpp"
#include "text/analysed_text.hpp"
#include "text/folded_text.hpp"
#include "text/letters.hpp"

namespace brandlint::checks {
namespace {

// "Priya", not "FAQ", "DM" or "I": capitals that are no name.
bool starts_with_capital(std::string_view word) {
  const text::LetterCase letters = text::letter_case(word);
  return letters.first_upper && letters.lower > 0;
}

// The token the model reads for a punctuation token, or empty to skip it.
std::string_view punctuation(std::string_view p) {
  if (p.find('?') != std::string_view::npos) return "?";
  if (p.find('!') != std::string_view::npos) return "!";
  if (p == "\"" || p == "\u201C" || p == "\u201D" || p == "\u00AB" || p == "\u00BB" ||
      p == "\u2018" || p == "\u2019" || p == "'") {
    return "\"";
  }
  return {};
}

std::optional<double> number(std::string_view s) {
  double value = 0;
  const auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (error != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return value;
}

}  // namespace

std::vector<std::string_view> tone_tokens(const text::AnalysedText& text,
                                          const text::FoldedText& folded, std::size_t begin,
                                          std::size_t end) {
  std::vector<std::string_view> seq;
  auto sentence = text.sentences().begin();
  std::size_t words_in_sentence = 0;
  // A word's folded bytes: those whose NFC source lies inside it (folded.source is sorted).
  const auto folded_word = [&](const text::Token& token) {
    const auto first = std::lower_bound(folded.source.begin(), folded.source.end() - 1,
                                        static_cast<std::uint32_t>(token.begin));
    const auto last =
        std::lower_bound(first, folded.source.end() - 1, static_cast<std::uint32_t>(token.end));
    const auto from = static_cast<std::size_t>(first - folded.source.begin());
    const auto to = static_cast<std::size_t>(last - folded.source.begin());
    return std::string_view(folded.text).substr(from, to - from);
  };
  for (const auto& token : text.tokens()) {
    if (token.begin < begin || token.end > end) continue;
    while (sentence != text.sentences().end() && sentence->end <= token.begin) {
      ++sentence;
      words_in_sentence = 0;
    }
    switch (token.kind) {
      case text::TokenKind::word:
        seq.push_back(words_in_sentence > 0 && starts_with_capital(token.text)
                          ? std::string_view("<name>")
                          : folded_word(token));
        ++words_in_sentence;
        break;
      case text::TokenKind::number: seq.emplace_back("<number>"); break;
      case text::TokenKind::url:
      case text::TokenKind::email: seq.emplace_back("<link>"); break;
      case text::TokenKind::mention: seq.emplace_back("<handle>"); break;
      case text::TokenKind::hashtag:
      case text::TokenKind::cashtag: seq.emplace_back("<hashtag>"); break;
      case text::TokenKind::placeholder: seq.emplace_back("<placeholder>"); break;
      case text::TokenKind::emoji: seq.push_back(token.text); break;
      case text::TokenKind::punctuation:
        if (auto p = punctuation(token.text); !p.empty()) seq.push_back(p);
        break;
    }
  }
  return seq;
}

namespace {

// The tokens and every pair of neighbours; with `stems`, also the first five letters of each
// word of six or more ("~inmig" of inmigrantes, inmigración): what the inflections of es, fr
// and it share, where a model of whole words sees strangers. Sorted, each once.
std::vector<std::string> features_of(const std::vector<std::string_view>& seq, bool stems) {
  std::vector<std::string> features(seq.begin(), seq.end());
  for (std::size_t i = 0; i + 1 < seq.size(); ++i) {
    std::string pair;
    pair.reserve(seq[i].size() + 1 + seq[i + 1].size());
    pair.append(seq[i]).append(1, ' ').append(seq[i + 1]);
    features.push_back(std::move(pair));
  }
  for (std::size_t k = 0; stems && k < seq.size(); ++k) {
    const std::string_view token = seq[k];
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(token.data());
    const auto length = static_cast<std::int32_t>(token.size());
    std::int32_t at = 0, letters = 0, stem_end = 0;
    bool word = true;
    while (at < length && word) {
      UChar32 c;
      U8_NEXT(bytes, at, length, c);
      word = c >= 0 && u_isalpha(c);
      if (++letters == 5) stem_end = at;
    }
    if (word && letters >= 6) features.push_back("~" + std::string(token.substr(0, stem_end)));
  }
  std::sort(features.begin(), features.end());
  features.erase(std::unique(features.begin(), features.end()), features.end());
  return features;
}

}  // namespace

std::vector<std::string> tone_features(const std::vector<std::string_view>& seq) {
  return features_of(seq, false);
}

std::vector<std::string> tone_features(const text::AnalysedText& text, std::size_t begin,
                                       std::size_t end) {
  const text::FoldedText folded = text::fold(text.nfc());
  return tone_features(tone_tokens(text, folded, begin, end));
}

std::vector<std::string> hate_features(const std::vector<std::string_view>& seq) {
  return features_of(seq, true);
}

std::vector<std::string> hate_features(const text::AnalysedText& text, std::size_t begin,
                                       std::size_t end) {
  const text::FoldedText folded = text::fold(text.nfc());
  return hate_features(tone_tokens(text, folded, begin, end));
}

ToneModel::ToneModel(double bias, double threshold, std::unordered_map<std::string, double> weights)
    : ToneModel(bias, threshold) {
  make_table(weights.size());
  for (const auto& [feature, weight] : weights) {
    insert(cache::fnv1a(feature), static_cast<float>(weight));
  }
  names_ = std::move(weights);
}

void ToneModel::make_table(std::size_t features) {
  std::size_t capacity = 16;
  while (capacity < 2 * features) capacity *= 2;
  keys_.assign(capacity, 0);
  values_.assign(capacity, 0.0f);
  mask_ = capacity - 1;
  size_ = 0;
}

void ToneModel::insert(std::uint64_t hash, float weight) {
  const std::uint64_t h = hash | 1;  // never 0, the empty slot
  std::size_t i = h & mask_;
  while (keys_[i] != 0 && keys_[i] != h) i = (i + 1) & mask_;
  size_ += keys_[i] == 0 ? 1 : 0;
  keys_[i] = h;
  values_[i] = weight;
}

// Read at every start, so read in place: a line at a time from the file's text, each weight
// put in the table by its feature's hash, no string made (an English run checking one post
// spent a sixth of its time making a map of the 7,000 features' names).
Expected<std::unique_ptr<ToneModel>> ToneModel::load(const std::string& path) {
  auto contents = read_text_file(path, "tone model");
  if (!contents) return contents.error();
  const std::string_view text = contents.value();
  std::optional<double> bias, threshold;
  std::vector<std::pair<std::uint64_t, float>> weights;  // in the file's order: the last wins
  std::size_t line_number = 0;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (line.empty() || line[0] == '#') continue;
    const std::size_t tab = line.find('\t');
    const auto bad = [&](const std::string& what) { return Error{path, line_number, 1, what}; };
    if (tab == std::string_view::npos || tab + 1 >= line.size()) {
      return bad("expected a number and a word separated by a tab");
    }
    const std::string_view first = line.substr(0, tab), second = line.substr(tab + 1);
    if (first == "bias" || first == "threshold") {
      const auto value = number(second);
      if (!value) return bad("'" + std::string(first) + "' needs a number");
      (first == "bias" ? bias : threshold) = value;
      continue;
    }
    const auto weight = number(first);
    if (!weight) return bad("'" + std::string(first) + "' is not a number");
    weights.emplace_back(cache::fnv1a(second), static_cast<float>(*weight));
  }
  if (!bias || !threshold) return Error{path, line_number, 1, "no 'bias' or 'threshold' line"};
  std::unique_ptr<ToneModel> model(new ToneModel(*bias, *threshold));
  model->make_table(weights.size());
  for (const auto& [hash, weight] : weights) model->insert(hash, weight);
  return model;
}

std::string ToneModel::serialise(const std::string& header) const {
  std::string out;
  std::istringstream lines(header);
  for (std::string line; std::getline(lines, line);) out += "# " + line + '\n';
  char number[64];
  auto append = [&](double value, std::string_view what) {
    std::snprintf(number, sizeof number, "%.4f", value);
    out += number;
    out += '\t';
    out += what;
    out += '\n';
  };
  out += "bias\t" + std::to_string(bias_) + '\n';
  out += "threshold\t" + std::to_string(threshold_) + '\n';
  std::vector<std::pair<std::string, double>> sorted(names_.begin(), names_.end());
  std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  for (const auto& [feature, weight] : sorted) append(weight, feature);
  return out;
}

const float* ToneModel::find(std::uint64_t hash) const {
  hash |= 1;
  for (std::size_t i = hash & mask_;; i = (i + 1) & mask_) {
    if (keys_[i] == hash) return &values_[i];
    if (keys_[i] == 0) return nullptr;
  }
}

double ToneModel::score(const std::vector<std::string_view>& tokens) const {
  // The hash of "a b" continues the hash of "a" with " " and "b": no string is made.
  std::vector<std::uint64_t> features;
  features.reserve(2 * tokens.size());
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const std::uint64_t h = cache::fnv1a(tokens[i]);
    features.push_back(h);
    if (i + 1 < tokens.size())
      features.push_back(cache::fnv1a(tokens[i + 1], cache::fnv1a(" ", h)));
  }
  std::sort(features.begin(), features.end());
  features.erase(std::unique(features.begin(), features.end()), features.end());
  double sum = bias_;
  for (std::uint64_t f : features) {
    if (const float* w = find(f)) sum += *w;
  }
  return sum;
}

double ToneModel::score(const std::vector<std::string>& features) const {
  double sum = bias_;
  for (const auto& f : features) {
    if (const float* w = find(cache::fnv1a(f))) sum += *w;
  }
  return sum;
}

std::vector<std::string> ToneModel::strongest(const std::vector<std::string>& features,
                                              std::size_t n) const {
  std::vector<std::pair<double, std::string>> found;
  for (const auto& f : features) {
    if (f.find(' ') != std::string::npos || f.front() == '<' || f.front() == '~') continue;
    const float* weight = find(cache::fnv1a(f));
    if (weight != nullptr && *weight > 0) found.emplace_back(*weight, f);
  }
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  std::vector<std::string> out;
  for (std::size_t i = 0; i < found.size() && i < n; ++i) out.push_back(found[i].second);
  return out;
}

std::string ToneModel::strongest_quoted(const std::vector<std::string>& features,
                                        std::size_t n) const {
  std::string out;
  for (const auto& w : strongest(features, n)) out += (out.empty() ? "" : ", ") + ("“" + w + "”");
  return out;
}

}  // namespace brandlint::checks
