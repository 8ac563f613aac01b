// `brandlint check` (and `brandlint baseline`): gathers the inputs, finds each one's
// configuration, checks every post and hands the findings to the reporter in input order;
// then applies fixes or writes the baseline when asked.
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <mutex>
#include <thread>

#include "cli/baseline.hpp"
#include "cli/commands.hpp"
#include "config/glob.hpp"
#include "fix/fixer.hpp"
#include "linter_impl.hpp"
#include "post/post_reader.hpp"
#include "report/reporter.hpp"
#include "text/utf8_check.hpp"

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

  // Shared by every job of its configuration: a team's configuration may hold thousands of
  // words, and a folder run has thousands of files.
  struct Entry {
    std::shared_ptr<const Linter> linter;
    std::shared_ptr<const Config> config;  // as merged for this input
  };

  // What the linters learned that later runs can use (suggestions), to the cache folder.
  void save_caches() const {
    for (const auto& [key, entry] : linters_) entry.linter->save_caches();
  }

  Expected<Entry> for_input(const std::string& path) {
    std::string config_path = options_.config;
    if (config_path.empty()) {
      // Every line of a JSON Lines stream and every file of a folder asks; the answer for a
      // folder does not change. (`path` names a file: its folder is where the search starts,
      // and asking once per folder spares a dozen stat calls per file.)
      std::string from = path == "-" || path.empty() ? "" : fs::path(path).parent_path().string();
      if (from.empty()) from = ".";
      auto known = found_configs_.find(from);
      if (known == found_configs_.end())
        known = found_configs_.emplace(from, find_config(from)).first;
      config_path = known->second;
    }
    auto loaded = load(config_path);
    if (!loaded) return loaded.error();
    const Config& base = *loaded.value();
    // Per-path overrides, matched on the path relative to the configuration's folder.
    std::string key = config_path;
    std::vector<std::size_t> hits;
    if (!base.overrides.empty() && !path.empty() && path != "-") {
      std::error_code ec;
      const fs::path folder = fs::path(config_path).parent_path();
      const std::string relative =
          fs::relative(fs::absolute(path, ec), fs::absolute(folder, ec), ec).generic_string();
      for (std::size_t i = 0; i < base.overrides.size(); ++i) {
        bool hit = false;
        for (const auto& glob : base.overrides[i].files) hit = hit || glob_match(glob, relative);
        if (!hit) continue;
        key += "#" + std::to_string(i);
        hits.push_back(i);
      }
    }
    auto found = linters_.find(key);
    if (found != linters_.end()) return found->second;
    std::shared_ptr<const Config> config = loaded.value();
    if (!hits.empty()) {
      auto merged = std::make_shared<Config>(base);
      for (std::size_t i : hits) {
        const auto& o = base.overrides[i];
        merged->disabled.insert(merged->disabled.end(), o.disabled.begin(), o.disabled.end());
        merged->severity_overrides.insert(merged->severity_overrides.end(),
                                          o.severity_overrides.begin(), o.severity_overrides.end());
        if (!o.lang.empty() && options_.lang.empty()) merged->lang = o.lang;
        if (!o.platform.empty() && options_.platform.empty()) merged->platform = o.platform;
      }
      config = std::move(merged);
    }
    auto made = Linter::create(*config);
    if (!made) return made.error();
    Entry entry{made.value(), std::move(config)};
    linters_.emplace(key, entry);
    return entry;
  }

 private:
  Expected<std::shared_ptr<const Config>> load(const std::string& config_path) {
    auto found = configs_.find(config_path);
    if (found != configs_.end()) return found->second;
    Expected<Config> result = Config{};
    if (!config_path.empty()) result = load_config(config_path);
    if (!result) return configs_.emplace(config_path, result.error()).first->second;
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
    std::shared_ptr<const Config> shared = std::make_shared<const Config>(std::move(config));
    return configs_.emplace(config_path, shared).first->second;
  }

  const CheckOptions& options_;
  std::map<std::string, std::string> found_configs_;  // path → its .brandlint.yaml
  std::map<std::string, Expected<std::shared_ptr<const Config>>> configs_;
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

// One input's posts on their way through the checks: a file, a --text, or one line of a
// JSON Lines stream.
struct Job {
  std::string path;  // the file to fix; empty when there is none (stdin, --text)
  LinterCache::Entry entry;
  std::shared_ptr<const SourceFile> source;
  std::vector<Post> posts;
  std::vector<std::optional<Expected<std::vector<Diagnostic>>>> results;
};

