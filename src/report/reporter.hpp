// Reporters turn findings into text for people or machines. They never see how a finding
// was made; checks never see how it is printed.
#pragma once

#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "brandlint/brandlint.hpp"

namespace brandlint::report {

// A diagnostic placed in its file.
struct Finding {
  Diagnostic diagnostic;
  std::shared_ptr<const SourceFile> source;
  std::string post;  // the post's id, or its 1-based index in the file
  Position begin;
  Position end;
  // Set when a suppression in the post's front matter covers the finding: the reason the
  // writer gave. Suppressed findings are reported as such, never dropped silently.
  std::optional<std::string> suppressed;
};

// Places a post's diagnostics in the file the post came from.
std::vector<Finding> place(const Post& post, std::vector<Diagnostic> diagnostics);

struct Summary {
  std::size_t files = 0, posts = 0, errors = 0, warnings = 0, infos = 0;
  std::size_t suppressed = 0;  // findings a post's own suppression covers; not counted above
  std::size_t failures = 0;    // inputs that could not be checked (reported on stderr)
  void count(Severity s) {
    if (s == Severity::error)
      ++errors;
    else if (s == Severity::warning)
      ++warnings;
    else
      ++infos;
  }
};

struct Style {
  bool color = false;
};

class Reporter {
 public:
  virtual ~Reporter() = default;
  virtual void finding(const Finding& finding) = 0;
  virtual void finish(const Summary& summary) = 0;
};

std::unique_ptr<Reporter> make_text_reporter(std::ostream& out, Style style);
std::unique_ptr<Reporter> make_json_reporter(std::ostream& out);
std::unique_ptr<Reporter> make_jsonl_reporter(std::ostream& out);   // jsonl_reporter.cpp
std::unique_ptr<Reporter> make_sarif_reporter(std::ostream& out);   // sarif_reporter.cpp
std::unique_ptr<Reporter> make_github_reporter(std::ostream& out);  // github_reporter.cpp
std::unique_ptr<Reporter> make_gitlab_reporter(std::ostream& out);  // gitlab_reporter.cpp

// The names --format accepts, and a reporter for one of them (nullptr for an unknown name).
const std::vector<std::string>& format_names();
std::unique_ptr<Reporter> make_reporter(const std::string& format, std::ostream& out, Style style);

}  // namespace brandlint::report
