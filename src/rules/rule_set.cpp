#include "rules/rule_set.hpp"

#include <unicode/uniset.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include "cache/disk_cache.hpp"
#include "rules/required_text.hpp"
#include "text/analysed_text.hpp"

namespace brandlint::rules {
namespace {

// Whole words: the term must not touch a letter or a digit on either side. RE2 has no
// look-around, so the expression consumes a boundary character on each side, and is matched
// against the text with a space added on each side for the text's start and end
// (Reading::words).
//
// The boundary is any character that is not a letter, a digit or "_" among the first 2,048
// code points (Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic), and any character after
// them. Written as [^\pL\pN_], its UTF-8 automaton takes 1,348 instructions, twice in every
// whole-word expression and again in its reverse program: most of the memory the rules used.
// This class takes 88. It reads the folded text the same way (folding has made accented Latin
// letters, ligatures and full-width letters ASCII); a term may now also end where a word of a
// script from U+0800 on (Devanagari, Thai, Chinese) starts, which those scripts, mostly
// written without spaces, are better served by.
const std::string& boundary() {
  static const std::string cls = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeSet below(icu::UnicodeString(u"[[^\\p{L}\\p{N}_]&[\\u0000-\\u07FF]]"),
                                status);
    std::string out = "[";
    char range[40];
    for (std::int32_t i = 0; U_SUCCESS(status) && i < below.getRangeCount(); ++i) {
      std::snprintf(range, sizeof range, "\\x{%X}-\\x{%X}",
                    static_cast<unsigned>(below.getRangeStart(i)),
                    static_cast<unsigned>(below.getRangeEnd(i)));
      out += range;
    }
    return U_SUCCESS(status) ? out + "\\x{800}-\\x{10FFFF}]" : std::string(R"([^\pL\pN_])");
  }();
  return cls;
}

RE2::Options regex_options() {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(8 << 20);  // per expression; a pattern needing more is reported
  return options;
}

std::string whole_word(const std::string& body) {
  return boundary() + "(?:" + body + ")" + boundary();
}

std::string padded(const std::string& text) { return " " + text + " "; }

// Calls `found(begin, end)` with the span of t.text that each match of `x` reports, in order,
// until it returns false. `padded` is t.text with a space on each side, for Reading::words.
template <class Found>
void each_match(const Expression& x, const text::FoldedText& t, const std::string& padded,
                Found&& found) {
  const bool words = x.reading == Reading::words;
  const std::string& s = words ? padded : t.text;
  if (!x.re->found_in(s)) return;
  const RE2& re = x.re->get();
  if (!re.ok()) return;  // only a pattern built from lists can fail this late
  const re2::StringPiece input(s);
  re2::StringPiece groups[2];
  const int ngroups = x.reading == Reading::group ? 2 : 1;
  std::size_t pos = 0;
  while (pos <= s.size() && re.Match(input, pos, s.size(), RE2::UNANCHORED, groups, ngroups)) {
    auto begin = static_cast<std::size_t>(groups[0].data() - s.data());
    auto end = begin + groups[0].size();
    std::size_t next = end;
    if (words) {  // less a boundary character on each side, and the added space
      const auto* bytes = reinterpret_cast<const std::uint8_t*>(s.data());
      auto b = static_cast<std::int32_t>(begin);
      auto e = static_cast<std::int32_t>(end);
      U8_FWD_1(bytes, b, e);
      U8_BACK_1(bytes, b, e);
      begin = static_cast<std::size_t>(b);
      end = static_cast<std::size_t>(e);
      next = end;  // the boundary after the words may start the next match
      --begin;
      --end;
    } else if (ngroups == 2 && groups[1].data() != nullptr) {
      begin = static_cast<std::size_t>(groups[1].data() - s.data());
      end = begin + groups[1].size();
      next = end;
    }
    if (!found(begin, end)) return;
    if (next <= pos) next = pos + 1;
    while (next < s.size() && (static_cast<unsigned char>(s[next]) & 0xC0) == 0x80) ++next;
    pos = next;
  }
}

// Whether two words are the same but for letter case, accents included ("Gêne", "gêne").
bool same_word(std::string_view a, std::string_view b) {
  icu::UnicodeString x = icu::UnicodeString::fromUTF8(icu::StringPiece(a.data(), a.size()));
  icu::UnicodeString y = icu::UnicodeString::fromUTF8(icu::StringPiece(b.data(), b.size()));
  return x.foldCase().compare(y.foldCase()) == 0;
}

bool needs_escape(char c) {
  return std::string_view(R"(\.^$*+?[]{}/-)").find(c) != std::string_view::npos;
}

// Turns terms ("viej(o|a|os|as)", "typical {{nationality}}") and patterns into RE2 expression
// bodies. Each list is expanded once: a language's rules use the same lists many times, and
// expanding them again for every use was most of the time a one-post run took.
class Expander {
 public:
  explicit Expander(const Lists& lists) : lists_(lists) {}
  Expected<std::string> term(const std::string& term) { return term_at(term, 0); }
  // The pattern with each {{list}} replaced by its terms.
  Expected<std::string> pattern(const std::string& pattern);
  // "(?:a|b|…)": the list's terms as alternatives.
  Expected<std::string> list(const std::string& name) { return list_at(name, 0); }
  // The pattern as required_texts() reads it best: each list of at most `max_terms` terms
  // replaced by its terms, so that "(?:thanks|blame) {{political_leader}}" requires one of the
  // leaders too; a longer list, or one that does not expand, stays {{name}}, text not known.
  std::string short_lists(const std::string& pattern, std::size_t max_terms);

 private:
  // `pattern` with each {{name}} replaced by `list(name)`: the text to put there, or an error.
  template <class List>
  static Expected<std::string> replace_lists(const std::string& pattern, List&& list);
  Expected<std::string> term_at(const std::string& term, int depth);
  Expected<std::string> list_at(const std::string& name, int depth);

