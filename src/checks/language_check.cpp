// language.*: a post in another language than the one declared for it, and posts that mix
// languages. Brand accounts keep one language per account or audience segment; a reply that
// switches half-way reads as a copy-paste accident.
#include <string>

#include "checks/families.hpp"
#include "language/language_detector.hpp"

namespace brandlint::checks {
namespace {

using language::Certainty;
using language::language_name;

using LanguageFinding = CheckContext::LanguageFinding;

Diagnostic mixed(const CheckContext& context, const std::string& home, const std::string& other,
                 std::size_t begin, std::size_t end, const std::string& what) {
  return context.diagnostic("language.mixing.mixed", "language", "mixing", Severity::warning,
                            "this " + what + " is in " + std::string(language_name(other)) +
                                ", the post in " + std::string(language_name(home)) +
                                ": keep one language per account or audience",
                            begin, end);
}

// The post's language problems: a post in another language than declared, or the sentences
// and clauses in another one. Made once per post (CheckContext::language_findings), for this
// check and the spelling check.
void find_language_problems(const CheckContext& context, std::vector<LanguageFinding>& out) {
  if (context.detector == nullptr) return;
  const language::LanguageDetector& detector = *context.detector;
  const auto& text = context.text;
  const auto names = language::LanguageDetector::names_in(context.post.meta);
  const std::string declared_raw =
      context.post.meta.lang.empty() ? context.config.lang : context.post.meta.lang;
  const std::string declared = declared_raw == "auto" ? "" : declared_raw.substr(0, 2);

  // The declared language is there when a few of its words follow each other ("Hi Marco,
  // thanks!"); another language must hold a sentence or clause with
  // `language_mixing_min_words` words that say so, so that a one-word greeting ("Ciao Anna!"),
  // a name or a loanword ("croissant") never counts.
  const Certainty foreign{context.threshold("language_mixing_min_words", 4), 0.6};
  // A post whose words are all the declared language's needs no other dictionary; nor does
  // one whose few foreign-looking words ("anything ese we can do") could not outvote it
  // anywhere, whatever the other dictionaries say.
  if (!declared.empty() && (!detector.may_hold_other_language(text, names, declared) ||
                            detector.surely_only(text, names, declared, {}, foreign))) {
    return;
  }
  const language::Guess post = detector.detect(text, 0, text.nfc().size(), names, {});
  const std::string home = declared.empty() ? post.lang : declared;
  if (home.empty()) return;

  const bool home_present = detector.longest_run(text, 0, text.nfc().size(), names, home) >= 2;
  if (!declared.empty() && !post.lang.empty() && post.lang != declared && !home_present) {
    std::size_t end = text.nfc().find_last_not_of(" \t\r\n");
    end = end == std::string::npos ? text.nfc().size() : end + 1;
    const std::size_t line_end = std::min(end, text.nfc().find('\n'));
    auto d = context.diagnostic(
        "language.mismatch.declared", "language", "mismatch", Severity::error,
        "the post is declared " + std::string(language_name(declared)) + " but is written in " +
            std::string(language_name(post.lang)) +
            ": it would go to the wrong audience, and the other checks used the wrong language",
        0, line_end);
    d.suggestions.push_back("lang: " + post.lang);
    out.push_back({std::move(d), ""});
    return;
  }

  for (const auto& s : detector.sentences(text, names, foreign)) {
    if (!s.guess.lang.empty() && s.guess.lang != home) {
      // The sentence is in another language; its greeting may not be ("Hi Carlos, thanks,
      // lo sentimos mucho..."): point from its first clause that leans away from home.
      std::size_t begin = s.begin, end = s.end;
      const auto parts = detector.clauses(text, s, names, {1, 0.0, 1.0});
      for (auto it = parts.begin(); it != parts.end() && it->guess.lang == home; ++it) {
        begin = (it + 1 != parts.end()) ? (it + 1)->begin : begin;
      }
      out.push_back({mixed(context, home, s.guess.lang, begin, end, "sentence"), s.guess.lang});
      continue;
    }
    // "Thanks Marco, grazie mille, ti scriviamo in privato": the switch inside a sentence.
    for (const auto& clause : detector.clauses(text, s, names, foreign)) {
      if (!clause.guess.lang.empty() && clause.guess.lang != home) {
        out.push_back({mixed(context, home, clause.guess.lang, clause.begin, clause.end, "part"),
                       clause.guess.lang});
      }
    }
  }
}

class LanguageCheck : public Check {
 public:
  void run(const CheckContext& context, std::vector<Diagnostic>& out) const override {
    for (const LanguageFinding& f : context.language_findings()) out.push_back(f.diagnostic);
  }
};

}  // namespace

const std::vector<CheckContext::LanguageFinding>& CheckContext::language_findings() const {
  if (!language_findings_) {
    auto found = std::make_unique<std::vector<LanguageFinding>>();
    find_language_problems(*this, *found);
    language_findings_ = std::move(found);
  }
  return *language_findings_;
}

std::unique_ptr<Check> make_language_check() { return std::make_unique<LanguageCheck>(); }

}  // namespace brandlint::checks
