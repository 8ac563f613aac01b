// SARIF 2.1.0, the format GitHub code scanning and most static-analysis dashboards read. One
// run; rules are described in tool.driver.rules in the order they first fire; regions count
// columns in code points, like every other brandlint position.
#include <map>
#include <ostream>
#include <string_view>

#include "report/artifact_path.hpp"
#include "report/finding_json.hpp"
#include "report/fingerprint.hpp"
#include "report/reporter.hpp"
#include "report/rule_help.hpp"

namespace brandlint::report {
namespace {

using Json = nlohmann::ordered_json;

// The project's public home page, for tool.driver.informationUri; left out while empty.
constexpr std::string_view kInformationUri = "";
// The key of brandlint's own fingerprint in partialFingerprints; bump the version if what it
// hashes changes, so that dashboards do not match unrelated findings.
constexpr const char* kFingerprintKey = "brandlintFindingHash/v1";

const char* sarif_level(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "note";
  }
  return "none";
}

// SARIF requires helpUri to be an absolute URI; a rule's `link` is free text.
bool is_web_uri(const std::string& s) {
  const bool scheme = s.rfind("https://", 0) == 0 || s.rfind("http://", 0) == 0;
  return scheme && s.find_first_of(" \t\r\n\"<>") == std::string::npos;
}

Json rule_descriptor(const Diagnostic& d) {
  const RuleHelp family = rule_help(d.rule);
  const std::string short_text =
      family.short_description.empty() ? d.rule : family.short_description;
  std::string full_text = !d.help.empty() ? d.help : family.full_description;
  if (full_text.empty()) full_text = short_text;
  Json r;
  r["id"] = d.rule;
  r["shortDescription"] = {{"text", short_text}};
  r["fullDescription"] = {{"text", full_text}};
  r["help"] = {{"text", full_text}};
  if (is_web_uri(d.help_uri)) r["helpUri"] = d.help_uri;
  r["defaultConfiguration"] = {{"level", sarif_level(d.severity)}};
  r["properties"] = {{"tags", Json::array({d.category})}};
  return r;
}

class SarifReporter final : public Reporter {
 public:
  explicit SarifReporter(std::ostream& out) : out_(out) {}

  void finding(const Finding& f) override {
    const Diagnostic& d = f.diagnostic;
    const auto [rule, added] = rule_index_.emplace(d.rule, rules_.size());
    if (added) rules_.push_back(rule_descriptor(d));

    const ArtifactPath path = artifact_path(*f.source);
    std::string text = d.message;
    if (const std::string hint = suggestion_hint(d); !hint.empty()) text += "\n" + hint;

    Json r;
    r["ruleId"] = d.rule;
    r["ruleIndex"] = rule->second;
    r["level"] = sarif_level(d.severity);
    r["message"] = {{"text", text}};
    {
      // stdin and --text have no file, but GitHub rejects a result without a location: they
      // get their name ("<stdin>") as a relative URI, with the real region.
      Json artifact = {{"uri", artifact_uri(path)}};
      if (path.relative) artifact["uriBaseId"] = "%SRCROOT%";
      Json region = {{"startLine", f.begin.line},
                     {"startColumn", f.begin.column},
                     {"endLine", f.end.line},
                     {"endColumn", f.end.column}};
      r["locations"] = Json::array(
          {{{"physicalLocation", {{"artifactLocation", artifact}, {"region", region}}}}});
    }
    r["partialFingerprints"] = {{kFingerprintKey, fingerprints_.next(f, path.path)}};
    if (f.suppressed) {
      r["suppressions"] = Json::array({{{"kind", "inSource"}, {"justification", *f.suppressed}}});
    }
    Json properties = {{"post", f.post}, {"match", d.match}};
    if (!d.suggestions.empty()) properties["suggestions"] = d.suggestions;
    if (!d.language.empty()) properties["language"] = d.language;
    r["properties"] = std::move(properties);
    results_.push_back(std::move(r));
  }

  void finish(const Summary&) override {
    Json driver;
    driver["name"] = "brandlint";
    driver["version"] = std::string(version());
    driver["semanticVersion"] = std::string(version());
    if (!kInformationUri.empty()) driver["informationUri"] = std::string(kInformationUri);
    driver["rules"] = std::move(rules_);

    Json run;
    run["tool"] = {{"driver", std::move(driver)}};
    // Relative artifact URIs resolve against the folder brandlint ran in; GitHub maps
    // %SRCROOT% to the checkout on its own.
    run["originalUriBaseIds"] = {{"%SRCROOT%", {{"uri", current_directory_uri()}}}};
    run["columnKind"] = "unicodeCodePoints";
    run["results"] = std::move(results_);

    Json log;
    log["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
    log["version"] = "2.1.0";
    log["runs"] = Json::array({std::move(run)});
    out_ << dump_json(log, 2) << '\n';
  }

 private:
  std::ostream& out_;
  Json rules_ = Json::array();
  std::map<std::string, std::size_t> rule_index_;
  Json results_ = Json::array();
  Fingerprinter fingerprints_;
};

}  // namespace

std::unique_ptr<Reporter> make_sarif_reporter(std::ostream& out) {
  return std::make_unique<SarifReporter>(out);
}

}  // namespace brandlint::report