  const Lists& lists_;
  std::map<std::string, std::string> expanded_;
};

template <class List>
Expected<std::string> Expander::replace_lists(const std::string& pattern, List&& list) {
  std::string out;
  std::size_t i = 0;
  while (i < pattern.size()) {
    const std::size_t open = pattern.find("{{", i);
    const std::size_t close = open == std::string::npos ? open : pattern.find("}}", open + 2);
    if (close == std::string::npos) {
      out.append(pattern, i);
      break;
    }
    out.append(pattern, i, open - i);
    auto body = list(pattern.substr(open + 2, close - open - 2));
    if (!body) return body.error();
    out += body.value();
    i = close + 2;
  }
  return out;
}

std::string Expander::short_lists(const std::string& pattern, std::size_t max_terms) {
  const auto written_out = [&](const std::string& name) -> Expected<std::string> {
    const auto list = lists_.find(name);
    if (list != lists_.end() && list->second.size() <= max_terms) {
      // A short list of terms that hold lists may still be long: unknown past 16 KB.
      auto read = list_at(name, 0);
      if (read && read.value().size() <= 16 * 1024) return read;
    }
    return "{{" + name + "}}";
  };
  return replace_lists(pattern, written_out).value();  // written_out never fails
}

Expected<std::string> Expander::list_at(const std::string& name, int depth) {
  if (auto done = expanded_.find(name); done != expanded_.end()) return done->second;
  auto list = lists_.find(name);
  if (list == lists_.end()) return Error{"", 0, 0, "unknown list '{{" + name + "}}'"};
  std::string out = "(?:";
  for (const auto& entry : list->second) {
    auto body = term_at(entry.text, depth + 1);
    if (!body) return body.error();
    if (out.size() > 3) out += '|';
    out += body.value();
  }
  out += ')';
  return expanded_.emplace(name, std::move(out)).first->second;
}

Expected<std::string> Expander::term_at(const std::string& term, int depth) {
  if (depth > 8) return Error{"", 0, 0, "lists refer to each other too deeply"};
  const std::string folded = text::fold_term(term);
  std::string out;
  out.reserve(folded.size() + 8);
  std::size_t i = 0;
  int open = 0;
  // Per open group: whether it has an empty alternative, which makes the space after it
  // optional too ("as (we|i) (already|) said" matches "as i said").
  std::vector<bool> optional;
  bool after_optional_group = false;
  while (i < folded.size()) {
    const char c = folded[i];
    const bool was_after_optional = after_optional_group;
    after_optional_group = false;
    if (c == ' ' && was_after_optional) {
      out += " ?";
      ++i;
      continue;
    }
    if (c == '{' && i + 1 < folded.size() && folded[i + 1] == '{') {
      const std::size_t close = folded.find("}}", i + 2);
      if (close == std::string::npos) return Error{"", 0, 0, "'{{' without '}}' in '" + term + "'"};
      auto list = list_at(folded.substr(i + 2, close - i - 2), depth);
      if (!list) return list.error();
      out += list.value();
      i = close + 2;
      continue;
    }
    if (c == '(') {
      out += "(?:";
      ++open;
      optional.push_back(i + 1 < folded.size() && folded[i + 1] == '|');
    } else if (c == ')') {
      if (--open < 0) return Error{"", 0, 0, "unbalanced ')' in '" + term + "'"};
      out += ')';
      after_optional_group = optional.back() || (i > 0 && folded[i - 1] == '|');
      optional.pop_back();
    } else if (c == '|') {
      out += '|';
      if (!optional.empty() && i + 1 < folded.size() && folded[i + 1] == '|') {
        optional.back() = true;
      }
    } else {
      if (needs_escape(c)) out += '\\';
      out += c;
    }
    ++i;
  }
  if (open != 0) return Error{"", 0, 0, "unbalanced '(' in '" + term + "'"};
  return out;
}

Expected<std::string> Expander::pattern(const std::string& pattern) {
  return replace_lists(pattern, [&](const std::string& name) { return list_at(name, 0); });
}

Error located_error(const RuleFile& file, const Located& where, const std::string& message) {
  return Error{file.path, where.line, where.column, message};
}

// Every term of a rule as alternatives, to be wrapped by whole_word().
Expected<std::string> terms_regex(const RuleFile& file, const std::vector<Located>& terms,
                                  Expander& expand) {
  std::string alternatives;
  for (const auto& term : terms) {
    auto body = expand.term(term.text);
    if (!body) return located_error(file, term, body.error().message);
    if (!alternatives.empty()) alternatives += '|';
    alternatives += body.value();
  }
  return alternatives;
}

// Whether an expression has a capturing group: "(" not followed by "?" and not escaped or
// inside a character class.
bool has_capture_group(const std::string& regex) {
  bool in_class = false;
  for (std::size_t i = 0; i < regex.size(); ++i) {
    const char c = regex[i];
    if (c == '\\') {
      ++i;
    } else if (in_class) {
      if (c == ']') in_class = false;
    } else if (c == '[') {
      in_class = true;
      if (i + 1 < regex.size() && regex[i + 1] == ']') ++i;
    } else if (c == '(' && (i + 1 >= regex.size() || regex[i + 1] != '?')) {
      return true;
    } else if (c == '(' && regex.compare(i + 1, 2, "?P") == 0) {
      return true;  // (?P<name>...)
    }
  }
  return false;
}

// Whether what ends at `i` may be left out: a following ?, * or {0,…}.
bool may_be_absent(const std::string& p, std::size_t i) {
  return i < p.size() && (p[i] == '?' || p[i] == '*' || p.compare(i, 2, "{0") == 0);
}

// One of these lists must have a word in the text.
using Clause = std::vector<std::string>;

// What a pattern cannot match without, found from {{name}}s outside any part that may be
// absent: clauses that must all hold. "\b{{gender_plural}} (?:are|is) {{neg_pred}}" needs
// gender_plural and neg_pred; "typical (?:{{nationality}}|{{religion}})" needs one of the two
// (one clause); "(?:{{a}} )?c" and "(?:{{a}}|b) c" need nothing, so the result is empty. Where
// branches differ in what they need, a branch's smallest clause (by `size`, the lists' entries)
// stands for it.
std::vector<Clause> required_lists(const std::string& p,
                                   const std::function<std::size_t(const std::string&)>& size) {
  auto weight = [&](const Clause& c) {
    std::size_t w = 0;
    for (const auto& name : c) w += size(name);
    return w;
  };
  auto smallest = [&](const std::vector<Clause>& clauses) {
    const Clause* best = nullptr;
    for (const auto& c : clauses) {
      if (best == nullptr || weight(c) < weight(*best)) best = &c;
    }
    return best;
  };
  // A group's branches (split by |), each the clauses that all hold on it.
  struct Group {
    std::vector<std::vector<Clause>> branches{1};
  };
  // What a finished group requires of the text around it: all the clauses of its only
  // branch; one clause, "one of the lists" its branches need, when it has several; or nothing
  // when a branch needs no list.
  auto required = [&](const Group& g) -> std::vector<Clause> {
    if (g.branches.size() == 1) return g.branches[0];
    Clause either;
    for (const auto& branch : g.branches) {
      const Clause* c = smallest(branch);
      if (c == nullptr) return {};  // this branch needs no list
      either.insert(either.end(), c->begin(), c->end());
    }
    return {either};
  };
  std::vector<Group> groups(1);
  std::size_t i = 0;
  while (i < p.size()) {
    const char c = p[i];
    if (c == '\\') {
      i += 2;
    } else if (c == '[') {  // a character class: skip to its end
      ++i;
      if (i < p.size() && p[i] == '^') ++i;
      if (i < p.size() && p[i] == ']') ++i;
      while (i < p.size() && p[i] != ']') i += p[i] == '\\' ? 2 : 1;
      ++i;
    } else if (p.compare(i, 2, "{{") == 0) {
      const std::size_t close = p.find("}}", i + 2);
      if (close == std::string::npos) return {};
      std::string name = p.substr(i + 2, close - i - 2);
      i = close + 2;
      if (!may_be_absent(p, i)) groups.back().branches.back().push_back({std::move(name)});
    } else if (c == '(') {
      groups.emplace_back();
      ++i;
    } else if (c == ')') {
      if (groups.size() < 2) return {};
      const Group inner = std::move(groups.back());
      groups.pop_back();
      ++i;
      if (may_be_absent(p, i)) continue;
      for (auto& clause : required(inner)) groups.back().branches.back().push_back(clause);
    } else {
      if (c == '|') groups.back().branches.emplace_back();
      ++i;
    }
  }
  if (groups.size() != 1) return {};
  return required(groups[0]);
}

// Whether every text a list's terms match starts with an ASCII letter, digit or underscore,
// from the terms' syntax: words, (a|b|) groups, {{lists}}. Unsure answers are false.
class WordFirst {
 public:
  explicit WordFirst(const Lists& lists) : lists_(lists) {}
  bool list(const std::string& name, int depth = 0) {
    if (auto known = known_.find(name); known != known_.end()) return known->second;
    auto found = lists_.find(name);
    bool all = found != lists_.end() && depth < 8;
    if (all) {
      for (const auto& entry : found->second) {
        if (!term(text::fold_term(entry.text), 0, depth + 1)) {
          all = false;
          break;
        }
      }
    }
    known_[name] = all;
    return all;
  }

