#include "language/language_detector.hpp"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <future>
#include <optional>
#include <unordered_map>

#include "text/letters.hpp"

namespace brandlint::language {
namespace {

using Pools = std::array<const spelling::SpellerPool*, kLanguageCount>;

// Lowercase, with the typographic apostrophe made ASCII so that "it’s" and "it's" are one word.
std::string lowercase(std::string_view word) {
  return text::lowercase(text::straight_apostrophes(word));
}

// "Marco", "Zapatillo": an upper-case letter followed by lower-case ones. All-capital words
// ("GRAZIE", "OK") are not names: posts shout, and acronyms are neutral anyway.
bool capitalised(std::string_view word) {
  const text::LetterCase l = text::letter_case(word);
  return l.first_upper && l.lower > 0;
}

// The place of a language (en, en-GB...) in kLanguages; kLanguageCount when it has none.
std::size_t language_index(std::string_view lang) {
  return static_cast<std::size_t>(
      std::find(kLanguages.begin(), kLanguages.end(), lang.substr(0, 2)) - kLanguages.begin());
}

bool is_clause_break(std::string_view punctuation) {
  for (std::string_view mark : {",", ";", ":", "(", ")", "–", "—", "«", "»", "\"", "“", "”"}) {
    if (punctuation.find(mark) != std::string_view::npos) return true;
  }
  return false;
}

}  // namespace

std::string_view language_name(std::string_view lang) {
  const std::string_view base = lang.substr(0, 2);
  if (base == "en") return "English";
  if (base == "es") return "Spanish";
  if (base == "fr") return "French";
  if (base == "it") return "Italian";
  return lang;
}

Expected<std::unique_ptr<const LanguageDetector>> LanguageDetector::load(
    const std::string& data_dir, SpellerLookup spellers) {
  static std::atomic<std::uint64_t> made{0};
  std::unique_ptr<LanguageDetector> detector(new LanguageDetector());
  detector->serial_ = ++made;
  detector->spellers_ = std::move(spellers);
  for (std::size_t l = 0; l < kLanguageCount; ++l) {
    const auto path = std::filesystem::path(data_dir) / "dictionaries" / "langid" /
                      (std::string(kLanguages[l]) + ".txt");
    std::ifstream in(path);
    if (!in) {
      return Error{path.string(), 0, 0, "cannot read the word list of language detection"};
    }
    std::string line;
    while (std::getline(in, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.empty() || line[0] == '#') continue;
      detector->frequent_[lowercase(line)] |= bit(l);
    }
  }
  return std::unique_ptr<const LanguageDetector>(std::move(detector));
}

void LanguageDetector::add_name(std::string_view name, std::unordered_set<std::string>& names) {
  std::size_t start = 0;
  while (start < name.size()) {
    std::size_t end = name.find_first_of(" \t-@_.", start);
    if (end == std::string_view::npos) end = name.size();
    if (end > start) names.insert(lowercase(name.substr(start, end - start)));
    start = end + 1;
  }
}

std::unordered_set<std::string> LanguageDetector::names_in(const Metadata& meta) {
  std::unordered_set<std::string> names;
  add_name(meta.customer, names);
  add_name(meta.customer_handle, names);
  add_name(meta.agent, names);
  return names;
}

void LanguageDetector::for_each_word(const text::AnalysedText& text, std::size_t begin,
                                     std::size_t end, const std::unordered_set<std::string>& names,
                                     const std::function<void(const std::string&)>& visit) const {
  auto frequent_anywhere = [&](const std::string& word) { return frequent_in(word) != 0; };

  // Where each sentence's first word starts: a capitalised word there is not a name. Only
  // the sentences that meet [begin, end) matter; looking at all of them for every range made
  // a long post quadratic.
  std::vector<std::size_t> first_words;
  const auto& tokens = text.tokens();
  const auto& sentences = text.sentences();
  auto first_sentence =
      std::lower_bound(sentences.begin(), sentences.end(), begin,
                       [](const text::Sentence& s, std::size_t o) { return s.end <= o; });
  for (auto s_it = first_sentence; s_it != sentences.end() && s_it->begin < end; ++s_it) {
    const auto& s = *s_it;
    auto it = std::lower_bound(tokens.begin(), tokens.end(), s.begin,
                               [](const text::Token& t, std::size_t o) { return t.begin < o; });
    while (it != tokens.end() && it->begin < s.end &&
           (it->kind == text::TokenKind::punctuation || it->kind == text::TokenKind::emoji)) {
      ++it;
    }
    if (it != tokens.end() && it->kind == text::TokenKind::word) first_words.push_back(it->begin);
  }

  auto first_token =
      std::lower_bound(tokens.begin(), tokens.end(), begin,
                       [](const text::Token& t, std::size_t o) { return t.begin < o; });
  for (auto t_it = first_token; t_it != tokens.end() && t_it->begin < end; ++t_it) {
    const auto& token = *t_it;
    if (token.end > end) continue;
    if (token.kind != text::TokenKind::word) continue;
    // A capitalised word that does not start its sentence is a name or a brand: "Marco",
    // "Zapatillo". (English "I" is the exception.)
    const bool starts_sentence =
        std::binary_search(first_words.begin(), first_words.end(), token.begin);
    if (token.text != "I" && !starts_sentence && capitalised(token.text)) continue;
    const std::string word = lowercase(token.text);
    if (names.count(word) > 0) continue;
    const std::size_t apostrophe = word.find('\'');
    if (apostrophe != std::string::npos && apostrophe + 1 < word.size() &&
        !frequent_anywhere(word) && frequent_anywhere(word.substr(0, apostrophe + 1))) {
      // An elision: French "l'équipe", "qu'il", Italian "dell'ordine" — the article and the
      // word each vote.
      visit(word.substr(0, apostrophe + 1));
      visit(word.substr(apostrophe + 1));
      continue;
    }
    if (word.size() == 1 && !frequent_anywhere(word)) continue;
    visit(word);
  }
}

std::vector<LanguageDetector::Votes> LanguageDetector::word_votes(
    const text::AnalysedText& text, std::size_t begin, std::size_t end,
    const std::unordered_set<std::string>& names) const {
  Pools pools{};
  bool pools_open = false;
  std::vector<Votes> out;
  // The votes of one lowercased word: 2 where it is a frequent word, 1 where the dictionary
  // knows it, shared out so that the word weighs 1 in all. Even votes say nothing.
  // A word's votes never change for one detector: remember them per thread, so that the
  // post, its sentences and its clauses ask each dictionary about a word once.
  thread_local std::uint64_t cache_owner = 0;
  thread_local std::unordered_map<std::string, std::optional<Votes>> cache;
  if (cache_owner != serial_ || cache.size() > 50000) {
    cache.clear();
    cache_owner = serial_;
  }
  for_each_word(text, begin, end, names, [&](const std::string& word) {
    auto cached = cache.find(word);
    if (cached != cache.end()) {
      if (cached->second) out.push_back(*cached->second);
      return;
    }
    if (!pools_open) {  // only now: a text of cached words loads no dictionary
      // The languages load at once, each on a thread of its own: their word forms when the
      // cache holds them (1-12 ms each), Hunspell otherwise (30-50 ms each, every run). With a
      // cache kept from earlier runs, the forms of a language not yet in it are built and kept
      // there (0.2-1.2 s, once): a team that writes in one language has only that one's tables
      // from its typos, and a post that strays into another would otherwise load up to three
      // dictionaries on each run (an Italian post with a Spanish sentence: 105 ms a run, 49
      // ms with them). A cache that starts empty on each run (a CI job that does not keep it)
      // would build them every time: there, Hunspell.
      std::vector<std::future<void>> loading;
      for (std::size_t l = 0; l < kLanguageCount && spellers_; ++l) {
        loading.push_back(std::async(std::launch::async, [this, &pools, l] {
          pools[l] = spellers_(kLanguages[l]);
          if (pools[l] != nullptr) pools[l]->preload("", /*build=*/true);
        }));
      }
      for (auto& done : loading) done.get();
      pools_open = true;
    }
    std::optional<Votes>& slot = cache[word];
    Votes votes{};
    double total = 0;
    const std::uint8_t frequent = frequent_in(word);
    for (std::size_t l = 0; l < kLanguageCount; ++l) {
      if ((frequent & bit(l)) != 0) {
        votes[l] = 2;
      } else if (pools[l] != nullptr && pools[l]->correct(word)) {
        // correct() asks the dictionary's word forms first, from its suggestion tables when
        // they are cached: they answer as Hunspell would, and spare loading it.
        votes[l] = 1;
      }
      total += votes[l];
    }
    if (total == 0) return;
    if (std::all_of(votes.begin(), votes.end(), [&](double v) { return v == votes[0]; })) return;
    for (auto& v : votes) v /= total;
    slot = votes;
    out.push_back(votes);
  });
  return out;
}

bool LanguageDetector::may_hold_other_language(const text::AnalysedText& text,
                                               const std::unordered_set<std::string>& names,
                                               std::string_view lang) const {
  const std::size_t home = language_index(lang);
  if (home >= kLanguageCount || !spellers_) return true;
  const spelling::SpellerPool* pool = spellers_(kLanguages[home]);
  if (pool == nullptr) return true;
  bool other = false;
  for_each_word(text, 0, text.nfc().size(), names, [&](const std::string& word) {
    if (other) return;
    const std::uint8_t frequent = frequent_in(word);
    if ((frequent & bit(home)) != 0) return;
    // Another language's frequent word that home's dictionary does not know: "gracias",
    // "merci", "der". A sentence in another language always holds some (articles,
    // prepositions, pronouns); a typo or a name in a home-language post does not, so it
    // loads no other dictionary.
    other = frequent != 0 && !pool->correct(word);
  });
  return other;
}

Guess LanguageDetector::detect(const text::AnalysedText& text, std::size_t begin, std::size_t end,
                               const std::unordered_set<std::string>& names,
                               const Certainty& certainty) const {
  Guess guess;
  for (const auto& votes : word_votes(text, begin, end, names)) {
    for (std::size_t l = 0; l < kLanguageCount; ++l) guess.scores[l] += votes[l];
    ++guess.evidence;
  }
  double total = 0;
  std::size_t best = 0;
  for (std::size_t l = 0; l < kLanguageCount; ++l) {
    total += guess.scores[l];
    if (guess.scores[l] > guess.scores[best]) best = l;
  }
  if (total <= 0) return guess;
  guess.share = guess.scores[best] / total;
  bool leads = true;
  for (std::size_t l = 0; l < kLanguageCount; ++l) {
    if (l != best && guess.scores[l] * certainty.min_lead >= guess.scores[best]) leads = false;
  }
  if (leads && guess.evidence >= certainty.min_evidence && guess.share >= certainty.min_share) {
    guess.lang = std::string(kLanguages[best]);
  }
  return guess;
}

int LanguageDetector::longest_run(const text::AnalysedText& text, std::size_t begin,
                                  std::size_t end, const std::unordered_set<std::string>& names,
                                  std::string_view lang) const {
  const std::size_t l = language_index(lang);
  if (l >= kLanguageCount) return 0;
  int run = 0, longest = 0;
  for (const auto& votes : word_votes(text, begin, end, names)) {
    bool top = true;
    for (std::size_t o = 0; o < kLanguageCount; ++o) top &= o == l || votes[o] < votes[l];
    run = top ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return longest;
}

std::vector<SpanGuess> LanguageDetector::sentences(const text::AnalysedText& text,
                                                   const std::unordered_set<std::string>& names,
                                                   const Certainty& certainty) const {
  std::vector<SpanGuess> out;
  for (const auto& s : text.sentences()) {
    out.push_back({s.begin, s.end, detect(text, s.begin, s.end, names, certainty)});
  }
  return out;
}

std::vector<std::pair<std::size_t, std::size_t>> LanguageDetector::clause_spans(
    const text::AnalysedText& text, const SpanGuess& sentence) {
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  std::size_t start = std::string::npos;
  std::size_t last = 0;
  const auto& tokens = text.tokens();
  auto first = std::lower_bound(tokens.begin(), tokens.end(), sentence.begin,
                                [](const text::Token& t, std::size_t o) { return t.begin < o; });
  for (auto it = first; it != tokens.end() && it->begin < sentence.end; ++it) {
    const auto& t = *it;
    if (t.end > sentence.end) continue;
    if (t.kind == text::TokenKind::punctuation && is_clause_break(t.text)) {
      if (start != std::string::npos) spans.emplace_back(start, last);
      start = std::string::npos;
      continue;
    }
    if (start == std::string::npos) start = t.begin;
    last = t.end;
  }
  if (start != std::string::npos) spans.emplace_back(start, last);
  if (spans.size() < 2) spans.clear();
  return spans;
}

std::vector<SpanGuess> LanguageDetector::clauses(const text::AnalysedText& text,
                                                 const SpanGuess& sentence,
                                                 const std::unordered_set<std::string>& names,
                                                 const Certainty& certainty) const {
  std::vector<SpanGuess> out;
  for (const auto& [b, e] : clause_spans(text, sentence)) {
    out.push_back({b, e, detect(text, b, e, names, certainty)});
  }
  return out;
}

bool LanguageDetector::surely_only(const text::AnalysedText& text,
                                   const std::unordered_set<std::string>& names,
                                   std::string_view lang, const Certainty& whole,
                                   const Certainty& parts) const {
  const std::size_t home = language_index(lang);
  if (home >= kLanguageCount || !spellers_) return false;
  const spelling::SpellerPool* pool = spellers_(kLanguages[home]);
  if (pool == nullptr) return false;

  // A word's raw votes as word_votes gives them: 2 where a frequent-word list holds it, 1
  // where a dictionary knows it. Without the other languages' dictionaries, each of their
  // votes on a word outside their list is unknown: 0 or 1.
  constexpr int kUnknown = -1;
  using Raw = std::array<int, kLanguageCount>;
  std::unordered_map<std::string, Raw> raws;
  auto raw_of = [&](const std::string& word) -> const Raw& {
    auto found = raws.find(word);
    if (found != raws.end()) return found->second;
    Raw raw{};
    const std::uint8_t frequent = frequent_in(word);
    for (std::size_t l = 0; l < kLanguageCount; ++l) {
      if ((frequent & bit(l)) != 0) {
        raw[l] = 2;
      } else if (l == home) {
        raw[l] = pool->correct(word) ? 1 : 0;
      } else {
        raw[l] = kUnknown;
      }
    }
    return raws.emplace(word, raw).first->second;
  };
  // The most a word can add to score(other) - lead * score(home), over every answer the
  // unknown dictionaries could give; shared out and left out exactly as word_votes does.
  auto most_lead = [&](const Raw& raw, std::size_t other, double lead) {
    std::array<std::size_t, kLanguageCount> unknown{};
    std::size_t unknowns = 0;
    for (std::size_t l = 0; l < kLanguageCount; ++l) {
      if (raw[l] == kUnknown) unknown[unknowns++] = l;
    }
    double most = -1e9;
    for (unsigned answers = 0; answers < (1u << unknowns); ++answers) {
      Raw r = raw;
      for (std::size_t i = 0; i < unknowns; ++i) r[unknown[i]] = (answers >> i) & 1;
      int total = 0;
      bool even = true;
      for (std::size_t l = 0; l < kLanguageCount; ++l) {
        total += r[l];
        even &= r[l] == r[0];
      }
      const double gain =
          (total == 0 || even) ? 0.0 : (r[other] - lead * r[home]) / static_cast<double>(total);
      most = std::max(most, gain);
    }
    return most;
  };

  // A span is guessed language L only with min_evidence words, and only when L's score is
  // more than min_lead times lang's: when no answers of the other dictionaries can make
  // score(L) - min_lead * score(lang) positive, the span is not L.
  auto only_home = [&](std::size_t begin, std::size_t end, const Certainty& certainty) {
    int words = 0;
    std::array<double, kLanguageCount> most{};
    for_each_word(text, begin, end, names, [&](const std::string& word) {
      const Raw& raw = raw_of(word);
      ++words;
      for (std::size_t l = 0; l < kLanguageCount; ++l) {
        if (l != home) most[l] += most_lead(raw, l, certainty.min_lead);
      }
    });
    if (words < certainty.min_evidence) return true;
    for (std::size_t l = 0; l < kLanguageCount; ++l) {
      // The margin keeps the sums' rounding on the safe side.
      if (l != home && most[l] > -1e-9) return false;
    }
    return true;
  };

  if (!only_home(0, text.nfc().size(), whole)) return false;
  for (const auto& s : text.sentences()) {
    if (!only_home(s.begin, s.end, parts)) return false;
    for (const auto& [b, e] : clause_spans(text, {s.begin, s.end, {}})) {
      if (!only_home(b, e, parts)) return false;
    }
  }
  return true;
}

}  // namespace brandlint::language
