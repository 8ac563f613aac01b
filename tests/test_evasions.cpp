// Misspelt words read as meant (checks/evasions.hpp): abuse typed to slip past filters is
// still reported, and an ordinary typo next to a rule's word is not turned into an insult.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <map>

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
  CHECK(v.of_length(5) == std::vector<std::string_view>{"vieja", "viejo", "women"});
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
      {"en", "I hatewomen", "discrimination.gender"},  // a space missing
      {"en", "Allwomen should be deported", "discrimination.gender"},
      {"es", "Odio a losjudíos", "discrimination.religion"},
      {"es", "Los muj eres son escoria", "discrimination.gender"},
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
      // The dictionary's first guess is another word ("mueres", "danne", "blk"); the
      // group's name is among the next.
      {"es", "Odio a las mjeres", "discrimination.gender"},
      {"fr", "Je hais les femms", "discrimination.gender"},
      {"it", "Odio le dnne", "discrimination.gender"},
      {"en", "Blck people are subhuman", "discrimination.race"},
      // Spaced letters, the first a vowel that could be a word of its own ("a", "e", "i").
      {"es", "Los gays son a s q u e r o s o s", "discrimination.sexual-orientation"},
      {"es", "Los musulmanes son e s c o r i a", "discrimination.religion"},
      {"fr", "Les Noirs sont i n f é r i e u r s", "discrimination.race"},
      {"it", "I neri sono i n f e r i o r i", "discrimination.race"},
      {"en", "Muslims are a n i m a l s", "discrimination.religion"},
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
      {"en", "The blck model is back in stock."},
      {"es", "Las mjeres de nuestro equipo diseñaron esta colección."},
      {"es", "Gracias por esperar, hemos revisado el carbon de tu barbacoa."},  // carbón
      {"es", "Gracias por esperar, hemos revisado boricanos para ti hoy."},
      {"es", "Gracias por esperar, la temarica del curso ya está online."},  // temática
      {"es", "Gracias por esperar, hemos revisado moraceo para ti hoy."},    // moráceo
      {"fr", "Merci, nous avons vérifié votre comande aujourd'hui."},
      {"it", "Grazie, abbiamo controllato il tuo ordien oggi."},
      // "pricks" is the dictionary's second guess; "pecks", its first, is as close.
      {"en", "You'll get an email as soon as the courier prcks it up."},
  };
  for (const auto& c : cases) {
    CAPTURE(std::string(c.text));
    for (const auto& d : rule_findings(c.lang, c.text)) {
      INFO(d.rule << " on \"" << d.match << "\"");
      CHECK(d.severity == Severity::info);
    }
  }
}

