// GitLab's Code Quality report: a JSON array of Code Climate issues that the merge request
// widget shows and compares with the target branch by fingerprint. Findings a suppression
// covers are left out (the format has no way to mark them).
#include <ostream>

#include "report/artifact_path.hpp"
#include "report/finding_json.hpp"
#include "report/fingerprint.hpp"
#include "report/reporter.hpp"
#include "report/rule_help.hpp"

namespace brandlint::report {
namespace {

// GitLab's scale is info, minor, major, critical, blocker. An error would embarrass the
// brand (critical); a warning is what a reviewer asks to fix (major); an info is a suggestion.
const char* gitlab_severity(Severity s) {
  switch (s) {
    case Severity::error: return "critical";
    case Severity::warning: return "major";
    case Severity::info: return "info";
  }
  return "info";
}

class GitlabReporter final : public Reporter {
 public:
  explicit GitlabReporter(std::ostream& out) : out_(out) {}

  void finding(const Finding& f) override {
    if (f.suppressed) return;
    const Diagnostic& d = f.diagnostic;
    const ArtifactPath path = artifact_path(*f.source);
    std::string description = d.message;
    if (const std::string hint = suggestion_hint(d); !hint.empty()) description += " — " + hint;
    nlohmann::ordered_json issue;
    issue["description"] = description;
    issue["check_name"] = d.rule;
    issue["fingerprint"] = fingerprints_.next(f, path.path);
    issue["severity"] = gitlab_severity(d.severity);
    issue["location"] = {{"path", path.path},
                         {"lines", {{"begin", f.begin.line}, {"end", f.end.line}}}};
    issues_.push_back(std::move(issue));
  }

  void finish(const Summary&) override { out_ << dump_json(issues_, 2) << '\n'; }

 private:
  std::ostream& out_;
  nlohmann::ordered_json issues_ = nlohmann::ordered_json::array();
  Fingerprinter fingerprints_;
};

}  // namespace

std::unique_ptr<Reporter> make_gitlab_reporter(std::ostream& out) {
  return std::make_unique<GitlabReporter>(out);
}

}  // namespace brandlint::report
