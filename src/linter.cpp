#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <future>

#include "cache/shared_by_key.hpp"
#include "linter_impl.hpp"
#include "text/analysed_text.hpp"
#include "text/folded_text.hpp"

namespace brandlint {
namespace fs = std::filesystem;

std::string find_data_dir() {
  auto has_data = [](const fs::path& dir) {
    std::error_code ec;
    return fs::is_directory(dir / "rules", ec) && fs::is_directory(dir / "dictionaries", ec);
  };
  if (const char* env = std::getenv("BRANDLINT_DATA_DIR"); env != nullptr && *env != '\0') {
    return env;
  }
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    for (const fs::path& candidate :
         {exe.parent_path() / ".." / "share" / "brandlint", exe.parent_path() / ".."}) {
      if (has_data(candidate)) return candidate.lexically_normal().string();
    }
  }
#ifdef BRANDLINT_INSTALL_DATADIR
  if (has_data(BRANDLINT_INSTALL_DATADIR)) return BRANDLINT_INSTALL_DATADIR;
#endif
#ifdef BRANDLINT_SOURCE_DIR
  if (has_data(BRANDLINT_SOURCE_DIR)) return BRANDLINT_SOURCE_DIR;
#endif
  return {};
}

std::string rule_language(std::string_view lang) {
  if (lang.substr(0, 2) == "en") return "en";
  return std::string(lang.substr(0, 2));
}

namespace {

void read_word_file(const std::string& path, std::unordered_set<std::string>& out) {
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const auto start = line.find_first_not_of(" \t");
    if (start == std::string::npos || line[start] == '#') continue;
    const auto end = line.find_last_not_of(" \t");
    out.insert(text::fold_term(line.substr(start, end - start + 1)));
  }
}

}  // namespace

std::string today_utc() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

bool matches_prefix(const std::string& id, const std::string& prefix) {
  return id == prefix || (id.size() > prefix.size() && id.compare(0, prefix.size(), prefix) == 0 &&
                          id[prefix.size()] == '.');
}