 private:
  // Whether every match of `t` from `i` starts with a word character.
  bool term(const std::string& t, std::size_t i, int depth) {
    if (i >= t.size() || depth > 8) return false;
    if (LiteralScreen::word_char(t[i])) return true;
    if (t.compare(i, 2, "{{") == 0) {
      const std::size_t close = t.find("}}", i + 2);
      return close != std::string::npos && list(t.substr(i + 2, close - i - 2), depth + 1);
    }
    if (t[i] != '(') return false;
    // Each alternative of the group; an empty one leaves what follows the group (and the
    // space after it, which the group's emptiness makes optional).
    int nesting = 0;
    std::size_t start = i + 1;
    for (std::size_t k = i + 1; k < t.size(); ++k) {
      if (t[k] == '(') ++nesting;
      if ((t[k] == '|' || t[k] == ')') && nesting == 0) {
        if (k == start) {  // an empty branch: what follows the group's ')' comes first
          std::size_t after = k;
          int depth_close = 0;
          for (; after < t.size(); ++after) {
            if (t[after] == '(') ++depth_close;
            if (t[after] == ')' && depth_close-- == 0) break;
          }
          std::size_t rest = after + 1;
          if (rest < t.size() && t[rest] == ' ') ++rest;
          if (!term(t, rest, depth + 1)) return false;
        } else if (!term(t, start, depth + 1)) {
          return false;
        }
        if (t[k] == ')') return true;
        start = k + 1;
      }
      if (t[k] == ')') --nesting;
    }
    return false;
  }

  const Lists& lists_;
  std::map<std::string, bool> known_;
};

// Whether the text that a pattern's {{list}} at `at` matches always follows a character that
// is not an ASCII letter, digit or underscore, or starts the text: the list's set entry may
// then start at word starts only. Read from what precedes it in the pattern, through opening
// groups and alternatives: a space, \s, a punctuation character or a class of them, ^ at a
// branch's start, \b before words, or a group whose branches all end so and that, when it may
// be left out ("(?:all |those )?"), is preceded so too. Anything else (the pattern's start, a
// letter, \w, a negated class) is unsure, and unsure is false.
class BeforeList {
 public:
  struct Glue {
    std::set<std::string> at_word, anywhere;
  };
  explicit BeforeList(const std::string& p) : p_(p) {}

  // What may precede the list at i: no glue words when the list always follows a non-word
  // character or starts the text; else the words it may follow with nothing between
  // (`(?:un|une|d') ?{{people_noun}}`, `\bsuper ?{{x}}`: "un", "une", "super"), each with
  // where it may start (a word start, or anywhere when nothing before it says), and the list
  // then starts at word starts or right after one of them. Nullopt when anything else may
  // precede it. `word_first`: whether every text the list matches starts with a word
  // character.
  std::optional<Glue> glue(std::size_t i, bool word_first) const {
    Glue words;
    if (!before(i, word_first, 0, &words)) return std::nullopt;
    return words;
  }

 private:
  // Whether what the pattern matches just before position i always ends in a non-word
  // character, or is the text's start; `next_is_word`: whether what is matched from i always
  // starts with a word character (for \b).
  bool before(std::size_t i, bool next_is_word, int depth, Glue* glue = nullptr) const {
    if (depth > 24) return false;
    i = branch_start(i);
    // The pattern's start, or a branch of the whole pattern: the list may follow anything.
    if (i == 0 || i == std::string::npos) return false;
    const char c = p_[i - 1];
    if (i >= 2 && p_[i - 2] == '\\' && !escaped(i - 2)) {
      if (c == 'b') return next_is_word;
      return c == 's' || punctuation(c);
    }
    if (escaped(i - 1)) return false;
    // A quantifier: ?, *, +, or {m,n}, which with m = 0 may leave its atom out too.
    std::size_t q = i - 1;  // where the quantifier starts
    bool may_be_absent = c == '?' || c == '*';
    if (c == '}') {
      std::size_t k = i - 1;
      while (k > 0 && (std::isdigit(static_cast<unsigned char>(p_[k - 1])) || p_[k - 1] == ',')) {
        --k;
      }
      if (k == 0 || k == i - 1 || p_[k - 1] != '{' || escaped(k - 1)) return false;
      q = k - 1;
      may_be_absent = p_[k] == '0' || p_[k] == ',';
    }
    if (c == '?' || c == '*' || c == '+' || c == '}') {
      // A repeated or optional atom: it must end so when present, and when it may be left
      // out, what precedes it must too.
      if (q < 1 || escaped(q - 1)) return false;
      const std::size_t last = q - 1;  // the atom's last character
      std::size_t atom = last;         // where the atom starts
      bool atom_starts_word = false;
      if (p_[last] == ')') {
        atom = opening(last);
        if (atom == std::string::npos || !branches_end(atom, last, next_is_word, depth, glue)) {
          return false;
        }
        atom_starts_word = branches_start_with_word(atom, last, next_is_word);
      } else if (p_[last] == ']') {
        atom = class_start(last);
        if (atom == std::string::npos || !punctuation_class(atom, last)) return false;
      } else if (p_[last] == ' ' || punctuation(p_[last])) {
        if (last >= 1 && p_[last - 1] == '\\' && !escaped(last - 1)) return false;
      } else {
        return false;
      }
      return !may_be_absent || before(atom, next_is_word && atom_starts_word, depth + 1, glue);
    }
    if (c == ')') {
      const std::size_t open = opening(i - 1);
      return open != std::string::npos && branches_end(open, i - 1, next_is_word, depth, glue);
    }
    if (c == ']') {
      const std::size_t open = class_start(i - 1);
      return open != std::string::npos && punctuation_class(open, i - 1);
    }
    if (c == '^') {  // the text's start, when nothing can precede it in its branch
      const std::size_t k = branch_start(i - 1);
      return k == 0 || k == std::string::npos;
    }
    if (glue != nullptr && LiteralScreen::word_char(c)) {
      // A plain word: the list may follow it at once.
      std::size_t k = i - 1;
      while (k > 0 && LiteralScreen::word_char(p_[k - 1]) && !escaped(k - 1)) --k;
      // \d, \pL, \x41: not a word; after \b or \B, before() tells.
      if (k > 0 &&
          (p_[k - 1] == '\\' || (escaped(k - 1) && p_[k - 1] != 'b' && p_[k - 1] != 'B'))) {
        return false;
      }
      (before(k, true, depth + 1) ? glue->at_word : glue->anywhere).insert(p_.substr(k, i - k));
      return true;
    }
    return c == ' ' || punctuation(c);
  }

