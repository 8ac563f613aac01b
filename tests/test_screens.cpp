// The screens that decide which rule expressions run on a post: the trie of the lists' and
// terms' spellings, and the text a pattern cannot match without. A screen that misses a
// spelling hides a finding, so each is checked against every spelling, and against the
// shipped packs' own examples.
#include <doctest/doctest.h>
#include <re2/re2.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "rules/literal_screen.hpp"
#include "rules/required_text.hpp"
#include "rules/rule.hpp"
#include "test_support.hpp"
#include "text/folded_text.hpp"

using namespace brandlint;
using rules::LiteralScreen;

namespace {

std::set<std::uint32_t> found(const LiteralScreen& screen, const std::string& folded) {
  std::set<std::uint32_t> out;
  screen.find(folded, [&out](std::uint32_t id) { out.insert(id); });
  return out;
}

rules::Lists lists_of(std::initializer_list<std::pair<std::string, std::vector<std::string>>> in) {
  rules::Lists out;
  for (const auto& [name, terms] : in) {
    for (const auto& t : terms) out[name].push_back({t, 1, 1});
  }
  return out;
}

}  // namespace

TEST_CASE("the literal screen finds terms and lists where they may start") {
  const auto lists =
      lists_of({{"nationality", {"French", "italian(s|)"}}, {"nested", {"very {{nationality}}"}}});
  LiteralScreen::Builder build(lists);
  build.add_terms(0, {"typical {{nationality}}"}, LiteralScreen::Start::word);
  build.add_terms(1, {"as (we|i) (already|) said", "calm(| yourself) down"},
                  LiteralScreen::Start::word);
  build.add_list(2, "nationality", LiteralScreen::Start::anywhere);
  build.add_literal(3, " and?", LiteralScreen::Start::anywhere);
  build.add_list(4, "nested", LiteralScreen::Start::word);
  const LiteralScreen screen = build.finish();

  CHECK(found(screen, "a typical italians day") == std::set<std::uint32_t>{0, 2});
  CHECK(found(screen, "so typical french!") == std::set<std::uint32_t>{0, 2});
  // "atypical": not where a word starts; the list's own entry may start anywhere.
  CHECK(found(screen, "atypical french") == std::set<std::uint32_t>{2});
  CHECK(found(screen, "unfrenchlike") == std::set<std::uint32_t>{2});
  // The space after an optional group is optional too.
  CHECK(found(screen, "as we said") == std::set<std::uint32_t>{1});
  CHECK(found(screen, "as i already said") == std::set<std::uint32_t>{1});
  CHECK(found(screen, "please calm yourself down") == std::set<std::uint32_t>{1});
  CHECK(found(screen, "calm down") == std::set<std::uint32_t>{1});
  CHECK(found(screen, "as they said").empty());
  CHECK(found(screen, "ok and?") == std::set<std::uint32_t>{3});
  CHECK(found(screen, "ok and").empty());
  // " and?" is looked for as "and?" where a word starts: wherever " and?" is, and a little more.
  CHECK(found(screen, "ok,and?") == std::set<std::uint32_t>{3});
  CHECK(found(screen, "bland?").empty());
  CHECK(found(screen, "very italian") == std::set<std::uint32_t>{2, 4});
  CHECK(found(screen, "").empty());
}

TEST_CASE("an unknown list makes its entry found in every text") {
  const rules::Lists lists;
  LiteralScreen::Builder build(lists);
  build.add_list(7, "missing", LiteralScreen::Start::word);
  const LiteralScreen screen = build.finish();
  CHECK(found(screen, "anything at all") == std::set<std::uint32_t>{7});
  CHECK(found(screen, "") == std::set<std::uint32_t>{7});
}

