// A baseline: the findings a repository already had when it adopted brandlint, so that a
// team sees only new ones. Findings are keyed by file, post, rule and matched text, never by
// line, so edits elsewhere in a file do not bring them back.
#pragma once

#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "brandlint/brandlint.hpp"
#include "report/reporter.hpp"

namespace brandlint::cli {

class Baseline {
 public:
  static Expected<Baseline> load(const std::string& path);
  // Whether the baseline holds this finding; each entry covers one occurrence.
  bool covers(const report::Finding& finding);
  void add(const report::Finding& finding);
  std::optional<Error> save(const std::string& path) const;
  std::size_t size() const;

 private:
  using Key = std::tuple<std::string, std::string, std::string, std::string>;
  static Key key_of(const report::Finding& f);
  std::map<Key, std::size_t> counts_;
};

}  // namespace brandlint::cli