  // Where what the pattern matches from i can start: back through the groups and the
  // alternatives that open at i. npos for a branch of the whole pattern, which starts it too.
  std::size_t branch_start(std::size_t i) const {
    for (;;) {
      if (i >= 3 && non_capturing(i - 3) && !escaped(i - 3)) {
        i -= 3;
      } else if (i >= 1 && p_[i - 1] == '(' && !escaped(i - 1)) {
        i -= 1;
      } else if (i >= 1 && p_[i - 1] == '|' && !escaped(i - 1)) {
        i = opening(i - 1);
        if (i == std::string::npos) return i;
      } else {
        return i;
      }
    }
  }
  // Whether a group "(?:" opens at k.
  bool non_capturing(std::size_t k) const {
    return k + 2 < p_.size() && p_[k] == '(' && p_[k + 1] == '?' && p_[k + 2] == ':';
  }
  // Whether p_[k] is escaped: preceded by an odd run of backslashes.
  bool escaped(std::size_t k) const {
    std::size_t slashes = 0;
    while (k > slashes && p_[k - slashes - 1] == '\\') ++slashes;
    return slashes % 2 == 1;
  }
  static bool punctuation(char c) {
    return std::string_view("'\"-,;:!#@/&%.").find(c) != std::string_view::npos;
  }
  // The '(' of the group holding p_[k] (a '|' or a ')' closing it); npos at the top level.
  std::size_t opening(std::size_t k) const {
    return (p_[k] == ')' || p_[k] == '|') ? partner(k) : kNone;
  }
  // The '[' of the class that the ']' at k closes; npos when it closes none.
  std::size_t class_start(std::size_t k) const { return p_[k] == ']' ? partner(k) : kNone; }
  // The ')' closing the group that opens at `open`; npos when none does.
  std::size_t closing(std::size_t open) const { return p_[open] == '(' ? partner(open) : kNone; }
  // For a '(' its ')', for a ')' or '|' its group's '(', for a class's ']' its '['.
  std::size_t partner(std::size_t k) const {
    index();
    return !broken_ && k < partner_.size() && partner_[k] != kNoPartner ? partner_[k] : kNone;
  }
  // One pass over the pattern for the tables above, the first time one is needed: classes
  // (their content, POSIX classes such as [[:alpha:]] included, is skipped) and the groups'
  // parentheses and bars.
  void index() const {
    if (indexed_) return;
    indexed_ = true;
    const std::size_t n = p_.size();
    if (n >= kNoPartner) {  // no pattern is that long: unknown
      broken_ = true;
      return;
    }
    partner_.assign(n, kNoPartner);
    std::vector<std::size_t> open;
    for (std::size_t k = 0; k < n; ++k) {
      if (p_[k] == '\\') {
        ++k;
        continue;
      }
      if (p_[k] == '[') {
        std::size_t e = k + 1;
        if (e < n && p_[e] == '^') ++e;
        if (e < n && p_[e] == ']') ++e;  // a ']' first is itself
        while (e < n && p_[e] != ']') {
          if (p_[e] == '\\') {
            e += 2;
          } else if (p_.compare(e, 2, "[:") == 0) {
            const std::size_t end = p_.find(":]", e + 2);
            e = end == std::string::npos ? n : end + 2;
          } else {
            ++e;
          }
        }
        if (e >= n) {  // unclosed: RE2 refuses it anyway; nothing is known
          broken_ = true;
          return;
        }
        partner_[e] = static_cast<std::uint32_t>(k);
        k = e;
        continue;
      }
      if (p_[k] == '(') {
        open.push_back(k);
      } else if (p_[k] == ')') {
        if (open.empty()) continue;
        partner_[k] = static_cast<std::uint32_t>(open.back());
        partner_[open.back()] = static_cast<std::uint32_t>(k);
        open.pop_back();
      } else if (p_[k] == '|') {
        if (!open.empty()) partner_[k] = static_cast<std::uint32_t>(open.back());
      }
    }
  }
  // Whether the class from `open` to `close` holds spaces, punctuation and non-ASCII
  // characters only (not negated, no ranges; an escaped quote, bracket, dash or dot is
  // itself).
  bool punctuation_class(std::size_t open, std::size_t close) const {
    if (close <= open + 1 || p_[open + 1] == '^') return false;
    for (std::size_t k = open + 1; k < close; ++k) {
      const char c = p_[k];
      if (c == '\\' && k + 1 < close &&
          std::string_view("\"'[]-.").find(p_[k + 1]) != std::string_view::npos) {
        ++k;  // an escaped quote, bracket, dash or dot: itself
        continue;
      }
      if ((c & 0x80) == 0 && !punctuation(c) &&
          std::string_view(" !?()").find(c) == std::string_view::npos) {
        return false;
      }
      if (c == '-' && k != open + 1 && k + 1 != close) return false;  // a range
    }
    return true;
  }
  // The top-level branches of the group from `open` (its '(') to `close` (its ')').
  template <class Each>
  bool each_branch(std::size_t open, std::size_t close, Each&& each) const {
    index();
    if (broken_) return false;  // its bars are unknown
    std::size_t begin = non_capturing(open) ? open + 3 : open + 1;
    for (std::size_t k = begin; k <= close; ++k) {
      if (k < close && (p_[k] != '|' || opening(k) != open)) continue;
      if (!each(begin, k)) return false;
      begin = k + 1;
    }
    return true;
  }
  bool branches_end(std::size_t open, std::size_t close, bool next_is_word, int depth,
                    Glue* glue = nullptr) const {
    return each_branch(open, close, [&](std::size_t, std::size_t end) {
      return before(end, next_is_word, depth + 1, glue);
    });
  }
  // Whether each branch starts with a word character; an empty one, as `next_is_word` says
  // what follows the group does.
  bool branches_start_with_word(std::size_t open, std::size_t close, bool next_is_word,
                                int depth = 0) const {
    return each_branch(open, close, [&](std::size_t begin, std::size_t end) {
      return starts_with_word(begin, end, next_is_word, depth);
    });
  }
  // Whether what p_[begin, end) matches starts with a word character: a plain one, not made
  // optional ("a?b", "a*-"), or a group whose branches do; empty, as `next_is_word` says.
  bool starts_with_word(std::size_t begin, std::size_t end, bool next_is_word, int depth) const {
    if (begin >= end) return next_is_word;
    if (depth > 8) return false;
    if (p_[begin] == '(') {
      const std::size_t close = closing(begin);
      if (close == std::string::npos || close >= end) return false;
      if (close + 1 < end &&
          std::string_view("?*{").find(p_[close + 1]) != std::string_view::npos) {
        return false;  // the group may be left out
      }
      const bool after = starts_with_word(close + 1, end, next_is_word, depth + 1);
      return branches_start_with_word(begin, close, after, depth + 1);
    }
    const bool optional =
        begin + 1 < end && std::string_view("?*{").find(p_[begin + 1]) != std::string_view::npos;
    return LiteralScreen::word_char(p_[begin]) && !optional;
  }
  static constexpr std::size_t kNone = std::string::npos;
  const std::string& p_;
  mutable bool indexed_ = false, broken_ = false;
  static constexpr std::uint32_t kNoPartner = 0xFFFFFFFFu;
  mutable std::vector<std::uint32_t> partner_;
};

Expected<std::unique_ptr<RE2>> compile_one(const RuleFile& file, const Located& where,
                                           const std::string& regex, const char* what) {
  auto re = std::make_unique<RE2>(regex, regex_options());
  if (!re->ok()) {
    if (re->error_code() == RE2::ErrorPatternTooLarge) {
      return located_error(file, where,
                           std::string("bad ") + what +
                               ": it needs more memory than one rule may use (8 MiB); "
                               "simplify it or split it into several patterns");
    }
    return located_error(file, where,
                         std::string("bad ") + what + ": " + re->error() + " (RE2 syntax)");
  }
  return re;
}

// What compile() reads off each pattern with lists (the clauses of lists it needs) and each
// without (the texts it cannot match without): the same for the same rule files and program,
// so kept in the cache beside the screen and read back in the order compile() asks, each
// checked against the pattern's length. Anything else (no file, another key, a pattern
// that differs) reads the patterns again, and the file is written anew.
class PatternReadings {
 public:
  using Groups = std::vector<std::vector<std::string>>;

