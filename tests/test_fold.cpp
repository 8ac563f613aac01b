// The folded copies rules match against, and their map back to the text.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "text/folded_text.hpp"

using brandlint::text::fold;
using brandlint::text::LeadingVowel;
using brandlint::text::may_hold_evasions;
using brandlint::text::skeleton;

TEST_CASE("folding: NFKC, case, accents, quotes and spaces") {
  CHECK(fold("Ｆrench  NIÑO\tcafé").text == "french nino cafe");
  CHECK(fold("L’école “ok”").text == "l'ecole \"ok\"");
  CHECK(fold("Straße").text == "strasse");
  CHECK(fold("PERCHÉ").text == "perche");
}

TEST_CASE("folding keeps a map back to the NFC bytes") {
  const std::string nfc = "Dear  Señor X";
  auto f = fold(nfc);
  const auto at = f.text.find("senor");
  REQUIRE(at != std::string::npos);
  const auto b = f.source[at];
  const auto e = f.source_end[at + 5];
  CHECK(nfc.substr(b, e - b) == "Señor");
}

TEST_CASE("the skeleton undoes common evasions") {
  CHECK(skeleton(fold("you r3tard")).text == "you retard");
  CHECK(skeleton(fold("ret@rd")).text == "retard");
  // A digit after one read as a letter is read too: the "1" of "3br31" follows an "e".
  CHECK(skeleton(fold("odio gli 3br31")).text == "odio gli ebrei");
  CHECK(skeleton(fold("h4t3 mu5l1m5")).text == "hate muslims");
  CHECK(skeleton(fold("m.a.r.i.c.a")).text == "marica");
  CHECK(skeleton(fold("what a f a g")).text == "what a fag");
  // Digits among spaced letters, when most are letters; never a run of digits or one ending
  // in a digit.
  CHECK(skeleton(fold("n 3 g r 0 s dehors")).text == "negros dehors");
  CHECK(skeleton(fold("what a f a g 1")).text == "what a fag 1");
  CHECK(skeleton(fold("room 1 2 3 b")).text == "room 1 2 3 b");
  CHECK(skeleton(fold("plan a 4 b")).text == "plan a 4 b");
  // Spaced letters that start with a vowel read both ways: one copy each.
  bool read_apart = false;
  CHECK(skeleton(fold("son a s q u e r o s o s"), LeadingVowel::apart, &read_apart).text ==
        "son a squerosos");
  CHECK(read_apart);
  CHECK(skeleton(fold("son a s q u e r o s o s"), LeadingVowel::joined).text == "son asquerosos");
  read_apart = false;
  skeleton(fold("m.a.r.i.c.a"), LeadingVowel::apart, &read_apart);
  CHECK_FALSE(read_apart);
  // The word after spaced letters stays a word of its own.
  CHECK(skeleton(fold("g a y s are sick")).text == "gays are sick");
  CHECK(skeleton(fold("les j u i f s sont")).text == "les juifs sont");
  CHECK(skeleton(fold("m.a.r.i.c.a de mierda")).text == "marica de mierda");
  CHECK(skeleton(fold("sooooo gaaaay")).text == "soo gaay");
  // Cyrillic а and о that look like Latin letters.
  CHECK(skeleton(fold("s\xD0\xB0lt \xD0\xBEk")).text == "salt ok");
  // Ordinary text is left alone.
  CHECK(skeleton(fold("order 48213 ships in 3 days!")).text == "order 48213 ships in 3 days!");
  CHECK(skeleton(fold("I am a fan")).text == "i am a fan");
  CHECK(skeleton(fold("code A1 2019, 3 for 2")).text == "code a1 2019, 3 for 2");
  // A mention's "@" is no "a"; inside a word it is.
  CHECK(skeleton(fold("@priya_s thanks!")).text == "@priya_s thanks!");
  CHECK(skeleton(fold("kiss my (@ss)")).text == "kiss my (ass)");
}

TEST_CASE("skeleton spans map back to the original characters") {
  const std::string nfc = "so m.a.r.i.c.a here";
  auto f = fold(nfc);
  auto s = skeleton(f);
  const auto at = s.text.find("marica");
  REQUIRE(at != std::string::npos);
  const auto b = s.source[at];
  const auto e = s.source_end[at + 6];
  CHECK(nfc.substr(b, e - b) == "m.a.r.i.c.a");
}

TEST_CASE("the skeleton is skipped only where it would change nothing") {
  // Every evasion above is noticed.
  for (const char* evasive :
       {"you r3tard", "ret@rd", "odio gli 3br31", "m.a.r.i.c.a", "what a f a g", "sooooo gaaaay",
        "s\xD0\xB0lt", "f-a-g", "n_i_g", "f*a*g"}) {
    CAPTURE(evasive);
    CHECK(may_hold_evasions(fold(evasive).text));
  }
  // On every line of the test corpora (problem sentences, harmless ones, polite replies, in
  // four languages), a text said to hold none has a skeleton equal to itself.
  std::size_t lines = 0, skipped = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(
           std::string(BRANDLINT_SOURCE_DIR) + "/tests/corpus")) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path());
    std::string line;
    while (std::getline(in, line)) {
      const auto folded = fold(line);
      ++lines;
      if (may_hold_evasions(folded.text)) continue;
      ++skipped;
      CAPTURE(line);
      CHECK(skeleton(folded).text == folded.text);
    }
  }
  CHECK(lines > 2000);
  MESSAGE(lines << " corpus lines, " << skipped << " without anything the skeleton undoes");
}
