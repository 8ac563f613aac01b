#include "rules/required_text.hpp"

#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <functional>
#include <iterator>
#include <string_view>
#include <unordered_map>

#include "rules/literal_screen.hpp"

namespace brandlint::rules {
namespace {

// Texts kept exact before they are reduced to what every match contains: "(?:a|b) (?:c|d)"
// is four texts, four groups of four would be 256.
constexpr std::size_t kMaxExact = 16;
// Groups within groups read; RE2 refuses 1,000.
constexpr int kMaxDepth = 200;
// Written into a text where the pattern says a word starts or may start (\b, ^, \A); it counts
// for no length and is taken out of the texts returned. A pattern holding this byte itself is
// not read.
constexpr char kBoundary = '\x01';

// A text's length without its boundary marks.
std::size_t length(const std::string& t) {
  return t.size() - static_cast<std::size_t>(std::count(t.begin(), t.end(), kBoundary));
}

// What is known of the text a part of a pattern matches.
struct Known {
  // exact: each match is one of `texts`. Otherwise each match contains one of `texts`;
  // none means nothing is known.
  bool exact = false;
  std::vector<std::string> texts;
  // Not exact: each text starts the part's match ("(?:isis|daesh|…)" with too many choices to
  // keep exact, "(?:ab|cd)+").
  bool leading = false;

  static Known empty() { return {true, {std::string()}}; }
  static Known nothing() { return {}; }
};

void unique(std::vector<std::string>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

bool unknown(const Known& k) { return !k.exact && k.texts.empty(); }
bool leading(const Known& k) { return k.exact || k.leading; }

// Whether one of the texts is empty but for boundary marks.
bool holds_empty(const std::vector<std::string>& texts) {
  return std::any_of(texts.begin(), texts.end(), [](const auto& t) { return length(t) == 0; });
}

// Texts one of which every match contains; empty when that says nothing (an empty text).
std::vector<std::string> contained(const Known& k) {
  return holds_empty(k.texts) ? std::vector<std::string>{} : k.texts;
}
std::vector<std::string> contained(Known&& k) {
  return holds_empty(k.texts) ? std::vector<std::string>{} : std::move(k.texts);
}

std::size_t shortest(const std::vector<std::string>& v) {
  std::size_t n = v.empty() ? 0 : length(v.front());
  for (const auto& t : v) n = std::min(n, length(t));
  return n;
}

// Keeps in `best` the stronger of two requirements that both hold: its shortest text is longer,
// or it has fewer texts. `leads`: each of k's texts starts the match of the part that holds it.
void keep_stronger(Known& best, const Known& k, bool leads) {
  // contained() of each, read without copying: a sequence's parts are weighed one by one.
  const auto says = [](const Known& x) { return !x.texts.empty() && !holds_empty(x.texts); };
  const bool best_says = says(best);
  bool take_k = says(k);
  if (take_k && best_says) {
    const std::size_t sk = shortest(k.texts), sb = shortest(best.texts);
    take_k = sk > sb || (sk == sb && k.texts.size() < best.texts.size());
  }
  if (take_k) {
    best = Known{false, k.texts, leads};
    return;
  }
  best.exact = false;
  if (!best_says) best.texts.clear();
}

// Both exact: each text of `a` followed by each of `b`.
Known concatenate(const Known& a, const Known& b) {
  Known out{true, {}};
  for (const auto& x : a.texts) {
    for (const auto& y : b.texts) out.texts.push_back(x + y);
  }
  unique(out.texts);
  return out;
}

// `into` with `more` added, sorted and unique: merged rather than sorted again, as a choice
// grows one alternative at a time (up to kMaxRequiredChoice).
void add_sorted(std::vector<std::string>& into, std::vector<std::string> more) {
  // Texts grown a character at a time may have left their order ("a", "ab" + "c").
  for (auto* v : {&into, &more}) {
    if (std::adjacent_find(v->begin(), v->end(), std::greater_equal<>()) != v->end()) unique(*v);
  }
  const auto middle = static_cast<std::ptrdiff_t>(into.size());
  into.insert(into.end(), std::make_move_iterator(more.begin()),
              std::make_move_iterator(more.end()));
  std::inplace_merge(into.begin(), into.begin() + middle, into.end());
  into.erase(std::unique(into.begin(), into.end()), into.end());
}

// Either of two requirements; `a`, what the alternatives so far require, is taken over.
Known alternate(Known a, Known b) {
  if (a.exact && b.exact && a.texts.size() + b.texts.size() <= kMaxExact) {
    add_sorted(a.texts, std::move(b.texts));
    return a;
  }
  const bool leads = leading(a) && leading(b);
  auto ca = contained(std::move(a));
  auto cb = contained(std::move(b));
  if (ca.empty() || cb.empty() || ca.size() + cb.size() > kMaxRequiredChoice) {
    return Known::nothing();
  }
  add_sorted(ca, std::move(cb));
  return {false, std::move(ca), leads};
}

// The end of the group that opens at p[i] (its ')'), or npos: escapes and classes skipped as
// Reader reads them.
std::size_t group_end(const std::string& p, std::size_t i) {
  int open = 0;
  while (i < p.size()) {
    const char c = p[i];
    if (c == '\\') {
      i += 2;
      continue;
    }
    if (c == '[') {
      ++i;
      if (i < p.size() && p[i] == '^') ++i;
      if (i < p.size() && p[i] == ']') ++i;
      while (i < p.size() && p[i] != ']') i += p[i] == '\\' ? 2 : 1;
    } else if (c == '(') {
      ++open;
    } else if (c == ')' && --open == 0) {
      return i;
    }
    ++i;
  }
  return std::string::npos;
}

}  // namespace

struct RequiredTextMemo::Impl {
  struct Read {
    Known known;
    bool ok;
  };
  std::unordered_map<std::string, Read> groups;
};

RequiredTextMemo::RequiredTextMemo() : impl_(std::make_unique<Impl>()) {}
RequiredTextMemo::~RequiredTextMemo() = default;

namespace {

// Reads a pattern by recursive descent. `ok` turns false on what it does not read (flags
// that make the pattern case-insensitive, \Q…\E, a stray ')').
class Reader {
 public:
  Reader(const std::string& p, RequiredTextMemo::Impl* memo) : p_(p), memo_(memo) {}

