// Every rule of one language behind one screen, so a post is scanned in one pass for the words
// and text its rules cannot match without; each candidate is then confirmed by its own RE2
// for the span.
#pragma once

#include <re2/re2.h>
#include <re2/set.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "rules/literal_screen.hpp"
#include "rules/rule.hpp"
#include "rules/vocabulary.hpp"
#include "text/folded_text.hpp"

namespace brandlint::text {
class AnalysedText;
}

namespace brandlint::rules {

// The folded copies of a post that rules match against (see text/folded_text.hpp).
struct MatchInput {
  // The whole of `nfc`.
  explicit MatchInput(std::string_view nfc);
  // A post's message, between the handles it opens with and its signature
  // (AnalysedText::folded_message).
  explicit MatchInput(const text::AnalysedText& post);
  // One copy only, read otherwise already (checks/evasions.hpp).
  explicit MatchInput(text::FoldedText only) : folded(std::move(only)) {}
  // The NFC text the copies' offsets point into; empty when made from one copy.
  std::string_view nfc;
  text::FoldedText folded;
  text::FoldedText skeleton;  // empty (no source_end) when made from one copy
  // The skeleton that joins spaced letters starting with a vowel ("e s c o r i a") where the
  // skeleton reads the vowel as a word ("a f a g"); empty when no such letters are spaced.
  text::FoldedText joined;
  // The copies to match: the skeletons only when they differ from the folded text, as they
  // do in few posts (an evasion undone); matching the same text twice finds nothing new.
  std::vector<const text::FoldedText*> copies() const {
    std::vector<const text::FoldedText*> out{&folded};
    if (!skeleton.source_end.empty() && skeleton.text != folded.text) out.push_back(&skeleton);
    if (!joined.source_end.empty()) out.push_back(&joined);
    return out;
  }
  // The text with evasions undone: the skeleton, or the folded text when it has none.
  const text::FoldedText& undone() const { return skeleton.source_end.empty() ? folded : skeleton; }

 private:
  void undo_evasions();
};

struct RuleMatch {
  const Rule* rule;
  std::size_t begin;  // NFC byte offsets
  std::size_t end;
};

// An expression compiled on first use. A language's rules expand to thousands of list
// entries, and a post meets few of them: compiling every expression at start-up cost more than
// checking. Thread-safe.
//
// Most expressions that a post's words make candidates never match (on 30,000 generated posts,
// 19 of the 522 that ran), so an expression is first compiled as a one-expression RE2::Set,
// which says whether it matches and keeps its program only. The RE2 that finds the spans also
// keeps the parse tree, two to three times the program's size, and adds a reverse program for
// the start of each match: it is compiled for the expressions that do match.
class LazyRegex {
 public:
  explicit LazyRegex(std::string pattern) : pattern_(std::move(pattern)) {}
  // Whether the expression matches somewhere in `text`. True when the set cannot be compiled
  // or runs out of memory: get() then decides.
  bool found_in(std::string_view text) const;
  const RE2& get() const;
  const std::string& pattern() const { return pattern_; }
  // Whether found_in() has compiled the expression (for tests and the benchmark).
  bool compiled() const { return compiled_; }

 private:
  std::string pattern_;
  mutable std::once_flag screen_once_, once_;
  mutable std::unique_ptr<RE2::Set> screen_;  // null when it does not compile
  mutable std::unique_ptr<RE2> re_;
  mutable std::atomic<bool> compiled_{false};
};

// What a match of an expression reports.
enum class Reading {
  whole,  // the whole match
  group,  // capture group 1, or the whole match when the group took no part
  // Whole words (a term): the expression is matched against the text with a space added on
  // each side and consumes one character of boundary on each side; the words are the rest.
  // Their span follows from the whole match, which RE2 finds without its slower engine for
  // groups.
  words,
};

// An expression and how its matches read.
struct Expression {
  // Shared by the expressions of a set that are the same string (a file's exception patterns
  // are every rule's own), so each is compiled, and holds its program and DFA states, once.
  std::shared_ptr<LazyRegex> re;
  Reading reading;
};

// A list of terms compiled to one whole-word matcher, for the checks that look for words
// (thanks, apologies, complaint words) rather than report them.
class TermMatcher {
 public:
  explicit TermMatcher(std::string body);
  bool found_in(const text::FoldedText& folded) const;
  // NFC spans of every match.
  std::vector<std::pair<std::size_t, std::size_t>> find_all(const text::FoldedText& folded) const;

