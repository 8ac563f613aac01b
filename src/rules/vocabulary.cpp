#include "rules/vocabulary.hpp"

#include <algorithm>

#include "text/folded_text.hpp"

namespace brandlint::rules {
namespace {

bool is_lower_ascii(char c) { return c >= 'a' && c <= 'z'; }

// A term's groups nest and multiply ("(old|elderly) (man|woman|men|women)"): past this many
// spellings the rest are dropped, which only makes the vocabulary a little smaller.
constexpr std::size_t kMaxSpellings = 256;

// Every spelling of folded[i, end) up to the end of the group it is in: the alternatives of
// each (a|b|) group, in turn. `i` ends after the group's ")" or at `end`.
std::vector<std::string> spellings(std::string_view folded, std::size_t& i) {
  std::vector<std::string> all;  // the alternatives of the group before the current one
  std::vector<std::string> current{std::string()};
  while (i < folded.size()) {
    const char c = folded[i];
    if (c == '(') {
      ++i;
      const std::vector<std::string> inner = spellings(folded, i);
      std::vector<std::string> joined;
      for (const auto& head : current) {
        for (const auto& tail : inner) {
          if (joined.size() >= kMaxSpellings) break;
          joined.push_back(head + tail);
        }
      }
      current = std::move(joined);
      continue;
    }
    ++i;
    if (c == ')') break;
    if (c == '|') {
      all.insert(all.end(), current.begin(), current.end());
      current.assign(1, std::string());
      continue;
    }
    for (auto& s : current) s += c;
  }
  all.insert(all.end(), current.begin(), current.end());
  return all;
}

// fold_term for what rule files mostly hold, ASCII, without its per-character lookups.
std::string folded(std::string_view written) {
  const bool ascii = std::all_of(written.begin(), written.end(),
                                 [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (!ascii) return text::fold_term(written);
  std::string out(written);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

void add_words_of(std::string_view text, Vocabulary& out) {
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !is_lower_ascii(text[i])) ++i;
    std::size_t j = i;
    while (j < text.size() && is_lower_ascii(text[j])) ++j;
    // A run touching a byte of another script is part of a word the vocabulary cannot hold.
    const bool whole = (i == 0 || static_cast<unsigned char>(text[i - 1]) < 0x80) &&
                       (j == text.size() || static_cast<unsigned char>(text[j]) < 0x80);
    if (whole && j - i >= Vocabulary::kMinLength) out.add(std::string(text.substr(i, j - i)));
    i = j;
  }
}

}  // namespace

void Vocabulary::add(std::string word) {
  if (word.size() < kMinLength) return;
  if (!std::all_of(word.begin(), word.end(), is_lower_ascii)) return;
  adding_.insert(std::move(word));
}

void Vocabulary::finish() {
  std::vector<std::string> words(adding_.begin(), adding_.end());
  std::unordered_set<std::string>().swap(adding_);
  std::sort(words.begin(), words.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() < b.size() : a < b;
  });
  std::size_t bytes = 0;
  for (const auto& w : words) bytes += w.size();
  text_.clear();
  text_.reserve(bytes);  // never grows again: the views below stay valid
  by_length_.clear();
  for (const auto& w : words) {
    if (by_length_.size() <= w.size()) by_length_.resize(w.size() + 1);
    by_length_[w.size()].emplace_back(text_.data() + text_.size(), w.size());
    text_ += w;
  }
  size_ = words.size();
}

std::string Vocabulary::saved() const {
  std::string out;
  out.reserve(text_.size() + size_);
  for (const auto& same : by_length_) {
    for (std::string_view w : same) out.append(w).push_back('\n');
  }
  return out;
}

void Vocabulary::restore(std::string_view lines) {
  text_.clear();
  text_.reserve(lines.size());  // never grows again: the views below stay valid
  by_length_.clear();
  size_ = 0;
  for (std::size_t i = 0; i < lines.size();) {
    std::size_t end = lines.find('\n', i);
    if (end == std::string_view::npos) end = lines.size();
    const std::size_t n = end - i;
    if (by_length_.size() <= n) by_length_.resize(n + 1);
    by_length_[n].emplace_back(text_.data() + text_.size(), n);
    text_.append(lines.substr(i, n));
    ++size_;
    i = end + 1;
  }
}

bool Vocabulary::contains(std::string_view word) const {
  const auto& same = of_length(word.size());
  return std::binary_search(same.begin(), same.end(), word);
}

const std::vector<std::string_view>& Vocabulary::of_length(std::size_t length) const {
  static const std::vector<std::string_view> none;
  return length < by_length_.size() ? by_length_[length] : none;
}

void add_term_words(std::string_view term, Vocabulary& out) {
  const std::string written = folded(term);
  // {{lists}} become a space: their entries are terms of their own.
  std::string without_lists;
  without_lists.reserve(written.size());
  for (std::size_t i = 0; i < written.size();) {
    const std::size_t close =
        written.compare(i, 2, "{{") == 0 ? written.find("}}", i + 2) : std::string::npos;
    if (close == std::string::npos) {
      without_lists += written[i++];
    } else {
      without_lists += ' ';
      i = close + 2;
    }
  }
  if (without_lists.find('(') == std::string::npos) {
    add_words_of(without_lists, out);
    return;
  }
  std::size_t i = 0;
  for (const auto& spelling : spellings(without_lists, i)) add_words_of(spelling, out);
}

void add_pattern_words(std::string_view pattern, Vocabulary& out) {
  const std::string text = folded(pattern);
  std::string run;
  auto flush = [&]() {
    if (!run.empty()) out.add(run);
    run.clear();
  };
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (is_lower_ascii(c)) {
      run += c;
      ++i;
      continue;
    }
    if (static_cast<unsigned char>(c) >= 0x80) {  // a letter the vocabulary cannot hold
      run.clear();
      while (i < text.size() && static_cast<unsigned char>(text[i]) >= 0x80) ++i;
      while (i < text.size() && is_lower_ascii(text[i])) ++i;
      continue;
    }
    if ((c == '?' || c == '*') && !run.empty()) {  // "womens?": "womens" and "women"
      out.add(run);
      run.pop_back();
      flush();
      ++i;
      continue;
    }
    flush();
    if (c == '\\') {  // \b, \s, \pL, \p{Lu}: an escape, not a letter
      i += 2;
      if (i <= text.size() && (text[i - 1] == 'p' || text[i - 1] == 'P') && i < text.size() &&
          text[i] == '{') {
        const std::size_t close = text.find('}', i);
        i = close == std::string::npos ? text.size() : close + 1;
      }
      continue;
    }
    if (c == '[') {  // a class: its letters are alternatives, not a word
      ++i;
      if (i < text.size() && text[i] == ']') ++i;
      while (i < text.size() && text[i] != ']') i += text[i] == '\\' ? 2 : 1;
      ++i;
      continue;
    }
    if (c == '{') {  // {{list}} or a {n,m} count
      const std::size_t close = text.find('}', i);
      i = close == std::string::npos ? text.size() : close + 1;
      while (i < text.size() && text[i] == '}') ++i;
      continue;
    }
    ++i;
  }
  flush();
}

}  // namespace brandlint::rules
