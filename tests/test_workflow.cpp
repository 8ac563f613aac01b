// Workflows around the check: suppressions, --fix and --diff, baselines, init, the git hook.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "test_support.hpp"

namespace fs = std::filesystem;

namespace {

std::string slurp(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
}

// A repository with a rule that carries a safe fix.
void write_fix_repo(const TempDir& dir) {
  dir.write("repo/.git/HEAD", "x\n");
  dir.write("repo/.brandlint.yaml", "lang: en\nrules: [house/en/wording.yaml]\n");
  dir.write("repo/house/en/wording.yaml", R"(rules:
  - id: tone.wording.kindly-revert
    category: tone
    subcategory: wording
    severity: warning
    message: "“{match}” is stiff office jargon."
    fix: "please reply"
    explanation: Customers do not talk like this.
    terms: ["kindly revert"]
    examples:
      flag: ["Kindly revert with your order number", "please kindly revert"]
      pass: ["Please reply with your order number", "we will revert the change"]
)");
}

}  // namespace

TEST_CASE("cli: --fix applies safe fixes atomically, keeps permissions, skips unchanged files") {
  TempDir dir;
  write_fix_repo(dir);
  const auto post =
      dir.write("repo/posts/a.txt", "Hi Ana, kindly revert with your order number.\n");
  const auto clean = dir.write("repo/posts/b.txt", "Hi Ana, thanks for your message.\n");
  ::chmod(post.c_str(), 0640);
  struct stat before_clean {};
  ::stat(clean.c_str(), &before_clean);

  auto diff = run_brandlint("check --diff " + quote(dir.path("repo/posts")));
  CHECK(diff.out.find("--- a/" + post) != std::string::npos);
  CHECK(diff.out.find("-Hi Ana, kindly revert with your order number.\n"
                      "+Hi Ana, please reply with your order number.\n") != std::string::npos);
  CHECK(slurp(post) == "Hi Ana, kindly revert with your order number.\n");  // --diff writes nothing

  auto fixed = run_brandlint("check --fix " + quote(dir.path("repo/posts")));
  CHECK(slurp(post) == "Hi Ana, please reply with your order number.\n");
  struct stat after {};
  ::stat(post.c_str(), &after);
  CHECK((after.st_mode & 0777) == 0640);
  struct stat after_clean {};
  ::stat(clean.c_str(), &after_clean);
  CHECK(after_clean.st_ino == before_clean.st_ino);  // never rewritten
  CHECK(after_clean.st_mtime == before_clean.st_mtime);
  // No temporary files left behind.
  std::size_t entries = 0;
  for (const auto& e : fs::directory_iterator(dir.path("repo/posts")))
    entries += e.is_regular_file();
  CHECK(entries == 2);
  CHECK(run_brandlint("check " + quote(post)).exit_code == 0);
}

TEST_CASE("cli: a --fix whose write fails or is killed leaves the original intact") {
  TempDir dir;
  write_fix_repo(dir);
  // Larger than the 2 KB the shell lets the process write to any file (ulimit -f 4, in
  // 512-byte blocks): the temporary copy cannot be written in full.
  std::string original = "Hi Ana, kindly revert with your order number.\n";
  while (original.size() < 6000) original += "Thanks for your patience while we look into it.\n";
  const auto post = dir.write("repo/posts/a.txt", original);
  auto count_entries = [&] {
    std::size_t n = 0;
    for (const auto& e : fs::directory_iterator(dir.path("repo/posts"))) n += e.is_regular_file();
    return n;
  };

  SUBCASE("the write fails: an error, the original kept, no temporary file left") {
    // With SIGXFSZ ignored, write() fails with EFBIG.
    auto r = run_brandlint_with_prefix("trap '' XFSZ; ulimit -f 4; ", "check --fix " + quote(post));
    CHECK(r.exit_code == 2);
    CHECK(r.err.find(post + ": cannot write: File too large (the file was left unchanged)") !=
          std::string::npos);
    CHECK(slurp(post) == original);
    CHECK(count_entries() == 1);
  }
  SUBCASE("the process is killed in the middle of the write: the original kept") {
    // SIGXFSZ's default action ends the process during write(), like a crash or a kill -9.
    auto r = run_brandlint_with_prefix("ulimit -f 4; ", "check --fix " + quote(post));
    CHECK(r.exit_code != 0);
    CHECK(slurp(post) == original);
    // The next run, with room to write, fixes the file as usual.
    run_brandlint("check --fix " + quote(post));
    CHECK(slurp(post).rfind("Hi Ana, please reply with your order number.\n", 0) == 0);
  }
}

