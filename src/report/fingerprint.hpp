// Stable identities for findings, so that code-scanning and code-quality dashboards can tell a
// finding that moved (a line added above it) from a new one. Line numbers are left out on
// purpose; what identifies a finding is its file, post, rule, matched text, and how many
// identical findings came before it in the same post.
#pragma once

#include <map>
#include <string>

#include "report/reporter.hpp"

namespace brandlint::report {

class Fingerprinter {
 public:
  // 32 hex digits. Call once per finding, in report order.
  std::string next(const Finding& finding, const std::string& path);

 private:
  std::map<std::string, std::size_t> seen_;
};

}  // namespace brandlint::report
