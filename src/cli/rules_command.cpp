// `brandlint rules list|test|check`: the rule packs as data a community manager maintains.
#include <filesystem>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "linter_impl.hpp"
#include "rules/rule.hpp"
#include "rules/rule_set.hpp"
#include "text/analysed_text.hpp"

namespace brandlint::cli {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> shipped_files(const std::string& data_dir, const std::string& lang) {
  std::vector<std::string> files;
  std::error_code ec;
  for (fs::directory_iterator it(fs::path(data_dir) / "rules" / lang, ec), end; !ec && it != end;
       it.increment(ec)) {
    const auto ext = it->path().extension();
    if (ext == ".yaml" || ext == ".yml") files.push_back(it->path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

bool same_file(const std::string& a, const std::string& b) {
  std::error_code ec;
  return fs::equivalent(a, b, ec);
}

// Loads `files` and compiles them per language. With `with_pack`, each language's shipped
// files are compiled alongside (so user files can use the shipped lists and duplicate ids
// are caught); `tested` receives the files whose rules are to be looked at.
struct Loaded {
  std::map<std::string, std::shared_ptr<rules::RuleSet>> sets;
  std::vector<std::string> tested;
  std::vector<std::string> warnings;  // of the tested files (rules::literal_term_warnings)
};

Expected<Loaded> load(const std::vector<std::string>& files, bool with_pack,
                      const std::string& only_lang) {
  const std::string data_dir = find_data_dir();
  std::map<std::string, std::vector<rules::RuleFile>> by_lang;
  Loaded loaded;
  std::vector<std::string> wanted = files;
  if (wanted.empty()) {
    for (const char* lang : {"en", "es", "fr", "it"}) {
      if (!only_lang.empty() && only_lang != lang) continue;
      for (auto& f : shipped_files(data_dir, lang)) wanted.push_back(f);
    }
  }
  for (const auto& path : wanted) {
    auto file = rules::load_rule_file(path);
    if (!file) return file.error();
    loaded.tested.push_back(path);
    for (auto& w : rules::literal_term_warnings(file.value())) {
      loaded.warnings.push_back("warning: " + std::move(w));
    }
    by_lang[file.value().lang].push_back(std::move(file.value()));
  }
  if (with_pack) {
    for (auto& [lang, list] : by_lang) {
      for (const auto& path : shipped_files(data_dir, lang)) {
        bool already = false;
        for (const auto& f : list) already = already || same_file(f.path, path);
        if (already) continue;
        auto file = rules::load_rule_file(path);
        if (!file) return file.error();
        list.push_back(std::move(file.value()));
      }
    }
  }
  for (auto& [lang, list] : by_lang) {
    auto set = rules::RuleSet::compile(lang, std::move(list));
    if (!set) return set.error();
    loaded.sets[lang] = std::move(set.value());
  }
  return loaded;
}

bool is_tested(const Loaded& loaded, const rules::Rule& rule) {
  for (const auto& f : loaded.tested) {
    if (same_file(f, rule.file)) return true;
  }
  return false;
}

}  // namespace

int run_rules_list(const RulesOptions& options) {
  std::vector<std::string> files;
  if (!options.config.empty()) {
    auto config = load_config(options.config);
    if (!config) {
      std::cerr << config.error().to_string() << '\n';
      return kExitError;
    }
    files = config.value().rule_files;
  }
  auto loaded = load(files, true, options.lang);
  if (!loaded) {
    std::cerr << loaded.error().to_string() << '\n';
    return kExitError;
  }
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const auto& [lang, set] : loaded.value().sets) {
    if (!options.lang.empty() && lang != options.lang) continue;
    for (const auto& rule : set->rules()) {
      if (options.format == "json") {
        list.push_back({{"id", rule.id},
                        {"lang", rule.lang},
                        {"category", rule.category},
                        {"subcategory", rule.subcategory},
                        {"severity", std::string(to_string(rule.severity))},
                        {"message", rule.message},
                        {"file", rule.file},
                        {"line", rule.line}});
      } else {
        std::cout << rule.lang << "  " << rule.id << "  " << to_string(rule.severity) << "  "
                  << rule.file << ':' << rule.line << '\n';
      }
    }
  }
  if (options.format == "json") std::cout << list.dump(2) << '\n';
  return kExitClean;
}

int run_rules_test(const RulesOptions& options) {
  auto loaded = load(options.files, true, "");
  if (!loaded) {
    std::cerr << loaded.error().to_string() << '\n';
    return kExitError;
  }
  for (const auto& w : loaded.value().warnings) std::cerr << w << '\n';
  std::size_t passed = 0, failed = 0, rule_count = 0;
  for (const auto& entry : loaded.value().sets) {
    const auto& set = entry.second;
    for (const auto& rule : set->rules()) {
      if (!is_tested(loaded.value(), rule)) continue;
      ++rule_count;
      auto run = [&](const rules::Located& example, bool must_flag) {
        const text::AnalysedText analysed(example.text);
        const rules::MatchInput input(analysed);
        // Through the whole set, as a check runs it, so that its screening is tested too.
        bool flagged = false;
        for (const auto& m : set->match(input, "")) flagged = flagged || m.rule == &rule;
        if (flagged == must_flag) {
          ++passed;
          return;
        }
        ++failed;
        std::cout << rule.file << ':' << example.line << ": " << rule.id << ": "
                  << (must_flag ? "flag example not reported: \"" : "pass example reported: \"")
                  << example.text << "\"\n";
      };
      for (const auto& e : rule.flag_examples) run(e, true);
      for (const auto& e : rule.pass_examples) run(e, false);
    }
  }
  std::cout << "rules: " << rule_count << " rules, " << (passed + failed) << " examples\n";
  std::cout << passed << " passed, " << failed << " failed\n";
  return failed == 0 ? kExitClean : kExitFindings;
}

int run_rules_check(const RulesOptions& options) {
  auto loaded = load(options.files, true, "");
  if (!loaded) {
    std::cerr << loaded.error().to_string() << '\n';
    return kExitError;
  }
  for (const auto& w : loaded.value().warnings) std::cerr << w << '\n';
  std::size_t count = 0;
  for (const auto& [lang, set] : loaded.value().sets) {
    for (const auto& rule : set->rules()) count += is_tested(loaded.value(), rule) ? 1 : 0;
  }
  std::cout << "ok: " << count << " rules valid\n";
  return kExitClean;
}

}  // namespace brandlint::cli
