// JSON Lines: one finding per line, written as soon as it is found, so that brandlint can sit in
// a pipeline (jq, a batch engine's mapper) without waiting for the whole run. No summary line:
// every line is a finding, with the same fields as a diagnostic of the `json` format.
#include <ostream>

#include "report/finding_json.hpp"
#include "report/reporter.hpp"

namespace brandlint::report {
namespace {

class JsonlReporter final : public Reporter {
 public:
  explicit JsonlReporter(std::ostream& out) : out_(out) {}

  void finding(const Finding& f) override {
    out_ << dump_json(finding_json(f)) << '\n';
    out_.flush();
  }

  void finish(const Summary&) override { out_.flush(); }

 private:
  std::ostream& out_;
};

}  // namespace

std::unique_ptr<Reporter> make_jsonl_reporter(std::ostream& out) {
  return std::make_unique<JsonlReporter>(out);
}

}  // namespace brandlint::report