 private:
  Expression x_;
};

class RuleSet {
 public:
  // `files` are the shipped pack's files and the user's, all of `lang`. Lists of a file named
  // lists.yaml are shared by all files.
  static Expected<std::unique_ptr<RuleSet>> compile(const std::string& lang,
                                                    std::vector<RuleFile> files);

  // Matches of every rule, sorted by position. `kind` is the post's kind (reply or post):
  // rules that apply to the other kind are skipped; empty runs every rule.
  std::vector<RuleMatch> match(const MatchInput& input, std::string_view kind) const;
  // Matches of one rule only (for its examples).
  std::vector<RuleMatch> match_rule(const Rule& rule, const MatchInput& input) const;

  // The rules as written, less their exceptions, which only the compiled expressions keep.
  const std::vector<Rule>& rules() const { return rules_; }
  const std::string& lang() const { return lang_; }
  // A shared list compiled as a TermMatcher; nullptr when the pack has no such list.
  const TermMatcher* lexicon(const std::string& name) const;
  // The words of the rules' terms, patterns and lists, gathered on first use. Thread-safe.
  const Vocabulary& vocabulary() const;
  // How many of the rules' expressions the posts matched so far have compiled: those the
  // screens could not rule out.
  std::size_t expressions_compiled() const;

 private:
  struct RuleExpression {
    Expression x;
    std::size_t rule;
    // Screen entries of the lists and texts it cannot match without: a hit on one of each
    // group.
    std::vector<std::vector<std::size_t>> needs;
  };
  struct CompiledRule {
    std::vector<std::size_t> expressions;  // indexes into expressions_
    std::vector<Expression> exceptions;
  };

  // `padded` is t.text with a space on each side, for Reading::words.
  void find(const RuleExpression& e, const text::FoldedText& t, const std::string& padded,
            std::vector<RuleMatch>& out) const;
  bool excepted(const CompiledRule& rule, const text::FoldedText& t, const std::string& padded,
                std::size_t b, std::size_t e) const;

  std::string lang_;
  std::vector<Rule> rules_;
  std::vector<CompiledRule> compiled_;
  std::vector<RuleExpression> expressions_;
  // Screen a text before any expression runs. An expression that cannot match without words
  // of some lists is not screened itself: the lists are, once each, and it runs only when
  // each list it needs (or one of each group of alternatives) has a hit. For each entry of
  // the screens, the expressions that a hit on it makes candidates (candidates_).
  //
  // The lists and terms are found by a trie of their spellings (literal_screen.hpp), and so
  // are the texts each pattern cannot match without (required_text.hpp): the strongest makes
  // a pattern that needs no list a candidate, and every one must have a hit for a pattern to
  // run, with lists or without ("\bc'est bien (?:un|une) {{race}}" runs where a post has
  // "c'est bien " and a word of the list, not wherever it says "noir"). The trie's entries are
  // indexes into candidates_; an entry of a text that only must be there has no candidates.
  // The few patterns whose text nothing certain is known of are in an RE2::Set, whose entries
  // pattern_entries_ maps to candidates_.
  LiteralScreen literal_screen_;
  std::unique_ptr<RE2::Set> pattern_set_;
  std::vector<std::size_t> pattern_entries_;
  std::vector<std::vector<std::size_t>> candidates_;
  std::vector<std::pair<std::string, std::unique_ptr<TermMatcher>>> lexicons_;
  mutable Lists lists_;  // every file's lists, for vocabulary(), which then frees them
  // What the set is made from (the files, by path and checksum, and this program), for the
  // cached screen and vocabulary; empty when a file was not read from disk.
  std::string cache_key_;
  std::string cache_name_;  // what names its files: the files' paths and the program's
  mutable std::once_flag vocabulary_once_;
  mutable Vocabulary vocabulary_;
};

// Turns a term ("viej(o|a|os|as)", "typical {{nationality}}") into an RE2 expression body.
// `lists` resolves {{name}}; errors name the unknown list.
Expected<std::string> term_to_regex(const std::string& term, const Lists& lists);

}  // namespace brandlint::rules
