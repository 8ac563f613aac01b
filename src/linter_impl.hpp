// The Linter's private state: configuration, the check families and the per-language
// resources, loaded on first use.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "brandlint/brandlint.hpp"
#include "checks/check.hpp"
#include "language/language_detector.hpp"
#include "rules/rule.hpp"
#include "rules/rule_set.hpp"
#include "spelling/speller.hpp"

namespace brandlint {

// Where rules/ and dictionaries/ are: BRANDLINT_DATA_DIR, then beside the binary (the build
// tree or an installed share/brandlint), then the source tree it was built from.
std::string find_data_dir();

// The rule-pack language of a post language: en-GB → en.
std::string rule_language(std::string_view lang);

// Whether a rule id is `prefix` or starts with `prefix` followed by a dot.
bool matches_prefix(const std::string& id, const std::string& prefix);

// Today's date in UTC as YYYY-MM-DD, for suppressions' `until`.
std::string today_utc();

class LinterImpl {
 public:
  Config config;
  std::string data_dir;
  std::vector<rules::RuleFile> user_rules;
  std::vector<std::unique_ptr<checks::Check>> checks;
  // Built once in Linter::create; read-only and thread-safe afterwards.
  std::unique_ptr<const language::LanguageDetector> detector;

  // Loaded once per language, under the mutex; afterwards read-only.
  Expected<std::shared_ptr<const spelling::SpellerPool>> speller(const std::string& lang) const;
  Expected<std::shared_ptr<const rules::RuleSet>> rule_set(const std::string& rule_lang) const;
  // The shipped pack's files of a language, sorted.
  std::vector<std::string> pack_files(const std::string& rule_lang) const;

  bool disabled(const std::string& rule_id) const;
  Severity severity_of(const std::string& rule_id, Severity given) const;
  std::string language_of(const Post& post) const;

 private:
  mutable std::mutex mutex_;
  mutable std::map<std::string, Expected<std::shared_ptr<const spelling::SpellerPool>>> spellers_;
  mutable std::map<std::string, Expected<std::shared_ptr<const rules::RuleSet>>> rule_sets_;
};

}  // namespace brandlint
