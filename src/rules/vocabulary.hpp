// The words a rule pack is written in, for reading a misspelt word as the word a rule knows
// ("Mulsims", "muslms", "m*slims": checks/evasions.hpp).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace brandlint::rules {

class Vocabulary {
 public:
  // Words of four letters or more, folded (lowercase, no accents), ASCII letters only.
  void add(std::string word);
  // After finish().
  bool contains(std::string_view word) const;
  std::size_t size() const { return size_; }
  // The words of `length` letters, sorted (views of the words held).
  const std::vector<std::string_view>& of_length(std::size_t length) const;
  // Sorts the words by length into one block of text; call once all are added.
  void finish();
  // The words after finish(), one a line, and the same read back (for the cache).
  std::string saved() const;
  void restore(std::string_view lines);

  static constexpr std::size_t kMinLength = 4;

 private:
  std::unordered_set<std::string> adding_;  // until finish()
  // The words, each once, one after another: a set of strings held 90 bytes a word, this
  // holds the letters and a view.
  std::string text_;
  std::vector<std::vector<std::string_view>> by_length_;
  std::size_t size_ = 0;
};

// The words of a term ("viej(o|a|os|as)", "typical {{nationality}}"): every spelling its
// groups allow (up to a few hundred), split at what is not a letter. {{lists}} are left out:
// their entries are terms of their own.
void add_term_words(std::string_view term, Vocabulary& out);
// The literal words of an RE2 pattern: runs of letters outside classes, escapes and
// {{lists}}; a letter made optional by ? or * gives the run with and without it.
void add_pattern_words(std::string_view pattern, Vocabulary& out);

}  // namespace brandlint::rules