std::vector<std::string> LinterImpl::pack_files(const std::string& rule_lang) const {
  std::vector<std::string> files;
  std::error_code ec;
  const fs::path dir = fs::path(data_dir) / "rules" / rule_lang;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() == ".yaml" || it->path().extension() == ".yml") {
      files.push_back(it->path().string());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

Expected<std::shared_ptr<const spelling::SpellerPool>> LinterImpl::speller(
    const std::string& lang) const {
  return load_once<spelling::SpellerPool>(
      spellers_, lang, [&]() -> Expected<std::shared_ptr<const spelling::SpellerPool>> {
        std::unordered_set<std::string> accepted;
        const std::string base = rule_language(lang);
        for (const char* shared : {"brands.txt", "celebrations.txt"}) {
          read_word_file((fs::path(data_dir) / "dictionaries" / shared).string(), accepted);
        }
        read_word_file((fs::path(data_dir) / "dictionaries" / ("social-" + base + ".txt")).string(),
                       accepted);
        for (const char* key : {"all", base.c_str()}) {
          auto words = config.words.find(key);
          if (words == config.words.end()) continue;
          for (const auto& w : words->second) accepted.insert(text::fold_term(w));
        }
        for (const auto& file : config.word_lists) read_word_file(file, accepted);
        std::vector<std::string> paths = config.dictionary_paths;
        if (paths.empty())
          paths = {"/usr/share/hunspell", "/usr/share/myspell/dicts", "/usr/share/myspell"};
        auto opened = spelling::SpellerPool::open(lang, paths, std::move(accepted));
        if (!opened) return opened.error();
        return std::shared_ptr<const spelling::SpellerPool>(std::move(opened.value()));
      });
}

namespace {

// A model file of dictionaries/<folder>/<lang>.tsv; no model (nullptr) when there is none.
Expected<std::shared_ptr<const checks::ToneModel>> read_model(const std::string& data_dir,
                                                              const char* folder,
                                                              const std::string& rule_lang) {
  const fs::path path = fs::path(data_dir) / "dictionaries" / folder / (rule_lang + ".tsv");
  std::error_code missing;
  if (!fs::exists(path, missing)) return std::shared_ptr<const checks::ToneModel>();
  auto model = checks::ToneModel::load(path.string());
  if (!model) return model.error();
  return std::shared_ptr<const checks::ToneModel>(std::move(model.value()));
}

}  // namespace

Expected<std::shared_ptr<const checks::ToneModel>> LinterImpl::tone_model(
    const std::string& rule_lang) const {
  return load_once<checks::ToneModel>(tone_models_, rule_lang,
                                      [&] { return read_model(data_dir, "tone", rule_lang); });
}

Expected<std::shared_ptr<const checks::ToneModel>> LinterImpl::hate_model(
    const std::string& rule_lang) const {
  return load_once<checks::ToneModel>(hate_models_, rule_lang,
                                      [&] { return read_model(data_dir, "hate", rule_lang); });
}

Expected<std::shared_ptr<const rules::RuleSet>> LinterImpl::rule_set(
    const std::string& rule_lang) const {
  return load_once<rules::RuleSet>(
      rule_sets_, rule_lang, [&]() -> Expected<std::shared_ptr<const rules::RuleSet>> {
        std::vector<rules::RuleFile> files;
        for (const auto& path : pack_files(rule_lang)) {
          auto file = rules::load_rule_file(path);
          if (!file) return file.error();
          file.value().shipped = true;
          files.push_back(std::move(file.value()));
        }
        for (const auto& file : user_rules) {
          if (file.lang == rule_lang) files.push_back(file);
        }
        // The files by what they hold; one not read from a file is never shared.
        const std::string key = rules::files_key(rule_lang, files);
        // Shared by every Linter of the process made from the same files as they are now: a
        // folder run with a configuration per team (the same rules, each team its own words)
        // compiles each language's rules once, and the set's matching states, built as posts
        // arrive, serve every team.
        static cache::SharedByKey<const rules::RuleSet> shared;
        std::optional<Error> failed;
        auto compile = [&]() -> std::shared_ptr<const rules::RuleSet> {
          auto compiled = rules::RuleSet::compile(rule_lang, std::move(files));
          if (!compiled) {
            failed = compiled.error();
            return nullptr;
          }
          return std::move(compiled.value());
        };
        auto set = key.empty() ? compile() : shared.get(key, compile);
        if (!set) return *failed;
        return set;
      });
}

void LinterImpl::save_caches() const {
  std::vector<std::shared_ptr<const spelling::SpellerPool>> pools;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    for (const auto& [lang, slot] : spellers_) {
      if (slot->ready && slot->value && slot->value->has_value())
        pools.push_back(slot->value->value());
    }
  }
  for (const auto& pool : pools) pool->save_memo();
}

bool LinterImpl::disabled(const std::string& rule_id) const {
  for (const auto& prefix : config.disabled) {
    if (matches_prefix(rule_id, prefix)) return true;
  }
  return false;
}

Severity LinterImpl::severity_of(const std::string& rule_id, Severity given) const {
  // The longest matching prefix wins: "tone" then "tone.sarcasm" refine each other.
  std::size_t best = 0;
  Severity result = given;
  for (const auto& [prefix, severity] : config.severity_overrides) {
    if (matches_prefix(rule_id, prefix) && prefix.size() >= best) {
      best = prefix.size();
      result = severity;
    }
  }
  return result;
}

std::string LinterImpl::language_of(const Post& post) const {
  std::string lang = post.meta.lang.empty() ? config.lang : post.meta.lang;
  if (lang != "auto") return lang;
  // Detected from the text; when it is too short to tell, the configured default.
  if (detector) {
    const text::AnalysedText analysed(post.text);
    const auto guess = detector->detect(analysed, 0, analysed.nfc().size(),
                                        language::LanguageDetector::names_in(post.meta), {});
    if (!guess.lang.empty()) return guess.lang;
  }
  return config.lang == "auto" ? "en" : config.lang;
}

