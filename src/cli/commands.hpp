// The subcommands of the brandlint command line. Each returns the process exit code:
// 0 nothing at or above the fail level, 1 findings, 2 usage, configuration or input error.
#pragma once

#include <string>
#include <vector>

namespace brandlint::cli {

constexpr int kExitClean = 0;
constexpr int kExitFindings = 1;
constexpr int kExitError = 2;

struct CheckOptions {
  std::vector<std::string> paths;
  std::vector<std::string> texts;
  std::string lang;
  std::string platform;
  std::string format = "text";
  std::string fail_on;
  std::string config;
  std::string color = "auto";
  std::string stdin_format = "text";  // how '-' is read: text, json, jsonl, yaml, csv
  bool fix = false;                   // apply safe fixes to the files
  bool diff = false;                  // print the fixes as a unified diff instead
  std::string baseline;               // report only findings not in this baseline
  std::string write_baseline;         // `brandlint baseline`: write the findings here
  int jobs = 0;                       // threads; 0: one per core
  // Metadata for posts that do not set it themselves (handy with --text and stdin).
  std::string kind, customer, customer_handle, agent, in_reply_to;
};
int run_check(const CheckOptions& options);

// `brandlint init`: a commented starter .brandlint.yaml in `folder`; never overwrites.
int run_init(const std::string& folder);

struct RulesOptions {
  std::vector<std::string> files;
  std::string lang;
  std::string format = "text";
  std::string config;
};
int run_rules_list(const RulesOptions& options);
int run_rules_test(const RulesOptions& options);
int run_rules_check(const RulesOptions& options);

}  // namespace brandlint::cli