  PatternReadings(std::string file, const std::string& key) : file_(std::move(file)), key_(key) {
    if (file_.empty()) return;
    auto mapped = cache::Mapped::open(file_);
    cache::Reader in(mapped->bytes());
    std::string_view saved_key;
    std::uint64_t count = 0;
    if (mapped->bytes().empty() || !in.text(&saved_key) || saved_key != key_ ||
        !in.number(&count) || count > mapped->bytes().size()) {
      return;
    }
    saved_.reserve(static_cast<std::size_t>(count));
    for (std::uint64_t r = 0; r < count; ++r) {
      Record record;
      std::uint32_t groups = 0;
      if (!in.number(&record.length) || !in.number(&groups) || groups > mapped->bytes().size()) {
        saved_.clear();
        return;
      }
      record.groups.resize(groups);
      for (auto& group : record.groups) {
        std::uint32_t n = 0;
        if (!in.number(&n) || n > mapped->bytes().size()) {
          saved_.clear();
          return;
        }
        group.resize(n);
        for (auto& text : group) {
          if (!in.text(&text)) {
            saved_.clear();
            return;
          }
        }
      }
      saved_.push_back(std::move(record));
    }
    if (!in.at_end()) saved_.clear();
  }

  // `read` reads the pattern when the cache cannot tell.
  template <class Read>
  Groups get(const std::string& pattern, Read&& read) {
    const auto length = static_cast<std::uint64_t>(pattern.size());
    if (in_step_ && next_ < saved_.size() && saved_[next_].length == length) {
      return saved_[next_++].groups;
    }
    if (in_step_) diverge();
    Groups out = read();
    made_.push_back({length, out});
    return out;
  }

  // Writes the readings made, unless they are the file's.
  void save() {
    if (file_.empty() || (in_step_ && next_ == saved_.size())) return;
    if (in_step_) diverge();  // fewer patterns than the file holds
    cache::Writer out;
    out.text(key_);
    out.number<std::uint64_t>(made_.size());
    for (const auto& record : made_) {
      out.number<std::uint64_t>(record.length);
      out.number<std::uint32_t>(static_cast<std::uint32_t>(record.groups.size()));
      for (const auto& group : record.groups) {
        out.number<std::uint32_t>(static_cast<std::uint32_t>(group.size()));
        for (const auto& text : group) out.text(text);
      }
    }
    cache::write(file_, out.bytes());
  }

 private:
  struct Record {
    std::uint64_t length = 0;
    Groups groups;
  };
  // From here on the readings differ from the file's: those read back so far are kept, and
  // the file is written anew.
  void diverge() {
    in_step_ = false;
    saved_.resize(next_);
    made_ = std::move(saved_);
  }

  std::string file_;
  std::string key_;
  std::vector<Record> saved_;  // read from the file; while in step, what get() returns
  std::vector<Record> made_;   // once out of step, every reading in order
  std::size_t next_ = 0;
  bool in_step_ = true;  // every reading so far was the saved one
};

}  // namespace

Expected<std::string> term_to_regex(const std::string& term, const Lists& lists) {
  return Expander(lists).term(term);
}

MatchInput::MatchInput(std::string_view nfc) : MatchInput(text::fold(nfc)) {
  this->nfc = nfc;
  undo_evasions();
}

MatchInput::MatchInput(const text::AnalysedText& post) : MatchInput(post.folded_message()) {
  nfc = post.nfc();
  undo_evasions();
}

void MatchInput::undo_evasions() {
  if (!text::may_hold_evasions(folded.text)) return;
  bool read_apart = false;
  skeleton = text::skeleton(folded, text::LeadingVowel::apart, &read_apart);
  if (read_apart) joined = text::skeleton(folded, text::LeadingVowel::joined);
}

bool LazyRegex::found_in(std::string_view text) const {
  std::call_once(screen_once_, [this] {
    compiled_ = true;
    auto set = std::make_unique<RE2::Set>(regex_options(), RE2::UNANCHORED);
    if (set->Add(pattern_, nullptr) == 0 && set->Compile()) screen_ = std::move(set);
  });
  if (!screen_) return true;  // the RE2 tells (it fails too, as a rule)
  RE2::Set::ErrorInfo error;
  if (screen_->Match(text, nullptr, &error)) return true;
  // Out of memory for its states, the set gives up where an RE2 would go on more slowly.
  return error.kind == RE2::Set::kOutOfMemory;
}

