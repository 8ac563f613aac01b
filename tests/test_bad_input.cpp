// tests/bad-input/: hostile and broken inputs, each with the exact outcome a user gets. Every
// case ends in bounded time with exit 2 and a message naming the file and line, or with the
// normal findings; other files named with it are still checked.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "test_support.hpp"

namespace fs = std::filesystem;

namespace {

const std::string kDir = std::string(BRANDLINT_SOURCE_DIR) + "/tests/bad-input/";

// Runs brandlint with a time limit (seconds); a hang fails the test instead of CI.
RunResult run_bounded(const std::string& args, int seconds = 60, const std::string& input = "") {
  return run_brandlint_with_prefix("timeout " + std::to_string(seconds) + " ", args, input);
}

struct Case {
  const char* file;
  int exit_code;
  const char* message;  // expected on stderr (with the file's path before it)
};

}  // namespace

TEST_CASE("cli: every broken file in tests/bad-input gets its exact error") {
  const Case cases[] = {
      {"invalid-utf8.txt", 2, ":2:8: invalid UTF-8 at byte 20 (save the file as UTF-8)"},
      {"overlong.txt", 2, ":1:5: invalid UTF-8 at byte 4 (save the file as UTF-8)"},
      {"nul-byte.txt", 2, ":1:3: NUL byte at byte 2: this looks like a binary file"},
      {"binary.png", 2, ":1:1: invalid UTF-8 at byte 0 (save the file as UTF-8)"},
      {"unterminated-quote.csv", 2, ":2:1: this quoted cell is never closed (a '\"' is missing)"},
      {"trailing-comma.json", 2, ":1:42: invalid JSON: expected a quoted key"},
      {"front-matter-list.txt", 2, ":3:11: front matter key 'customer' must be text"},
      {"unknown-language.txt", 2,
       ":2:7: unknown language 'klingon' (use en, en-GB, en-US, es, fr, it or auto)"},
      {"alias-bomb.yaml", 2, ":7:4: a post must be a map with a 'text' key"},
      {"deep-nesting.yaml", 2,
       ":3:1: invalid YAML: nested too deeply (yaml-cpp follows 2000 levels)"},
      {"deep-nesting.json", 2, ":1:75: invalid JSON: nested more than 64 levels deep"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.file);
    auto r = run_bounded("check --lang en " + quote(kDir + c.file));
    CHECK(r.exit_code == c.exit_code);
    CHECK(r.err.find(kDir + c.file + c.message) != std::string::npos);
  }
}

TEST_CASE("cli: one bad file does not stop the others") {
  auto r = run_bounded("check --lang en --format json " + quote(kDir + "invalid-utf8.txt") + " " +
                       quote(kDir + "crlf.txt") + " " + quote(kDir + "nul-byte.txt"));
  CHECK(r.exit_code == 2);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["summary"]["files"] == 1);
  REQUIRE(j["diagnostics"].size() >= 1);
  CHECK(j["diagnostics"][0]["match"] == "recieved");
}

TEST_CASE("cli: BOM, CRLF, a lone CR and an empty file are ordinary text") {
  auto bom = run_bounded("check --lang en --format json " + quote(kDir + "bom.txt"));
  auto j = nlohmann::json::parse(bom.out);
  REQUIRE(j["diagnostics"].size() == 1);
  CHECK(j["diagnostics"][0]["line"] == 1);
  CHECK(j["diagnostics"][0]["column"] == 17);  // the BOM is not a character of the post
  auto crlf =
      nlohmann::json::parse(run_bounded("check --format json " + quote(kDir + "crlf.txt")).out);
  CHECK(crlf["diagnostics"][0]["line"] == 5);
  CHECK(crlf["diagnostics"][0]["column"] == 9);
  auto cr = nlohmann::json::parse(
      run_bounded("check --lang en --format json " + quote(kDir + "lone-cr.txt")).out);
  CHECK(cr["diagnostics"][0]["line"] == 2);
  auto empty = run_bounded("check --lang en " + quote(kDir + "empty.txt"));
  CHECK(empty.exit_code == 0);
}

