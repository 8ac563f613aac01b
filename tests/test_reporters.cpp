// The machine formats: jsonl, sarif, github and gitlab, first on a fixed set of findings (a
// non-ASCII line with an emoji before the span, a CRLF file, a finding spanning two lines, a
// suppressed one), then end to end through the binary.
#include <doctest/doctest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "report/reporter.hpp"
#include "test_support.hpp"

namespace {

using brandlint::Diagnostic;
using brandlint::Severity;
using brandlint::SourceFile;
using brandlint::report::Finding;
using Json = nlohmann::ordered_json;

std::shared_ptr<const SourceFile> source(std::string path, std::string contents) {
  return std::make_shared<const SourceFile>(SourceFile{std::move(path), std::move(contents)});
}

// A finding on the first occurrence of `match` (after `from`) in the file.
Finding finding_on(const std::shared_ptr<const SourceFile>& file, const std::string& match,
                   const std::string& rule, Severity severity, const std::string& message,
                   std::size_t from = 0) {
  const std::size_t at = file->contents.find(match, from);
  REQUIRE(at != std::string::npos);
  Finding f;
  f.source = file;
  f.post = "1";
  f.begin = brandlint::locate(*file, at);
  f.end = brandlint::locate(*file, at + match.size());
  Diagnostic& d = f.diagnostic;
  d.rule = rule;
  d.category = rule.substr(0, rule.find('.'));
  d.severity = severity;
  d.message = message;
  d.offset = at;
  d.length = match.size();
  d.match = match;
  return f;
}

// The fixed findings every format is run on.
std::vector<Finding> sample_findings() {
  const auto spanish = source("posts/es/respuesta ñ.txt",
                              "---\nid: es-7\nlang: es\n---\nHola 😊 Lucía, mañana recivirás tu "
                              "pedido.\nGracias, equipo: 100% contentos.\n");
  const auto crlf =
      source("posts/en/crlf.txt", "Hi Ana,\r\nWe have recieved your order, a:b.\r\nThanks!\r\n");
  std::vector<Finding> out;

  Finding typo = finding_on(spanish, "recivirás", "spelling.unknown-word", Severity::warning,
                            "\"recivirás\" is not in the Spanish dictionary: a typo?");
  typo.post = "es-7";
  typo.diagnostic.language = "es";
  typo.diagnostic.suggestions = {"recibirás", "revivirás"};
  out.push_back(typo);

  Finding slur = finding_on(crlf, "recieved", "discrimination.test.example", Severity::error,
                            "50% of \"{x}\", a:b,\nc");
  slur.diagnostic.help = "Why this hurts, in a paragraph.";
  slur.diagnostic.help_uri = "https://example.org/guide#terms";
  out.push_back(slur);

  // A span that crosses the CRLF line end.
  Finding across = finding_on(crlf, "order, a:b.\r\nThanks", "tone.curt.sign-off", Severity::info,
                              "a curt sign-off");
  out.push_back(across);

  Finding accepted = finding_on(spanish, "equipo", "spelling.unknown-word", Severity::warning,
                                "\"equipo\" is not in the dictionary");
  accepted.post = "es-7";
  accepted.suppressed = "our team's signature";
  out.push_back(accepted);
  return out;
}

std::string render(const std::string& format, const std::vector<Finding>& findings) {
  std::ostringstream out;
  auto reporter = brandlint::report::make_reporter(format, out, {});
  REQUIRE(reporter != nullptr);
  brandlint::report::Summary summary;
  for (const auto& f : findings) {
    summary.count(f.diagnostic.severity);
    reporter->finding(f);
  }
  reporter->finish(summary);
  return out.str();
}

bool is_hex(const std::string& s, std::size_t size) {
  return s.size() == size && s.find_first_not_of("0123456789abcdef") == std::string::npos;
}

// Runs the binary in `dir`, so that paths are relative to it as in a CI checkout.
RunResult run_in(const std::string& dir, const std::string& args) {
  TempDir io;
  const std::string command = "cd " + quote(dir) + " && " + std::string(BRANDLINT_BINARY) + " " +
                              args + " </dev/null >" + io.path("out") + " 2>" + io.path("err");
  RunResult r;
  const int status = std::system(command.c_str());
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream out(io.path("out"), std::ios::binary);
  r.out.assign(std::istreambuf_iterator<char>(out), std::istreambuf_iterator<char>());
  std::ifstream err(io.path("err"), std::ios::binary);
  r.err.assign(std::istreambuf_iterator<char>(err), std::istreambuf_iterator<char>());
  return r;
}

}  // namespace