TEST_CASE("cli: a file that fails to parse is left byte for byte unchanged by --fix") {
  TempDir dir;
  write_fix_repo(dir);
  const std::string broken = "---\nlang: en\ncolour: red\n---\nkindly revert please\n";
  const auto post = dir.write("repo/posts/broken.txt", broken);
  auto r = run_brandlint("check --fix " + quote(post));
  CHECK(r.exit_code == 2);
  CHECK(slurp(post) == broken);
  CHECK(run_brandlint("check --fix --diff " + quote(post)).exit_code == 2);
}

TEST_CASE("cli: front matter suppressions hide findings with a reason, until they expire") {
  TempDir dir;
  write_fix_repo(dir);
  const auto active = dir.write("repo/p1.txt",
                                "---\nbrandlint:\n  disable:\n    - {rule: tone.wording, reason: "
                                "quoting the customer, until: "
                                "2999-12-31}\n---\nYou wrote \"kindly revert\", and we will.\n");
  auto r = run_brandlint("check --format json " + quote(active));
  CHECK(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["diagnostics"].empty());
  REQUIRE(j["suppressed"].size() == 1);
  CHECK(j["suppressed"][0]["rule"] == "tone.wording.kindly-revert");
  CHECK(j["suppressed"][0]["reason"] == "quoting the customer");
  auto text = run_brandlint("check --color never " + quote(active));
  CHECK(text.out.find("(1 suppressed)") != std::string::npos);

  const auto expired = dir.write(
      "repo/p2.txt",
      "---\nbrandlint:\n  disable:\n    - {rule: tone.wording, reason: old campaign, until: "
      "2020-01-31}\n---\nkindly revert\n");
  auto e = run_brandlint("check " + quote(expired));
  CHECK(e.exit_code == 1);
  CHECK(e.err.find("expired on 2020-01-31") != std::string::npos);
}

TEST_CASE("cli: a baseline hides existing findings and shows new ones") {
  TempDir dir;
  write_fix_repo(dir);
  const auto post = dir.write("repo/posts/a.txt", "Kindly revert.\nWe have recieved it.\n");
  const auto baseline = dir.path("repo/baseline.json");
  auto w = run_brandlint("baseline " + quote(dir.path("repo/posts")) + " -o " + quote(baseline));
  CHECK(w.exit_code == 0);
  CHECK(w.out.find("wrote 2 findings") != std::string::npos);
  CHECK(run_brandlint("check --baseline " + quote(baseline) + " " + quote(post)).exit_code == 0);
  // Lines added above move the old findings; a new typo is still reported.
  dir.write("repo/posts/a.txt", "Hello.\n\nKindly revert.\nWe have recieved it. Thnaks!\n");
  auto r = run_brandlint("check --format json --baseline " + quote(baseline) + " " + quote(post));
  CHECK(r.exit_code == 1);
  auto j = nlohmann::json::parse(r.out);
  REQUIRE(j["diagnostics"].size() == 1);
  CHECK(j["diagnostics"][0]["match"] == "Thnaks");
}

TEST_CASE("cli: init writes a starter configuration that loads, and never overwrites") {
  TempDir dir;
  auto r = run_brandlint("init " + quote(dir.path()));
  CHECK(r.exit_code == 0);
  const auto config = dir.path(".brandlint.yaml");
  CHECK(slurp(config).find("fail_on: warning") != std::string::npos);
  dir.write("p.txt", "Hi Ana, thanks for your message.\n");
  CHECK(
      run_brandlint("check --config " + quote(config) + " " + quote(dir.path("p.txt"))).exit_code ==
      0);
  dir.write(".brandlint.yaml", "lang: es\n");
  auto again = run_brandlint("init " + quote(dir.path()));
  CHECK(again.exit_code == 2);
  CHECK(slurp(config) == "lang: es\n");
}

TEST_CASE("cli: the git pre-commit hook blocks a bad post and lets the fixed one through") {
  TempDir dir;
  const std::string repo = dir.path("repo");
  const std::string git = "git -C " + quote(repo) + " -c user.email=t@example.com -c user.name=t ";
  fs::create_directories(repo);
  REQUIRE(std::system(("git init -q " + quote(repo)).c_str()) == 0);
  fs::copy_file(std::string(BRANDLINT_SOURCE_DIR) + "/examples/hooks/pre-commit",
                repo + "/.git/hooks/pre-commit");
  dir.write("repo/.brandlint.yaml", "lang: en\n");
  dir.write("repo/posts/reply.txt", "Hi Ana, we have recieved your order.\n");
  const std::string env = "BRANDLINT=" + quote(BRANDLINT_BINARY) + " ";
  REQUIRE(std::system((git + "add .").c_str()) == 0);
  const int blocked = std::system((env + git + "commit -q -m post >/dev/null 2>&1").c_str());
  CHECK(blocked != 0);
  dir.write("repo/posts/reply.txt", "Hi Ana, we have received your order.\n");
  REQUIRE(std::system((git + "add .").c_str()) == 0);
  const int allowed = std::system((env + git + "commit -q -m post >/dev/null 2>&1").c_str());
  CHECK(allowed == 0);
}