Linter::Linter(std::unique_ptr<LinterImpl> impl) : impl_(std::move(impl)) {}
Linter::~Linter() = default;
const Config& Linter::config() const { return impl_->config; }
void Linter::save_caches() const { impl_->save_caches(); }

Expected<std::shared_ptr<const Linter>> Linter::create(const Config& config) {
  auto impl = std::make_unique<LinterImpl>();
  impl->config = config;
  impl->data_dir = config.data_dir.empty() ? find_data_dir() : config.data_dir;
  if (impl->data_dir.empty()) {
    return Error{"", 0, 0,
                 "cannot find brandlint's rules/ and dictionaries/ folders; set "
                 "BRANDLINT_DATA_DIR to the folder that holds them"};
  }
  for (const auto& path : config.rule_files) {
    auto file = rules::load_rule_file(path);
    if (!file) return file.error();
    impl->user_rules.push_back(std::move(file.value()));
  }
  impl->checks = checks::make_checks();
  const LinterImpl* resources = impl.get();
  impl->speller_for = [resources](std::string_view lang) -> const spelling::SpellerPool* {
    auto pool = resources->speller(std::string(lang));
    return pool ? pool.value().get() : nullptr;  // the pool lives as long as the Linter
  };
  auto detector = language::LanguageDetector::load(impl->data_dir, impl->speller_for);
  if (!detector) return detector.error();
  impl->detector = std::move(detector.value());
  return std::shared_ptr<const Linter>(new Linter(std::move(impl)));
}

Expected<std::vector<Diagnostic>> Linter::check(const Post& post) const {
  const LinterImpl& impl = *impl_;
  const std::string lang = impl.language_of(post);
  const std::string rule_lang = rule_language(lang);
  // The first post of a language loads its dictionary on another thread while this one
  // compiles the language's rules: a one-post run waits for the slower of the two only.
  std::future<void> dictionary;
  if (!impl.speller_ready(lang)) {
    dictionary = std::async(std::launch::async, [&impl, &lang, &post] {
      auto pool = impl.speller(lang);
      if (pool) pool.value()->preload(post.text);
    });
  }
  auto rules = impl.rule_set(rule_lang);
  if (dictionary.valid()) dictionary.wait();
  auto speller = impl.speller(lang);
  if (!speller) return speller.error();
  if (!rules) return rules.error();

  const text::AnalysedText analysed(post.text);
  const rules::MatchInput folded(analysed);
  const std::string platform =
      post.meta.platform.empty() ? impl.config.platform : post.meta.platform;
  const std::string kind = post.meta.kind.empty() ? "post" : post.meta.kind;
  checks::CheckContext context{
      post, analysed,         folded,         lang,        rule_lang,           platform,
      kind, *speller.value(), *rules.value(), impl.config, impl.detector.get(), &impl.speller_for};
  auto tone_model = impl.tone_model(rule_lang);
  if (!tone_model) return tone_model.error();
  context.tone_model = tone_model.value().get();
  auto hate_model = impl.hate_model(rule_lang);
  if (!hate_model) return hate_model.error();
  context.hate_model = hate_model.value().get();
  std::vector<Diagnostic> found;
  for (const auto& check : impl.checks) check->run(context, found);

  const std::string today = today_utc();
  std::vector<Diagnostic> kept;
  for (auto& d : found) {
    if (impl.disabled(d.rule)) continue;
    for (const auto& s : post.meta.suppressions) {
      // An expired suppression no longer applies; the CLI says so.
      if (matches_prefix(d.rule, s.rule) && (s.until.empty() || s.until >= today)) {
        d.suppressed = s.reason;
        break;
      }
    }
    d.severity = impl.severity_of(d.rule, d.severity);
    const std::size_t begin = analysed.to_original(d.offset);
    const std::size_t end = analysed.to_original_end(d.offset + d.length);
    d.offset = begin;
    d.length = end - begin;
    d.match = post.text.substr(begin, end - begin);
    kept.push_back(std::move(d));
  }
  std::stable_sort(kept.begin(), kept.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.offset, a.rule) < std::tie(b.offset, b.rule);
  });
  return kept;
}

}  // namespace brandlint