TEST_CASE("every format is offered by --format") {
  const auto& names = brandlint::report::format_names();
  for (const char* name : {"text", "json", "jsonl", "sarif", "github", "gitlab"}) {
    CHECK(std::find(names.begin(), names.end(), name) != names.end());
  }
  std::ostringstream out;
  CHECK(brandlint::report::make_reporter("xml", out, {}) == nullptr);
}

TEST_CASE("jsonl: one line per finding, each the same object as a json diagnostic") {
  const auto findings = sample_findings();
  const Json json = Json::parse(render("json", findings));
  std::istringstream lines(render("jsonl", findings));
  std::vector<Json> objects;
  for (std::string line; std::getline(lines, line);) objects.push_back(Json::parse(line));
  REQUIRE(objects.size() == findings.size());  // no summary line
  // The unsuppressed findings are exactly the json format's diagnostics, in order.
  REQUIRE(json["diagnostics"].size() == 3);
  for (std::size_t i = 0; i < 3; ++i) CHECK(objects[i] == json["diagnostics"][i]);
  CHECK(objects[0]["column"] == 22);  // the emoji counts as one character
  CHECK(objects[1]["line"] == 2);     // CRLF is one line end
  CHECK(objects[1]["column"] == 9);
  // The suppressed one says so, with the reason the json format gives.
  CHECK(objects[3]["suppressed"] == true);
  CHECK(objects[3]["reason"] == "our team's signature");
  CHECK(objects[3]["rule"] == "spelling.unknown-word");
}