  Known pattern() {
    Known k = alternation();
    if (i_ != p_.size()) ok_ = false;
    return k;
  }
  bool ok() const { return ok_; }
  // What each part of the pattern's sequence requires, when the pattern is one sequence (no
  // '|' outside groups): every match holds all of them.
  const std::vector<Known>& parts() const { return parts_; }

 private:
  Known alternation() {
    Known k = sequence();
    while (ok_ && i_ < p_.size() && p_[i_] == '|') {
      if (depth_ == 0) {  // either branch: their parts are not all required
        branches_ = true;
        parts_.clear();
      }
      ++i_;
      if (unknown(k)) {  // nothing can make it known again: only read on
        const bool was = skipping_;
        skipping_ = true;
        sequence();
        skipping_ = was;
      } else {
        k = alternate(std::move(k), sequence());
      }
    }
    return k;
  }

  // Exact texts are joined while they stay few; where they would multiply, or an atom is
  // unknown, the run so far becomes a requirement and a new run starts, and the strongest
  // requirement is kept: "(?:a|b),? and" keeps the run ", and" / " and".
  Known sequence() {
    Known run = Known::empty();
    bool run_leads = true;  // the run starts where the sequence's match starts
    Known best = Known::nothing();
    bool exact = true;
    const bool top = depth_ == 0 && !branches_;  // the pattern's sequence
    auto consider = [&](const Known& part, bool leads) {
      if (top) {
        if (auto texts = contained(part); !texts.empty()) parts_.push_back({false, texts, leads});
      }
      keep_stronger(best, part, leads);
    };
    while (ok_ && i_ < p_.size() && p_[i_] != '|' && p_[i_] != ')') {
      if (plain_character()) {  // most of a pattern: joined without building an atom
        if (!skipping_) {
          for (auto& t : run.texts) t += p_[i_];
        }
        ++i_;
        continue;
      }
      Known a = quantified(atom());
      if (skipping_) continue;
      if (a.exact && a.texts.size() == 1) {  // most atoms: one character
        for (auto& t : run.texts) t += a.texts.front();
        continue;
      }
      if (a.exact && run.texts.size() * a.texts.size() <= kMaxExact) {
        run = concatenate(run, a);
        continue;
      }
      exact = false;
      // Where each text so far ends with a sign (" (?:so |really )?(?:stupid|dumb…)"), what
      // follows starts a word when it starts with a letter.
      const bool after_sign =
          !run.texts.empty() && std::all_of(run.texts.begin(), run.texts.end(), [](const auto& t) {
            return !t.empty() && !LiteralScreen::word_char(t.back());
          });
      // Nothing read yet but boundaries: what follows starts where the run does.
      const bool at_run_start = std::all_of(run.texts.begin(), run.texts.end(),
                                            [](const auto& t) { return length(t) == 0; });
      consider(run, run_leads);
      if (a.exact) {
        run = std::move(a);
        run_leads = run_leads && at_run_start;
        if (after_sign) {
          for (auto& t : run.texts) t.insert(0, 1, kBoundary);
        }
      } else {
        if (after_sign && a.leading) {
          for (auto& t : a.texts) t.insert(0, 1, kBoundary);
        }
        consider(a, run_leads && at_run_start && a.leading);
        run = Known::empty();
        run_leads = false;
      }
    }
    if (exact) {
      if (top && !contained(run).empty()) parts_.push_back(run);
      return run;
    }
    consider(run, run_leads);
    return best;
  }

