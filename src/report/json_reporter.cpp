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
    // Written as it comes, so that memory does not grow with the findings of a long stream.
    open();
    out_ << (first_ ? "" : ",") << dump(j);
    first_ = false;
  }

  void finish(const Summary& s) override {
    open();
    nlohmann::ordered_json summary = {{"files", s.files},
                                      {"posts", s.posts},
                                      {"errors", s.errors},
                                      {"warnings", s.warnings},
                                      {"infos", s.infos}};
    out_ << "],\"summary\":" << dump(summary);
    if (!suppressed_.empty()) out_ << ",\"suppressed\":" << dump(suppressed_);
    out_ << "}\n";
  }

 private:
  void open() {
    if (opened_) return;
    out_ << "{\"version\":1,\"diagnostics\":[";
    opened_ = true;
  }
  // Invalid UTF-8 never reaches here (inputs are validated), but never throw on output.
  static std::string dump(const nlohmann::ordered_json& j) {
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }

  std::ostream& out_;
  bool opened_ = false, first_ = true;
  nlohmann::ordered_json suppressed_ = nlohmann::ordered_json::array();
};

}  // namespace

std::unique_ptr<Reporter> make_json_reporter(std::ostream& out) {
  return std::make_unique<JsonReporter>(out);
}

}  // namespace brandlint::report
