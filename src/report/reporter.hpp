// Reporters turn findings into text for people or machines. They never see how a finding
// was made; checks never see how it is printed.
#pragma once

#include <iosfwd>
#include <memory>
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
};

// Places a post's diagnostics in the file the post came from.
std::vector<Finding> place(const Post& post, std::vector<Diagnostic> diagnostics);

struct Summary {
  std::size_t files = 0, posts = 0, errors = 0, warnings = 0, infos = 0;
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

// The names --format accepts, and a reporter for one of them (nullptr for an unknown name).
const std::vector<std::string>& format_names();
std::unique_ptr<Reporter> make_reporter(const std::string& format, std::ostream& out, Style style);

}  // namespace brandlint::report