const RE2& LazyRegex::get() const {
  std::call_once(once_, [this] { re_ = std::make_unique<RE2>(pattern_, regex_options()); });
  return *re_;
}

TermMatcher::TermMatcher(std::string body)
    : x_{std::make_shared<LazyRegex>(whole_word(body)), Reading::words} {}

bool TermMatcher::found_in(const text::FoldedText& folded) const {
  return x_.re->found_in(padded(folded.text));
}

std::vector<std::pair<std::size_t, std::size_t>> TermMatcher::find_all(
    const text::FoldedText& folded) const {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  each_match(x_, folded, padded(folded.text), [&](std::size_t b, std::size_t e) {
    out.emplace_back(folded.source[b], folded.source_end[e]);
    return true;
  });
  return out;
}

Expected<std::unique_ptr<RuleSet>> RuleSet::compile(const std::string& lang,
                                                    std::vector<RuleFile> files) {
  auto set = std::unique_ptr<RuleSet>(new RuleSet());
  set->lang_ = lang;
  // What is kept in the cache (the patterns' readings, the screen, the vocabulary) is named by
  // what stays (the files' paths and the program's), so that a rule file edited or a program
  // rebuilt rewrites its file instead of leaving another, and keyed by what they are.
  if (const std::string files_read = files_key(lang, files); !files_read.empty()) {
    set->cache_key_ = "brandlint rules 1\n" + files_read + '\n' + cache::code_identity();
    std::string name = lang;
    for (const auto& file : files) name.append(" ").append(file.path);
    set->cache_name_ = name + ' ' + cache::code_file();
  }
  const std::string dir = set->cache_key_.empty() ? std::string() : cache::directory();
  PatternReadings readings(
      dir.empty() ? std::string()
                  : cache::file_for(dir, "readings-" + lang, set->cache_name_, ".readings"),
      set->cache_key_);
  Lists shared;
  for (const auto& file : files) {
    for (const auto& [name, entries] : file.lists) {
      auto& list = shared[name];
      list.insert(list.end(), entries.begin(), entries.end());
    }
  }
  Expander expand(shared);
  RE2::Options options = regex_options();
  options.set_max_mem(256 << 20);  // the whole language's set
  LiteralScreen::Builder screen(shared);
  set->pattern_set_ = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  // Parses (and so checks) a user's expressions that are not in the pattern set; never
  // compiled.
  RE2::Set parser(regex_options(), RE2::UNANCHORED);
  std::map<std::string, std::size_t> list_entries;  // a list's place in candidates_
  // Lists that some pattern may need in the middle of a word (a list at a pattern's start,
  // after a letter): their screen entries start anywhere, the others at word starts only, or
  // right after the words a pattern may put just before them ("(?:un|une) ?{{x}}").
  std::set<std::string> inside_words;
  std::map<std::string, std::set<LiteralScreen::Glue>> glued;
  WordFirst word_first(shared);
  for (const auto& file : files) {
    for (const auto& rule : file.rules) {
      for (const auto& pattern : rule.patterns) {
        const std::string& p = pattern.text;
        if (p.find("{{") == std::string::npos) continue;
        const BeforeList before(p);
        for (std::size_t at = p.find("{{"); at != std::string::npos; at = p.find("{{", at + 2)) {
          const std::size_t close = p.find("}}", at + 2);
          if (close == std::string::npos) break;
          std::string name = p.substr(at + 2, close - at - 2);
          const auto words = before.glue(at, word_first.list(name));
          if (!words) {
            inside_words.insert(std::move(name));
            continue;
          }
          for (const auto& w : words->at_word) glued[name].insert({w, LiteralScreen::Start::word});
          for (const auto& w : words->anywhere) {
            glued[name].insert({w, LiteralScreen::Start::anywhere});
          }
        }
      }
    }
  }
  // The screen's entry of a list: its words, without the boundaries a pattern puts around
  // them.
  auto list_entry = [&](const std::string& name) -> Expected<std::size_t> {
    auto known = list_entries.find(name);
    if (known != list_entries.end()) return known->second;
    auto body = expand.list(name);  // checks the list's terms
    if (!body) return body.error();
    const auto id = static_cast<std::uint32_t>(set->candidates_.size());
    if (inside_words.count(name) > 0) {
      screen.add_list(id, name, LiteralScreen::Start::anywhere);
    } else {
      const auto glue = glued.find(name);
      screen.add_list(id, name, LiteralScreen::Start::word,
                      glue == glued.end() ? std::vector<LiteralScreen::Glue>{}
                                          : std::vector<LiteralScreen::Glue>(glue->second.begin(),
                                                                             glue->second.end()));
    }
    set->candidates_.emplace_back();
    list_entries.emplace(name, set->candidates_.size() - 1);
    return set->candidates_.size() - 1;
  };
  std::unordered_map<std::string, std::shared_ptr<LazyRegex>> regexes;
  auto lazy = [&regexes](const std::string& regex) {
    auto& slot = regexes[regex];
    if (!slot) slot = std::make_shared<LazyRegex>(regex);
    return slot;
  };
  std::set<std::string> ids;
  std::unordered_map<std::string, Expression> exception_patterns;  // by the text written
  RequiredTextMemo lists_read;  // the lists patterns hold, as required_texts() reads them
  // The screen entries of texts that patterns need, by the texts (anywhere, at word starts).
  std::map<std::pair<std::vector<std::string>, std::vector<std::string>>, std::size_t> needed_texts;
  for (auto& file : files) {
    for (auto& rule : file.rules) {
      if (!ids.insert(rule.id).second) {
        return Error{file.path, rule.line, 1, "duplicate rule id '" + rule.id + "'"};
      }
      CompiledRule compiled;
      const std::size_t index = set->rules_.size();
      // Every expression of a user's file is parsed here, so that syntax errors are reported
      // with their place; a pattern the user wrote without lists is also compiled now, so
      // that one needing too much memory is reported at its line too. The rest, and the
      // shipped packs' (the test suite compiles them all), compile when a post first needs
      // them. The screens only say which expressions may match: a term's whole-word
      // boundaries are left to the expression itself.
      auto add = [&](const Located& where, const std::string& regex, Reading reading,
                     const char* what, bool compile_now, const std::vector<Clause>& needs = {},
                     const std::vector<std::string>& terms = {}) -> std::optional<Error> {
        std::string error;
        const bool literal = reading == Reading::words;
        // A pattern that needs no list is screened by the texts it cannot match without, when
        // its syntax tells (required_text.hpp), else compiled into the pattern set at once; one
        // that needs lists runs only where those texts are too ("\bc'est bien (?:un|une)
        // {{race}}": where a post has "c'est bien ", not wherever it says "noir").
        // Two groups per clause of texts: those found anywhere, those found at word starts.
        PatternReadings::Groups required;
        if (!literal) {
          required = readings.get(where.text, [&] {
            PatternReadings::Groups by_start;
            for (auto& clause : required_texts(expand.short_lists(where.text, kMaxRequiredChoice),
                                               3, 3, &lists_read)) {
              by_start.resize(by_start.size() + 2);
              for (auto& r : clause) {
                by_start[by_start.size() - (r.word_start ? 1 : 2)].push_back(std::move(r.text));
              }
            }
            return by_start;
          });
          required.resize(required.size() + required.size() % 2);  // pairs, whatever the file
        }
        auto add_clause = [&](std::uint32_t entry, std::size_t k) {
          for (const auto& text : required[k]) {
            screen.add_literal(entry, text, LiteralScreen::Start::anywhere);
          }
          for (const auto& text : required[k + 1]) {
            screen.add_literal(entry, text, LiteralScreen::Start::word);
          }
        };
        const bool in_set =
            needs.empty() && !literal &&
            std::all_of(required.begin(), required.end(), [](const auto& g) { return g.empty(); });
        // The rest of a user's file is parsed, so that its errors are reported at its line.
        RE2::Set& checker = in_set ? *set->pattern_set_ : parser;
        if ((in_set || !file.shipped) && checker.Add(regex, &error) < 0) {
          return located_error(file, where,
                               std::string("bad ") + what + ": " + error + " (RE2 syntax)");
        }
        const std::size_t expression = set->expressions_.size();
        // Every list it needs is in the literal screen; a hit on the first clause's lists makes
        // it a candidate, and it runs when each clause has a hit. So with the texts it needs.
        std::vector<std::vector<std::size_t>> entries;
        for (const auto& clause : needs) {
          auto& either = entries.emplace_back();
          for (const auto& name : clause) {
            auto entry = list_entry(name);
            if (!entry) return located_error(file, where, entry.error().message);
            either.push_back(entry.value());
          }
        }
        // The clauses of texts that make no candidate, only needed: one entry for the same
        // texts, which many patterns need (" are ", " is ").
        auto need_texts = [&](std::size_t from) {
          for (std::size_t k = from; k < required.size(); k += 2) {
            if (required[k].empty() && required[k + 1].empty()) continue;  // would never hold
            auto [known, added] =
                needed_texts.try_emplace({required[k], required[k + 1]}, set->candidates_.size());
            if (added) {
              add_clause(static_cast<std::uint32_t>(known->second), k);
              set->candidates_.emplace_back();
            }
            entries.push_back({known->second});
          }
        };
        if (!needs.empty()) {  // a hit on the first clause's lists makes it a candidate
          for (std::size_t entry : entries.front()) set->candidates_[entry].push_back(expression);
          need_texts(0);
        } else {  // its own entry does: its terms, its strongest texts, or the pattern set
          const auto entry = static_cast<std::uint32_t>(set->candidates_.size());
          if (literal) {
            screen.add_terms(entry, terms, LiteralScreen::Start::word);
          } else if (!in_set) {
            add_clause(entry, 0);
          } else {
            set->pattern_entries_.push_back(entry);
          }
          set->candidates_.push_back({expression});
          if (!in_set) need_texts(2);
        }
        if (compile_now && !file.shipped) {
          auto re = compile_one(file, where, regex, what);
          if (!re) return re.error();
        }
        // Read from the pattern as written: lists expand to groups that do not capture.
        if (reading == Reading::whole && has_capture_group(where.text)) reading = Reading::group;
        compiled.expressions.push_back(expression);
        set->expressions_.push_back({{lazy(regex), reading}, index, std::move(entries)});
        return std::nullopt;
      };
      if (!rule.terms.empty()) {
        auto regex = terms_regex(file, rule.terms, expand);
        if (!regex) return regex.error();
        std::vector<std::string> terms;
        terms.reserve(rule.terms.size());
        for (const auto& term : rule.terms) terms.push_back(term.text);
        if (auto e = add(rule.terms.front(), whole_word(regex.value()), Reading::words, "term",
                         false, {}, terms)) {
          return *e;
        }
      }
      for (const auto& pattern : rule.patterns) {
        auto regex = expand.pattern(pattern.text);
        if (!regex) return located_error(file, pattern, regex.error().message);
        const bool uses_lists = pattern.text.find("{{") != std::string::npos;
        // Screened by the lists it needs, if it needs some.
        const auto needs = !uses_lists ? std::vector<Clause>{} : readings.get(pattern.text, [&] {
          return required_lists(pattern.text, [&](const std::string& name) {
            auto list = shared.find(name);
            return list == shared.end() ? std::size_t{0} : list->second.size();
          });
        });
        if (auto e = add(pattern, regex.value(), Reading::whole, "pattern", !uses_lists, needs)) {
          return *e;
        }
      }
      if (!rule.exceptions.empty()) {
        auto regex = terms_regex(file, rule.exceptions, expand);
        if (!regex) return regex.error();
        compiled.exceptions.push_back({lazy(whole_word(regex.value())), Reading::words});
      }
      for (const auto& pattern : rule.exception_patterns) {
        // A file's shared exception patterns are every rule's: read once each.
        if (auto known = exception_patterns.find(pattern.text); known != exception_patterns.end()) {
          compiled.exceptions.push_back(known->second);
          continue;
        }
        auto regex = expand.pattern(pattern.text);
        if (!regex) return located_error(file, pattern, regex.error().message);
        if (!file.shipped && pattern.text.find("{{") == std::string::npos) {
          auto re = compile_one(file, pattern, regex.value(), "exception pattern");
          if (!re) return re.error();
        }
        const Expression x{lazy(regex.value()),
                           has_capture_group(pattern.text) ? Reading::group : Reading::whole};
        exception_patterns.emplace(pattern.text, x);
        compiled.exceptions.push_back(x);
      }
      // The compiled expressions hold the exceptions. A file's shared exception patterns are
      // copied into each of its rules: kept as text, they took 3 MB for the four packs.
      rule.exceptions = {};
      rule.exception_patterns = {};
      set->rules_.push_back(std::move(rule));
      set->compiled_.push_back(std::move(compiled));
    }
  }
  // The few patterns whose text the screen cannot read (none in the English and Spanish
  // packs, two in the French, one in the Italian) are the only expressions compiled at
  // start-up.
  const bool compiled = set->pattern_entries_.empty() || set->pattern_set_->Compile();
  if (!compiled) {
    return Error{"", 0, 0,
                 "the '" + lang +
                     "' rules need more memory than allowed when combined; "
                     "simplify the largest patterns or lists"};
  }
  for (const auto& [name, entries] : shared) {
    std::string alternatives;
    for (const auto& entry : entries) {
      auto body = expand.term(entry.text);
      if (!body) continue;  // reported when a rule uses the list
      if (!alternatives.empty()) alternatives += '|';
      alternatives += body.value();
    }
    if (alternatives.empty()) continue;
    set->lexicons_.emplace_back(name, std::make_unique<TermMatcher>(alternatives));
  }
  // The screen is built once per set of rule files and program and kept in the cache: it was
  // the largest part of compiling what remained; so are the patterns' readings.
  readings.save();
  set->literal_screen_ = screen.finish(
      dir.empty() ? std::string()
                  : cache::file_for(dir, "screen-" + lang, set->cache_name_, ".screen"),
      set->cache_key_);
  set->lists_ = std::move(shared);
  return set;
}