// Threads that live as long as the run, so that what each one remembers (the spelling memo,
// the language votes) outlasts a batch.
class Workers {
 public:
  explicit Workers(unsigned threads) {
    for (unsigned t = 0; t < threads; ++t) threads_.emplace_back([this] { loop(); });
  }
  ~Workers() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stop_ = true;
    }
    wake_.notify_all();
    for (auto& t : threads_) t.join();
  }
  Workers(const Workers&) = delete;
  Workers& operator=(const Workers&) = delete;

  // Starts `task` on every worker; it must stay alive until wait() returns.
  void start(const std::function<void()>& task) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      task_ = &task;
      ++round_;
      busy_ = threads_.size();
    }
    wake_.notify_all();
  }
  // Returns when every worker has finished the task start() gave.
  void wait() {
    std::unique_lock<std::mutex> lock(mutex_);
    done_.wait(lock, [&] { return busy_ == 0; });
    task_ = nullptr;
  }

 private:
  void loop() {
    std::uint64_t seen = 0;
    for (;;) {
      const std::function<void()>* task = nullptr;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        wake_.wait(lock, [&] { return stop_ || round_ != seen; });
        if (stop_) return;
        seen = round_;
        task = task_;
      }
      (*task)();
      std::lock_guard<std::mutex> lock(mutex_);
      if (--busy_ == 0) done_.notify_one();
    }
  }

  std::vector<std::thread> threads_;
  std::mutex mutex_;
  std::condition_variable wake_, done_;
  const std::function<void()>* task_ = nullptr;
  std::uint64_t round_ = 0;
  std::size_t busy_ = 0;
  bool stop_ = false;
};

// A batch of jobs being checked: each post's result lands beside it, so the output keeps the
// order of the inputs whatever the thread count.
struct Batch {
  std::vector<Job> jobs;
  std::vector<std::pair<std::size_t, std::size_t>> work;  // (job, post)
  std::atomic<std::size_t> next{0};
  std::function<void()> task;

  explicit Batch(std::vector<Job> j) : jobs(std::move(j)) {
    for (std::size_t i = 0; i < jobs.size(); ++i) {
      jobs[i].results.resize(jobs[i].posts.size());
      for (std::size_t p = 0; p < jobs[i].posts.size(); ++p) work.emplace_back(i, p);
    }
    task = [this] {
      for (std::size_t i = next++; i < work.size(); i = next++) {
        auto [j, p] = work[i];
        jobs[j].results[p] = jobs[j].entry.linter->check(jobs[j].posts[p]);
      }
    };
  }
};

class CheckRun {
 public:
  explicit CheckRun(const CheckOptions& options)
      : options_(options),
        linters_(options),
        writing_baseline_(!options.write_baseline.empty()),
        fixing_(options.fix || options.diff),
        threads_(options.jobs > 0 ? static_cast<unsigned>(options.jobs)
                                  : std::max(1u, std::thread::hardware_concurrency())),
        reporter_(report::make_reporter(writing_baseline_ ? "text" : options.format, std::cout,
                                        report::Style{use_color(options.color)})) {}

  int run() {
    std::vector<std::string> files;
    for (const auto& path : options_.paths) {
      for (auto& file : expand(path, errors_)) files.push_back(file);
    }
    if (options_.paths.empty() && options_.texts.empty()) {
      std::cerr << "brandlint: nothing to check; name files or folders, '-' for stdin, or "
                   "--text \"...\" (see brandlint check --help)\n";
      return kExitError;
    }
    for (const auto& e : errors_) print_error(e);
    if (!options_.baseline.empty()) {
      auto loaded = Baseline::load(options_.baseline);
      if (!loaded) {
        print_error(loaded.error());
        return kExitError;
      }
      baseline_ = std::move(loaded.value());
    }
    for (const auto& file : files) {
      if (file == "-" && options_.stdin_format == "jsonl") {
        stream_jsonl(std::cin, "");
      } else if (file != "-" && !fixing_ && post::input_format(file, {}) == "jsonl") {
        stream_jsonl_file(file);
      } else {
        add_file(file);
      }
    }
    std::size_t text_index = 0;
    for (const auto& text : options_.texts) {
      ++text_index;
      add_source("",
                 post::source_from_text(text, options_.texts.size() > 1
                                                  ? "<text " + std::to_string(text_index) + ">"
                                                  : "<text>"),
                 "text");
    }
    finish();
    linters_.save_caches();
    if (writing_baseline_) {
      if (auto e = written_.save(options_.write_baseline)) {
        print_error(*e);
        return kExitError;
      }
      std::cout << "wrote " << written_.size() << " finding" << (written_.size() == 1 ? "" : "s")
                << " to " << options_.write_baseline << '\n';
      return errors_.empty() ? kExitClean : kExitError;
    }
    summary_.failures = errors_.size();
    reporter_->finish(summary_);
    if (!errors_.empty()) return kExitError;
    return failed_ ? kExitFindings : kExitClean;
  }

