// The promise behind CI failing on warnings: an ordinary, polite reply produces nothing above
// info. tests/corpus/polite/<lang>.txt hold such replies (one JSON object a line: text and the
// metadata keys); every check runs on them with the shipped rule packs and dictionaries.
#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "reply_test_support.hpp"

namespace {

// One line of a corpus file: the text and the metadata keys; `lang` when the line has none.
reply_test::Reply reply_from_json(const std::string& line, const std::string& lang) {
  const auto j = nlohmann::json::parse(line);
  reply_test::Reply r;
  r.text = j.at("text").get<std::string>();
  r.lang = j.value("lang", lang);
  r.kind = j.value("kind", "reply");
  r.customer = j.value("customer", "");
  r.agent = j.value("agent", "");
  r.in_reply_to = j.value("in_reply_to", "");
  return r;
}

// Every reply of a corpus file (tests/corpus/...).
std::vector<reply_test::Reply> read_corpus(const std::string& name, const std::string& lang) {
  const std::string path = std::string(BRANDLINT_SOURCE_DIR) + "/tests/corpus/" + name;
  std::ifstream in(path);
  REQUIRE_MESSAGE(in.good(), path);
  std::vector<reply_test::Reply> replies;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) replies.push_back(reply_from_json(line, lang));
  }
  return replies;
}

}  // namespace

TEST_CASE("polite corpus: nothing above info on ordinary polite replies, four languages") {
  std::size_t total = 0;
  for (const char* lang : {"en", "es", "fr", "it"}) {
    std::size_t replies = 0, infos = 0;
    for (const auto& r : read_corpus(std::string("polite/") + lang + ".txt", lang)) {
      ++replies;
      CAPTURE(r.text);
      for (const auto& d : reply_test::lint_with(reply_test::default_linter(), r)) {
        INFO(d.rule << " \"" << d.match << "\": " << d.message);
        CHECK(d.severity == brandlint::Severity::info);
        if (d.severity == brandlint::Severity::info) ++infos;
      }
    }
    CHECK(replies >= 12);
    MESSAGE(std::string(lang) << ": " << replies << " polite replies, " << infos
                              << " info findings");
    total += replies;
  }
  CHECK(total >= 48);
}

// The other side of the promise: replies that blame, mock, dismiss or shout at the customer
// (tests/corpus/hostile/replies.txt, four languages) each get at least one tone warning.
TEST_CASE("hostile corpus: every rude reply gets a tone warning or error, four languages") {
  std::size_t replies = 0, flagged = 0;
  for (const auto& r : read_corpus("hostile/replies.txt", "")) {
    ++replies;
    bool tone = false;
    for (const auto& d : reply_test::lint_with(reply_test::default_linter(), r)) {
      tone = tone || (d.category == "tone" && d.severity >= brandlint::Severity::warning);
    }
    CHECK_MESSAGE(tone, r.lang << ": " << r.text);
    flagged += tone;
  }
  CHECK(replies >= 25);
  MESSAGE(flagged << " of " << replies << " hostile replies flagged");
}