const Vocabulary& RuleSet::vocabulary() const {
  std::call_once(vocabulary_once_, [this]() {
    // Gathered once per set of rule files and kept in the cache: a fifth of a one-post run
    // with a typo went to gathering it.
    const std::string dir = cache_key_.empty() ? std::string() : cache::directory();
    const std::string file =
        dir.empty() ? std::string()
                    : cache::file_for(dir, "vocabulary-" + lang_, cache_name_, ".vocabulary");
    if (!file.empty()) {
      if (auto mapped = cache::Mapped::open(file); !mapped->bytes().empty()) {
        cache::Reader in(mapped->bytes());
        std::string_view key, words;
        if (in.text(&key) && key == cache_key_ && in.text(&words) && in.at_end()) {
          vocabulary_.restore(words);
          Lists().swap(lists_);
          return;
        }
      }
    }
    for (const auto& [name, entries] : lists_) {
      for (const auto& entry : entries) add_term_words(entry.text, vocabulary_);
    }
    for (const auto& rule : rules_) {
      for (const auto& term : rule.terms) add_term_words(term.text, vocabulary_);
      for (const auto& pattern : rule.patterns) add_pattern_words(pattern.text, vocabulary_);
    }
    vocabulary_.finish();
    Lists().swap(lists_);
    if (!file.empty()) {
      cache::Writer out;
      out.text(cache_key_);
      out.text(vocabulary_.saved());
      cache::write(file, out.bytes());
    }
  });
  return vocabulary_;
}