 private:
  static constexpr std::size_t kBatchPosts = 512;

  void fail(Error e) {
    print_error(e);
    errors_.push_back(std::move(e));
  }

  void add_file(const std::string& path) {
    auto read = post::read_source(path);
    if (!read) return fail(read.error());
    add_source(path == "-" ? "" : path, read.value(), path == "-" ? options_.stdin_format : "");
  }

  // Parses a source into a job; checks and reports when enough posts are waiting.
  void add_source(const std::string& path, std::shared_ptr<const SourceFile> source,
                  const std::string& format) {
    auto entry = linters_.for_input(path);
    if (!entry) return fail(entry.error());
    post::InputOptions input;
    input.format = format;
    const Config& config = *entry.value().config;
    input.csv = {config.csv.text_column, config.csv.columns, config.csv.delimiter};
    auto posts = post::parse_posts(source, input);
    if (!posts) return fail(posts.error());
    std::vector<Post>& all = posts.value();
    for (auto& post : all) fill_metadata(post.meta);
    if (fixing_ || all.size() <= kBatchPosts) {
      add_job(Job{path, entry.value(), std::move(source), std::move(all), {}});
      return;
    }
    // A large file is checked and reported a batch at a time, so that its findings do not
    // pile up until its last post (fixing in place needs them all: then it is one job).
    for (std::size_t from = 0; from < all.size(); from += kBatchPosts) {
      const auto first = all.begin() + static_cast<std::ptrdiff_t>(from);
      const auto last =
          all.begin() + static_cast<std::ptrdiff_t>(std::min(from + kBatchPosts, all.size()));
      Job job{path,
              entry.value(),
              source,
              {std::make_move_iterator(first), std::make_move_iterator(last)},
              {}};
      if (from > 0) --summary_.files;  // one file, however many batches
      add_job(std::move(job));
    }
  }

  // The command line's metadata, where the post does not set its own.
  void fill_metadata(Metadata& meta) const {
    auto fill = [](std::string& field, const std::string& value) {
      if (field.empty()) field = value;
    };
    fill(meta.kind, options_.kind);
    fill(meta.customer, options_.customer);
    fill(meta.customer_handle, options_.customer_handle);
    fill(meta.agent, options_.agent);
    fill(meta.in_reply_to, options_.in_reply_to);
  }

  void add_job(Job job) {
    ++summary_.files;
    pending_posts_ += job.posts.size();
    pending_.push_back(std::move(job));
    if (pending_posts_ >= kBatchPosts) flush();
  }