  // Whether p_[i_] is an ASCII character that stands for itself and is not repeated.
  bool plain_character() const {
    const char c = p_[i_];
    if ((static_cast<unsigned char>(c) & 0x80) != 0 ||
        std::string_view("()[]{}|\\.^$?*+").find(c) != std::string_view::npos) {
      return false;
    }
    if (i_ + 1 >= p_.size()) return true;
    const char next = p_[i_ + 1];
    return next != '?' && next != '*' && next != '+' && next != '{';
  }

  // A repeated atom: "a?" is "a" or nothing, "a+" contains "a", "a*" says nothing.
  Known quantified(Known a) {
    if (i_ >= p_.size()) return a;
    const char c = p_[i_];
    Known out = std::move(a);
    if (c == '?') {
      ++i_;
      if (out.exact && out.texts.size() < kMaxExact) {
        out.texts.emplace_back();
        unique(out.texts);
      } else {
        out = Known::nothing();
      }
    } else if (c == '*') {
      ++i_;
      out = Known::nothing();
    } else if (c == '+') {
      ++i_;
      out = {false, contained(out), leading(out)};
    } else if (c == '{' && i_ + 1 < p_.size() &&
               std::isdigit(static_cast<unsigned char>(p_[i_ + 1]))) {
      const std::size_t close = p_.find('}', i_);
      if (close == std::string::npos) {
        ok_ = false;
        return Known::nothing();
      }
      const bool at_least_one = p_[i_ + 1] != '0';
      i_ = close + 1;
      out = at_least_one ? Known{false, contained(out), leading(out)} : Known::nothing();
    } else {
      return out;
    }
    if (i_ < p_.size() && p_[i_] == '?') ++i_;  // a lazy repeat reads the same
    return out;
  }

  Known atom() {
    const char c = p_[i_];
    if (c == '(') return group();
    if (c == '[') return char_class();
    if (c == '\\') return escape();
    if (c == '.') {
      ++i_;
      return Known::nothing();
    }
    if (c == '^') {  // the text's start, or a line's: a word may start there
      ++i_;
      return {true, {std::string(1, kBoundary)}};
    }
    if (c == '$') {
      ++i_;
      return Known::empty();
    }
    if (p_.compare(i_, 2, "{{") == 0) {  // a list's words: read through the lists' screen
      const std::size_t close = p_.find("}}", i_ + 2);
      if (close == std::string::npos) {
        ok_ = false;
        return Known::nothing();
      }
      i_ = close + 2;
      return Known::nothing();
    }
    // A character, taken literally: all of its bytes.
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(p_.data());
    auto at = static_cast<std::int32_t>(i_);
    U8_FWD_1(bytes, at, static_cast<std::int32_t>(p_.size()));
    const std::size_t start = i_;
    i_ = static_cast<std::size_t>(at);
    if (skipping_) return Known::nothing();
    return {true, {p_.substr(start, i_ - start)}};
  }

