// The command line end to end: exit codes, the JSON shape, stdin, errors with positions.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "test_support.hpp"

namespace {
const std::string kSpanishReply =
    "---\nid: es-7\nlang: es\nkind: reply\ncustomer: Lucía\n---\n"
    "Hola Lucía, gracias por escribirnos.\nMañana recivirás tu pedido. 😊\n";
}

TEST_CASE("cli: a Spanish typo is reported in JSON with its exact position and a suggestion") {
  TempDir dir;
  const auto file = dir.write("reply.txt", kSpanishReply);
  auto r = run_brandlint("check --format json " + quote(file));
  CHECK(r.exit_code == 1);
  auto j = nlohmann::ordered_json::parse(r.out);
  CHECK(j["version"] == 1);
  REQUIRE(j["diagnostics"].size() == 1);
  const auto& d = j["diagnostics"][0];
  CHECK(d["file"] == file);
  CHECK(d["post"] == "es-7");
  CHECK(d["line"] == 8);
  CHECK(d["column"] == 8);
  CHECK(d["end_line"] == 8);
  CHECK(d["end_column"] == 17);
  CHECK(d["offset"] == kSpanishReply.find("recivirás"));
  CHECK(d["length"] == std::string("recivirás").size());
  CHECK(d["rule"] == "spelling.unknown-word");
  CHECK(d["category"] == "spelling");
  CHECK(d["subcategory"] == "");
  CHECK(d["severity"] == "warning");
  CHECK(d["match"] == "recivirás");
  CHECK(d["language"] == "es");
  bool has_right = false;
  for (const auto& s : d["suggestions"]) has_right = has_right || s == "recibirás";
  CHECK(has_right);
  CHECK(j["summary"] == nlohmann::ordered_json::parse(
                            R"({"files":1,"posts":1,"errors":0,"warnings":1,"infos":0})"));
  // The keys in the documented order, nothing more.
  std::vector<std::string> keys;
  for (const auto& [k, v] : d.items()) keys.push_back(k);
  CHECK(keys == std::vector<std::string>{"file", "post", "line", "column", "end_line", "end_column",
                                         "offset", "length", "rule", "category", "subcategory",
                                         "severity", "message", "match", "suggestions",
                                         "language"});
}

TEST_CASE("cli: the text format is file:line:col: severity: message [rule] with the line") {
  TempDir dir;
  const auto file = dir.write("reply.txt", kSpanishReply);
  auto r = run_brandlint("check --color never " + quote(file));
  CHECK(r.exit_code == 1);
  CHECK(r.out.find(file + ":8:8: warning: \"recivirás\"") == 0);
  CHECK(r.out.find("[spelling.unknown-word]\n 8 | Mañana recivirás tu pedido. 😊\n") !=
        std::string::npos);
  CHECK(r.out.find("   |        ^~~~~~~~~\n") != std::string::npos);
  CHECK(r.out.find("help: did you mean") != std::string::npos);
  CHECK(r.out.find("1 post in 1 file checked: 0 errors, 1 warning, 0 infos") != std::string::npos);
  CHECK(r.out.find("\x1b[") == std::string::npos);  // no colour unless asked
  auto colored = run_brandlint("check --color always " + quote(file));
  CHECK(colored.out.find("\x1b[") != std::string::npos);
}

TEST_CASE("cli: exit codes follow --fail-on") {
  auto clean = run_brandlint("check --lang en --text " + quote("Hi Ana, thanks for your message!"));
  CHECK(clean.exit_code == 0);
  CHECK(clean.out.find("no problems found") != std::string::npos);
  const std::string typo = quote("We have recieved your order.");
  CHECK(run_brandlint("check --lang en --text " + typo).exit_code == 1);
  CHECK(run_brandlint("check --lang en --fail-on error --text " + typo).exit_code == 0);
  CHECK(run_brandlint("check --lang en --fail-on never --text " + typo).exit_code == 0);
  CHECK(run_brandlint("check --lang en --fail-on info --text " + typo).exit_code == 1);
  CHECK(run_brandlint("check --lang klingon --text x").exit_code == 2);
  CHECK(run_brandlint("check").exit_code == 2);
  CHECK(run_brandlint("frobnicate").exit_code == 2);
}

