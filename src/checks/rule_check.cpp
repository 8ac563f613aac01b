// Runs the language's rule pack (discrimination, controversial topics, tone phrases, generic
// salutations, sales phrases) and reports each match with the rule's own words.
#include "checks/families.hpp"

namespace brandlint::checks {
namespace {

std::string render_message(const std::string& message, std::string_view match) {
  std::string out = message;
  const std::string placeholder = "{match}";
  for (std::size_t at = out.find(placeholder); at != std::string::npos;
       at = out.find(placeholder, at + match.size())) {
    out.replace(at, placeholder.size(), match);
  }
  return out;
}

class RuleCheck final : public Check {
 public:
  void run(const CheckContext& ctx, std::vector<Diagnostic>& out) const override {
    for (const auto& m : ctx.rules.match(ctx.folded, ctx.kind)) {
      const rules::Rule& rule = *m.rule;
      Diagnostic d = ctx.diagnostic(rule.id, rule.category, rule.subcategory, rule.severity,
                                    std::string(), m.begin, m.end);
      d.message = render_message(rule.message, d.match);
      d.suggestions = rule.suggestions;
      d.fix = rule.fix;
      d.help = rule.explanation;
      d.help_uri = rule.link;
      out.push_back(std::move(d));
    }
  }
};

}  // namespace

std::unique_ptr<Check> make_rule_check() { return std::make_unique<RuleCheck>(); }

}  // namespace brandlint::checks
