#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <optional>
#include <set>

#include "cache/disk_cache.hpp"
#include "config/config_text.hpp"
#include "rules/rule.hpp"
#include "text/utf8_check.hpp"

namespace brandlint::rules {
namespace {

Error at(const std::string& path, const YAML::Node& node, std::string message) {
  const YAML::Mark mark = node.Mark();
  return Error{path, static_cast<std::size_t>(std::max(mark.line, 0)) + 1,
               static_cast<std::size_t>(std::max(mark.column, 0)) + 1, std::move(message)};
}

Located located(const YAML::Node& node) {
  const YAML::Mark mark = node.Mark();
  return Located{node.Scalar(), static_cast<std::size_t>(std::max(mark.line, 0)) + 1,
                 static_cast<std::size_t>(std::max(mark.column, 0)) + 1};
}

std::optional<Error> read_list(const std::string& path, const YAML::Node& node,
                               const std::string& key, std::vector<Located>& out) {
  if (!node.IsSequence()) return at(path, node, "'" + key + "' must be a list of strings");
  for (const auto& item : node) {
    if (!item.IsScalar() || item.Scalar().empty()) {
      return at(path, item, "'" + key + "' must hold non-empty strings");
    }
    out.push_back(located(item));
  }
  return std::nullopt;
}

std::optional<Error> read_text(const std::string& path, const YAML::Node& node,
                               const std::string& key, std::string& out) {
  if (!node.IsScalar()) return at(path, node, "'" + key + "' must be a string");
  out = node.Scalar();
  return std::nullopt;
}

bool is_slug(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) return false;
  }
  return true;
}

const std::set<std::string>& categories() {
  static const std::set<std::string> kCategories = {"discrimination",  "controversial", "tone",
                                                    "personalisation", "promotion",     "spelling"};
  return kCategories;
}