TEST_CASE("spellings that multiply past the bound are still all found, from a bounded trie") {
  // 10 × 10 × 10 × 10 spellings: the expansion stops where they multiply too much, and the
  // entry is found where the spellings so far end.
  const std::string group = "(ab|cd|ef|gh|ij|kl|mn|op|qr|st)";
  const rules::Lists lists;
  LiteralScreen::Builder build(lists);
  build.add_terms(1, {group + " " + group + " " + group + " " + group}, LiteralScreen::Start::word);
  const LiteralScreen screen = build.finish();
  const std::vector<std::string> parts = {"ab", "cd", "ef", "gh", "ij",
                                          "kl", "mn", "op", "qr", "st"};
  std::size_t missed = 0;
  for (const auto& a : parts) {
    for (const auto& b : parts) {
      for (const auto& c : parts) {
        for (const auto& d : parts) {
          if (found(screen, "x " + a + " " + b + " " + c + " " + d + " y").count(1) == 0) {
            ++missed;
          }
        }
      }
    }
  }
  CHECK(missed == 0);
  CHECK(found(screen, "zz ab cd").empty());
  CHECK(found(screen, "xab xcd xef xgh").empty());  // not where words start
  // The whole expansion would take over 20,000 nodes.
  CHECK(screen.nodes() < 2000);
}

TEST_CASE("groups nested past any pack's depth neither crash nor hide an entry") {
  const std::string deep = std::string(5000, '(') + "abc" + std::string(5000, ')');
  const rules::Lists lists;
  LiteralScreen::Builder build(lists);
  build.add_terms(2, {deep}, LiteralScreen::Start::word);
  const LiteralScreen screen = build.finish();
  CHECK(found(screen, "abc") == std::set<std::uint32_t>{2});
  CHECK(rules::required_text(deep).empty());
  CHECK(rules::required_text(std::string(150, '(') + "abcd" + std::string(150, ')')) ==
        std::vector<rules::RequiredText>{{"abcd", false}});
}

TEST_CASE("a screen kept in the cache is read back only for the same entries and key") {
  const auto lists = lists_of({{"nationality", {"french", "italian(s|)"}}});
  TempDir dir;
  const std::string file = dir.path("screen-en.screen");
  auto build = [&](const std::string& literal, const std::string& key) {
    LiteralScreen::Builder b(lists);
    b.add_terms(0, {"typical {{nationality}}"}, LiteralScreen::Start::word);
    b.add_literal(1, literal, LiteralScreen::Start::anywhere);
    return b.finish(file, key);
  };
  const LiteralScreen built = build("refund", "k1");
  REQUIRE(std::filesystem::exists(file));
  const auto written = std::filesystem::last_write_time(file);
  const LiteralScreen read = build("refund", "k1");
  CHECK(std::filesystem::last_write_time(file) == written);  // read, not written again
  CHECK(read.nodes() == built.nodes());
  for (const std::string text : {"typical italians", "no refunds", "atypical french", "x"}) {
    CHECK(found(read, text) == found(built, text));
  }
  // Other entries, or another key (a rule file changed, another program): built anew.
  CHECK(found(build("voucher", "k1"), "a voucher") == std::set<std::uint32_t>{1});
  CHECK(found(build("refund", "k2"), "a refund") == std::set<std::uint32_t>{1});
  // A damaged file is built anew too.
  dir.write("screen-en.screen", "not a screen");
  CHECK(found(build("refund", "k2"), "typical french refund") == std::set<std::uint32_t>{0, 1});
}