TEST_CASE("cli: stdin is read with '-'") {
  auto r = run_brandlint("check - --lang fr --format json", "Merci pour votre comande !\n");
  CHECK(r.exit_code == 1);
  auto j = nlohmann::json::parse(r.out);
  REQUIRE(j["diagnostics"].size() == 1);
  CHECK(j["diagnostics"][0]["file"] == "<stdin>");
  CHECK(j["diagnostics"][0]["match"] == "comande");
}

TEST_CASE("cli: --kind, --customer and --in-reply-to give --text the metadata of a reply") {
  const std::string reply = "Hi Michael, buy now and use code SAVE20!";
  auto as_post = run_brandlint("check --lang en --format json --text " + quote(reply));
  CHECK(as_post.exit_code == 0);
  auto r = run_brandlint(
      "check --lang en --format json --kind reply --customer \"Daniel Brooks\" "
      "--in-reply-to \"My parcel arrived broken\" --text " +
      quote(reply));
  CHECK(r.exit_code == 1);
  std::set<std::string> rules;
  const auto j = nlohmann::json::parse(r.out);
  for (const auto& d : j["diagnostics"]) rules.insert(d["rule"].get<std::string>());
  CHECK(rules.count("personalisation.name.wrong") == 1);
  CHECK(rules.count("personalisation.apology.missing") == 1);
  CHECK(rules.count("promotion.sales-phrase.hard-sell") == 1);
  // Front matter wins over the flags.
  auto own = run_brandlint("check --format json --kind reply --customer Daniel -",
                           "---\nlang: en\nkind: reply\ncustomer: Michael\n---\nHi Michael, thanks "
                           "for your message!\n");
  CHECK(own.exit_code == 0);
}

TEST_CASE("cli: invalid UTF-8 and unknown front matter keys exit 2 with file:line; others go on") {
  TempDir dir;
  const auto bad = dir.write("posts/a-bad.txt", "Hello\nthere \xFF\xFE friend\n");
  const auto key = dir.write("posts/b-key.txt", "---\nlang: en\ncolour: red\n---\nHi\n");
  dir.write("posts/c-good.txt", "---\nlang: en\n---\nWe have recieved it.\n");
  auto r = run_brandlint("check --format json " + quote(dir.path("posts")));
  CHECK(r.exit_code == 2);
  CHECK(r.err.find(bad + ":2:7: invalid UTF-8 at byte 12") != std::string::npos);
  CHECK(r.err.find(key + ":3:1: unknown front matter key 'colour'") != std::string::npos);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["diagnostics"].size() == 1);  // the good file was still checked
  CHECK(j["summary"]["files"] == 1);
}

TEST_CASE("cli: .brandlint.yaml is found from the file and flags override it") {
  TempDir dir;
  dir.write("repo/.git/HEAD", "x\n");
  dir.write("repo/.brandlint.yaml", "lang: it\nwords: [Zapatillo]\nfail_on: error\n");
  const auto post = dir.write("repo/posts/p.txt", "Grazie, le Zapatillo sono aprovate.\n");
  auto r = run_brandlint("check --format json " + quote(post));
  CHECK(r.exit_code == 0);  // fail_on: error
  auto j = nlohmann::json::parse(r.out);
  REQUIRE(j["diagnostics"].size() == 1);
  CHECK(j["diagnostics"][0]["match"] == "aprovate");
  CHECK(j["diagnostics"][0]["language"] == "it");
  CHECK(run_brandlint("check --fail-on warning " + quote(post)).exit_code == 1);

  // A folder of teams: each file takes the configuration nearest to it, whatever the order
  // the files come in (the search is made once per folder).
  dir.write("repo/teams/es/.brandlint.yaml", "lang: es\n");
  dir.write("repo/teams/es/p.txt", "Gracias, las zapatillas estan en camino.\n");
  dir.write("repo/teams/it/p.txt", "Grazie, le Zapatillo sono aprovate.\n");
  dir.write("repo/teams/it/q.txt", "Grazie, le Zapatillo sono aprovate.\n");
  auto teams = run_brandlint("check --format json " + quote(dir.path("repo/teams")));
  auto t = nlohmann::json::parse(teams.out);
  REQUIRE(t["diagnostics"].size() == 3);
  for (const auto& d : t["diagnostics"]) {
    const bool spanish = d["file"].get<std::string>().find("/es/") != std::string::npos;
    CHECK(d["language"] == (spanish ? "es" : "it"));
    CHECK(d["match"] == (spanish ? "estan" : "aprovate"));
  }

  dir.write("bad/.git/HEAD", "x\n");
  dir.write("bad/.brandlint.yaml", "lang: it\nfail_on: always\n");
  const auto other = dir.write("bad/p.txt", "Ciao\n");
  auto e = run_brandlint("check " + quote(other));
  CHECK(e.exit_code == 2);
  CHECK(e.err.find(".brandlint.yaml:2:10:") != std::string::npos);
}