std::optional<Error> read_rule(const std::string& path, const YAML::Node& node, Rule& rule) {
  if (!node.IsMap()) return at(path, node, "a rule must be a map of keys and values");
  rule.line = static_cast<std::size_t>(std::max(node.Mark().line, 0)) + 1;
  rule.file = path;
  bool has_explanation = false;
  for (const auto& entry : node) {
    const std::string key = entry.first.Scalar();
    const YAML::Node& v = entry.second;
    std::optional<Error> e;
    if (key == "id") {
      e = read_text(path, v, key, rule.id);
    } else if (key == "category") {
      e = read_text(path, v, key, rule.category);
      if (!e && categories().count(rule.category) == 0) {
        e = at(path, v,
               "unknown category '" + rule.category +
                   "' (use discrimination, controversial, tone, personalisation, promotion or "
                   "spelling)");
      }
    } else if (key == "subcategory") {
      e = read_text(path, v, key, rule.subcategory);
    } else if (key == "severity") {
      std::string s;
      e = read_text(path, v, key, s);
      if (!e) {
        auto parsed = parse_severity(s);
        if (!parsed)
          e = at(path, v, "severity must be error, warning or info");
        else
          rule.severity = *parsed;
      }
    } else if (key == "message") {
      e = read_text(path, v, key, rule.message);
    } else if (key == "suggestions") {
      std::vector<Located> items;
      e = read_list(path, v, key, items);
      for (auto& item : items) rule.suggestions.push_back(item.text);
    } else if (key == "fix") {
      std::string fix;
      e = read_text(path, v, key, fix);
      rule.fix = fix;
    } else if (key == "explanation") {
      e = read_text(path, v, key, rule.explanation);
      has_explanation = true;
    } else if (key == "link") {
      e = read_text(path, v, key, rule.link);
      has_explanation = true;
    } else if (key == "terms") {
      e = read_list(path, v, key, rule.terms);
    } else if (key == "patterns") {
      e = read_list(path, v, key, rule.patterns);
    } else if (key == "exceptions") {
      e = read_list(path, v, key, rule.exceptions);
    } else if (key == "exception_patterns") {
      e = read_list(path, v, key, rule.exception_patterns);
    } else if (key == "applies_to") {
      e = read_text(path, v, key, rule.applies_to);
      if (!e && rule.applies_to != "any" && rule.applies_to != "reply" &&
          rule.applies_to != "post") {
        e = at(path, v, "'applies_to' must be any, reply or post");
      }
    } else if (key == "examples") {
      if (!v.IsMap()) {
        e = at(path, v, "'examples' must be a map with 'flag' and 'pass' lists");
      } else {
        for (const auto& ex : v) {
          const std::string kind = ex.first.Scalar();
          if (kind == "flag")
            e = read_list(path, ex.second, "examples.flag", rule.flag_examples);
          else if (kind == "pass")
            e = read_list(path, ex.second, "examples.pass", rule.pass_examples);
          else
            e = at(path, ex.first, "unknown key 'examples." + kind + "' (use flag and pass)");
          if (e) break;
        }
      }
    } else {
      e = at(path, entry.first,
             "unknown rule key '" + key +
                 "' (known: id, category, subcategory, severity, message, suggestions, fix, "
                 "explanation, link, terms, patterns, exceptions, exception_patterns, "
                 "applies_to, examples)");
    }
    if (e) return e;
  }
  for (const char* required : {"id", "category", "subcategory", "severity", "message"}) {
    if (!node[required]) return at(path, node, std::string("rule is missing '") + required + "'");
  }
  const std::string prefix = rule.category + "." + rule.subcategory + ".";
  if (rule.id.rfind(prefix, 0) != 0 || !is_slug(rule.id.substr(prefix.size())) ||
      !is_slug(rule.subcategory)) {
    return at(path, node["id"],
              "rule id '" + rule.id +
                  "' must be <category>.<subcategory>.<name> in lowercase, "
                  "here '" +
                  prefix + "<name>'");
  }
  if (rule.terms.empty() && rule.patterns.empty()) {
    return at(path, node, "rule '" + rule.id + "' needs 'terms' or 'patterns'");
  }
  if (!has_explanation) {
    return at(path, node, "rule '" + rule.id + "' needs an 'explanation' or a 'link'");
  }
  if (rule.flag_examples.size() < 2 || rule.pass_examples.size() < 2) {
    return at(path, node["examples"] ? node["examples"] : node,
              "rule '" + rule.id + "' needs at least two 'flag' and two 'pass' examples");
  }
  return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// Parsed rule files kept in the cache: yaml-cpp reads the shipped English pack (200 KB) in
// about 20 ms, most of a one-post run; the cached copy reads in well under one. The key holds
// the path as given (rules remember it), a checksum of the contents, so an edited file is
// parsed again however its time stamps moved, and the code that parsed it (as the suggestion
// memo's does), so a new build never takes an older parser's reading, its checks included.
// Only files that parsed without error are kept.

constexpr std::string_view kRuleCacheMagic = "brandlint rule file 1\n";

void save(cache::Writer& out, const Located& l) {
  out.text(l.text);
  out.number<std::uint64_t>(l.line);
  out.number<std::uint64_t>(l.column);
}

void save(cache::Writer& out, const std::vector<Located>& list) {
  out.number<std::uint64_t>(list.size());
  for (const Located& l : list) save(out, l);
}

std::string save_rule_file(const RuleFile& file, const std::string& key) {
  cache::Writer out;
  out.text(key);
  out.text(file.path);
  out.text(file.lang);
  out.number<std::uint64_t>(file.lists.size());
  for (const auto& [name, list] : file.lists) {
    out.text(name);
    save(out, list);
  }
  save(out, file.exception_patterns);
  out.number<std::uint64_t>(file.rules.size());
  for (const Rule& r : file.rules) {
    for (const std::string* s : {&r.id, &r.category, &r.subcategory, &r.message, &r.explanation,
                                 &r.link, &r.applies_to, &r.lang, &r.file}) {
      out.text(*s);
    }
    out.number<std::uint8_t>(static_cast<std::uint8_t>(r.severity));
    out.number<std::uint64_t>(r.suggestions.size());
    for (const std::string& s : r.suggestions) out.text(s);
    out.number<std::uint8_t>(r.fix ? 1 : 0);
    out.text(r.fix ? *r.fix : std::string());
    for (const auto* list : {&r.terms, &r.patterns, &r.exceptions, &r.exception_patterns,
                             &r.flag_examples, &r.pass_examples}) {
      save(out, *list);
    }
    out.number<std::uint64_t>(r.line);
  }
  return std::move(out.bytes());
}

// Counts read from the file are checked against what is left, so a damaged count cannot make
// the reader reserve gigabytes.
bool count(cache::Reader& in, std::uint64_t* n) {
  return in.number(n) && *n < (std::uint64_t{1} << 24);
}

bool restore(cache::Reader& in, std::size_t* value) {
  std::uint64_t n = 0;
  if (!in.number(&n)) return false;
  *value = static_cast<std::size_t>(n);
  return true;
}

bool restore(cache::Reader& in, Located* l) {
  return in.text(&l->text) && restore(in, &l->line) && restore(in, &l->column);
}

bool restore(cache::Reader& in, std::vector<Located>* list) {
  std::uint64_t n = 0;
  if (!count(in, &n)) return false;
  list->resize(static_cast<std::size_t>(n));
  for (Located& l : *list) {
    if (!restore(in, &l)) return false;
  }
  return true;
}

std::optional<RuleFile> restore_rule_file(std::string_view bytes, const std::string& key) {
  cache::Reader in(bytes);
  std::string_view saved_key;
  RuleFile file;
  std::uint64_t n = 0;
  if (!in.text(&saved_key) || saved_key != key || !in.text(&file.path) || !in.text(&file.lang) ||
      !count(in, &n)) {
    return std::nullopt;
  }
  for (std::uint64_t i = 0; i < n; ++i) {
    std::string name;
    if (!in.text(&name) || !restore(in, &file.lists[name])) return std::nullopt;
  }
  if (!restore(in, &file.exception_patterns) || !count(in, &n)) return std::nullopt;
  file.rules.resize(static_cast<std::size_t>(n));
  for (Rule& r : file.rules) {
    for (std::string* s : {&r.id, &r.category, &r.subcategory, &r.message, &r.explanation, &r.link,
                           &r.applies_to, &r.lang, &r.file}) {
      if (!in.text(s)) return std::nullopt;
    }
    std::uint8_t severity = 0, has_fix = 0;
    std::uint64_t suggestions = 0;
    if (!in.number(&severity) || severity > static_cast<std::uint8_t>(Severity::error) ||
        !count(in, &suggestions)) {
      return std::nullopt;
    }
    r.severity = static_cast<Severity>(severity);
    r.suggestions.resize(static_cast<std::size_t>(suggestions));
    for (std::string& s : r.suggestions) {
      if (!in.text(&s)) return std::nullopt;
    }
    std::string fix;
    if (!in.number(&has_fix) || !in.text(&fix)) return std::nullopt;
    if (has_fix != 0) r.fix = std::move(fix);
    for (auto* list : {&r.terms, &r.patterns, &r.exceptions, &r.exception_patterns,
                       &r.flag_examples, &r.pass_examples}) {
      if (!restore(in, list)) return std::nullopt;
    }
    if (!restore(in, &r.line)) return std::nullopt;
  }
  if (!in.at_end()) return std::nullopt;
  return file;
}

}  // namespace

