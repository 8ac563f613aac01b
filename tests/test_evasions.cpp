// Misspelt words read as meant (checks/evasions.hpp): abuse typed to slip past filters is
// still reported, and an ordinary typo next to a rule's word is not turned into an insult.
#include <doctest/doctest.h>

#include <algorithm>

#include "checks/evasions.hpp"
#include "reply_test_support.hpp"
#include "rules/vocabulary.hpp"

namespace {

using brandlint::Severity;

// The findings of the rule packs (spelling left out) on one post.
std::vector<brandlint::Diagnostic> rule_findings(const std::string& lang, const std::string& text) {
  std::vector<brandlint::Diagnostic> out;
  for (auto& d :
       reply_test::lint_with(reply_test::default_linter(), reply_test::Reply(lang, text))) {
    if (d.category != "spelling") out.push_back(std::move(d));
  }
  return out;
}

bool reported_as(const std::vector<brandlint::Diagnostic>& found, const std::string& prefix) {
  return std::any_of(found.begin(), found.end(),
                     [&](const auto& d) { return d.rule.rfind(prefix, 0) == 0; });
}

}  // namespace

TEST_CASE("the vocabulary holds the words of terms and patterns, not their syntax") {
  brandlint::rules::Vocabulary v;
  brandlint::rules::add_term_words("viej(o|a|os|as) {{group}} (muy|) molestos", v);
  brandlint::rules::add_pattern_words(R"(\b(?:stupid|dumb) \p{L}+ womens? [a-z]{2,})", v);
  v.finish();
  for (const char* w : {"viejo", "viejas", "molestos", "stupid", "dumb", "women", "womens"}) {
    CAPTURE(std::string(w));
    CHECK(v.contains(w));
  }
  // Group names, escapes (\b, \p{L}) and classes are not words; nor are words under 4 letters.
  for (const char* w : {"group", "bstupid", "muy", "viej"}) {
    CAPTURE(std::string(w));
    CHECK_FALSE(v.contains(w));
  }
  CHECK(v.of_length(5) == std::vector<std::string>{"vieja", "viejo", "women"});
}

TEST_CASE("edits apart counts swaps of neighbours as one edit") {
  using brandlint::checks::edits_apart;
  CHECK(edits_apart("mulsims", "muslims") == 1);
  CHECK(edits_apart("muslms", "muslims") == 1);
  CHECK(edits_apart("carbon", "carbon") == 0);
  CHECK(edits_apart("remaner", "remainder") == 2);
  CHECK(edits_apart("homogenius", "homogeneous") == 2);
}

TEST_CASE("abuse typed to slip past the rules is reported, in four languages") {
  struct Case {
    const char* lang;
    const char* text;
    const char* rule;
  };
  const Case cases[] = {
      {"en", "I hate Mulsims", "discrimination.religion"},             // neighbours swapped
      {"en", "all muslms are terrorists", "discrimination.religion"},  // a letter left out
      {"en", "I hate m*slims", "discrimination.religion"},             // masked
      {"en", "Immigrnats are rats", "discrimination.nationality"},
      {"en", "I want to kill all gyas", "discrimination.sexual-orientation"},
      {"en", "I hatewomen", "discrimination.gender"},                    // a space missing
      {"en", "all mus lims are terrorists", "discrimination.religion"},  // a space too many
      {"en", "Disabled people are a bruden on society", "discrimination.disability"},
      {"es", "Odio a los musulmnaes", "discrimination.religion"},
      {"es", "Los inmigrnates son escoria", "discrimination."},
      {"es", "Los inmigrantesson escoria", "discrimination."},
      {"fr", "Je déteste les musulmnas", "discrimination.religion"},
      {"fr", "Les immgirés sont des rats", "discrimination."},
      {"fr", "Je hais les j*ifs", "discrimination.religion"},
      {"it", "Odio i musulmnai", "discrimination.religion"},
      {"it", "Gli immigarti sono ratti", "discrimination."},
      {"it", "Le dnone sono inferiori", "discrimination.gender"},
  };
  for (const auto& c : cases) {
    CAPTURE(std::string(c.text));
    const auto found = rule_findings(c.lang, c.text);
    CHECK(reported_as(found, c.rule));
    for (const auto& d : found) {
      if (d.rule.rfind(c.rule, 0) == 0) CHECK(d.severity == Severity::error);
    }
  }
  // The finding quotes what was written, not the word it was read as.
  const auto found = rule_findings("en", "I hate Mulsims");
  REQUIRE_FALSE(found.empty());
  CHECK(found.front().match == "I hate Mulsims");
}

TEST_CASE("an ordinary typo is not read as a slur or a controversial word") {
  // Real misspellings (shared/data/misspellings) one edit or a space from a word of the rule
  // packs; each means another word, which the dictionary's own suggestion gives away.
  struct Case {
    const char* lang;
    const char* text;
  };
  const Case cases[] = {
      {"en", "Thanks for waiting, we checked the aboslutes for you."},  // absolutes
      {"en", "Thanks for waiting, we checked the cacoon for you."},     // cocoon
      {"en", "Thanks for waiting, we checked the homogenius mix for you."},
      {"en", "Thanks for waiting, the new magasine is out."},               // magazine
      {"en", "Thanks for waiting, we checked the standtard plan."},         // standard
      {"en", "Thanks for waiting, we checked the remaner of your order."},  // remainder
      {"en", "The blakc dress is back in stock."},
      {"es", "Gracias por esperar, hemos revisado el carbon de tu barbacoa."},  // carbón
      {"es", "Gracias por esperar, hemos revisado boricanos para ti hoy."},
      {"es", "Gracias por esperar, la temarica del curso ya está online."},  // temática
      {"es", "Gracias por esperar, hemos revisado moraceo para ti hoy."},    // moráceo
      {"fr", "Merci, nous avons vérifié votre comande aujourd'hui."},
      {"it", "Grazie, abbiamo controllato il tuo ordien oggi."},
  };
  for (const auto& c : cases) {
    CAPTURE(std::string(c.text));
    for (const auto& d : rule_findings(c.lang, c.text)) {
      INFO(d.rule << " on \"" << d.match << "\"");
      CHECK(d.severity == Severity::info);
    }
  }
}
