// .brandlint.yaml: parsing, errors with positions, and discovery.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "brandlint/brandlint.hpp"
#include "test_support.hpp"

using namespace brandlint;
namespace fs = std::filesystem;

TEST_CASE("a configuration file sets defaults, words, rules and overrides") {
  TempDir dir;
  dir.write("team/.brandlint.yaml",
            "lang: es\nplatform: x\nfail_on: error\nwords: [Zapatillo, Runnr]\n"
            "word_lists: [words.txt]\nrules: [own/rules.yaml]\ndisable: [controversial.sports]\n"
            "severity: {tone: error}\nsignature: initials\nthresholds: {max_hashtags_reply: 3}\n"
            "x-owner: social team\n");
  auto config = load_config(dir.path("team/.brandlint.yaml"));
  REQUIRE(config);
  CHECK(config->lang == "es");
  CHECK(config->platform == "x");
  CHECK(config->fail_on == Severity::error);
  CHECK(config->words.at("all") == std::vector<std::string>{"Zapatillo", "Runnr"});
  CHECK(config->word_lists.at(0) == dir.path("team/words.txt"));
  CHECK(config->rule_files.at(0) == dir.path("team/own/rules.yaml"));
  CHECK(config->disabled.at(0) == "controversial.sports");
  CHECK(config->severity_overrides.at(0).first == "tone");
  CHECK(config->signature == "initials");
  CHECK(config->thresholds.at("max_hashtags_reply") == 3);
}

TEST_CASE("an unknown key or a bad value is an error with file:line:col") {
  TempDir dir;
  dir.write(".brandlint.yaml", "lang: en\nfail_on: warning\nlanguage: es\n");
  auto unknown = load_config(dir.path(".brandlint.yaml"));
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().line == 3);
  CHECK(unknown.error().column == 1);
  CHECK(unknown.error().message.find("unknown configuration key 'language'") == 0);

  dir.write("b/.brandlint.yaml", "fail_on: sometimes\n");
  auto bad = load_config(dir.path("b/.brandlint.yaml"));
  REQUIRE_FALSE(bad);
  CHECK(bad.error().line == 1);
  CHECK(bad.error().column == 10);

  dir.write("c/.brandlint.yaml", "words: [a, b\nlang: en\n");
  auto yaml = load_config(dir.path("c/.brandlint.yaml"));
  REQUIRE_FALSE(yaml);
  CHECK(yaml.error().message.find("invalid YAML") == 0);
  CHECK(yaml.error().line >= 1);
}

TEST_CASE("the configuration is found upward from a file, stopping at the repository root") {
  TempDir dir;
  dir.write("repo/.git/HEAD", "ref: refs/heads/main\n");
  dir.write("repo/.brandlint.yaml", "lang: fr\n");
  dir.write("repo/posts/2026/p.txt", "Bonjour\n");
  CHECK(fs::equivalent(find_config(dir.path("repo/posts/2026/p.txt")),
                       dir.path("repo/.brandlint.yaml")));
  dir.write(".brandlint.yaml", "lang: it\n");  // above the repository: never used
  dir.write("other/.git/HEAD", "x\n");
  dir.write("other/p.txt", "Ciao\n");
  CHECK(find_config(dir.path("other/p.txt")).empty());
}