bool is_rule_language(const std::string& lang) {
  return lang == "en" || lang == "es" || lang == "fr" || lang == "it";
}

std::vector<std::string> literal_term_warnings(const RuleFile& file) {
  std::vector<std::string> out;
  auto look = [&](const Located& term) {
    std::string t = term.text;
    // {{list}} is the one other syntax a term has.
    for (std::size_t at = t.find("{{"); at != std::string::npos; at = t.find("{{", at)) {
      const std::size_t close = t.find("}}", at + 2);
      if (close == std::string::npos) break;
      t.erase(at, close + 2 - at);
    }
    for (std::size_t i = 0; i < t.size(); ++i) {
      const char c = t[i];
      const bool repeat = (c == '?' || c == '*' || c == '+') && i > 0 && t[i - 1] != ' ' &&
                          i + 1 < t.size() && t[i + 1] != '|' && t[i + 1] != ')';
      if (!repeat && c != '[' && c != '\\') continue;
      out.push_back(
          file.path + ':' + std::to_string(term.line) + ':' + std::to_string(term.column) +
          ": term \"" + term.text + "\": '" + std::string(1, c) +
          "' is literal in a term; spell the forms out, as in (color|colour), or make it a "
          "pattern");
      return;
    }
  };
  for (const auto& [name, entries] : file.lists) {
    for (const auto& entry : entries) look(entry);
  }
  for (const auto& rule : file.rules) {
    for (const auto& term : rule.terms) look(term);
    for (const auto& term : rule.exceptions) look(term);
  }
  return out;
}

std::string files_key(const std::string& lang, const std::vector<RuleFile>& files) {
  std::string key = lang;
  for (const auto& file : files) {
    if (file.checksum == 0) return {};
    key.append("\n").append(file.path).append("\t").append(cache::hex(file.checksum));
  }
  return key;
}