  // A long group (a list written out) is read once for all the patterns that hold it.
  Known group() {
    constexpr std::size_t kRemembered = 64;  // bytes; shorter groups are read again
    const std::size_t end = memo_ == nullptr || !ok_ ? std::string::npos : group_end(p_, i_);
    if (end == std::string::npos || end - i_ < kRemembered || depth_ > kMaxDepth / 2) {
      return read_group();
    }
    std::string key = p_.substr(i_, end + 1 - i_);
    if (auto known = memo_->groups.find(key); known != memo_->groups.end()) {
      i_ = end + 1;
      ok_ = known->second.ok;
      return known->second.known;
    }
    const bool skipping = skipping_;  // a skipped alternative's texts are not built
    Known k = read_group();
    if (!skipping && i_ == end + 1) {
      memo_->groups.emplace(std::move(key), RequiredTextMemo::Impl::Read{k, ok_});
    }
    return k;
  }

  Known read_group() {
    ++i_;                        // (
    if (++depth_ > kMaxDepth) {  // deeper than RE2 allows: not read, and no deep recursion
      ok_ = false;
      return Known::nothing();
    }
    bool unknown_text = false;
    if (i_ < p_.size() && p_[i_] == '?') {
      ++i_;
      if (i_ < p_.size() && p_[i_] == 'P') {  // (?P<name>…)
        const std::size_t close = p_.find('>', i_);
        if (close == std::string::npos) {
          ok_ = false;
          return Known::nothing();
        }
        i_ = close + 1;
      } else {  // (?flags) or (?flags:…)
        std::size_t k = i_;
        while (k < p_.size() && p_[k] != ':' && p_[k] != ')') ++k;
        if (k >= p_.size()) {
          ok_ = false;
          return Known::nothing();
        }
        const bool case_insensitive = p_.substr(i_, k - i_).find('i') != std::string::npos;
        i_ = k + 1;
        if (p_[k] == ')') {  // flags for the rest of the pattern
          if (case_insensitive) ok_ = false;
          return Known::empty();
        }
        unknown_text = case_insensitive;
      }
    }
    Known inner = alternation();
    --depth_;
    if (i_ >= p_.size() || p_[i_] != ')') {
      ok_ = false;
      return Known::nothing();
    }
    ++i_;
    return unknown_text ? Known::nothing() : inner;
  }

  // A class of a few characters listed one by one ("[.!?]", "[«\"“]") is those texts; any
  // other is unknown text.
  Known char_class() {
    ++i_;  // [
    bool plain = true;
    if (i_ < p_.size() && p_[i_] == '^') {
      plain = false;
      ++i_;
    }
    std::vector<std::string> chars;
    bool first = true;
    while (i_ < p_.size() && (p_[i_] != ']' || first)) {
      first = false;
      const char c = p_[i_];
      if (p_.compare(i_, 2, "[:") == 0) {  // [:alpha:]
        const std::size_t close = p_.find(":]", i_ + 2);
        if (close == std::string::npos) break;
        i_ = close + 2;
        plain = false;
      } else if (c == '\\') {
        if (i_ + 1 < p_.size() && std::ispunct(static_cast<unsigned char>(p_[i_ + 1]))) {
          chars.emplace_back(1, p_[i_ + 1]);
          i_ += 2;
        } else {  // \d, \pL, \x{…}: to the end of the escape, then unknown
          plain = false;
          i_ += 2;
          if (i_ < p_.size() && p_[i_] == '{') {
            const std::size_t close = p_.find('}', i_);
            i_ = close == std::string::npos ? p_.size() : close + 1;
          }
        }
      } else if (c == '-' && !chars.empty() && i_ + 1 < p_.size() && p_[i_ + 1] != ']') {
        plain = false;  // a range
        ++i_;
      } else if ((static_cast<unsigned char>(c) & 0x80) != 0) {  // «, “: all of its bytes
        const auto* bytes = reinterpret_cast<const std::uint8_t*>(p_.data());
        auto at = static_cast<std::int32_t>(i_);
        U8_FWD_1(bytes, at, static_cast<std::int32_t>(p_.size()));
        chars.push_back(p_.substr(i_, static_cast<std::size_t>(at) - i_));
        i_ = static_cast<std::size_t>(at);
      } else {
        chars.emplace_back(1, c);
        ++i_;
      }
    }
    if (i_ >= p_.size()) {
      ok_ = false;
      return Known::nothing();
    }
    ++i_;  // ]
    if (!plain || chars.empty() || chars.size() > 8) return Known::nothing();
    unique(chars);
    return {true, std::move(chars)};
  }

