#include "report/reporter.hpp"

namespace brandlint::report {

std::vector<Finding> place(const Post& post, std::vector<Diagnostic> diagnostics) {
  std::vector<Finding> findings;
  findings.reserve(diagnostics.size());
  const std::string id = post.meta.id.empty() ? std::to_string(post.index) : post.meta.id;
  for (auto& d : diagnostics) {
    Finding f;
    f.source = post.source.file;
    f.post = id;
    const std::size_t begin = post.source.file_offset(d.offset);
    // The end is placed from its last byte so that a span ending at an escape stays inside.
    const std::size_t end =
        d.length == 0 ? begin : post.source.file_offset(d.offset + d.length - 1) + 1;
    f.begin = locate(*f.source, begin);
    f.end = locate(*f.source, end);
    f.suppressed = d.suppressed;
    f.diagnostic = std::move(d);
    findings.push_back(std::move(f));
  }
  return findings;
}

const std::vector<std::string>& format_names() {
  static const std::vector<std::string> kNames = {"text",  "json",   "jsonl",
                                                  "sarif", "github", "gitlab"};
  return kNames;
}

std::unique_ptr<Reporter> make_reporter(const std::string& format, std::ostream& out, Style style) {
  if (format == "text") return make_text_reporter(out, style);
  if (format == "json") return make_json_reporter(out);
  if (format == "jsonl") return make_jsonl_reporter(out);
  if (format == "sarif") return make_sarif_reporter(out);
  if (format == "github") return make_github_reporter(out);
  if (format == "gitlab") return make_gitlab_reporter(out);
  return nullptr;
}

}  // namespace brandlint::report