Expected<RuleFile> load_rule_file(const std::string& path) {
  // Checked for UTF-8 only when it is parsed: a parse in the cache under the file's checksum
  // was made from bytes that passed (a file with errors is never cached).
  auto contents = read_file_bytes(path, "rule file");
  if (!contents) return contents.error();
  auto parse = [&]() -> Expected<RuleFile> {
    if (auto bad = text::check_utf8(contents.value(), path)) return *bad;
    return parse_rule_file(contents.value(), path);
  };
  const std::string dir = cache::directory();
  const std::string code = cache::code_identity();
  const std::uint64_t sum = cache::checksum(contents.value());
  auto with_sum = [sum](Expected<RuleFile> file) {
    if (file) file.value().checksum = sum;
    return file;
  };
  if (dir.empty() || code.empty()) return with_sum(parse());

  std::error_code error;
  const std::filesystem::path real = std::filesystem::weakly_canonical(path, error);
  const std::string key = std::string(kRuleCacheMagic) + path + '\n' + cache::hex(sum) + ' ' +
                          std::to_string(contents.value().size()) + '\n' + code;
  // One cache file per rule file and program (named after where they really are), rewritten
  // when either changes: the test binary and brandlint do not take turns rewriting one file.
  const std::string cached = cache::file_for(dir, "rules-" + real.filename().string(),
                                             real.string() + ' ' + cache::code_file(), ".rules");
  if (auto file = cache::Mapped::open(cached); !file->bytes().empty()) {
    if (auto restored = restore_rule_file(file->bytes(), key)) {
      return with_sum(std::move(*restored));
    }
  }
  auto parsed = parse();
  if (parsed) cache::write(cached, save_rule_file(parsed.value(), key));
  return with_sum(std::move(parsed));
}

Expected<RuleFile> parse_rule_file(const std::string& contents, const std::string& path) {
  RuleFile file;
  file.path = path;
  YAML::Node root;
  try {
    root = YAML::Load(contents);
  } catch (const YAML::Exception& e) {
    return Error{path, static_cast<std::size_t>(std::max(e.mark.line, 0)) + 1,
                 static_cast<std::size_t>(std::max(e.mark.column, 0)) + 1,
                 "invalid YAML: " + yaml_problem(e.msg)};
  }
  if (!root || !root.IsMap()) {
    return Error{path, 1, 1, "a rule file must be a map with 'rules' and/or 'lists'"};
  }
  for (const auto& entry : root) {
    const std::string key = entry.first.Scalar();
    const YAML::Node& v = entry.second;
    if (key == "lang") {
      if (!v.IsScalar() || !is_rule_language(v.Scalar())) {
        return at(path, v, "'lang' must be en, es, fr or it");
      }
      file.lang = v.Scalar();
    } else if (key == "lists") {
      if (!v.IsMap()) return at(path, v, "'lists' must map names to lists of terms");
      for (const auto& list : v) {
        const std::string name = list.first.Scalar();
        if (!is_slug(name)) return at(path, list.first, "list names are lowercase with '_'");
        if (auto e = read_list(path, list.second, "lists." + name, file.lists[name])) return *e;
      }
    } else if (key == "rules") {
      if (!v.IsSequence()) return at(path, v, "'rules' must be a list of rules");
      for (const auto& node : v) {
        Rule rule;
        if (auto e = read_rule(path, node, rule)) return *e;
        file.rules.push_back(std::move(rule));
      }
    } else if (key == "exception_patterns") {
      if (auto e = read_list(path, v, key, file.exception_patterns)) return *e;
    } else {
      return at(path, entry.first,
                "unknown key '" + key + "' (known: lang, lists, rules, exception_patterns)");
    }
  }
  // The file's exception patterns cancel a match of any of its rules ("Saying women are
  // inferior is wrong" quotes a stereotype to reject it).
  for (auto& rule : file.rules) {
    rule.exception_patterns.insert(rule.exception_patterns.end(), file.exception_patterns.begin(),
                                   file.exception_patterns.end());
  }
  if (file.lang.empty()) {
    const std::string folder = std::filesystem::path(path).parent_path().filename().string();
    if (is_rule_language(folder)) file.lang = folder;
  }
  if (file.lang.empty()) {
    return Error{path, 1, 1,
                 "the rule file's language is unknown: add 'lang: en' (or es, fr, it) at the top"};
  }
  for (auto& rule : file.rules) rule.lang = file.lang;
  return file;
}

}  // namespace brandlint::rules
