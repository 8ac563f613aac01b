// The tone model (src/checks/tone_model.hpp): what it reads of a reply, its file, and what it
// adds to the tone packs on replies it was not trained on (tests/corpus/tone/*/heldout-*.txt,
// written apart from the training replies and never trained on).
#include <doctest/doctest.h>

#include <algorithm>

#include "checks/tone_model.hpp"
#include "reply_test_support.hpp"
#include "test_support.hpp"
#include "text/analysed_text.hpp"

using namespace brandlint;
using reply_test::has_rule;
using reply_test::lint;
using reply_test::Reply;

namespace {

std::vector<std::string> features(const std::string& s) {
  const text::AnalysedText text(s);
  return checks::tone_features(text, 0, text.nfc().size());
}

bool holds(const std::vector<std::string>& f, const std::string& x) {
  return std::find(f.begin(), f.end(), x) != f.end();
}

}  // namespace

TEST_CASE("the tone model reads folded words and neighbours, not names, handles or numbers") {
  const auto f =
      features("@sam_k Honestly, Daniel, it WORKS fine for everyone else 🙄 Order 4471?");
  CHECK(holds(f, "<handle>"));
  CHECK(holds(f, "honestly"));  // capital at a sentence's start: a word
  CHECK(holds(f, "<name>"));    // capital inside a sentence: a name, whoever it is
  CHECK_FALSE(holds(f, "daniel"));
  CHECK(holds(f, "works"));  // capitals of shouting are folded, not a name
  CHECK(holds(f, "everyone else"));
  CHECK(holds(f, "🙄"));
  CHECK(holds(f, "<number>"));
  CHECK(holds(f, "?"));
  CHECK_FALSE(holds(f, "4471"));
  CHECK(features("Très bien") == features("tres BIEN"));  // accents and case folded
}

TEST_CASE("a tone model file is read back as written, and a bad line is reported at its place") {
  TempDir dir;
  const checks::ToneModel model(-1.5, 0.25, {{"honestly", 1.25}, {"thanks", -2.0}});
  const auto path = dir.write("en.tsv", model.serialise("a test model"));
  auto read = checks::ToneModel::load(path);
  REQUIRE(read);
  CHECK(read.value()->threshold() == doctest::Approx(0.25));
  CHECK(read.value()->score(features("Honestly.")) == doctest::Approx(-0.25));
  CHECK(read.value()->score(features("Thanks!")) == doctest::Approx(-3.5));
  CHECK(read.value()->strongest(features("honestly, thanks"), 3) ==
        std::vector<std::string>{"honestly"});

  // A feature written twice weighs what its last line says; the last line needs no newline.
  auto twice = checks::ToneModel::load(
      dir.write("twice.tsv", "bias\t0\nthreshold\t1\n1\thonestly\n2\thonestly"));
  REQUIRE(twice);
  CHECK(twice.value()->size() == 1);
  CHECK(twice.value()->score(features("Honestly.")) == doctest::Approx(2.0));

  const auto bad = dir.write("bad.tsv", "bias\t0\nthreshold\t1\n0.5 honestly\n");
  auto refused = checks::ToneModel::load(bad);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().file == bad);
  CHECK(refused.error().line == 3);
}

TEST_CASE("the tone model names what no rule names, as a suggestion") {
  // Sneers that no tone rule names, in the held-out files' spirit but not from them.
  const Reply sneer{"en", "Not sure what else you want from us at this point."};
  const auto found = lint(sneer, "tone.");
  INFO(reply_test::describe(found));
  REQUIRE(has_rule(found, "tone.impression.curt"));
  for (const auto& d : found) {
    if (d.rule == "tone.impression.curt") {
      CHECK(d.severity == Severity::info);
      CHECK(d.message.find("weigh most") != std::string::npos);
    }
  }
  // A post gets it too, addressed to its readers; a brand's usual posts do not.
  Reply post = sneer;
  post.kind = "post";
  const auto as_post = lint(post, "tone.");
  REQUIRE(has_rule(as_post, "tone.impression.curt"));
  CHECK(as_post.front().message.find("this post may read") == 0);
  CHECK(lint(Reply{"en",
                   "Meet the Velvet 2: the sofa that cleans itself. Not sure which colour? "
                   "Try them all in store this weekend."},
             "tone.")
            .empty());
  // Where a rule has spoken (a warning), the model adds nothing.
  const Reply ruled{"en", "Calm down, honestly, everyone else manages just fine."};
  const auto both = lint(ruled, "tone.");
  CHECK(has_rule(both, "tone.hostile.calm-down"));
  CHECK_FALSE(has_rule(both, "tone.impression.curt"));
}

TEST_CASE("on replies it never saw, the model adds to the packs and stays quiet on polite ones") {
  for (const std::string lang : {"en", "es", "fr", "it"}) {
    CAPTURE(lang);
    const std::string dir = std::string(BRANDLINT_SOURCE_DIR) + "/tests/corpus/tone/" + lang;
    std::vector<Reply> hostile, polite;
    for (const auto& text : reply_test::lines_of(dir + "/heldout-hostile.txt"))
      hostile.push_back(Reply{lang, text});
    for (const auto& text : reply_test::lines_of(dir + "/heldout-polite.txt"))
      polite.push_back(Reply{lang, text});
    const auto held = reply_test::flagged(hostile, "tone.", "tone.impression.curt");
    const std::size_t by_rules = held.by_rules, with_model = held.with_model;
    std::size_t polite_flagged = 0;
    for (const auto& r : polite) polite_flagged += lint(r, "tone.").empty() ? 0 : 1;
    MESSAGE(lang << ": held-out hostile replies flagged by the packs " << by_rules
                 << ", with the model " << with_model << " of " << hostile.size()
                 << "; polite ones with any tone finding " << polite_flagged << " of "
                 << polite.size());
    REQUIRE(hostile.size() >= 40);
    REQUIRE(polite.size() >= 40);
    // Measured when the model was trained: the packs alone 5-8 of 45, with the model 15-18;
    // 0-3 of the 95 polite replies (50 of them brisk one-liners) get its info.
    CHECK(with_model >= by_rules + 4);
    CHECK(with_model * 4 >= hostile.size());
    CHECK(polite_flagged * 100 <= polite.size() * 5);
  }
}
