// One finding as the JSON object the `json` and `jsonl` formats print, so that the two
// formats can never drift apart.
#pragma once

#include <nlohmann/json.hpp>

#include "report/reporter.hpp"

namespace brandlint::report {

// {"file","post","line","column","end_line","end_column","offset","length","rule","category",
//  "subcategory","severity","message","match","suggestions","language"}, plus
// "suppressed": true and "reason" (the reason given) for a finding a suppression covers.
nlohmann::ordered_json finding_json(const Finding& finding);

// Serialises without ever throwing: inputs are validated UTF-8, but output must not fail.
std::string dump_json(const nlohmann::ordered_json& j, int indent = -1);

}  // namespace brandlint::report
