// `brandlint check`: gathers the inputs, finds each one's configuration, checks every post and
// hands the findings to the reporter in input order.
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>

#include "cli/commands.hpp"
#include "post/post_reader.hpp"
#include "report/reporter.hpp"

namespace brandlint::cli {
namespace {

namespace fs = std::filesystem;

void print_error(const Error& e) { std::cerr << e.to_string() << '\n'; }

bool is_post_file(const fs::path& p) {
  const auto ext = p.extension().string();
  return ext == ".txt" || ext == ".md";
}

// Files named directly are checked whatever their extension; folders are searched for *.txt
// and *.md, hidden entries skipped, in a stable order.
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
    if (it->is_regular_file(ec) && is_post_file(p)) files.push_back(p.string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

class LinterCache {
 public:
  explicit LinterCache(const CheckOptions& options) : options_(options) {}

  // The linter for an input: --config, else the .brandlint.yaml that applies to it.
  Expected<std::shared_ptr<const Linter>> for_input(const std::string& path) {
    std::string config_path = options_.config;
    if (config_path.empty()) config_path = find_config(path == "-" || path.empty() ? "." : path);
    auto found = cache_.find(config_path);
    if (found != cache_.end()) return found->second;
    Expected<std::shared_ptr<const Linter>> made = build(config_path);
    cache_.emplace(config_path, made);
    return made;
  }

 private:
  Expected<std::shared_ptr<const Linter>> build(const std::string& config_path) {
    Config config;
    if (!config_path.empty()) {
      auto loaded = load_config(config_path);
      if (!loaded) return loaded.error();
      config = std::move(loaded.value());
    }
    // Command-line flags win over the file.
    if (!options_.lang.empty()) config.lang = options_.lang;
    if (!options_.platform.empty()) config.platform = options_.platform;
    if (options_.fail_on == "never") {
      config.fail_never = true;
    } else if (!options_.fail_on.empty()) {
      config.fail_on = *parse_severity(options_.fail_on);
      config.fail_never = false;
    }
    return Linter::create(config);
  }

  const CheckOptions& options_;
  std::map<std::string, Expected<std::shared_ptr<const Linter>>> cache_;
};

bool use_color(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* term = std::getenv("TERM");
  return isatty(STDOUT_FILENO) != 0 && std::getenv("NO_COLOR") == nullptr &&
         (term == nullptr || std::string(term) != "dumb");
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
    std::cerr << "brandlint check: nothing to check; name files or folders, '-' for stdin, or "
                 "--text \"...\" (see brandlint check --help)\n";
    return kExitError;
  }

  auto reporter =
      report::make_reporter(options.format, std::cout, report::Style{use_color(options.color)});
  LinterCache linters(options);
  report::Summary summary;
  bool failed = false;
  for (const auto& e : errors) print_error(e);

  std::size_t text_index = 0;
  for (const auto& input : inputs) {
    auto linter = linters.for_input(input.path);
    if (!linter) {
      errors.push_back(linter.error());
      print_error(linter.error());
      continue;
    }
    std::shared_ptr<const SourceFile> source;
    if (input.path.empty()) {
      ++text_index;
      source = post::source_from_text(input.text, options.texts.size() > 1
                                                      ? "<text " + std::to_string(text_index) + ">"
                                                      : "<text>");
    } else {
      auto read = post::read_source(input.path);
      if (!read) {
        errors.push_back(read.error());
        print_error(read.error());
        continue;
      }
      source = read.value();
    }
    auto posts = post::parse_posts(source);
    if (!posts) {
      errors.push_back(posts.error());
      print_error(posts.error());
      continue;
    }
    ++summary.files;
    const Config& config = linter.value()->config();
    for (const Post& post : posts.value()) {
      ++summary.posts;
      auto diagnostics = linter.value()->check(post);
      if (!diagnostics) {
        Error e = diagnostics.error();
        if (e.file.empty()) e.file = source->path;
        errors.push_back(e);
        print_error(e);
        continue;
      }
      for (const auto& finding : report::place(post, std::move(diagnostics.value()))) {
        summary.count(finding.diagnostic.severity);
        if (!config.fail_never && finding.diagnostic.severity >= config.fail_on) failed = true;
        reporter->finding(finding);
      }
    }
  }
  reporter->finish(summary);
  if (!errors.empty()) return kExitError;
  return failed ? kExitFindings : kExitClean;
}

}  // namespace brandlint::cli