TEST_CASE("required text: what every match of a pattern contains, and where it starts") {
  using V = std::vector<rules::RequiredText>;
  // \b before a letter: every match holds the text where a word starts.
  CHECK(rules::required_text(R"(\btax the rich\b)") == V{{"tax the rich", true}});
  CHECK(rules::required_text(R"(\b(?:refund|return) policy\b)") ==
        V{{"refund policy", true}, {"return policy", true}});
  // An optional part is not required: "waste time" alone would miss "waste our time".
  CHECK(rules::required_text(R"(\bnot (?:going to |gonna )?waste (?:our )?time\b)") ==
        V{{"not going to waste our time", true},
          {"not going to waste time", true},
          {"not gonna waste our time", true},
          {"not gonna waste time", true},
          {"not waste our time", true},
          {"not waste time", true}});
  // Past sixteen texts a run ends, and the strongest run is kept: here the eight of
  // "(f|g|h|i) (please|kindly) ", not the five of "(a|…|e) " or the nine of "(j|…|r)".
  const auto strongest = rules::required_text(
      R"(\b(?:a|b|c|d|e) (?:f|g|h|i) (?:please|kindly) (?:j|k|l|m|n|o|p|q|r)\b)");
  CHECK(strongest.size() == 8);
  CHECK(std::count(strongest.begin(), strongest.end(), rules::RequiredText{"g kindly ", true}) ==
        1);
  CHECK(rules::required_text(R"((?:^|[.!?] )(?:ok|okay|so),? and\?)") ==
        V{{" and?", false}, {", and?", false}});
  CHECK(rules::required_text(R"(\bgo+d\b)") == V{});  // "g" and "d" are too short
  CHECK(rules::required_text(R"(\bcolou?r scheme\b)") ==
        V{{"color scheme", true}, {"colour scheme", true}});
  CHECK(rules::required_text(R"(\b{{group}} are (?:all )?lazy\b)") ==
        V{{" are all lazy", false}, {" are lazy", false}});
  CHECK(rules::required_text(R"(\b(?:{{group}}|they) always\b)") == V{{" always", false}});
  // After letters, or where the boundary is only one choice, or before a sign: anywhere.
  CHECK(rules::required_text(R"([a-z]+ing properly)") == V{{"ing properly", false}});
  CHECK(rules::required_text(R"((?:\b|x)refund)") == V{{"refund", true}, {"xrefund", false}});
  CHECK(rules::required_text(R"(\brefund|[a-z]+return)") == V{{"refund", true}, {"return", false}});
  CHECK(rules::required_text(R"(\brefund|[a-z]+refund)") == V{{"refund", false}});
  CHECK(rules::required_text(R"(\b\?\?\?)") == V{{"???", false}});
  // ^ starts the text or a line; \A the text.
  CHECK(rules::required_text(R"(^dear customer)") == V{{"dear customer", true}});
  CHECK(rules::required_text(R"(\Adear customer)") == V{{"dear customer", true}});
  // \b before a letter that is not ASCII: RE2 then wants a word character before it.
  CHECK(rules::required_text(R"(\bcafés? crème\b)") ==
        V{{"café crème", true}, {"cafés crème", true}});
  CHECK(rules::required_text(R"(\bétat civil)") == V{{"état civil", false}});
  // A class of a few characters is those characters, however many bytes each takes.
  CHECK(rules::required_text(R"(\bvotre [«"“] ?avis)") == V{{"votre \" avis", true},
                                                            {"votre \"avis", true},
                                                            {"votre « avis", true},
                                                            {"votre «avis", true},
                                                            {"votre “ avis", true},
                                                            {"votre “avis", true}});
  CHECK(rules::required_text(R"(\bvotre [«-»] ?avis)") == V{{"votre ", true}});  // a range
  // Case-insensitive or unread syntax: nothing is certain.
  CHECK(rules::required_text(R"((?i)tax the rich)").empty());
  CHECK(rules::required_text(R"(\Qa.b\E)").empty());
  CHECK(rules::required_text(R"(\d+ ?%)").empty());
  CHECK(rules::required_text(R"(spam|\w+)").empty());
  CHECK(rules::required_text("refund\x01policy").empty());  // the byte that marks word starts
  // Each part of one sequence is required too, the strongest first, so that a common text
  // ("the ") does not wake the pattern alone.
  using C = std::vector<V>;
  CHECK(rules::required_texts(
            R"(\bthe (?:[a-z]+ )?(?:refund|return) policy[a-z]* is (?:a joke|useless))") ==
        C{V{{"refund policy", false}, {"return policy", false}},
          V{{" is a joke", false}, {" is useless", false}}, V{{"the ", true}}});
  CHECK(rules::required_texts(
            R"(\bthe (?:[a-z]+ )?(?:refund|return) policy[a-z]* is (?:a joke|useless))", 3, 2)
            .size() == 2);
  // Either branch: only what both require.
  CHECK(rules::required_texts(R"(\bthe refund policy|\bno returns)") ==
        C{V{{"no returns", true}, {"the refund policy", true}}});
  // A boundary counts for no length: two letters are still too few.
  CHECK(rules::required_text(R"(\bok\b)").empty());
  // A long choice of rare words is a clause of its own: "the government is" is in many
  // harmless posts, one of forty insults after it in few. (A list the caller wrote out reads
  // the same way: "(?:thanks|blame) (?:trump|biden|…)".)
  std::string insults;
  for (char a = 'a'; a <= 'd'; ++a) {
    for (char b = 'a'; b <= 'j'; ++b)
      insults += std::string(insults.empty() ? "" : "|") + a + b + "sult";
  }
  const std::string government = R"(\bthe government (?:is|was) (?:so )?(?:)" + insults + R"()\b)";
  const auto clauses = rules::required_texts(government);
  REQUIRE(clauses.size() == 2);
  CHECK(clauses[1].size() == 40);
  CHECK(clauses[1].front() == rules::RequiredText{"aasult", true});
  // Past 128 choices, none is required.
  std::string many = insults;
  for (int i = 40; i < 130; ++i) many += "|word" + std::to_string(i);
  CHECK(rules::required_texts(R"(\bthe government (?:is|was) (?:so )?(?:)" + many + R"()\b)")
            .size() == 1);
  // Read through a memo of long groups, the same patterns give the same clauses, the second
  // time from what the first read.
  rules::RequiredTextMemo memo;
  for (int pass = 0; pass < 2; ++pass) {
    CHECK(rules::required_texts(government, 3, 3, &memo) == clauses);
    CHECK(rules::required_texts("\\bthanks (?:" + insults + ")", 3, 3, &memo) ==
          rules::required_texts("\\bthanks (?:" + insults + ")"));
  }
}

