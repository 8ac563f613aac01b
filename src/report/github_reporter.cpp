// GitHub Actions workflow commands: each finding becomes an annotation on the pull request's
// diff (`::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`). Findings a
// suppression covers are left out: an annotation cannot say "accepted".
#include <ostream>

#include "report/artifact_path.hpp"
#include "report/finding_json.hpp"
#include "report/reporter.hpp"
#include "report/rule_help.hpp"

namespace brandlint::report {
namespace {

const char* command_for(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "notice";
  }
  return "notice";
}

// The runner reads a command up to the end of the line, so line ends in the data are escaped,
// and '%' first so that the escapes themselves survive.
std::string escape_data(std::string_view s) {
  std::string out;
  for (const char c : s) {
    if (c == '%')
      out += "%25";
    else if (c == '\r')
      out += "%0D";
    else if (c == '\n')
      out += "%0A";
    else
      out += c;
  }
  return out;
}

// Property values also end at ',' (the next property) and ':' (the end of the properties).
std::string escape_property(std::string_view s) {
  std::string out;
  for (const char c : escape_data(s)) {
    if (c == ':')
      out += "%3A";
    else if (c == ',')
      out += "%2C";
    else
      out += c;
  }
  return out;
}

class GithubReporter final : public Reporter {
 public:
  explicit GithubReporter(std::ostream& out) : out_(out) {}

  void finding(const Finding& f) override {
    if (f.suppressed) return;
    const Diagnostic& d = f.diagnostic;
    std::string properties;
    const ArtifactPath path = artifact_path(*f.source);
    if (path.is_file) {
      properties += "file=" + escape_property(path.path);
      properties += ",line=" + std::to_string(f.begin.line);
      // GitHub takes columns only for a span on one line.
      if (f.begin.line == f.end.line) {
        properties += ",col=" + std::to_string(f.begin.column);
        properties += ",endLine=" + std::to_string(f.end.line);
        properties += ",endColumn=" + std::to_string(f.end.column);
      } else {
        properties += ",endLine=" + std::to_string(f.end.line);
      }
      properties += ",";
    }
    properties += "title=" + escape_property(d.rule);
    std::string message = d.message;
    if (const std::string hint = suggestion_hint(d); !hint.empty()) message += "\n" + hint;
    out_ << "::" << command_for(d.severity) << ' ' << properties << "::" << escape_data(message)
         << '\n';
  }

  void finish(const Summary&) override { out_.flush(); }

 private:
  std::ostream& out_;
};

}  // namespace

std::unique_ptr<Reporter> make_github_reporter(std::ostream& out) {
  return std::make_unique<GithubReporter>(out);
}

}  // namespace brandlint::report
