// Shared by the tone, personalisation and promotion tests: the whole linter over the shipped
// rule packs (their reserved lists: complaint, apology, empathy, thanks, greeting, brand_voice,
// customer_voice) and a way to run one reply through it.
#pragma once

#include <doctest/doctest.h>

#include <fstream>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "brandlint/brandlint.hpp"
#include "test_support.hpp"

namespace reply_test {

inline const std::string& data_dir() {
  static const std::string dir = BRANDLINT_SOURCE_DIR;
  return dir;
}

struct Reply {
  Reply() = default;
  Reply(std::string lang_, std::string text_, std::string customer_ = "",
        std::string in_reply_to_ = "", std::string agent_ = "", std::string handle_ = "")
      : lang(std::move(lang_)),
        text(std::move(text_)),
        customer(std::move(customer_)),
        in_reply_to(std::move(in_reply_to_)),
        agent(std::move(agent_)),
        handle(std::move(handle_)) {}

  std::string lang;
  std::string text;
  std::string customer;
  std::string in_reply_to;
  std::string agent;
  std::string handle;
  std::string platform;
  std::string kind = "reply";
  std::string scheduled_at;
  std::string timezone;
};

inline std::shared_ptr<const brandlint::Linter> make_linter(brandlint::Config config) {
  config.data_dir = data_dir();
  auto linter = brandlint::Linter::create(config);
  // The message is built even on success when doctest runs with -s: only read the error then.
  REQUIRE_MESSAGE(linter.has_value(), (linter.has_value() ? "" : linter.error().to_string()));
  return linter.value();
}

// The default linter, built once: loading dictionaries is the slow part of a test.
inline const brandlint::Linter& default_linter() {
  static const auto linter = make_linter({});
  return *linter;
}

// Every finding of the whole linter (all checks, the real packs) on one post.
inline std::vector<brandlint::Diagnostic> lint_with(const brandlint::Linter& linter,
                                                    const Reply& r) {
  brandlint::Post post;
  post.text = r.text;
  post.meta.lang = r.lang;
  post.meta.kind = r.kind;
  post.meta.customer = r.customer;
  post.meta.customer_handle = r.handle;
  post.meta.agent = r.agent;
  post.meta.in_reply_to = r.in_reply_to;
  post.meta.platform = r.platform;
  post.meta.scheduled_at = r.scheduled_at;
  post.meta.timezone = r.timezone;
  auto found = linter.check(post);
  REQUIRE_MESSAGE(found.has_value(), (found.has_value() ? "" : found.error().to_string()));
  return found.value();
}

inline std::vector<brandlint::Diagnostic> only(std::vector<brandlint::Diagnostic> all,
                                               const std::string& prefix) {
  std::vector<brandlint::Diagnostic> out;
  for (auto& d : all) {
    if (d.rule.compare(0, prefix.size(), prefix) == 0) out.push_back(std::move(d));
  }
  return out;
}

// The findings of one category ("platform", "schedule").
inline std::vector<brandlint::Diagnostic> in_category(std::vector<brandlint::Diagnostic> all,
                                                      const std::string& category) {
  std::vector<brandlint::Diagnostic> out;
  for (auto& d : all) {
    if (d.category == category) out.push_back(std::move(d));
  }
  return out;
}

// The findings whose rule id starts with `prefix`, with the default configuration or another.
inline std::vector<brandlint::Diagnostic> lint(const Reply& r, const std::string& prefix) {
  return only(lint_with(default_linter(), r), prefix);
}
inline std::vector<brandlint::Diagnostic> lint(const Reply& r, const std::string& prefix,
                                               const brandlint::Config& config) {
  return only(lint_with(*make_linter(config), r), prefix);
}

inline std::string describe(const std::vector<brandlint::Diagnostic>& found) {
  std::string s;
  for (const auto& d : found) {
    s += "[" + d.rule + " " + std::string(brandlint::to_string(d.severity)) + " \"" + d.match +
         "\"] ";
  }
  return s;
}

inline bool has_rule(const std::vector<brandlint::Diagnostic>& found, const std::string& rule) {
  for (const auto& d : found) {
    if (d.rule == rule) return true;
  }
  return false;
}

// A reply and what the linter must say about it under one rule-id prefix.
struct Case {
  Reply reply;
  std::string expected;  // the rule that must fire; empty: nothing under `prefix`
  std::string prefix;
};

// Runs each reply through the default linter and requires exactly one finding under
// `prefix`, quoting the text paired with the reply; `also` checks more of that finding.
inline void check_single_findings(
    const std::vector<std::pair<Reply, std::string>>& cases, const std::string& prefix,
    const std::function<void(const brandlint::Diagnostic&)>& also = {}) {
  for (const auto& c : cases) {
    CAPTURE(c.first.text);
    const auto found = lint(c.first, prefix);
    REQUIRE(found.size() == 1);
    CHECK(found[0].match == c.second);
    if (also) also(found[0]);
  }
}

// Runs every case through the default linter and checks its outcome.
inline void check_cases(const std::vector<Case>& cases) {
  for (const auto& c : cases) {
    CAPTURE(c.reply.text);
    const auto found = lint(c.reply, c.prefix);
    INFO("found: " << describe(found));
    if (c.expected.empty()) {
      CHECK(found.empty());
    } else {
      CHECK(has_rule(found, c.expected));
    }
  }
}

// The non-empty lines of a file (the held-out corpora, one text a line).
inline std::vector<std::string> lines_of(const std::string& path) {
  std::vector<std::string> out;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

// Of `replies`, how many the packs flag (a finding of `prefix` above info, other than
// `model_rule`), how many the packs or the model (`model_rule`, at any severity) flag, and how
// many the model flags at all.
struct Flagged {
  std::size_t by_rules = 0, with_model = 0, by_model = 0;
};
inline Flagged flagged(const std::vector<Reply>& replies, const std::string& prefix,
                       const std::string& model_rule) {
  Flagged out;
  for (const auto& r : replies) {
    bool rule = false, model = false;
    for (const auto& d : lint(r, prefix)) {
      if (d.rule == model_rule)
        model = true;
      else if (d.severity != brandlint::Severity::info)
        rule = true;
    }
    out.by_rules += rule ? 1 : 0;
    out.with_model += rule || model ? 1 : 0;
    out.by_model += model ? 1 : 0;
  }
  return out;
}

}  // namespace reply_test
