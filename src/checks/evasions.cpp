#include "checks/evasions.hpp"

#include <algorithm>
#include <string>

namespace brandlint::checks {
namespace {

bool is_letter(char c) { return c >= 'a' && c <= 'z'; }
bool is_word_byte(char c) { return is_letter(c) || c == '*'; }

struct Word {
  std::size_t begin, end;  // bytes of the base text
  std::string_view text;
};

// The words of the folded text: runs of ASCII letters and '*' (a mask), without the '*' at
// either end (markdown emphasis). A run touching a byte of another script, a digit or '_'
// is part of something else (a word the vocabulary cannot hold, a code).
std::vector<Word> words_of(const std::string& t) {
  std::vector<Word> out;
  std::size_t i = 0;
  while (i < t.size()) {
    if (!is_word_byte(t[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < t.size() && is_word_byte(t[j])) ++j;
    auto touches = [&](std::size_t at) {
      const auto c = static_cast<unsigned char>(t[at]);
      return c >= 0x80 || (c >= '0' && c <= '9') || c == '_';
    };
    const bool alone = (i == 0 || !touches(i - 1)) && (j == t.size() || !touches(j));
    std::size_t b = i, e = j;
    while (b < e && t[b] == '*') ++b;
    while (e > b && t[e - 1] == '*') --e;
    if (alone && e > b) out.push_back({b, e, std::string_view(t).substr(b, e - b)});
    i = j;
  }
  return out;
}

// What the spelling check said of the word at NFC bytes [b, e); nullptr when it did not
// question it.
const Questioned* questioned_at(const std::vector<Questioned>& questioned, std::size_t b,
                                std::size_t e) {
  for (const auto& q : questioned) {
    if (q.begin == b && q.end == e) return &q;
  }
  return nullptr;
}

// Whether NFC bytes [b, e) touch a URL, mention or hashtag, whose words are left alone.
bool in_entity(const std::vector<text::Entity>& entities, std::size_t b, std::size_t e) {
  return std::any_of(entities.begin(), entities.end(),
                     [&](const text::Entity& x) { return x.begin < e && b < x.end; });
}

// A word of the base text replaced.
struct Change {
  std::size_t begin, end;  // bytes of the base text
  std::string with;
  bool read = true;  // read as another word; false: a typo corrected around such words
};

// `base` with `changes` (in text order, apart) made, still mapped to the NFC text, and the
// spans of the words read; nothing when no word was read.
std::optional<ReadAsMeant> with_changes(const text::FoldedText& base,
                                        const std::vector<Change>& changes) {
  if (std::none_of(changes.begin(), changes.end(), [](const Change& c) { return c.read; }))
    return std::nullopt;
  ReadAsMeant out;
  text::FoldedText& t = out.text;
  t.source_end.push_back(0);
  auto append = [&](std::string_view piece, std::size_t from, std::size_t to) {
    text::append_mapped(t, base, piece, from, to);
  };
  std::size_t at = 0;
  for (const Change& c : changes) {
    for (; at < c.begin; ++at) append(std::string_view(&base.text[at], 1), at, at + 1);
    append(c.with, c.begin, c.end);
    if (c.read) out.spans.emplace_back(base.source[c.begin], base.source_end[c.end]);
    at = c.end;
  }
  for (; at < base.text.size(); ++at) append(std::string_view(&base.text[at], 1), at, at + 1);
  t.source.push_back(base.source.back());
  return out;
}

class Reader {
 public:
  static constexpr std::size_t kMinPart = 3;

  Reader(const rules::Vocabulary& vocabulary, const spelling::SpellerPool& speller)
      : vocabulary_(vocabulary), speller_(speller) {}

  // The vocabulary's readings of a word the dictionary does not know; `best` is the
  // dictionary's first suggestion, folded (empty when none).
  std::vector<std::string> readings(std::string_view w, const std::string& best) const {
    std::vector<std::string> found;
    auto add = [&](std::string s) {
      if (std::find(found.begin(), found.end(), s) == found.end()) found.push_back(std::move(s));
    };
    if (w.find('*') != std::string_view::npos) {
      masked(w, add);
      return found;
    }
    std::string s(w);
    for (std::size_t i = 0; i + 1 < s.size(); ++i) {  // mulsims
      if (s[i] == s[i + 1]) continue;
      std::swap(s[i], s[i + 1]);
      if (vocabulary_.contains(s)) add(s);
      std::swap(s[i], s[i + 1]);
    }
    for (std::size_t i = 0; i <= w.size(); ++i) {  // muslms
      std::string longer;
      longer.reserve(w.size() + 1);
      longer.append(w.substr(0, i)).push_back(' ');
      longer.append(w.substr(i));
      for (char c = 'a'; c <= 'z'; ++c) {
        longer[i] = c;
        if (vocabulary_.contains(longer)) add(longer);
      }
    }
    if (w.size() > rules::Vocabulary::kMinLength) {  // muslimms
      for (std::size_t i = 0; i < w.size(); ++i) {
        if (i > 0 && w[i] == w[i - 1]) continue;  // the same word again
        std::string shorter(w.substr(0, i));
        shorter.append(w.substr(i + 1));
        if (vocabulary_.contains(shorter)) add(shorter);
      }
    }
    if (!found.empty()) return found;  // "disgustign": disgusting, not "disgust ign"
    // hatewomen, allmuslims: two words of the dictionary of three letters or more, one of
    // them in the vocabulary ("ra coon", "cunt ed", "boric anos" are no reading of a typo);
    // or the two words the dictionary itself suggests ("idonne": i donne, "losjudíos").
    for (std::size_t k = 1; k < w.size(); ++k) {
      const std::string head(w.substr(0, k)), tail(w.substr(k));
      if (!vocabulary_.contains(head) && !vocabulary_.contains(tail)) continue;
      std::string both = head;
      both.push_back(' ');
      both.append(tail);
      const bool long_enough = head.size() >= kMinPart && tail.size() >= kMinPart;
      if (both == best || (long_enough && known(head) && known(tail))) add(std::move(both));
    }
    return found;
  }

  // Whether `c` is one of readings(w) that a single edit gives: a word of the vocabulary
  // with two neighbours of `w` swapped, a letter added, or (five letters or more) one less.
  bool one_edit_reading(std::string_view w, const std::string& c) const {
    if (!vocabulary_.contains(c)) return false;
    std::size_t i = 0;
    while (i < w.size() && i < c.size() && w[i] == c[i]) ++i;
    if (c.size() == w.size()) {
      return i + 1 < w.size() && w[i] == c[i + 1] && w[i + 1] == c[i] &&
             w.substr(i + 2) == std::string_view(c).substr(i + 2);
    }
    if (c.size() == w.size() + 1) {
      return is_letter(c[i]) && w.substr(i) == std::string_view(c).substr(i + 1);
    }
    return c.size() + 1 == w.size() && w.size() > rules::Vocabulary::kMinLength &&
           w.substr(i + 1) == std::string_view(c).substr(i);
  }

  // Whether the dictionary knows `word` (folded), as written or capitalised ("i", "london").
  bool known(const std::string& word) const {
    if (speller_.correct(word)) return true;
    std::string capital = word;
    capital[0] = static_cast<char>(capital[0] - 'a' + 'A');
    return speller_.correct(capital);
  }

 private:
  template <class Add>
  void masked(std::string_view w, Add&& add) const {
    const auto shown = static_cast<std::size_t>(std::count_if(w.begin(), w.end(), is_letter));
    if (shown < 3 || shown * 2 < w.size()) return;
    for (const auto& word : vocabulary_.of_length(w.size())) {
      bool fits = true;
      for (std::size_t i = 0; i < w.size() && fits; ++i) fits = w[i] == '*' || w[i] == word[i];
      if (fits) add(std::string(word));
    }
  }

  const rules::Vocabulary& vocabulary_;
  const spelling::SpellerPool& speller_;
};

}  // namespace

std::size_t edits_apart(std::string_view a, std::string_view b) {
  // Optimal string alignment: insertions, deletions, replacements, swaps of neighbours.
  const std::size_t n = a.size(), m = b.size();
  std::vector<std::vector<std::size_t>> d(n + 1, std::vector<std::size_t>(m + 1));
  for (std::size_t i = 0; i <= n; ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= m; ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    for (std::size_t j = 1; j <= m; ++j) {
      d[i][j] = std::min(
          {d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[n][m];
}

std::optional<ReadAsMeant> read_as_meant(const text::FoldedText& base,
                                         const std::vector<text::Entity>& entities,
                                         const std::vector<Questioned>& questioned,
                                         const rules::RuleSet& rules,
                                         const spelling::SpellerPool& speller, bool pack_first,
                                         bool* pack_reading) {
  // Most posts have neither a questioned word nor a mask: nothing to read otherwise, and the
  // vocabulary is not gathered.
  if (questioned.empty() && base.text.find('*') == std::string::npos) return std::nullopt;
  const std::vector<Word> words = words_of(base.text);
  auto span_of = [&](const Word& w) {
    return std::pair<std::size_t, std::size_t>(base.source[w.begin], base.source_end[w.end]);
  };
  auto touches_entity = [&](const Word& w) {
    const auto span = span_of(w);
    return in_entity(entities, span.first, span.second);
  };
  auto verdict = [&](const Word& w) {
    const auto span = span_of(w);
    return questioned_at(questioned, span.first, span.second);
  };
  const rules::Vocabulary* gathered = nullptr;  // on first need
  auto vocabulary = [&]() -> const rules::Vocabulary& {
    if (gathered == nullptr) gathered = &rules.vocabulary();
    return *gathered;
  };
  std::vector<Change> changes;
  for (std::size_t k = 0; k < words.size(); ++k) {
    const Word& w = words[k];
    const bool masked = w.text.find('*') != std::string_view::npos;
    const Questioned* said = masked ? nullptr : verdict(w);
    // A space too many: "mus lims", one part at least questioned.
    if (!masked && k + 1 < words.size()) {
      const Word& next = words[k + 1];
      const bool one_space = next.begin == w.end + 1 && base.text[w.end] == ' ';
      if (one_space && next.text.find('*') == std::string_view::npos && w.text.size() >= 2 &&
          next.text.size() >= 2 && (said != nullptr || verdict(next) != nullptr)) {
        std::string joined(w.text);
        joined.append(next.text);
        if (vocabulary().contains(joined) && !touches_entity(w) && !touches_entity(next)) {
          changes.push_back({w.begin, next.end, std::move(joined)});
          ++k;
          continue;
        }
      }
    }
    if ((!masked && said == nullptr) || w.text.size() < rules::Vocabulary::kMinLength) continue;
    if (touches_entity(w) || vocabulary().contains(w.text)) continue;
    const Reader reader(vocabulary(), speller);
    const std::string best = said == nullptr || said->suggestions.empty()
                                 ? std::string()
                                 : text::fold_term(said->suggestions[0]);
    // The dictionary's first suggestion is close: another word at most two edits away, or
    // the word itself with its accents ("carbon", "carbón").
    const bool close = !masked && !best.empty() && edits_apart(w.text, best) <= 2;
    // Most typos have a close first suggestion: then that word is the only reading that can
    // be taken, and whether it is one needs no search of every edit.
    // The words around a reading are read as the dictionary corrects them, so that a rule's
    // exception with a typo in it still holds ("…sont de la vemrine est hianeux").
    if (close && best.find(' ') == std::string::npos) {
      const bool of_pack = reader.one_edit_reading(w.text, best);
      // A word of the pack among the next suggestions, one edit away: "mujeres" after
      // "mueres", "black" after "blk" and "bock".
      std::string other;
      for (std::size_t i = 1; !of_pack && other.empty() && i < said->suggestions.size(); ++i) {
        std::string c = text::fold_term(said->suggestions[i]);
        if (reader.one_edit_reading(w.text, c)) other = std::move(c);
      }
      if (!other.empty() && pack_reading != nullptr) *pack_reading = true;
      if (!other.empty() && pack_first) {
        changes.push_back({w.begin, w.end, std::move(other)});
      } else {
        changes.push_back({w.begin, w.end, best, of_pack});
      }
      continue;
    }
    const std::vector<std::string> readings = reader.readings(w.text, best);
    if (readings.empty() || (masked && readings.size() > 1)) continue;
    std::string reading = readings.front();
    if (!masked) {
      // The dictionary's best guess picks between readings ("bruin" or "burn" for brun?). When
      // it is close and another reading, the reading is a guess too.
      const bool picked = std::find(readings.begin(), readings.end(), best) != readings.end();
      if (picked) {
        reading = best;
      } else if (readings.size() > 1 || close) {
        continue;
      }
    }
    changes.push_back({w.begin, w.end, std::move(reading)});
  }
  return with_changes(base, changes);
}

std::optional<ReadAsMeant> read_as_corrected(const text::FoldedText& base,
                                             const std::vector<text::Entity>& entities,
                                             const std::vector<Questioned>& questioned) {
  if (questioned.empty()) return std::nullopt;
  std::vector<Change> changes;
  for (const Word& w : words_of(base.text)) {
    const std::size_t b = base.source[w.begin], e = base.source_end[w.end];
    const Questioned* said = questioned_at(questioned, b, e);
    if (said == nullptr || said->suggestions.empty() || in_entity(entities, b, e)) continue;
    std::string best = text::fold_term(said->suggestions.front());
    if (edits_apart(w.text, best) > 2) continue;
    changes.push_back({w.begin, w.end, std::move(best)});
  }
  return with_changes(base, changes);
}

}  // namespace brandlint::checks