  Known escape() {
    if (i_ + 1 >= p_.size()) {
      ok_ = false;
      return Known::nothing();
    }
    const char c = p_[i_ + 1];
    i_ += 2;
    if (c == 'b' || c == 'A') return {true, {std::string(1, kBoundary)}};
    if (c == 'B' || c == 'z') return Known::empty();
    if (c == 'Q') {
      ok_ = false;
      return Known::nothing();
    }
    if (c == 'p' || c == 'P' || c == 'x') {
      if (i_ < p_.size() && p_[i_] == '{') {
        const std::size_t close = p_.find('}', i_);
        i_ = close == std::string::npos ? p_.size() : close + 1;
      } else {
        i_ += c == 'x' ? 2 : 1;
      }
      i_ = std::min(i_, p_.size());
      return Known::nothing();
    }
    if (std::isalnum(static_cast<unsigned char>(c))) return Known::nothing();  // \d, \s, \w…
    return {true, {std::string(1, c)}};  // escaped punctuation: itself
  }

  const std::string& p_;
  RequiredTextMemo::Impl* memo_;
  std::size_t i_ = 0;
  bool ok_ = true;
  bool skipping_ = false;  // reading an alternative whose text cannot matter
  std::vector<Known> parts_;
  bool branches_ = false;  // '|' outside groups
  int depth_ = 0;          // groups open
};

}  // namespace

namespace {

// The texts as returned: without their boundary marks, each saying whether it starts a word.
// Empty when the choice is too wide or a text too short to screen by.
std::vector<RequiredText> finish(const std::vector<std::string>& texts, std::size_t min_length) {
  if (texts.empty() || texts.size() > kMaxRequiredChoice || shortest(texts) < min_length) return {};
  // A text starts a word where a boundary mark leads it and a word character follows the mark
  // (\b before a letter: what precedes it is not one); marks elsewhere say nothing. The same
  // text found both ways is wanted anywhere.
  std::vector<RequiredText> out;
  for (const auto& t : texts) {
    const std::size_t first = t.find_first_not_of(kBoundary);
    const bool word_start =
        first != 0 && first != std::string::npos && LiteralScreen::word_char(t[first]);
    std::string plain;
    std::copy_if(t.begin(), t.end(), std::back_inserter(plain),
                 [](char c) { return c != kBoundary; });
    out.push_back({std::move(plain), word_start});
  }
  std::sort(out.begin(), out.end(), [](const RequiredText& a, const RequiredText& b) {
    return a.text != b.text ? a.text < b.text : a.word_start < b.word_start;
  });
  out.erase(
      std::unique(out.begin(), out.end(),
                  [](const RequiredText& a, const RequiredText& b) { return a.text == b.text; }),
      out.end());
  return out;
}

}  // namespace

std::vector<std::vector<RequiredText>> required_texts(const std::string& pattern,
                                                      std::size_t min_length,
                                                      std::size_t max_clauses,
                                                      RequiredTextMemo* memo) {
  if (pattern.find(kBoundary) != std::string::npos || max_clauses == 0) return {};
  Reader reader(pattern, memo == nullptr ? nullptr : memo->impl_.get());
  const Known k = reader.pattern();
  if (!reader.ok()) return {};
  auto first = finish(contained(k), min_length);
  if (first.empty()) return {};
  std::vector<std::vector<RequiredText>> out{std::move(first)};
  // The other parts, strongest first.
  const std::vector<Known>& parts = reader.parts();
  std::vector<std::pair<std::size_t, std::size_t>> by_strength;  // (shortest text, part)
  by_strength.reserve(parts.size());
  for (std::size_t i = 0; i < parts.size(); ++i) {
    by_strength.emplace_back(shortest(parts[i].texts), i);
  }
  std::stable_sort(by_strength.begin(), by_strength.end(), [&](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first
                              : parts[a.second].texts.size() < parts[b.second].texts.size();
  });
  for (const auto& ranked : by_strength) {
    if (out.size() >= max_clauses) break;
    auto clause = finish(parts[ranked.second].texts, min_length);
    if (!clause.empty() && std::find(out.begin(), out.end(), clause) == out.end()) {
      out.push_back(std::move(clause));
    }
  }
  return out;
}

std::vector<RequiredText> required_text(const std::string& pattern, std::size_t min_length) {
  auto clauses = required_texts(pattern, min_length, 1);
  return clauses.empty() ? std::vector<RequiredText>{} : std::move(clauses.front());
}

}  // namespace brandlint::rules
