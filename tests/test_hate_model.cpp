// The model of hostile statements about groups (discrimination.hostile-statement, the
// dictionaries/hate/<lang>.tsv files, read by RuleCheck): what it adds to the discrimination
// packs on texts it never saw (tests/corpus/hate/*/heldout-*.txt, written apart from the
// training texts and never trained on), and where it stays quiet.
#include <doctest/doctest.h>

#include <fstream>

#include "reply_test_support.hpp"

using namespace brandlint;
using reply_test::has_rule;
using reply_test::lint;
using reply_test::Reply;

namespace {

std::vector<std::string> lines(const std::string& path) {
  std::vector<std::string> out;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

Reply post(const std::string& lang, const std::string& text) {
  Reply r{lang, text};
  r.kind = "post";
  return r;
}

}  // namespace

TEST_CASE("the model of hostile statements reads what no rule names, as a warning") {
  // No rule names these words; the model reads them as hostile to the group named.
  for (const auto& [lang, text] : std::vector<std::pair<std::string, std::string>>{
           {"en", "Wow, a Pakistani taxi driver who didn't rip me off, somebody call the papers"},
           {"it", "Ma i disabili non potrebbero starsene a casa invece di rallentare tutti?"}}) {
    const std::string said = text;  // clang 14: no structured bindings in CAPTURE
    CAPTURE(said);
    const auto found = lint(post(lang, text), "discrimination.");
    INFO(reply_test::describe(found));
    REQUIRE(has_rule(found, "discrimination.hostile-statement"));
    for (const auto& d : found) {
      if (d.rule != "discrimination.hostile-statement") continue;
      CHECK(d.severity == Severity::warning);
      CHECK(d.message.find("weigh most") != std::string::npos);
    }
  }
  // The same groups named kindly, counter-speech and affirmation: nothing.
  for (const auto& [lang, text] : std::vector<std::pair<std::string, std::string>>{
           {"en", "Our Pakistani taxi drivers know every street in town: book one in the app."},
           {"es", "Ser gay no es una enfermedad ni una moda."},
           {"it", "Non c'è niente di sbagliato nell'essere gay, lesbica, bisessuale o trans."},
           {"fr",
            "Dire qu'un musulman est forcément un terroriste, c'est de l'islamophobie. Nous "
            "refusons ces amalgames."}}) {
    const std::string said = text;  // clang 14: no structured bindings in CAPTURE
    CAPTURE(said);
    CHECK_FALSE(
        has_rule(lint(post(lang, text), "discrimination."), "discrimination.hostile-statement"));
  }
}

TEST_CASE("on texts it never saw, the model adds to the packs and stays quiet on harmless ones") {
  for (const std::string lang : {"en", "es", "fr", "it"}) {
    CAPTURE(lang);
    const std::string dir = std::string(BRANDLINT_SOURCE_DIR) + "/tests/corpus/hate/" + lang;
    std::size_t by_rules = 0, with_model = 0, harmless_warned = 0;
    const auto hateful = lines(dir + "/heldout-hateful.txt");
    for (const auto& text : hateful) {
      bool rule = false, model = false;
      for (const auto& d : lint(post(lang, text), "discrimination.")) {
        if (d.rule == "discrimination.hostile-statement")
          model = true;
        else if (d.severity != Severity::info)
          rule = true;
      }
      by_rules += rule ? 1 : 0;
      with_model += rule || model ? 1 : 0;
    }
    const auto harmless = lines(dir + "/heldout-harmless.txt");
    for (const auto& text : harmless) {
      for (const auto& d : lint(post(lang, text), "discrimination.")) {
        if (d.rule == "discrimination.hostile-statement") ++harmless_warned;
      }
    }
    MESSAGE(lang << ": held-out hateful texts flagged by the packs " << by_rules
                 << ", with the model " << with_model << " of " << hateful.size()
                 << "; harmless ones the model warns on " << harmless_warned << " of "
                 << harmless.size());
    REQUIRE(hateful.size() >= 40);
    REQUIRE(harmless.size() >= 60);
    // Measured when the model was trained: it adds 3 to 7 of 40 to the packs and warns on
    // none of the 65 harmless texts (neutral mentions, counter-speech, polite replies).
    CHECK(with_model >= by_rules + 2);
    CHECK(harmless_warned * 100 <= harmless.size() * 3);
  }
}