  // A JSON Lines file, read as stdin is (below), unless its findings are to be fixed in place,
  // which needs the whole file: a file of a year of posts then costs what one batch does.
  void stream_jsonl_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
      return fail(Error{path, 0, 0, std::string("cannot read file: ") + std::strerror(errno)});
    stream_jsonl(in, path);
    if (in.bad()) fail(Error{path, 0, 0, std::string("cannot read file: ") + std::strerror(errno)});
  }

  // JSON Lines from stdin (`path` empty) or a file, one line at a time, so that memory stays
  // bounded however many posts arrive; a malformed line is reported and the stream goes on.
  void stream_jsonl(std::istream& in, const std::string& path) {
    auto entry = linters_.for_input(path);
    if (!entry) return fail(entry.error());
    std::string line;
    std::size_t line_number = 0, offset = 0, index = 0;
    bool counted_file = false;
    while (std::getline(in, line)) {
      ++line_number;
      const std::size_t line_offset = offset;
      offset += line.size() + 1;
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      auto file = std::make_shared<SourceFile>();
      file->path = path.empty() ? "<stdin>" : path;
      file->contents = std::move(line);
      file->first_line = line_number;
      file->base_offset = line_offset;
      if (auto bad = text::check_utf8(file->contents, file->path)) {
        bad->line = line_number;
        fail(*bad);
        continue;
      }
      auto posts = post::parse_posts(file, post::InputOptions{"jsonl", {}});
      if (!posts) {
        fail(posts.error());
        continue;
      }
      for (auto& p : posts.value()) {
        p.index = ++index;
        fill_metadata(p.meta);
      }
      Job job{"", entry.value(), file, std::move(posts.value()), {}};
      if (counted_file) --summary_.files;  // the stream is one input
      counted_file = true;
      add_job(std::move(job));
    }
    if (!counted_file && !path.empty()) ++summary_.files;  // a file of no posts is still one
  }

  // Checks the waiting jobs. With one thread, here and now. With more, the workers check
  // this batch while this thread reports the previous one and reads the next, so reading,
  // checking and printing overlap; finish() reports what is still in flight.
  void flush() {
    std::unique_ptr<Batch> previous;
    if (in_flight_) {
      workers_.wait();
      previous = std::move(in_flight_);
    }
    if (!pending_.empty()) {
      auto batch = std::make_unique<Batch>(std::move(pending_));
      pending_.clear();
      pending_posts_ = 0;
      if (threads_ > 1) {
        workers_.start(batch->task);
        in_flight_ = std::move(batch);
      } else {
        batch->task();
        for (auto& job : batch->jobs) report(job);
      }
    }
    if (previous) {
      for (auto& job : previous->jobs) report(job);
    }
  }
  void finish() {
    while (in_flight_ || !pending_.empty()) flush();
  }

  void report(Job& job) {
    const Config& config = *job.entry.config;
    std::vector<fix::Replacement> replacements;
    for (std::size_t p = 0; p < job.posts.size(); ++p) {
      const Post& post = job.posts[p];
      ++summary_.posts;
      note_expired(post);
      auto& result = *job.results[p];
      if (!result) {
        Error e = result.error();
        if (e.file.empty()) e.file = job.source->path;
        fail(e);
        continue;
      }
      for (auto& finding : report::place(post, std::move(result.value()))) {
        if (baseline_ && !finding.suppressed && baseline_->covers(finding)) continue;
        if (finding.suppressed) {
          ++summary_.suppressed;
        } else {
          if (writing_baseline_) written_.add(finding);
          if (fixing_ && finding.diagnostic.fix) {
            replacements.push_back({finding.begin.offset, finding.end.offset - finding.begin.offset,
                                    *finding.diagnostic.fix});
          }
          summary_.count(finding.diagnostic.severity);
          if (!config.fail_never && finding.diagnostic.severity >= config.fail_on) failed_ = true;
        }
        if (!writing_baseline_) reporter_->finding(finding);
      }
    }
    if (replacements.empty() || job.path.empty()) return;
    const std::string fixed = fix::apply(job.source->contents, replacements);
    if (fixed == job.source->contents) return;
    if (options_.diff) {
      std::cout << fix::unified_diff(job.path, job.source->contents, fixed);
    } else if (auto e = fix::write_atomically(job.path, fixed)) {
      fail(*e);
    } else {
      std::cerr << job.path << ": fixed " << replacements.size() << " finding"
                << (replacements.size() == 1 ? "" : "s") << '\n';
    }
  }

  const CheckOptions& options_;
  LinterCache linters_;
  const bool writing_baseline_;
  const bool fixing_;
  const unsigned threads_;
  Workers workers_{threads_ > 1 ? threads_ : 0};
  std::unique_ptr<Batch> in_flight_;  // being checked by the workers
  std::unique_ptr<report::Reporter> reporter_;
  std::vector<Error> errors_;
  std::optional<Baseline> baseline_;
  Baseline written_;
  report::Summary summary_;
  bool failed_ = false;
  std::vector<Job> pending_;
  std::size_t pending_posts_ = 0;
};

}  // namespace

int run_check(const CheckOptions& options) {
  // The run is left for the system to reclaim: freeing four dictionaries' tables one
  // allocation at a time takes longer than checking a few thousand posts. It stays reachable,
  // so leak checkers do not report it.
  static auto* runs = new std::vector<CheckRun*>();
  runs->push_back(new CheckRun(options));
  return runs->back()->run();
}

}  // namespace brandlint::cli
