// Rules as written in YAML, after validation.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "brandlint/brandlint.hpp"

namespace brandlint::rules {

// A string from a rule file and where it was written, for error messages.
struct Located {
  std::string text;
  std::size_t line = 0;
  std::size_t column = 0;
};

struct Rule {
  std::string id;
  std::string category;
  std::string subcategory;
  Severity severity = Severity::warning;
  std::string message;
  std::vector<std::string> suggestions;
  std::optional<std::string> fix;
  std::string explanation;
  std::string link;
  std::vector<Located> terms;
  std::vector<Located> patterns;
  std::vector<Located> exceptions;
  std::vector<Located> exception_patterns;
  std::string applies_to = "any";  // any, reply or post
  std::vector<Located> flag_examples;
  std::vector<Located> pass_examples;
  std::string lang;
  std::string file;
  std::size_t line = 0;
};

using Lists = std::map<std::string, std::vector<Located>>;

struct RuleFile {
  std::string path;
  std::string lang;
  Lists lists;
  std::vector<Rule> rules;
  // Exception patterns shared by every rule of the file (also copied into each rule's own).
  std::vector<Located> exception_patterns;
  // A file of the shipped packs, whose every pattern the test suite compiles: the patterns
  // that only a list's words can trigger are then parsed when first needed, not at start-up.
  bool shipped = false;
  // What the file held when it was read (cache::checksum of its bytes), so that linters whose
  // rules are the same files as they are now share one compiled set; 0 when not read from a
  // file.
  std::uint64_t checksum = 0;
};

// What `files` of `lang` hold as they were read: the language, then a line per file with its
// path and checksum; empty when one was not read from a file (checksum 0). Rule sets made from
// the same key are the same.
std::string files_key(const std::string& lang, const std::vector<RuleFile>& files);

// Reads and validates a rule file: unknown keys, wrong types, missing fields, ids that do not
// follow <category>.<subcategory>.<name>, fewer than two examples of each kind. The language
// is the file's `lang:` key, else the name of its folder when that is a language.
Expected<RuleFile> load_rule_file(const std::string& path);
// The same from the file's contents (`path` names it in errors and gives its language).
Expected<RuleFile> parse_rule_file(const std::string& contents, const std::string& path);

bool is_rule_language(const std::string& lang);

// Terms read everything but `(a|b)` and `{{list}}` literally, so a term written as a pattern
// ("colou?r", "code [0-9]+", "business,? not") silently never matches what its writer meant.
// One line per such term of `file` (its lists, and its rules' terms and exceptions), in the
// form "path:line:col: term "colou?r": '?' is literal in a term; ...". A '?', '*' or '+'
// ending a term or an alternative ("ma va?", "lgbtq+") reads as meant, and is not reported.
std::vector<std::string> literal_term_warnings(const RuleFile& file);

}  // namespace brandlint::rules