TEST_CASE(
    "every example a shipped list-free pattern matches holds each of the pattern's required "
    "texts") {
  const std::filesystem::path packs = std::filesystem::path(BRANDLINT_SOURCE_DIR) / "rules";
  std::size_t patterns = 0, screened = 0, more_clauses = 0, examples = 0;
  for (const auto& lang : {"en", "es", "fr", "it"}) {
    for (const auto& entry : std::filesystem::directory_iterator(packs / lang)) {
      auto file = rules::load_rule_file(entry.path().string());
      REQUIRE(file);
      for (const auto& rule : file.value().rules) {
        for (const auto& pattern : rule.patterns) {
          if (pattern.text.find("{{") != std::string::npos) continue;
          ++patterns;
          const auto clauses = rules::required_texts(pattern.text);
          if (clauses.empty()) continue;
          ++screened;
          more_clauses += clauses.size() > 1;
          const RE2 re(pattern.text);
          REQUIRE(re.ok());
          for (const auto& example : rule.flag_examples) {
            const std::string folded = text::fold(example.text).text;
            if (!RE2::PartialMatch(folded, re)) continue;
            ++examples;
            // Where the text must start a word, it does: at the text's start or after a
            // character that is not a word's.
            auto held = [&](const rules::RequiredText& r) {
              for (auto at = folded.find(r.text); at != std::string::npos;
                   at = folded.find(r.text, at + 1)) {
                if (!r.word_start || at == 0 || !LiteralScreen::word_char(folded[at - 1])) {
                  return true;
                }
              }
              return false;
            };
            for (const auto& required : clauses) {
              const bool holds = std::any_of(required.begin(), required.end(), held);
              INFO(rule.id << ": " << pattern.text << " on \"" << folded << "\"");
              CHECK(holds);
            }
          }
        }
      }
    }
  }
  // Nearly every pattern is screened by its text, and the check read many examples.
  CHECK(screened * 100 >= patterns * 95);
  CHECK(more_clauses * 2 >= screened);  // most need more than one text
  CHECK(examples > 500);
}
