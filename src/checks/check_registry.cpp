#include "checks/check.hpp"
#include "checks/evasions.hpp"
#include "checks/families.hpp"

namespace brandlint::checks {

Diagnostic CheckContext::diagnostic(std::string rule, std::string category, std::string subcategory,
                                    Severity severity, std::string message, std::size_t begin,
                                    std::size_t end) const {
  Diagnostic d;
  d.rule = std::move(rule);
  d.category = std::move(category);
  d.subcategory = std::move(subcategory);
  d.severity = severity;
  d.message = std::move(message);
  d.offset = begin;
  d.length = end - begin;
  d.match = text.nfc().substr(begin, end - begin);
  d.language = std::string(lang);
  return d;
}

const CheckContext::CustomerMessage& CheckContext::customer_message() const {
  if (!customer_message_) {
    customer_message_ = std::make_unique<const CustomerMessage>(post.meta.in_reply_to);
  }
  return *customer_message_;
}

const ReadAsMeant* CheckContext::corrected() const {
  if (!corrected_done_) {
    corrected_done_ = true;
    if (auto read = read_as_corrected(folded.folded, text.entities(), questioned)) {
      corrected_ = std::make_unique<const ReadAsMeant>(std::move(*read));
    }
  }
  return corrected_.get();
}

bool CheckContext::found_as_meant(const rules::TermMatcher& words) const {
  if (words.found_in(folded.folded)) return true;
  const ReadAsMeant* meant = corrected();
  return meant != nullptr && words.found_in(meant->text);
}

int CheckContext::threshold(const std::string& name, int fallback) const {
  auto it = config.thresholds.find(name);
  return it == config.thresholds.end() ? fallback : it->second;
}

std::vector<std::unique_ptr<Check>> make_checks() {
  std::vector<std::unique_ptr<Check>> checks;
  checks.push_back(make_spelling_check());
  checks.push_back(make_rule_check());
  checks.push_back(make_platform_check());
  checks.push_back(make_language_check());
  checks.push_back(make_schedule_check());
  checks.push_back(make_tone_check());
  checks.push_back(make_personalisation_check());
  checks.push_back(make_promotion_check());
  return checks;
}

}  // namespace brandlint::checks