TEST_CASE("cli: per-path overrides apply to the files they match, in one folder run") {
  TempDir dir;
  dir.write("repo/.git/HEAD", "x\n");
  dir.write("repo/.brandlint.yaml",
            "lang: en\n"
            "overrides:\n"
            "  - files: [\"archive/**\"]\n"
            "    disable: [spelling]\n"
            "  - files: [\"*.es.txt\"]\n"
            "    lang: es\n"
            "    severity: {spelling: info}\n");
  const std::string typo = "Thanks Ana, your parcel is on its way and arives tomorrow.\n";
  dir.write("repo/archive/2024/old.txt", typo);
  dir.write("repo/new/today.txt", typo);
  dir.write("repo/new/hola.es.txt", "Gracias Ana, tu pedido llega manana por la tarde.\n");
  auto r = run_brandlint("check --format json " + quote(dir.path("repo")));
  auto j = nlohmann::json::parse(r.out);
  std::map<std::string, std::vector<nlohmann::json>> by_file;
  for (const auto& d : j["diagnostics"]) {
    if (d["category"] == "spelling")
      by_file[std::filesystem::path(d["file"].get<std::string>()).filename().string()].push_back(d);
  }
  CHECK(by_file.count("old.txt") == 0);  // spelling disabled under archive/
  REQUIRE(by_file["today.txt"].size() == 1);
  CHECK(by_file["today.txt"][0]["match"] == "arives");
  CHECK(by_file["today.txt"][0]["severity"] == "warning");
  REQUIRE(by_file["hola.es.txt"].size() == 1);  // read as Spanish, its typo an info
  CHECK(by_file["hola.es.txt"][0]["match"] == "manana");
  CHECK(by_file["hola.es.txt"][0]["language"] == "es");
  CHECK(by_file["hola.es.txt"][0]["severity"] == "info");
}

TEST_CASE("cli: the same report with the cache off, cold, and warm with remembered suggestions") {
  // The test corpora's posts (mixed languages, wrongly declared ones, typos) as JSON Lines.
  std::string jsonl;
  for (const char* lang : {"en", "es", "fr", "it", "mixed"}) {
    std::ifstream in(std::string(BRANDLINT_SOURCE_DIR) + "/tests/corpus/langid/" + lang + ".tsv");
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      const auto tab = line.find('\t');
      const std::string declared = line.substr(0, tab);
      nlohmann::json post = {{"lang", declared.size() == 2 ? declared : std::string(lang)},
                             {"text", line.substr(line.rfind('\t') + 1)}};
      jsonl += post.dump() + "\n";
    }
  }
  REQUIRE(jsonl.size() > 10000);
  TempDir tmp;
  const std::string args = "check - --stdin-format jsonl --format json -j 2";
  const auto off = run_brandlint_with_prefix("BRANDLINT_CACHE_DIR=off ", args, jsonl);
  const std::string cached = "BRANDLINT_CACHE_DIR=" + quote(tmp.path("cache")) + " ";
  const auto cold = run_brandlint_with_prefix(cached, args, jsonl);
  const auto warm = run_brandlint_with_prefix(cached, args, jsonl);
  CHECK(off.exit_code == 1);
  CHECK(cold.out == off.out);
  CHECK(warm.out == off.out);
  CHECK(off.out.find("language.mixing.mixed") != std::string::npos);
  CHECK(off.out.find("spelling.unknown-word") != std::string::npos);
}

TEST_CASE("cli: --version and --help") {
  auto v = run_brandlint("--version");
  CHECK(v.exit_code == 0);
  CHECK(v.out.find("brandlint ") == 0);
  auto h = run_brandlint("check --help");
  CHECK(h.exit_code == 0);
  CHECK(h.out.find("--format") != std::string::npos);
}

