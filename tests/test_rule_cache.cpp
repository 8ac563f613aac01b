// Parsed rule files kept in the cache (rules::load_rule_file): what comes back from the cache
// is what the YAML says, an edited file is read again, a damaged cache file is never trusted.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>

#include "brandlint/brandlint.hpp"
#include "cache/disk_cache.hpp"
#include "linter_impl.hpp"
#include "rules/rule.hpp"
#include "test_support.hpp"

using namespace brandlint;
namespace fs = std::filesystem;

namespace {

bool same(const std::vector<rules::Located>& a, const std::vector<rules::Located>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].text != b[i].text || a[i].line != b[i].line || a[i].column != b[i].column) {
      return false;
    }
  }
  return true;
}

// Every field, so that a field added to Rule and forgotten by the cache fails here.
void check_same(const rules::RuleFile& a, const rules::RuleFile& b) {
  CHECK(a.path == b.path);
  CHECK(a.lang == b.lang);
  CHECK(a.shipped == b.shipped);
  REQUIRE(a.lists.size() == b.lists.size());
  for (const auto& entry : a.lists) {
    const std::string& name = entry.first;
    CAPTURE(name);
    REQUIRE(b.lists.count(name) == 1);
    CHECK(same(entry.second, b.lists.at(name)));
  }
  CHECK(same(a.exception_patterns, b.exception_patterns));
  REQUIRE(a.rules.size() == b.rules.size());
  for (std::size_t i = 0; i < a.rules.size(); ++i) {
    const rules::Rule& x = a.rules[i];
    const rules::Rule& y = b.rules[i];
    CAPTURE(x.id);
    CHECK(x.id == y.id);
    CHECK(x.category == y.category);
    CHECK(x.subcategory == y.subcategory);
    CHECK(x.severity == y.severity);
    CHECK(x.message == y.message);
    CHECK(x.suggestions == y.suggestions);
    CHECK(x.fix == y.fix);
    CHECK(x.explanation == y.explanation);
    CHECK(x.link == y.link);
    CHECK(same(x.terms, y.terms));
    CHECK(same(x.patterns, y.patterns));
    CHECK(same(x.exceptions, y.exceptions));
    CHECK(same(x.exception_patterns, y.exception_patterns));
    CHECK(x.applies_to == y.applies_to);
    CHECK(same(x.flag_examples, y.flag_examples));
    CHECK(same(x.pass_examples, y.pass_examples));
    CHECK(x.lang == y.lang);
    CHECK(x.file == y.file);
    CHECK(x.line == y.line);
  }
}

std::vector<fs::path> cached_rule_files(const std::string& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.path().extension() == ".rules") out.push_back(e.path());
  }
  return out;
}

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

const char* kRule = R"(lang: en
rules:
  - id: tone.test.grumpy
    category: tone
    subcategory: test
    severity: warning
    message: "Sounds grumpy"
    fix: "pleased"
    explanation: "A test rule."
    terms: ["grumpy", "cross"]
    examples:
      flag: ["I am grumpy", "so cross"]
      pass: ["I am happy", "all good"]
)";

}  // namespace

TEST_CASE("every shipped rule file reads back from the cache as its YAML says") {
  TempDir tmp;
  ScopedEnv env("BRANDLINT_CACHE_DIR", tmp.path("cache"));
  std::size_t files = 0;
  for (const char* lang : {"en", "es", "fr", "it"}) {
    for (const auto& entry :
         fs::directory_iterator(fs::path(BRANDLINT_SOURCE_DIR) / "rules" / lang)) {
      const std::string path = entry.path().string();
      CAPTURE(path);
      const auto yaml = rules::parse_rule_file(read_all(path), path);
      REQUIRE(yaml);
      const auto first = rules::load_rule_file(path);  // parses, then writes the cache
      REQUIRE(first);
      const auto second = rules::load_rule_file(path);  // from the cache
      REQUIRE(second);
      check_same(yaml.value(), first.value());
      check_same(yaml.value(), second.value());
      ++files;
    }
  }
  CHECK(files == 28);  // lists.yaml and six categories' files, in each of the four languages
  CHECK(cached_rule_files(tmp.path("cache")).size() == files);
}

TEST_CASE("an edited rule file is read again, even with its old size and time") {
  TempDir tmp;
  ScopedEnv env("BRANDLINT_CACHE_DIR", tmp.path("cache"));
  const std::string path = tmp.write("rules/en/mine.yaml", kRule);
  struct stat before {};
  REQUIRE(::stat(path.c_str(), &before) == 0);
  REQUIRE(rules::load_rule_file(path).value().rules.at(0).message == "Sounds grumpy");
  REQUIRE(rules::load_rule_file(path).value().rules.at(0).message == "Sounds grumpy");

  // Same length, time stamps put back: only the contents tell.
  std::string edited = kRule;
  edited.replace(edited.find("grumpy\""), 6, "sullen");
  tmp.write("rules/en/mine.yaml", edited);
  const struct timespec times[2] = {before.st_atim, before.st_mtim};
  REQUIRE(::utimensat(AT_FDCWD, path.c_str(), times, 0) == 0);
  const auto again = rules::load_rule_file(path);
  REQUIRE(again);
  CHECK(again.value().rules.at(0).message == "Sounds sullen");
  CHECK(cached_rule_files(tmp.path("cache")).size() == 1);  // rewritten, not added
}

