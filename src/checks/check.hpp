// The interface every check family implements, and what a check is given.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "brandlint/brandlint.hpp"
#include "rules/rule_set.hpp"
#include "spelling/speller.hpp"
#include "text/analysed_text.hpp"
#include "text/folded_text.hpp"

namespace brandlint::language {
class LanguageDetector;
}

namespace brandlint::checks {

class ToneModel;      // tone_model.hpp
struct CustomerMood;  // mood_signals.hpp

// A word the spelling check questioned: its NFC span and what it suggested, best first.
struct Questioned {
  std::size_t begin;
  std::size_t end;
  std::vector<std::string> suggestions;
};

// A folded copy of a post with some of its words replaced (checks/evasions.hpp: misspelt
// words read as meant, or as the dictionary corrects them), still mapped to the NFC text.
struct ReadAsMeant {
  text::FoldedText text;
  std::vector<std::pair<std::size_t, std::size_t>> spans;  // NFC spans of the words replaced
};

// Everything a check may read about one post. Offsets in the diagnostics a check appends are
// bytes into text.nfc(); the linter maps them back to the post's original text.
struct CheckContext {
  const Post& post;
  const text::AnalysedText& text;
  const rules::MatchInput& folded;
  std::string_view lang;       // the post's language: en, en-GB, en-US, es, fr, it
  std::string_view rule_lang;  // the language of its rule pack: en, es, fr, it
  std::string_view platform;
  std::string_view kind;  // reply or post
  const spelling::SpellerPool& speller;
  const rules::RuleSet& rules;
  const Config& config;
  // Which language each sentence is in (language_check.cpp); nullptr in tests that need none.
  const language::LanguageDetector* detector = nullptr;
  // Another language's dictionary, loaded on first use; nullptr when it is not installed.
  const std::function<const spelling::SpellerPool*(std::string_view lang)>* speller_for = nullptr;

  // A diagnostic at [begin, end) of text.nfc(), with its match filled in.
  Diagnostic diagnostic(std::string rule, std::string category, std::string subcategory,
                        Severity severity, std::string message, std::size_t begin,
                        std::size_t end) const;
  int threshold(const std::string& name, int fallback) const;

  // What the customer wrote (post.meta.in_reply_to), analysed and folded once for the checks
  // that read it.
  struct CustomerMessage {
    explicit CustomerMessage(std::string_view written)
        : text(written), folded(text.folded_message()) {}
    text::AnalysedText text;
    text::FoldedText folded;
  };
  const CustomerMessage& customer_message() const;
  mutable std::unique_ptr<const CustomerMessage> customer_message_;  // set on first use
  // read_customer_mood's answer, which the tone and personalisation checks both ask for.
  mutable std::shared_ptr<const CustomerMood> customer_mood_;  // set on first use

  // The words the spelling check found in no dictionary, with its suggestions (best first),
  // which the rule check then reads as meant (evasions.hpp). The spelling check runs first.
  mutable std::vector<Questioned> questioned;

  // The folded text with the questioned words as the dictionary would correct them
  // (read_as_corrected in evasions.hpp), built on first use after the spelling check and
  // shared by the rule check and the checks that look for words; nullptr when no word was
  // corrected.
  const ReadAsMeant* corrected() const;
  // Whether `words` are found in the post as written or as corrected.
  bool found_as_meant(const rules::TermMatcher& words) const;
  mutable std::unique_ptr<const ReadAsMeant> corrected_;
  mutable bool corrected_done_ = false;
  // The language's tone model (tone_model.hpp); nullptr when the language has none.
  const ToneModel* tone_model = nullptr;
  // The language's model of hostile statements about groups; nullptr when it has none.
  const ToneModel* hate_model = nullptr;

  // What the language check finds (language_check.cpp), made on first use: the spelling check,
  // which runs first, reads which words stand in a sentence or clause in another language.
  struct LanguageFinding {
    Diagnostic diagnostic;
    std::string other;  // for a mixed span, its language (en, es, fr, it); else empty
  };
  const std::vector<LanguageFinding>& language_findings() const;
  mutable std::unique_ptr<const std::vector<LanguageFinding>> language_findings_;
};

class Check {
 public:
  virtual ~Check() = default;
  virtual void run(const CheckContext& context, std::vector<Diagnostic>& out) const = 0;
};

// The check families, in the order they run. Adding one is one line in check_registry.cpp.
std::vector<std::unique_ptr<Check>> make_checks();

}  // namespace brandlint::checks
