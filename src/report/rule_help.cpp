#include "report/rule_help.hpp"

#include <array>
#include <string_view>

namespace brandlint::report {
namespace {

struct Entry {
  std::string_view prefix;
  std::string_view short_description;
  std::string_view full_description;
};

constexpr std::array kEntries = {
    Entry{"spelling", "Word not in the dictionary",
          "The word is not in the post language's Hunspell dictionary, brandlint's social-media "
          "and brand word lists, or the words configured in .brandlint.yaml. Fix the typo, or "
          "add a name or brand term to 'words'."},
    Entry{"spelling.confusable", "A real word, but not the one meant",
          "Every word is in the dictionary, yet the phrase is a known slip (\"your welcome\", "
          "\"qual'è\"): spell-checkers cannot see it, readers do."},
    Entry{"discrimination", "Discriminatory language",
          "The wording demeans or stereotypes a group of people. Publishing it would embarrass "
          "the brand; use the suggested neutral wording."},
    Entry{"discrimination.hostile-statement", "Reads as hostile to a group of people",
          "No rule names the words, but the language's model of hostile statements, trained on "
          "hateful and harmless texts about the same groups, reads the sentence that names a "
          "group as hostile to it. A model's reading, not a certainty: reread the sentence as "
          "the people it names would, and do not publish it if it speaks ill of them."},
    Entry{"controversial", "Controversial topic",
          "The post touches a topic (politics, religion, tragedies, ...) that brand accounts "
          "usually stay away from. Make sure it is intended and approved."},
    Entry{"tone", "Tone",
          "The phrase sounds cold, defensive or hostile to a customer. Rephrase it the way a "
          "helpful person would say it."},
    Entry{"personalisation", "Personalisation",
          "The reply is generic or gets the customer's details wrong: address the customer by "
          "the right name and keep the agent's signature consistent."},
    Entry{"placeholder", "Unfilled template placeholder",
          "A template placeholder was left in the text and would be published as written."},
    Entry{"promotion", "Promotional wording",
          "Sales wording that platforms, regulators or customers react badly to (urgency, "
          "guarantees, unmarked advertising)."},
    Entry{"platform", "Platform limits",
          "The post breaks a limit of the platform it is for (length, hashtags, mentions)."},
    Entry{"language", "Language",
          "The post's language does not match the language it is meant to be in."},
    Entry{"language.mixing", "Mixed languages",
          "The post switches between languages; customers read it as a copy-paste mistake."},
    Entry{"platform.length", "Over the platform's length limit",
          "The post is longer than the platform accepts, counted the way the platform counts "
          "(weighted characters and shortened links on X)."},
    Entry{"platform.hashtags", "Too many hashtags",
          "More hashtags than the platform or good practice allows; they read as spam."},
    Entry{"platform.readability", "Hard to read on the platform",
          "The opening is too long for the part of the post a feed shows before 'more'."},
    Entry{"schedule", "Scheduling",
          "The post's scheduled date or time is wrong or risky (in the past, at night in the "
          "audience's time zone, on a sensitive date)."},
};

}  // namespace

RuleHelp rule_help(const std::string& rule_id) {
  const Entry* best = nullptr;
  for (const Entry& e : kEntries) {
    const bool matches = rule_id.rfind(e.prefix, 0) == 0 &&
                         (rule_id.size() == e.prefix.size() || rule_id[e.prefix.size()] == '.');
    if (matches && (best == nullptr || e.prefix.size() > best->prefix.size())) best = &e;
  }
  if (best == nullptr) return {};
  return {std::string(best->short_description), std::string(best->full_description)};
}

}  // namespace brandlint::report

namespace brandlint::report {

std::string suggestion_hint(const Diagnostic& d) {
  if (d.suggestions.empty()) return {};
  std::string list;
  for (std::size_t i = 0; i < d.suggestions.size(); ++i) {
    if (i > 0) list += i + 1 == d.suggestions.size() ? " or " : ", ";
    list += "\"" + d.suggestions[i] + "\"";
  }
  return d.category == "spelling" ? "did you mean " + list + "?" : "try " + list;
}

}  // namespace brandlint::report