TEST_CASE("a damaged rule cache file is parsed again, and a file with errors is never cached") {
  TempDir tmp;
  ScopedEnv env("BRANDLINT_CACHE_DIR", tmp.path("cache"));
  const std::string path = tmp.write("rules/en/mine.yaml", kRule);
  const auto expected = rules::parse_rule_file(kRule, path);
  REQUIRE(rules::load_rule_file(path));
  const auto cached = cached_rule_files(tmp.path("cache"));
  REQUIRE(cached.size() == 1);
  const std::string good = read_all(cached[0].string());

  SUBCASE("one byte changed") {
    std::string bad = good;
    bad[bad.size() / 3] = static_cast<char>(bad[bad.size() / 3] ^ 0x21);
    std::ofstream(cached[0], std::ios::binary | std::ios::trunc) << bad;
  }
  SUBCASE("cut short") {
    std::ofstream(cached[0], std::ios::binary | std::ios::trunc) << good.substr(0, 40);
  }
  SUBCASE("a folder in its place") {
    fs::remove(cached[0]);
    fs::create_directory(cached[0]);
  }
  const auto reloaded = rules::load_rule_file(path);
  REQUIRE(reloaded);
  check_same(expected.value(), reloaded.value());

  // A file that does not parse keeps failing with its line, and leaves no cache behind.
  const std::string broken = tmp.write("rules/en/broken.yaml", "lang: en\nrules: [\n");
  for (int run = 0; run < 2; ++run) {
    const auto failed = rules::load_rule_file(broken);
    REQUIRE_FALSE(failed);
    CHECK(failed.error().line >= 1);
    CHECK(failed.error().message.find("invalid YAML") != std::string::npos);
  }
  for (const auto& f : cached_rule_files(tmp.path("cache"))) {
    CHECK(f.filename().string().find("broken") == std::string::npos);
  }
}

TEST_CASE("with the cache off, rule files are parsed and nothing is written") {
  TempDir tmp;
  ScopedEnv env("BRANDLINT_CACHE_DIR", "off");
  ScopedEnv home("HOME", tmp.path("home"));
  const std::string path = tmp.write("rules/en/mine.yaml", kRule);
  for (int run = 0; run < 2; ++run) {
    const auto file = rules::load_rule_file(path);
    REQUIRE(file);
    CHECK(file.value().rules.at(0).fix == std::optional<std::string>("pleased"));
  }
  CHECK_FALSE(fs::exists(tmp.path("home")));
}

TEST_CASE("linters made from the same rule files share one compiled set; an edit makes a new one") {
  // A folder run with a configuration per team: the same rules, each team its own words. The
  // rules of a language compile once, not once per team.
  TempDir tmp;
  ScopedEnv env("BRANDLINT_CACHE_DIR", tmp.path("cache"));
  const std::string mine = tmp.write("team/mine.yaml", kRule);
  auto make = [&](std::vector<std::string> words, std::vector<std::string> rule_files) {
    Config config;
    config.data_dir = BRANDLINT_SOURCE_DIR;
    config.words["en"] = std::move(words);
    config.rule_files = std::move(rule_files);
    auto linter = Linter::create(config);
    REQUIRE(linter);
    return linter.value();
  };
  auto rules_of = [](const Linter& linter) { return linter.impl().rule_set("en").value(); };
  const auto a = make({"Zapatillo"}, {});
  const auto b = make({"Brandolino"}, {});
  CHECK(rules_of(*a) == rules_of(*b));
  const auto own = make({"Zapatillo"}, {mine});
  CHECK(rules_of(*own) != rules_of(*a));
  // Each still reports its own findings.
  Post post;
  post.text = "I am grumpy about Zapatillo";
  post.meta.lang = "en";
  auto ids = [&](const Linter& linter) {
    std::vector<std::string> out;
    const auto found = linter.check(post);
    REQUIRE(found);
    for (const auto& d : found.value()) out.push_back(d.rule);
    return out;
  };
  const auto a_ids = ids(*a), own_ids = ids(*own), b_ids = ids(*b);
  CHECK(std::count(own_ids.begin(), own_ids.end(), "tone.test.grumpy") == 1);
  CHECK(std::count(a_ids.begin(), a_ids.end(), "tone.test.grumpy") == 0);
  CHECK(std::count(a_ids.begin(), a_ids.end(), "spelling.unknown-word") == 0);
  CHECK(std::count(b_ids.begin(), b_ids.end(), "spelling.unknown-word") == 1);  // not b's word

  // The same file edited: a linter made now reads it as it is, the one made before keeps its set.
  std::string edited = kRule;
  edited.replace(edited.find("grumpy\""), 6, "sullen");
  tmp.write("team/mine.yaml", edited);
  const auto after = make({"Zapatillo"}, {mine});
  CHECK(rules_of(*after) != rules_of(*own));
  CHECK(rules_of(*after)->rules().back().message == "Sounds sullen");
  CHECK(rules_of(*own)->rules().back().message == "Sounds grumpy");
  CHECK(rules_of(*make({"Other"}, {mine})) == rules_of(*after));
}