TEST_CASE("cli: -j gives the same report, in the same order, as one thread") {
  // Posts in four languages with typos, long enough to span several batches.
  const std::vector<std::string> texts = {
      R"({"lang":"en","kind":"reply","customer":"Daniel","text":"Hi Daniel, we have recieved your parcel."})",
      R"({"lang":"es","text":"Gracias por tu pedido, lo resibirás mañana."})",
      R"({"lang":"fr","text":"Merci pour votre comande, elle part demain."})",
      R"({"lang":"it","text":"Grazie per l'ordine, arriva domani."})"};
  std::string jsonl;
  for (int i = 0; i < 1500; ++i) jsonl += texts[static_cast<std::size_t>(i) % texts.size()] + "\n";
  auto one = run_brandlint("check - --stdin-format jsonl --format json -j 1", jsonl);
  auto three = run_brandlint("check - --stdin-format jsonl --format json -j 3", jsonl);
  CHECK(one.exit_code == 1);
  CHECK(three.exit_code == 1);
  CHECK(one.out == three.out);
  auto j = nlohmann::json::parse(one.out);
  CHECK(j["summary"]["posts"] == 1500);
  CHECK(j["diagnostics"].size() >= 1125);  // recieved, resibirás, comande
}

TEST_CASE(
    "cli: a large file is reported batch by batch, as its lines stream, with the same report") {
  const std::vector<std::string> texts = {
      R"({"lang":"en","kind":"reply","customer":"Daniel","text":"Hi Daniel, we have recieved your parcel."})",
      R"({"lang":"es","text":"Gracias por tu pedido, lo resibirás mañana."})",
      R"({"lang":"en","text":"Women are useless at maths."})"};
  std::string jsonl, array = "[\n";
  for (int i = 0; i < 1300; ++i) {
    const std::string& t = texts[static_cast<std::size_t>(i) % texts.size()];
    jsonl += t + "\n";
    array += (i == 0 ? "" : ",\n") + t;
  }
  array += "\n]\n";
  TempDir dir;
  const auto lines = dir.write("posts.jsonl", jsonl);
  // A JSON Lines file is read a line at a time, as stdin is: the same findings at the same
  // lines and columns, under the file's name.
  const auto from_file = run_brandlint("check --format json -j 2 " + quote(lines));
  const auto from_stdin = run_brandlint("check - --stdin-format jsonl --format json -j 2", jsonl);
  CHECK(from_file.exit_code == 1);
  auto f = nlohmann::json::parse(from_file.out);
  auto s = nlohmann::json::parse(from_stdin.out);
  CHECK(f["summary"] == s["summary"]);
  CHECK(f["summary"]["files"] == 1);
  CHECK(f["summary"]["posts"] == 1300);
  REQUIRE(f["diagnostics"].size() == s["diagnostics"].size());
  for (std::size_t i = 0; i < f["diagnostics"].size(); ++i) {
    auto d = f["diagnostics"][i];
    CHECK(d["file"] == lines);
    d["file"] = "<stdin>";
    CHECK(d == s["diagnostics"][i]);
  }
  // A broken line is reported at its line and the posts after it are still checked.
  std::string broken = jsonl;
  std::size_t at = 0;
  for (int n = 0; n < 699; ++n) at = broken.find('\n', at) + 1;
  broken.insert(at, "{\"lang\":\"en\",\"text\":\"unterminated\n");
  const auto damaged = dir.write("damaged.jsonl", broken);
  const auto r = run_brandlint("check --format json -j 2 " + quote(damaged));
  CHECK(r.exit_code == 2);
  CHECK(r.err.find(damaged + ":700:") != std::string::npos);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["summary"]["posts"] == 1300);
  CHECK(j["diagnostics"].back()["line"] == 1301);
  // Any other format of the same size: one file in the summary, the order of one thread.
  const auto json_file = dir.write("posts.json", array);
  const auto one = run_brandlint("check --format json -j 1 " + quote(json_file));
  const auto two = run_brandlint("check --format json -j 2 " + quote(json_file));
  CHECK(one.out == two.out);
  auto a = nlohmann::json::parse(one.out);
  CHECK(a["summary"]["files"] == 1);
  CHECK(a["summary"]["posts"] == 1300);
  CHECK(a["summary"]["errors"] == f["summary"]["errors"]);
}