TEST_CASE("hateful sentences with the group's word misspelt the ways test suites do") {
  // Sentences of seven or eight shapes about eight groups in each language, with the group's
  // longest word (or the space before it) changed as hate-speech test suites change it. The
  // floors are what this version catches, a little rounded down: a change that loses reach
  // fails here. Short words lose most: "gy" or "nei" is no longer any word.
  struct Pack {
    const char* lang;
    std::vector<std::string> groups;
    std::vector<std::string> shapes;
  };
  const Pack packs[] = {
      {"en",
       {"women", "trans people", "gay people", "black people", "disabled people", "Muslims",
        "immigrants", "Jews"},
       {"I hate {g}.", "{g} are disgusting.", "{g} are vermin.", "All {g} should be deported.",
        "{g} are a plague on this country.", "We don't want any {g} here.", "{g} are scum.",
        "I despise {g}."}},
      {"es",
       {"mujeres", "personas trans", "gays", "negros", "discapacitados", "musulmanes",
        "inmigrantes", "judíos"},
       {"Odio a los {g}.", "Los {g} son asquerosos.", "Los {g} son una plaga.",
        "Hay que echar a todos los {g}.", "No queremos {g} aquí.", "Los {g} son escoria.",
        "Desprecio a los {g}."}},
      {"fr",
       {"femmes", "personnes trans", "homosexuels", "Noirs", "handicapés", "musulmans", "immigrés",
        "juifs"},
       {"Je déteste les {g}.", "Les {g} sont dégoûtants.", "Les {g} sont une plaie.",
        "Il faut expulser tous les {g}.", "On ne veut pas de {g} ici.", "Les {g} sont des déchets.",
        "Je méprise les {g}."}},
      {"it",
       {"donne", "persone trans", "gay", "neri", "disabili", "musulmani", "immigrati", "ebrei"},
       {"Odio i {g}.", "I {g} sono disgustosi.", "I {g} sono una piaga.",
        "Bisogna cacciare tutti i {g}.", "Non vogliamo {g} qui.", "I {g} sono feccia.",
        "Disprezzo i {g}."}},
  };
  // The changes, on the group's longest word, at the ASCII letters nearest its middle (so no
  // character is cut in two: "judíos").
  auto middle = [](const std::string& w) {
    auto ascii = [&](std::size_t i) { return static_cast<unsigned char>(w[i]) < 0x80; };
    for (std::size_t d = 0; d < w.size(); ++d) {
      for (std::size_t i : {w.size() / 2 + d, w.size() / 2 - d}) {
        if (i >= 1 && i < w.size() && ascii(i - 1) && ascii(i)) return i;
      }
    }
    return std::size_t{1};
  };
  auto swap = [&](std::string w) {
    const std::size_t i = middle(w);
    std::swap(w[i - 1], w[i]);
    return w;
  };
  auto drop = [&](std::string w) { return w.erase(middle(w), 1); };
  auto split = [&](std::string w) { return w.insert(middle(w), " "); };
  auto leet = [](std::string w) {
    for (char& c : w) {
      c = c == 'a' ? '4' : c == 'e' ? '3' : c == 'i' ? '1' : c == 'o' ? '0' : c;
    }
    return w;
  };
  std::map<std::string, std::pair<int, int>> caught;  // change → caught, sentences
  for (const auto& pack : packs) {
    for (const auto& shape : pack.shapes) {
      for (const auto& group : pack.groups) {
        std::string sentence = shape;
        std::string g = group;
        if (sentence.rfind("{g}", 0) == 0) g[0] = static_cast<char>(std::toupper(g[0]));
        sentence.replace(sentence.find("{g}"), 3, g);
        std::string longest;
        for (std::size_t b = 0, e; b < g.size(); b = e + 1) {
          e = std::min(g.find(' ', b), g.size());
          if (e - b > longest.size()) longest = g.substr(b, e - b);
        }
        const std::size_t at = sentence.find(longest);
        auto changed = [&](const std::string& with) {
          std::string s = sentence;
          return s.replace(at, longest.size(), with);
        };
        std::vector<std::pair<std::string, std::string>> variants = {
            {"as written", sentence},
            {"swap", changed(swap(longest))},
            {"drop", changed(drop(longest))},
            {"space added", changed(split(longest))},
            {"leet", changed(leet(longest))}};
        const std::size_t g_at = sentence.find(g);
        if (g_at > 0 && sentence[g_at - 1] == ' ') {
          variants.emplace_back("space removed", std::string(sentence).erase(g_at - 1, 1));
        }
        for (const auto& [change, text] : variants) {
          bool found = false;
          for (const auto& d : rule_findings(pack.lang, text)) {
            found =
                found || (d.rule.rfind("discrimination.", 0) == 0 && d.severity != Severity::info);
          }
          auto& [hits, all] = caught[change];
          hits += found ? 1 : 0;
          ++all;
        }
      }
    }
  }
  const std::map<std::string, double> floor = {{"as written", 1.0}, {"swap", 0.9},
                                               {"drop", 0.75},      {"space added", 0.9},
                                               {"leet", 0.98},      {"space removed", 0.75}};
  for (const auto& entry : caught) {
    const std::string& change = entry.first;
    const int hits = entry.second.first, all = entry.second.second;
    MESSAGE(change << ": " << hits << "/" << all);
    CHECK(hits >= floor.at(change) * all);
  }
}

TEST_CASE("a word masked with '*' is read as a whole, not checked in pieces") {
  const auto found = reply_test::lint_with(reply_test::default_linter(),
                                           reply_test::Reply("en", "That was a f*cking great day"));
  CHECK(reported_as(found, "tone.insult.profanity"));
  for (const auto& d : found) {
    INFO(d.rule << " on \"" << d.match << "\"");
    CHECK(d.category != "spelling");  // not "cking"
  }
}

TEST_CASE("a typo in the words that make a rule's exception does not undo the exception") {
  // The rule's own words are spelt right; the typo is in the words around them that say it is
  // harmless. The typo is reported, the rule is not.
  struct Case {
    const char* lang;
    const char* text;
    const char* rule;
  };
  const Case cases[] = {
      {"en", "Lift with your legs and watch your back whn moving the sofa.", "tone.threat"},
      {"es", "Antes de usralo, lee las instrucciones.", "tone.hostile"},
      {"fr", "Avant la première utlisation, lisez le mode d'emploi.", "tone.hostile"},
      {"it", "Prima del primo utlizzo, leggi le istruzioni.", "tone.hostile"},
  };
  for (const auto& c : cases) {
    CAPTURE(std::string(c.text));
    const auto found =
        reply_test::lint_with(reply_test::default_linter(), reply_test::Reply(c.lang, c.text));
    INFO(reply_test::describe(found));
    CHECK_FALSE(reported_as(found, c.rule));
    CHECK(reported_as(found, "spelling.unknown-word"));
  }
  // A typo elsewhere does not excuse what the rule found, nor does one inside the match.
  CHECK(reported_as(rule_findings("en", "Muslims are scum, I sayd."), "discrimination.religion"));
  CHECK(reported_as(rule_findings("en", "Watch your back, I sayd."), "tone.threat"));
  CHECK(reported_as(rule_findings("es", "Lee las instrucciones, ya te lo dije, porfavor."),
                    "tone.hostile"));
}