TEST_CASE("cli: user rules RE2 rejects, or that would need huge memory, name file:line") {
  auto bad = run_bounded("check " + quote(kDir + "bad-pattern/post.txt"));
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find(kDir +
                     "bad-pattern/en/rules.yaml:9:9: bad pattern: invalid perl operator: (?=") !=
        std::string::npos);
  auto huge = run_bounded("check " + quote(kDir + "huge-pattern/post.txt"));
  CHECK(huge.exit_code == 2);
  CHECK(huge.err.find(kDir + "huge-pattern/en/rules.yaml:9:9: bad pattern: it needs more memory") !=
        std::string::npos);
  auto check = run_bounded("rules check " + quote(kDir + "bad-pattern/en/rules.yaml"));
  CHECK(check.exit_code == 2);
  CHECK(check.err.find("rules.yaml:9:9:") != std::string::npos);
}

TEST_CASE("cli: a configuration naming a missing dictionary says which package to install") {
  auto r = run_bounded("check " + quote(kDir + "missing-dictionary/post.txt"));
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("missing-dictionary/post.txt: the French dictionary (fr_FR.dic) is not "
                   "installed; searched /nonexistent/hunspell. Install it with: apt-get install "
                   "hunspell-fr") != std::string::npos);
}

TEST_CASE("cli: deeply nested YAML and JSON are refused, not a crash") {
  TempDir dir;
  const auto yaml = dir.write("deep.yaml", "text: " + std::string(100000, '[') + "\n");
  auto y = run_bounded("check " + quote(yaml));
  CHECK(y.exit_code == 2);
  CHECK(y.err.find(yaml + ":2:1: invalid YAML: nested too deeply") != std::string::npos);
  const auto front = dir.write(
      "deep.txt", "---\nlang: en\nx-notes: " + std::string(100000, '{') + "\n---\nHello\n");
  auto f = run_bounded("check " + quote(front));
  CHECK(f.exit_code == 2);
  CHECK(f.err.find(front + ":4:1: invalid YAML in front matter: nested too deeply") !=
        std::string::npos);
  const auto json = dir.write("deep.json", std::string(100000, '['));
  auto j = run_bounded("check " + quote(json));
  CHECK(j.exit_code == 2);
  CHECK(j.err.find(json + ":1:66: invalid JSON: nested more than 64 levels deep") !=
        std::string::npos);
}

TEST_CASE("cli: symlink loops and unreadable paths do not hang or stop the run") {
  TempDir dir;
  dir.write("posts/a.txt", "---\nlang: en\n---\nWe have recieved it.\n");
  fs::create_directory_symlink(dir.path("posts"), dir.path("posts/loop"));
  fs::create_directory(dir.path("posts/folder.txt"));  // a folder with a post file's name
  auto r = run_bounded("check --format json " + quote(dir.path("posts")) + " " +
                       quote(dir.path("missing.txt")));
  CHECK(r.exit_code == 2);
  CHECK(r.err.find(dir.path("missing.txt") + ": no such file or folder") != std::string::npos);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["diagnostics"].size() == 1);
  auto folder = run_bounded("check " + quote(dir.path("posts/folder.txt")) + " --lang en");
  CHECK(folder.exit_code == 0);  // a folder is searched, and this one holds no posts
}

TEST_CASE("cli: a 10 MB single-line post and 100,000 JSON Lines posts finish in bounded time") {
  TempDir dir;
  std::string line;
  while (line.size() < 10 * 1024 * 1024) line += "Thanks for your order, we will ship it today. ";
  const auto big = dir.write("big.txt", "---\nlang: en\n---\n" + line + "recieved\n");
  auto r = run_bounded("check --format json " + quote(big), 300);
  REQUIRE(r.exit_code == 1);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["diagnostics"].back()["match"] == "recieved");
  CHECK(j["diagnostics"].back()["line"] == 4);

  std::string jsonl;
  for (int i = 0; i < 100000; ++i) {
    jsonl += "{\"id\":\"p" + std::to_string(i) + "\",\"lang\":\"en\",\"text\":\"" +
             (i % 1000 == 0 ? "We have recieved order " : "Thanks for order ") + std::to_string(i) +
             "\"}\n";
  }
  auto s = run_bounded("check - --stdin-format jsonl --format json", 600, jsonl);
  CHECK(s.exit_code == 1);
  auto sj = nlohmann::json::parse(s.out);
  CHECK(sj["summary"]["posts"] == 100000);
  CHECK(sj["diagnostics"].size() == 100);
  CHECK(sj["diagnostics"][1]["line"] == 1001);
}
