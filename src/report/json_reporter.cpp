// The JSON shape scripts depend on: {"version":1,"diagnostics":[...],"summary":{...}}.
#include <nlohmann/json.hpp>
#include <ostream>

#include "report/reporter.hpp"

namespace brandlint::report {
namespace {

class JsonReporter final : public Reporter {
 public:
  explicit JsonReporter(std::ostream& out) : out_(out) {}

  void finding(const Finding& f) override {
    const Diagnostic& d = f.diagnostic;
    nlohmann::ordered_json j;
    j["file"] = f.source->path;
    j["post"] = f.post;
    j["line"] = f.begin.line;
    j["column"] = f.begin.column;
    j["end_line"] = f.end.line;
    j["end_column"] = f.end.column;
    j["offset"] = f.begin.offset;
    j["length"] = f.end.offset - f.begin.offset;
    j["rule"] = d.rule;
    j["category"] = d.category;
    j["subcategory"] = d.subcategory;
    j["severity"] = std::string(to_string(d.severity));
    j["message"] = d.message;
    j["match"] = d.match;
    j["suggestions"] = d.suggestions;
    j["language"] = d.language;
    if (f.suppressed) {
      // Listed apart so that "diagnostics" keeps meaning "what to fix".
      j["reason"] = *f.suppressed;
      suppressed_.push_back(std::move(j));
      return;
    }
    diagnostics_.push_back(std::move(j));
  }

  void finish(const Summary& s) override {
    nlohmann::ordered_json root;
    root["version"] = 1;
    root["diagnostics"] = std::move(diagnostics_);
    root["summary"] = {{"files", s.files},
                       {"posts", s.posts},
                       {"errors", s.errors},
                       {"warnings", s.warnings},
                       {"infos", s.infos}};
    if (!suppressed_.empty()) root["suppressed"] = std::move(suppressed_);
    // Invalid UTF-8 never reaches here (inputs are validated), but never throw on output.
    out_ << root.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  }

 private:
  std::ostream& out_;
  nlohmann::ordered_json diagnostics_ = nlohmann::ordered_json::array();
  nlohmann::ordered_json suppressed_ = nlohmann::ordered_json::array();
};

}  // namespace

std::unique_ptr<Reporter> make_json_reporter(std::ostream& out) {
  return std::make_unique<JsonReporter>(out);
}

}  // namespace brandlint::report
