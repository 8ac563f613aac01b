#include "report/finding_json.hpp"

namespace brandlint::report {

nlohmann::ordered_json finding_json(const Finding& f) {
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
    j["suppressed"] = true;
    j["reason"] = *f.suppressed;
  }
  return j;
}

std::string dump_json(const nlohmann::ordered_json& j, int indent) {
  return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace brandlint::report
