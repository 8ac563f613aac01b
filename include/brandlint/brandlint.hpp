// brandlint: screens what a brand is about to publish on social networks.
//
// The public C++ API. A Linter is built once from a Config, is then immutable and may be
// shared by any number of threads; check() analyses one Post and returns its diagnostics.
//
//   brandlint::Config config;              // or brandlint::load_config("path/.brandlint.yaml")
//   auto linter = brandlint::Linter::create(config);
//   brandlint::Post post;
//   post.text = "Hi Ana, thanks for your message!";
//   post.meta.lang = "en";
//   auto diagnostics = linter.value()->check(post);
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace brandlint {

enum class Severity { info = 0, warning = 1, error = 2 };

std::string_view to_string(Severity severity);
std::optional<Severity> parse_severity(std::string_view name);

// A problem the user can fix, with where it is. Errors are values: functions that can fail on
// user input return Expected<T>.
struct Error {
  std::string file;        // empty when not about a file
  std::size_t line = 0;    // 1-based; 0 when unknown
  std::size_t column = 0;  // 1-based, in code points; 0 when unknown
  std::string message;

  // "file:line:col: message", leaving out what is unknown.
  std::string to_string() const;
};

template <typename T>
class Expected {
 public:
  Expected(T value) : state_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
  Expected(Error error) : state_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool has_value() const { return state_.index() == 0; }
  explicit operator bool() const { return has_value(); }
  T& value() & { return std::get<0>(state_); }
  const T& value() const& { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const Error& error() const { return std::get<1>(state_); }

 private:
  std::variant<T, Error> state_;
};

// A post's own exception to a rule: `brandlint: {disable: [{rule, reason, until}]}`.
struct Suppression {
  std::string rule;    // an id or a dotted prefix
  std::string reason;  // required: why the finding is acceptable here
  std::string until;   // YYYY-MM-DD, inclusive; empty: no end
};

// The metadata of a post: the keys of its front matter (or of its row, object or record).
struct Metadata {
  std::string id;
  std::string lang;  // en, en-GB, en-US, es, fr, it or auto; empty: the configured default
  std::string
      platform;  // twitter, x, facebook, instagram, linkedin, mastodon, bluesky, threads, generic
  std::string kind;      // reply or post; empty: post
  std::string customer;  // the customer's name
  std::string customer_handle;
  std::string agent;  // the writer's name
  std::string in_reply_to;
  std::string scheduled_at;  // ISO 8601
  std::string timezone;      // IANA
  std::vector<Suppression> suppressions;
  // The user's own x- keys.
  std::map<std::string, std::string> extra;
};

// Where the bytes of Post::text came from, so that diagnostics point into the original file.
// A post's text is made of segments, each a run of bytes copied unchanged from the file (a JSON
// string with escapes or a CSV cell with doubled quotes has several).
struct SourceFile {
  std::string path;      // as the user named it; "<stdin>" or "<text>" otherwise
  std::string contents;  // the whole file as read
  // When `contents` is a slice of a larger stream (JSON Lines read from stdin in chunks):
  // the stream line of its first line and the stream byte offset of its first byte.
  std::size_t first_line = 1;
  std::size_t base_offset = 0;
  // Where each line of `contents` starts, the first at 0, so that locate() finds a line by
  // binary search instead of counting from the top: a file of thousands of posts has
  // thousands of findings. Filled by index_lines(); while empty, locate() counts.
  std::vector<std::size_t> line_starts{};
  // On a file with a line of more than a few kilobytes (minified JSON holds every post on one
  // line): a code point boundary every few kilobytes, with the number of code points before
  // it, so that a column is counted from the nearest mark, not from the start of the line.
  std::vector<std::pair<std::size_t, std::size_t>> code_point_marks{};
};

struct SourceMap {
  struct Segment {
    std::size_t text_offset;  // where the run starts in Post::text
    std::size_t file_offset;  // where it starts in the file
    std::size_t length;       // bytes
  };
  std::shared_ptr<const SourceFile> file;
  std::vector<Segment> segments;  // sorted by text_offset; empty: text == file contents

  // The file byte offset of a text byte offset.
  std::size_t file_offset(std::size_t text_offset) const;
};

struct Post {
  std::string text;
  Metadata meta;
  SourceMap source;
  std::size_t index = 1;  // 1-based position of the post in its file
};

// One finding. Offsets are bytes into Post::text; the reporters turn them into file positions.
struct Diagnostic {
  std::string rule;  // <category>.<subcategory>.<name>
  std::string category;
  std::string subcategory;
  Severity severity = Severity::warning;
  std::string message;
  std::size_t offset = 0;
  std::size_t length = 0;
  std::string match;
  std::vector<std::string> suggestions;  // best first
  std::string language;
  std::optional<std::string> fix;  // a replacement that is always safe to apply
  // Why the rule exists and where to read more (a rule pack's `explanation` and `link`);
  // empty when the check has none. Reporters that describe rules (SARIF) use them.
  std::string help;
  std::string help_uri;
  // Set when one of the post's suppressions covers this finding: the reason given. It is
  // still reported (as suppressed) but never fails a run.
  std::optional<std::string> suppressed;
};

// A position in a file: 1-based line and column (code points), 0-based byte offset.
struct Position {
  std::size_t line = 1;
  std::size_t column = 1;
  std::size_t offset = 0;
};
Position locate(const SourceFile& file, std::size_t file_offset);
// Fills file.line_starts and file.code_point_marks from file.contents.
void index_lines(SourceFile& file);

struct PlatformLimit {
  std::string counting;  // "twitter" (weighted), "graphemes", "characters", "none"
  std::size_t max_length = 0;
  std::size_t url_length = 0;    // 0: URLs count as written
  std::size_t max_hashtags = 0;  // 0: no limit
};

struct Config {
  std::string lang = "en";
  std::string platform = "generic";
  Severity fail_on = Severity::warning;
  bool fail_never = false;
  std::vector<std::string> dictionary_paths;  // Hunspell .dic/.aff search path
  std::string data_dir;                       // holds rules/ and dictionaries/; empty: found
  // Extra accepted words: key is a language (en, es, fr, it) or "all".
  std::map<std::string, std::vector<std::string>> words;
  std::vector<std::string> word_lists;                               // files, one word a line
  std::vector<std::string> rule_files;                               // user rule files
  std::vector<std::string> disabled;                                 // rule ids or dotted prefixes
  std::vector<std::pair<std::string, Severity>> severity_overrides;  // prefix -> severity
  std::string signature = "none";                                    // none, initials, name
  std::map<std::string, PlatformLimit> platform_limits;              // overrides of the defaults
  std::map<std::string, int> thresholds;  // named numeric knobs of the checks
  std::string source;                     // the file it came from, if any

  // How CSV files are read: the text column, the delimiter, header → metadata key.
  struct Csv {
    std::string text_column;
    char delimiter = 0;  // 0: guessed
    std::map<std::string, std::string> columns;
  } csv;

  // Settings for the files matching some globs (relative to the configuration's folder;
  // `*` within a folder name, `**` across folders).
  struct PathOverride {
    std::vector<std::string> files;
    std::vector<std::string> disabled;
    std::vector<std::pair<std::string, Severity>> severity_overrides;
    std::string lang;
    std::string platform;
  };
  std::vector<PathOverride> overrides;

  // Schedule checks: the audience's waking hours, in minutes after local midnight
  // (`waking_hours: "08:00-22:00"`; a start after the end wraps past midnight).
  int waking_start = 8 * 60;
  int waking_end = 22 * 60;
  // Days a promotional post should not go out: elections, days of mourning, derby days.
  struct SensitiveDate {
    std::string date;      // YYYY-MM-DD, in the local time of `timezone` or of `country`
    std::string until;     // YYYY-MM-DD, inclusive; empty: the one day
    std::string name;      // what it is, for the message
    std::string country;   // ISO 3166 code: the day in any of its time zones
    std::string timezone;  // IANA
  };
  std::vector<SensitiveDate> sensitive_dates;
};

// Reads a .brandlint.yaml. Paths inside it are resolved against its folder.
Expected<Config> load_config(const std::string& path);
// Finds the .brandlint.yaml that applies to a file or folder: from its folder upward, stopping
// at the repository root (a folder holding .git). Empty when there is none.
std::string find_config(const std::string& path);

class LinterImpl;

class Linter {
 public:
  static Expected<std::shared_ptr<const Linter>> create(const Config& config);
  ~Linter();
  Linter(const Linter&) = delete;
  Linter& operator=(const Linter&) = delete;

  // Diagnostics sorted by offset. Fails only when the post cannot be checked at all (a
  // dictionary that is not installed, an unknown language).
  Expected<std::vector<Diagnostic>> check(const Post& post) const;
  // Writes what later runs can reuse (the spelling suggestions found) to the cache folder
  // (see the README, Cache); also done when the Linter is destroyed. Never fails: a cache
  // that cannot be written is only a cache.
  void save_caches() const;

  const Config& config() const;
  const LinterImpl& impl() const { return *impl_; }

 private:
  explicit Linter(std::unique_ptr<LinterImpl> impl);
  std::unique_ptr<LinterImpl> impl_;
};

std::string_view version();

}  // namespace brandlint
