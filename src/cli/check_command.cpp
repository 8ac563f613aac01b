// `brandlint check` (and `brandlint baseline`): gathers the inputs, finds each one's
// configuration, checks every post and hands the findings to the reporter in input order;
// then applies fixes or writes the baseline when asked.
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>

#include "cli/baseline.hpp"
#include "cli/commands.hpp"
#include "config/glob.hpp"
#include "fix/fixer.hpp"
#include "linter_impl.hpp"
#include "post/post_reader.hpp"
#include "report/reporter.hpp"

namespace brandlint::cli {
namespace {

namespace fs = std::filesystem;

void print_error(const Error& e) { std::cerr << e.to_string() << '\n'; }

bool has_extension(const fs::path& p, std::initializer_list<const char*> extensions) {
  std::string ext = p.extension().string();
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* e : extensions) {
    if (ext == e) return true;
  }
  return false;
}

// In a folder, data files (JSON, YAML) count as posts only when they look like posts, so
// that package.json or a CI workflow is not taken for one.
bool looks_like_posts(const fs::path& p) {
  if (!has_extension(p, {".json", ".yaml", ".yml"})) return true;
  std::ifstream in(p, std::ios::binary);
  std::string head(64 * 1024, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  return head.find("\"text\"") != std::string::npos || head.find("text:") != std::string::npos;
}

bool is_post_file(const fs::path& p) {
  return has_extension(p, {".txt", ".md", ".json", ".jsonl", ".ndjson", ".csv", ".yaml", ".yml"});
}

// Files named directly are checked whatever their extension; folders are searched for post
// files, hidden entries skipped, in a stable order.
std::vector<std::string> expand(const std::string& path, std::vector<Error>& errors) {
  std::vector<std::string> files;
  std::error_code ec;
  if (path == "-") return {path};
  if (!fs::exists(path, ec)) {
    errors.push_back({path, 0, 0, "no such file or folder"});
    return files;
  }
  if (!fs::is_directory(path, ec)) return {path};
  fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    errors.push_back({path, 0, 0, "cannot read folder: " + ec.message()});
    return files;
  }
  for (const fs::recursive_directory_iterator end; it != end; it.increment(ec)) {
    if (ec) {
      errors.push_back({path, 0, 0, "cannot read folder: " + ec.message()});
      break;
    }
    const fs::path& p = it->path();
    if (p.filename().string().rfind('.', 0) == 0) {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(ec) && is_post_file(p) && looks_like_posts(p)) {
      files.push_back(p.string());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

// One Linter per configuration (and per set of path overrides that apply), built on demand.
class LinterCache {
 public:
  explicit LinterCache(const CheckOptions& options) : options_(options) {}

  struct Entry {
    std::shared_ptr<const Linter> linter;
    Config config;  // as merged for this input
  };

  Expected<Entry> for_input(const std::string& path) {
    std::string config_path = options_.config;
    if (config_path.empty()) config_path = find_config(path == "-" || path.empty() ? "." : path);
    auto base = load(config_path);
    if (!base) return base.error();
    Config config = base.value();
    // Per-path overrides, matched on the path relative to the configuration's folder.
    std::string key = config_path;
    if (!config.overrides.empty() && !path.empty() && path != "-") {
      std::error_code ec;
      const fs::path folder = fs::path(config_path).parent_path();
      const std::string relative =
          fs::relative(fs::absolute(path, ec), fs::absolute(folder, ec), ec).generic_string();
      for (std::size_t i = 0; i < config.overrides.size(); ++i) {
        const auto& o = config.overrides[i];
        bool hit = false;
        for (const auto& glob : o.files) hit = hit || glob_match(glob, relative);
        if (!hit) continue;
        key += "#" + std::to_string(i);
        config.disabled.insert(config.disabled.end(), o.disabled.begin(), o.disabled.end());
        config.severity_overrides.insert(config.severity_overrides.end(),
                                         o.severity_overrides.begin(), o.severity_overrides.end());
        if (!o.lang.empty() && options_.lang.empty()) config.lang = o.lang;
        if (!o.platform.empty() && options_.platform.empty()) config.platform = o.platform;
      }
    }
    auto found = linters_.find(key);
    if (found != linters_.end()) return found->second;
    auto made = Linter::create(config);
    if (!made) return made.error();
    Entry entry{made.value(), config};
    linters_.emplace(key, entry);
    return entry;
  }

 private:
  Expected<Config> load(const std::string& config_path) {
    auto found = configs_.find(config_path);
    if (found != configs_.end()) return found->second;
    Expected<Config> result = Config{};
    if (!config_path.empty()) result = load_config(config_path);
    if (result) {
      Config& config = result.value();
      // Command-line flags win over the file.
      if (!options_.lang.empty()) config.lang = options_.lang;
      if (!options_.platform.empty()) config.platform = options_.platform;
      if (options_.fail_on == "never") {
        config.fail_never = true;
      } else if (!options_.fail_on.empty()) {
        config.fail_on = *parse_severity(options_.fail_on);
        config.fail_never = false;
      }
    }
    configs_.emplace(config_path, result);
    return result;
  }

  const CheckOptions& options_;
  std::map<std::string, Expected<Config>> configs_;
  std::map<std::string, Entry> linters_;
};

bool use_color(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* term = std::getenv("TERM");
  return isatty(STDOUT_FILENO) != 0 && std::getenv("NO_COLOR") == nullptr &&
         (term == nullptr || std::string(term) != "dumb");
}

// Says when a post's suppression has expired: it no longer hides anything.
void note_expired(const Post& post) {
  const std::string today = today_utc();
  for (const auto& s : post.meta.suppressions) {
    if (!s.until.empty() && s.until < today) {
      std::cerr << post.source.file->path << ": note: post "
                << (post.meta.id.empty() ? std::to_string(post.index) : post.meta.id)
                << ": the suppression of '" << s.rule << "' expired on " << s.until
                << " and no longer applies\n";
    }
  }
}

}  // namespace

int run_check(const CheckOptions& options) {
  std::vector<Error> errors;
  struct Input {
    std::string path;  // "-" for stdin, empty for --text
    std::string text;
  };
  std::vector<Input> inputs;
  for (const auto& path : options.paths) {
    for (auto& file : expand(path, errors)) inputs.push_back({file, {}});
  }
  for (const auto& text : options.texts) inputs.push_back({"", text});
  if (options.paths.empty() && options.texts.empty()) {
    std::cerr << "brandlint: nothing to check; name files or folders, '-' for stdin, or "
                 "--text \"...\" (see brandlint check --help)\n";
    return kExitError;
  }
  std::optional<Baseline> baseline;
  if (!options.baseline.empty()) {
    auto loaded = Baseline::load(options.baseline);
    if (!loaded) {
      print_error(loaded.error());
      return kExitError;
    }
    baseline = std::move(loaded.value());
  }
  Baseline written;
  const bool writing_baseline = !options.write_baseline.empty();
  const bool fixing = options.fix || options.diff;

  auto reporter = report::make_reporter(writing_baseline ? "text" : options.format, std::cout,
                                        report::Style{use_color(options.color)});
  LinterCache linters(options);
  report::Summary summary;
  bool failed = false;
  for (const auto& e : errors) print_error(e);

  std::size_t text_index = 0;
  for (const auto& input : inputs) {
    auto entry = linters.for_input(input.path);
    if (!entry) {
      errors.push_back(entry.error());
      print_error(entry.error());
      continue;
    }
    const Config& config = entry.value().config;
    std::shared_ptr<const SourceFile> source;
    post::InputOptions input_options;
    input_options.csv = {config.csv.text_column, config.csv.columns, config.csv.delimiter};
    if (input.path.empty()) {
      ++text_index;
      source = post::source_from_text(input.text, options.texts.size() > 1
                                                      ? "<text " + std::to_string(text_index) + ">"
                                                      : "<text>");
      input_options.format = "text";
    } else {
      auto read = post::read_source(input.path);
      if (!read) {
        errors.push_back(read.error());
        print_error(read.error());
        continue;
      }
      source = read.value();
      if (input.path == "-") input_options.format = options.stdin_format;
    }
    auto posts = post::parse_posts(source, input_options);
    if (!posts) {
      errors.push_back(posts.error());
      print_error(posts.error());
      continue;
    }
    ++summary.files;
    std::vector<fix::Replacement> replacements;
    for (const Post& post : posts.value()) {
      ++summary.posts;
      note_expired(post);
      auto diagnostics = entry.value().linter->check(post);
      if (!diagnostics) {
        Error e = diagnostics.error();
        if (e.file.empty()) e.file = source->path;
        errors.push_back(e);
        print_error(e);
        continue;
      }
      for (auto& finding : report::place(post, std::move(diagnostics.value()))) {
        if (baseline && !finding.suppressed && baseline->covers(finding)) continue;
        if (finding.suppressed) {
          ++summary.suppressed;
        } else {
          if (writing_baseline) written.add(finding);
          if (fixing && finding.diagnostic.fix) {
            replacements.push_back({finding.begin.offset, finding.end.offset - finding.begin.offset,
                                    *finding.diagnostic.fix});
          }
          summary.count(finding.diagnostic.severity);
          if (!config.fail_never && finding.diagnostic.severity >= config.fail_on) failed = true;
        }
        if (!writing_baseline) reporter->finding(finding);
      }
    }
    if (!replacements.empty() && !input.path.empty() && input.path != "-") {
      const std::string fixed = fix::apply(source->contents, replacements);
      if (fixed != source->contents) {
        if (options.diff) {
          std::cout << fix::unified_diff(input.path, source->contents, fixed);
        } else if (auto e = fix::write_atomically(input.path, fixed)) {
          errors.push_back(*e);
          print_error(*e);
        } else {
          std::cerr << input.path << ": fixed " << replacements.size() << " finding"
                    << (replacements.size() == 1 ? "" : "s") << '\n';
        }
      }
    }
  }
  if (writing_baseline) {
    if (auto e = written.save(options.write_baseline)) {
      print_error(*e);
      return kExitError;
    }
    std::cout << "wrote " << written.size() << " finding" << (written.size() == 1 ? "" : "s")
              << " to " << options.write_baseline << '\n';
    return errors.empty() ? kExitClean : kExitError;
  }
  reporter->finish(summary);
  if (!errors.empty()) return kExitError;
  return failed ? kExitFindings : kExitClean;
}

}  // namespace brandlint::cli
