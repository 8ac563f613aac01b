// The model of hostile statements about groups (discrimination.hostile-statement, the
// dictionaries/hate/<lang>.tsv files, read by RuleCheck): what it adds to the discrimination
// packs on texts it never saw (tests/corpus/hate/*/heldout-*.txt, written apart from the
// training texts and never trained on), and where it stays quiet.
#include <doctest/doctest.h>

#include <algorithm>

#include "checks/tone_model.hpp"
#include "reply_test_support.hpp"
#include "text/analysed_text.hpp"

using namespace brandlint;
using reply_test::has_rule;
using reply_test::lint;
using reply_test::Reply;

namespace {

Reply post(const std::string& lang, const std::string& text) {
  Reply r{lang, text};
  r.kind = "post";
  return r;
}

std::vector<Reply> posts(const std::string& lang, const std::string& path) {
  std::vector<Reply> out;
  for (const auto& text : reply_test::lines_of(path)) out.push_back(post(lang, text));
  return out;
}

}  // namespace

TEST_CASE("the hate model reads the tone model's features and the stems of long words") {
  const text::AnalysedText text("Los inmigrantes y la inmigración: ¿un problema?");
  const auto f = checks::hate_features(text, 0, text.nfc().size());
  const auto holds = [&](const std::string& x) {
    return std::find(f.begin(), f.end(), x) != f.end();
  };
  CHECK(holds("inmigrantes"));
  CHECK(holds("los inmigrantes"));
  CHECK(holds("~inmig"));      // shared by both words, one feature
  CHECK(holds("~probl"));      // "problema", folded
  CHECK_FALSE(holds("~los"));  // short words have none
  CHECK(std::count(f.begin(), f.end(), std::string("~inmig")) == 1);
}

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
    const auto hateful = posts(lang, dir + "/heldout-hateful.txt");
    const auto harmless = posts(lang, dir + "/heldout-harmless.txt");
    const auto held =
        reply_test::flagged(hateful, "discrimination.", "discrimination.hostile-statement");
    const std::size_t by_rules = held.by_rules, with_model = held.with_model;
    const std::size_t harmless_warned =
        reply_test::flagged(harmless, "discrimination.", "discrimination.hostile-statement")
            .by_model;
    MESSAGE(lang << ": held-out hateful texts flagged by the packs " << by_rules
                 << ", with the model " << with_model << " of " << hateful.size()
                 << "; harmless ones the model warns on " << harmless_warned << " of "
                 << harmless.size());
    REQUIRE(hateful.size() >= 40);
    REQUIRE(harmless.size() >= 60);
    // Measured when the model was trained: the packs 17-25 of 40, with the model 27-31; it
    // warns on none of the 65 harmless texts (neutral mentions, counter-speech, polite replies).
    CHECK(with_model >= by_rules + 4);
    CHECK(harmless_warned * 100 <= harmless.size() * 3);
  }
}