TEST_CASE("sarif: a SARIF 2.1.0 log with rules, levels, code point regions and fingerprints") {
  const auto findings = sample_findings();
  const Json log = Json::parse(render("sarif", findings));
  CHECK(log["version"] == "2.1.0");
  REQUIRE(log["runs"].size() == 1);
  const Json& run = log["runs"][0];
  CHECK(run["columnKind"] == "unicodeCodePoints");
  const std::string base = run["originalUriBaseIds"]["%SRCROOT%"]["uri"];
  CHECK(base.rfind("file:///", 0) == 0);
  CHECK(base.back() == '/');

  const Json& driver = run["tool"]["driver"];
  CHECK(driver["name"] == "brandlint");
  CHECK(driver["version"] == std::string(brandlint::version()));
  // One descriptor per rule, in the order the rules first fire.
  REQUIRE(driver["rules"].size() == 3);
  const Json& spelling = driver["rules"][0];
  CHECK(spelling["id"] == "spelling.unknown-word");
  CHECK(spelling["shortDescription"]["text"] == "Word not in the dictionary");
  CHECK(!spelling["fullDescription"]["text"].get<std::string>().empty());
  CHECK(!spelling.contains("helpUri"));
  CHECK(spelling["defaultConfiguration"]["level"] == "warning");
  const Json& pack_rule = driver["rules"][1];
  CHECK(pack_rule["id"] == "discrimination.test.example");
  CHECK(pack_rule["shortDescription"]["text"] == "Discriminatory language");
  CHECK(pack_rule["fullDescription"]["text"] == "Why this hurts, in a paragraph.");
  CHECK(pack_rule["help"]["text"] == "Why this hurts, in a paragraph.");
  CHECK(pack_rule["helpUri"] == "https://example.org/guide#terms");
  CHECK(pack_rule["defaultConfiguration"]["level"] == "error");
  CHECK(driver["rules"][2]["defaultConfiguration"]["level"] == "note");

  const Json& results = run["results"];
  REQUIRE(results.size() == 4);
  const Json& typo = results[0];
  CHECK(typo["ruleId"] == "spelling.unknown-word");
  CHECK(typo["ruleIndex"] == 0);
  CHECK(typo["level"] == "warning");
  CHECK(typo["message"]["text"] ==
        "\"recivirás\" is not in the Spanish dictionary: a typo?\n"
        "did you mean \"recibirás\" or \"revivirás\"?");
  const Json& location = typo["locations"][0]["physicalLocation"];
  CHECK(location["artifactLocation"]["uri"] == "posts/es/respuesta%20%C3%B1.txt");
  CHECK(location["artifactLocation"]["uriBaseId"] == "%SRCROOT%");
  CHECK(location["region"] == Json::parse(R"({"startLine":5,"startColumn":22,"endLine":5,
                                              "endColumn":31})"));
  CHECK(!typo.contains("suppressions"));

  const Json& slur = results[1];
  CHECK(slur["ruleIndex"] == 1);
  CHECK(slur["level"] == "error");
  CHECK(slur["locations"][0]["physicalLocation"]["region"] ==
        Json::parse(R"({"startLine":2,"startColumn":9,"endLine":2,"endColumn":17})"));
  const Json& across = results[2];
  CHECK(across["level"] == "note");
  CHECK(across["locations"][0]["physicalLocation"]["region"] ==
        Json::parse(R"({"startLine":2,"startColumn":23,"endLine":3,"endColumn":7})"));

  const Json& accepted = results[3];
  CHECK(accepted["ruleIndex"] == 0);
  CHECK(accepted["suppressions"] ==
        Json::parse(R"([{"kind":"inSource","justification":"our team's signature"}])"));

  std::set<std::string> fingerprints;
  for (const auto& r : results) {
    const std::string fp = r["partialFingerprints"]["brandlintFindingHash/v1"];
    CHECK(is_hex(fp, 32));
    fingerprints.insert(fp);
  }
  CHECK(fingerprints.size() == results.size());
}

TEST_CASE("sarif: fingerprints survive lines added above and tell repeated findings apart") {
  auto file = source("post.txt", "Thanks! We have recieved it, yes recieved.\n");
  auto moved = source("post.txt", "Hello.\n\nThanks! We have recieved it, yes recieved.\n");
  auto fingerprints = [](const std::shared_ptr<const SourceFile>& f) {
    const std::size_t first = f->contents.find("recieved");
    std::vector<Finding> two = {
        finding_on(f, "recieved", "spelling.unknown-word", Severity::warning, "typo"),
        finding_on(f, "recieved", "spelling.unknown-word", Severity::warning, "typo", first + 1)};
    const Json log = Json::parse(render("sarif", two));
    std::vector<std::string> out;
    for (const auto& r : log["runs"][0]["results"]) {
      out.push_back(r["partialFingerprints"]["brandlintFindingHash/v1"]);
    }
    return out;
  };
  const auto before = fingerprints(file);
  const auto after = fingerprints(moved);
  REQUIRE(before.size() == 2);
  CHECK(before[0] != before[1]);
  CHECK(before == after);
}

TEST_CASE("sarif: stdin gets a location named after it; files outside the folder get file URIs") {
  auto stdin_source = source("<stdin>", "We have recieved it.\n");
  auto outside = source("/brandlint-nowhere/a b.txt", "We have recieved it.\n");
  const Json log = Json::parse(
      render("sarif", {finding_on(stdin_source, "recieved", "spelling.x", Severity::warning, "m"),
                       finding_on(outside, "recieved", "spelling.x", Severity::warning, "m")}));
  const Json& results = log["runs"][0]["results"];
  const Json& in = results[0]["locations"][0]["physicalLocation"]["artifactLocation"];
  CHECK(in["uri"] == "%3Cstdin%3E");
  CHECK(!in.contains("uriBaseId"));
  const Json& out = results[1]["locations"][0]["physicalLocation"]["artifactLocation"];
  if (std::filesystem::current_path() != "/") {
    CHECK(out["uri"] == "file:///brandlint-nowhere/a%20b.txt");
    CHECK(!out.contains("uriBaseId"));
  }
}

TEST_CASE("github: workflow commands with escaped properties and data") {
  const std::string out = render("github", sample_findings());
  const std::string expected =
      "::warning file=posts/es/respuesta ñ.txt,line=5,col=22,endLine=5,endColumn=31,"
      "title=spelling.unknown-word::\"recivirás\" is not in the Spanish dictionary: a "
      "typo?%0Adid you mean \"recibirás\" or \"revivirás\"?\n"
      "::error file=posts/en/crlf.txt,line=2,col=9,endLine=2,endColumn=17,"
      "title=discrimination.test.example::50%25 of \"{x}\", a:b,%0Ac\n"
      // Columns only for a span on one line.
      "::notice file=posts/en/crlf.txt,line=2,endLine=3,title=tone.curt.sign-off::a curt "
      "sign-off\n";
  // The suppressed finding is not annotated.
  CHECK(out == expected);
}

TEST_CASE("github: property values escape the characters that end them") {
  auto odd = source("a,b:c%.txt", "We have recieved it.\n");
  const std::string out =
      render("github", {finding_on(odd, "recieved", "spelling.x", Severity::warning, "m\r\n")});
  CHECK(out ==
        "::warning file=a%2Cb%3Ac%25.txt,line=1,col=9,endLine=1,endColumn=17,title=spelling.x::"
        "m%0D%0A\n");
  auto from_stdin = source("<stdin>", "We have recieved it.\n");
  CHECK(render("github", {finding_on(from_stdin, "recieved", "spelling.x", Severity::info, "m")}) ==
        "::notice title=spelling.x::m\n");
}

TEST_CASE("gitlab: a Code Quality report with severities, paths, lines and fingerprints") {
  const auto findings = sample_findings();
  const Json report = Json::parse(render("gitlab", findings));
  REQUIRE(report.is_array());
  REQUIRE(report.size() == 3);  // the suppressed finding is left out
  const Json sarif = Json::parse(render("sarif", findings));
  for (std::size_t i = 0; i < report.size(); ++i) {
    Json issue = report[i];
    const std::string fp = issue["fingerprint"];
    CHECK(is_hex(fp, 32));
    // The same identity as in SARIF, so the two dashboards agree.
    CHECK(fp == sarif["runs"][0]["results"][i]["partialFingerprints"]["brandlintFindingHash/v1"]);
    issue.erase("fingerprint");
    const Json expected = Json::array(
        {Json::parse(
             R"({"description":"\"recivirás\" is not in the Spanish dictionary: a typo? — did you mean \"recibirás\" or \"revivirás\"?",
                        "check_name":"spelling.unknown-word","severity":"major",
                        "location":{"path":"posts/es/respuesta ñ.txt","lines":{"begin":5,"end":5}}})"),
         Json::parse(
             R"({"description":"50% of \"{x}\", a:b,\nc","check_name":"discrimination.test.example",
                        "severity":"critical",
                        "location":{"path":"posts/en/crlf.txt","lines":{"begin":2,"end":2}}})"),
         Json::parse(R"({"description":"a curt sign-off","check_name":"tone.curt.sign-off",
                        "severity":"info",
                        "location":{"path":"posts/en/crlf.txt","lines":{"begin":2,"end":3}}})")})
        [i];
    CHECK(issue == expected);
  }
}

namespace {
const std::string kCrlfReply =
    "---\r\nid: en-1\r\nlang: en\r\n---\r\nHi Ana 😊, we have recieved your order.\r\n";
}

TEST_CASE("cli: --format jsonl, sarif, github and gitlab on a file in the current folder") {
  TempDir dir;
  dir.write("posts/reply é.txt", kCrlfReply);

  auto jsonl = run_in(dir.path(), "check --format jsonl posts");
  CHECK(jsonl.exit_code == 1);
  const Json line = Json::parse(jsonl.out.substr(0, jsonl.out.find('\n')));
  CHECK(line["file"] == "posts/reply é.txt");
  CHECK(line["line"] == 5);
  CHECK(line["column"] == 19);
  CHECK(line["match"] == "recieved");
  CHECK(std::count(jsonl.out.begin(), jsonl.out.end(), '\n') == 1);

  auto sarif = run_in(dir.path(), "check --format sarif posts");
  CHECK(sarif.exit_code == 1);
  const Json log = Json::parse(sarif.out);
  const Json& result = log["runs"][0]["results"][0];
  CHECK(result["ruleId"] == "spelling.unknown-word");
  CHECK(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] ==
        "posts/reply%20%C3%A9.txt");
  CHECK(result["locations"][0]["physicalLocation"]["region"] ==
        Json::parse(R"({"startLine":5,"startColumn":19,"endLine":5,"endColumn":27})"));
  // An absolute path inside the current folder is made relative too.
  auto absolute = run_in(dir.path(), "check --format sarif " + quote(dir.path("posts")));
  CHECK(Json::parse(absolute.out)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
                                 ["artifactLocation"]["uri"] == "posts/reply%20%C3%A9.txt");

  auto github = run_in(dir.path(), "check --format github posts");
  CHECK(github.exit_code == 1);
  CHECK(github.out.rfind("::warning file=posts/reply é.txt,line=5,col=19,endLine=5,endColumn=27,"
                         "title=spelling.unknown-word::\"recieved\"",
                         0) == 0);

  auto gitlab = run_in(dir.path(), "check --format gitlab posts");
  CHECK(gitlab.exit_code == 1);
  const Json report = Json::parse(gitlab.out);
  REQUIRE(report.size() == 1);
  CHECK(report[0]["location"]["path"] == "posts/reply é.txt");
  CHECK(report[0]["location"]["lines"]["begin"] == 5);
  CHECK(report[0]["severity"] == "major");
  CHECK(report[0]["fingerprint"] ==
        log["runs"][0]["results"][0]["partialFingerprints"]["brandlintFindingHash/v1"]);
}

TEST_CASE("cli: a polite reply gives empty machine reports that still parse") {
  TempDir dir;
  dir.write("ok.txt", "---\nlang: en\n---\nHi Ana, thanks for your message!\n");
  CHECK(run_in(dir.path(), "check --format jsonl ok.txt").out.empty());
  CHECK(run_in(dir.path(), "check --format github ok.txt").out.empty());
  CHECK(Json::parse(run_in(dir.path(), "check --format gitlab ok.txt").out) == Json::array());
  const auto sarif = run_in(dir.path(), "check --format sarif ok.txt");
  CHECK(sarif.exit_code == 0);
  const Json log = Json::parse(sarif.out);
  CHECK(log["runs"][0]["results"] == Json::array());
  CHECK(log["runs"][0]["tool"]["driver"]["rules"] == Json::array());
}