std::size_t RuleSet::expressions_compiled() const {
  std::set<const LazyRegex*> compiled;
  for (const auto& e : expressions_) {
    if (e.x.re->compiled()) compiled.insert(e.x.re.get());
  }
  return compiled.size();
}

const TermMatcher* RuleSet::lexicon(const std::string& name) const {
  for (const auto& [n, m] : lexicons_) {
    if (n == name) return m.get();
  }
  return nullptr;
}

bool RuleSet::excepted(const CompiledRule& rule, const text::FoldedText& t,
                       const std::string& padded, std::size_t b, std::size_t e) const {
  bool overlaps = false;
  for (const auto& x : rule.exceptions) {
    each_match(x, t, padded, [&](std::size_t gb, std::size_t ge) {
      overlaps = gb < e && b < ge;
      return !overlaps && gb < e;
    });
    if (overlaps) return true;
  }
  return false;
}

void RuleSet::find(const RuleExpression& x, const text::FoldedText& t, const std::string& padded,
                   std::vector<RuleMatch>& out) const {
  each_match(x.x, t, padded, [&](std::size_t b, std::size_t e) {
    if (e > b && !excepted(compiled_[x.rule], t, padded, b, e)) {
      out.push_back({&rules_[x.rule], t.source[b], t.source_end[e]});
    }
    return true;
  });
}

std::vector<RuleMatch> RuleSet::match(const MatchInput& input, std::string_view kind) const {
  std::vector<RuleMatch> out;
  if (expressions_.empty()) return out;
  for (const text::FoldedText* t : input.copies()) {
    // The entries the screens report, each once: the trie reports an entry wherever one of
    // its spellings is, and a text that many patterns need (" are ") is in many entries.
    std::vector<bool> hit(candidates_.size());
    std::vector<std::uint32_t> entries;
    auto report = [&](std::uint32_t entry) {
      if (!hit[entry]) {
        hit[entry] = true;
        entries.push_back(entry);
      }
    };
    literal_screen_.find(t->text, report);
    std::vector<int> found;
    if (!pattern_entries_.empty() && pattern_set_->Match(t->text, &found)) {
      for (int h : found) {
        report(static_cast<std::uint32_t>(pattern_entries_[static_cast<std::size_t>(h)]));
      }
    }
    if (entries.empty()) continue;
    const std::string around = padded(t->text);
    std::vector<std::size_t> run;
    for (std::uint32_t e : entries) {
      const auto& c = candidates_[e];
      run.insert(run.end(), c.begin(), c.end());
    }
    std::sort(run.begin(), run.end());
    run.erase(std::unique(run.begin(), run.end()), run.end());
    auto holds = [&](const std::vector<std::size_t>& either) {
      return std::any_of(either.begin(), either.end(), [&](std::size_t e) { return hit[e]; });
    };
    for (std::size_t index : run) {
      const RuleExpression& x = expressions_[index];
      const Rule& rule = rules_[x.rule];
      if (!kind.empty() && rule.applies_to != "any" && rule.applies_to != kind) continue;
      if (!std::all_of(x.needs.begin(), x.needs.end(), holds)) continue;
      find(x, *t, around, out);
    }
  }
  std::sort(out.begin(), out.end(), [](const RuleMatch& a, const RuleMatch& b) {
    return std::tie(a.begin, a.end, a.rule->id) < std::tie(b.begin, b.end, b.rule->id);
  });
  // The same rule matching the same words in both copies, or twice through overlapping
  // terms, is one finding.
  std::vector<RuleMatch> unique;
  for (const auto& m : out) {
    bool seen = false;
    for (auto it = unique.rbegin(); it != unique.rend() && it->end > m.begin; ++it) {
      if (it->rule == m.rule) {
        seen = true;
        break;
      }
    }
    if (!seen) unique.push_back(m);
  }
  // Rules read the folded text, where "gêne" and "gène" are one word: a slip already written
  // as the word a spelling rule suggests ("la gêne occasionnée") is no slip.
  if (!input.nfc.empty()) {
    std::erase_if(unique, [&](const RuleMatch& m) {
      if (m.rule->category != "spelling" || m.end > input.nfc.size()) return false;
      const std::string_view said = input.nfc.substr(m.begin, m.end - m.begin);
      return std::any_of(m.rule->suggestions.begin(), m.rule->suggestions.end(),
                         [&](const std::string& s) { return same_word(s, said); });
    });
  }
  return unique;
}

std::vector<RuleMatch> RuleSet::match_rule(const Rule& rule, const MatchInput& input) const {
  std::vector<RuleMatch> out;
  const auto index = static_cast<std::size_t>(&rule - rules_.data());
  for (const text::FoldedText* t : input.copies()) {
    const std::string around = padded(t->text);
    for (std::size_t x : compiled_[index].expressions) find(expressions_[x], *t, around, out);
  }
  return out;
}

}  // namespace brandlint::rules
