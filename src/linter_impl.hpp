// The Linter's private state: configuration, the check families and the per-language
// resources, loaded on first use.
#pragma once

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "brandlint/brandlint.hpp"
#include "checks/check.hpp"
#include "checks/tone_model.hpp"
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
  // speller() for the checks and the detector: nullptr when the dictionary is missing.
  std::function<const spelling::SpellerPool*(std::string_view lang)> speller_for;

  // Loaded once per language, under the mutex; afterwards read-only.
  Expected<std::shared_ptr<const spelling::SpellerPool>> speller(const std::string& lang) const;
  Expected<std::shared_ptr<const rules::RuleSet>> rule_set(const std::string& rule_lang) const;
  // dictionaries/tone/<rule_lang>.tsv; a null pointer when the language has no model.
  Expected<std::shared_ptr<const checks::ToneModel>> tone_model(const std::string& rule_lang) const;
  // The language's model of hostile statements about groups (dictionaries/hate/<lang>.tsv),
  // read as the tone model is; nullptr when the language has none.
  Expected<std::shared_ptr<const checks::ToneModel>> hate_model(const std::string& rule_lang) const;
  // Whether speller(lang) is loaded already (or failed to load).
  bool speller_ready(const std::string& lang) const { return ready(spellers_, lang); }
  // The shipped pack's files of a language, sorted.
  std::vector<std::string> pack_files(const std::string& rule_lang) const;

  void save_caches() const;
  bool disabled(const std::string& rule_id) const;
  Severity severity_of(const std::string& rule_id, Severity given) const;
  std::string language_of(const Post& post) const;

 private:
  // A resource loaded by the first thread that needs it; others needing the same one wait,
  // those needing another language load theirs at the same time.
  template <class T>
  struct Slot {
    std::once_flag once;
    std::optional<Expected<std::shared_ptr<const T>>> value;
    std::atomic<bool> ready{false};  // value is set
  };
  template <class T>
  using Slots = std::map<std::string, std::unique_ptr<Slot<T>>>;

  template <class T, class Load>
  Expected<std::shared_ptr<const T>> load_once(Slots<T>& slots, const std::string& key,
                                               Load&& load) const {
    Slot<T>* slot = nullptr;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      auto& entry = slots[key];
      if (!entry) entry = std::make_unique<Slot<T>>();
      slot = entry.get();
    }
    std::call_once(slot->once, [&] {
      slot->value.emplace(load());
      slot->ready = true;
    });
    return *slot->value;
  }
  template <class T>
  bool ready(const Slots<T>& slots, const std::string& key) const {
    std::lock_guard<std::mutex> lock(mutex_);
    auto found = slots.find(key);
    return found != slots.end() && found->second->ready;
  }

  mutable std::mutex mutex_;  // guards the maps, not the loading
  mutable Slots<spelling::SpellerPool> spellers_;
  mutable Slots<rules::RuleSet> rule_sets_;
  mutable Slots<checks::ToneModel> tone_models_;
  mutable Slots<checks::ToneModel> hate_models_;
};

}  // namespace brandlint
