// What a rule is about, for formats that describe rules (SARIF's tool.driver.rules). A rule
// pack's rules carry their own explanation and link in the diagnostic; the built-in checks are
// described here, by rule id prefix (the longest matching prefix wins).
#pragma once

#include <string>

namespace brandlint::report {

struct RuleHelp {
  std::string short_description;  // one line
  std::string full_description;   // a paragraph
};

// The description of the rule family `rule_id` belongs to; empty when none is known.
RuleHelp rule_help(const std::string& rule_id);

}  // namespace brandlint::report

#include "brandlint/brandlint.hpp"

namespace brandlint::report {

// The suggestions as a sentence for one-line formats: `did you mean "a" or "b"?` for spelling,
// `try "a", "b" or "c"` otherwise; empty without suggestions.
std::string suggestion_hint(const Diagnostic& diagnostic);

}  // namespace brandlint::report
