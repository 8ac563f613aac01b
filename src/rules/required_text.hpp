// What text a pattern cannot match without, read from its syntax, so that the pattern runs
// only on posts holding that text (rules/literal_screen.hpp finds it).
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace brandlint::rules {

// Alternatives kept of a choice of required texts; past that the choice is too weak to use. A
// choice of rare words ("corrupt", "useless", "a disgrace", … after "the government is") screens
// well even when long: the screen's trie finds any number of them in one walk.
constexpr std::size_t kMaxRequiredChoice = 128;

struct RequiredText {
  std::string text;
  // Wherever a match holds it, the text starts a word (as the screen and RE2's \b see words:
  // ASCII letters, digits and '_'): the pattern puts \b or ^ just before it, and it starts
  // with a word character.
  bool word_start = false;
  bool operator==(const RequiredText&) const = default;
};

// Remembers what long groups read as, for calls on many patterns that share them (lists
// written out: "(?:trump|donald trump|biden|…)").
class RequiredTextMemo {
 public:
  RequiredTextMemo();
  ~RequiredTextMemo();
  RequiredTextMemo(const RequiredTextMemo&) = delete;
  RequiredTextMemo& operator=(const RequiredTextMemo&) = delete;
  struct Impl;

 private:
  friend std::vector<std::vector<RequiredText>> required_texts(const std::string&, std::size_t,
                                                               std::size_t, RequiredTextMemo*);
  std::unique_ptr<Impl> impl_;
};

// Texts of which every match of `pattern` (RE2 syntax, with {{lists}}) contains at least one,
// in byte order: "\bnot (?:going to|gonna) waste (?:our )?time\b" gives {" waste "}, a longest
// choice of the parts every match has; "(?:ok|okay|so),? and\?" gives {" and?"};
// "\b(?:refund|return) policy\b" gives {"refund policy", "return policy"}, both at word
// starts. Empty when nothing of at least `min_length` bytes is certain, or when the pattern is
// read case-insensitively ((?i)), or uses syntax not read here: such a pattern is matched by
// other means. {{lists}}, classes and escapes stand for unknown text.
std::vector<RequiredText> required_text(const std::string& pattern, std::size_t min_length = 3);
// required_text's texts first, then, where the pattern is one sequence (no '|' outside its
// groups), the choices its other parts require, strongest first, at most `max_clauses` in all:
// every match holds one text of each. "\b(?:l'islam|le judaisme),? (?:est|sont) (?:une |)
// (?:maladie|folie|…)" requires " est " or " sont ", which most French posts have, and also one
// of "maladie", "folie", …, which few have. A `memo` shared by the calls on a language's
// patterns reads each long group they share (a list written out) once.
std::vector<std::vector<RequiredText>> required_texts(const std::string& pattern,
                                                      std::size_t min_length = 3,
                                                      std::size_t max_clauses = 3,
                                                      RequiredTextMemo* memo = nullptr);

}  // namespace brandlint::rules
