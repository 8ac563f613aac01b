#include <CLI/CLI.hpp>
#include <iostream>

#include "brandlint/brandlint.hpp"
#include "cli/commands.hpp"
#include "report/reporter.hpp"

int main(int argc, char** argv) {
  using namespace brandlint::cli;
  // brandlint writes only through iostreams: unsynchronised, std::getline on stdin reads a
  // buffer at a time instead of a character per call (JSON Lines streams of millions of posts).
  std::ios_base::sync_with_stdio(false);
  CLI::App app{"brandlint: checks what a brand is about to publish on social networks"};
  app.set_version_flag("--version", std::string("brandlint ") + std::string(brandlint::version()));
  app.require_subcommand(1);
  app.footer(R"(Examples:
  brandlint check examples/
  brandlint check reply.txt --lang es --format json
  echo "Hi Ana, thanks!" | brandlint check - --lang en
  brandlint check --text "Dear customer, calm down." --fail-on info
  brandlint check --diff posts/        (then --fix to apply)
  brandlint baseline posts/ && brandlint check posts/ --baseline .brandlint-baseline.json
  brandlint rules test
Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage, configuration or input error.)");

  CheckOptions check;
  auto* check_cmd = app.add_subcommand("check", "Check posts in files, folders, stdin or --text");
  check_cmd->add_option("paths", check.paths,
                        "files or folders (*.txt, *.md, recursively); - reads stdin");
  check_cmd->add_option("--text", check.texts, "check this text (repeatable)")
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  check_cmd
      ->add_option("--lang", check.lang, "default language: en, en-GB, en-US, es, fr, it, auto")
      ->check(CLI::IsMember({"en", "en-GB", "en-US", "es", "fr", "it", "auto"}));
  check_cmd->add_option("--platform", check.platform, "default platform")
      ->check(CLI::IsMember({"twitter", "x", "facebook", "instagram", "linkedin", "mastodon",
                             "bluesky", "threads", "generic"}));
  check_cmd->add_option("--format", check.format, "output format")
      ->check(CLI::IsMember(brandlint::report::format_names()));
  check_cmd->add_option("--fail-on", check.fail_on, "lowest severity that fails (default warning)")
      ->check(CLI::IsMember({"error", "warning", "info", "never"}));
  check_cmd->add_option("--config", check.config, "use this configuration file")
      ->check(CLI::ExistingFile);
  check_cmd->add_option("--color", check.color, "colour the text output")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  check_cmd->add_option("--stdin-format", check.stdin_format, "how '-' is read")
      ->check(CLI::IsMember({"text", "json", "jsonl", "yaml", "csv"}));
  check_cmd->add_option("-j,--jobs", check.jobs, "threads to check with (default: one per core)")
      ->check(CLI::Range(1, 256));
  check_cmd->add_option("--kind", check.kind, "reply or post, for posts that do not say")
      ->check(CLI::IsMember({"reply", "post"}));
  check_cmd->add_option("--customer", check.customer,
                        "the customer's name, for posts that do not say");
  check_cmd->add_option("--customer-handle", check.customer_handle,
                        "the customer's handle, for posts that do not say");
  check_cmd->add_option("--agent", check.agent, "the writer's name, for posts that do not say");
  check_cmd->add_option("--in-reply-to", check.in_reply_to,
                        "the customer's message being answered, for posts that do not say");
  check_cmd->add_flag("--fix", check.fix, "apply the fixes rules mark as safe, in place");
  check_cmd->add_flag("--diff", check.diff, "print the safe fixes as a unified diff instead");
  check_cmd
      ->add_option("--baseline", check.baseline, "report only findings not in this baseline file")
      ->check(CLI::ExistingFile);

  CheckOptions baseline;
  baseline.write_baseline = ".brandlint-baseline.json";
  auto* baseline_cmd = app.add_subcommand(
      "baseline", "Record the current findings so that later runs report only new ones");
  baseline_cmd->add_option("paths", baseline.paths, "files or folders; - reads stdin")->required();
  baseline_cmd->add_option("-o,--output", baseline.write_baseline, "the baseline file")
      ->capture_default_str();
  baseline_cmd->add_option("--config", baseline.config, "use this configuration file")
      ->check(CLI::ExistingFile);
  baseline_cmd->add_option("--lang", baseline.lang, "default language");

  std::string init_folder = ".";
  auto* init_cmd = app.add_subcommand("init", "Write a commented starter .brandlint.yaml");
  init_cmd->add_option("folder", init_folder, "where to write it")->capture_default_str();

  RulesOptions rules;
  auto* rules_cmd = app.add_subcommand("rules", "List, test and validate rule packs");
  rules_cmd->require_subcommand(1);
  auto* list_cmd = rules_cmd->add_subcommand("list", "List the rules that are loaded");
  list_cmd->add_option("--lang", rules.lang, "only this language")
      ->check(CLI::IsMember({"en", "es", "fr", "it"}));
  list_cmd->add_option("--format", rules.format, "text or json")
      ->check(CLI::IsMember({"text", "json"}));
  list_cmd->add_option("--config", rules.config, "include the rules this configuration adds");
  auto* test_cmd = rules_cmd->add_subcommand(
      "test", "Run every rule's flag and pass examples (all shipped packs by default)");
  test_cmd->add_option("files", rules.files, "rule files to test");
  auto* validate_cmd = rules_cmd->add_subcommand("check", "Validate a rule file");
  validate_cmd->add_option("files", rules.files, "rule files")->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kExitClean : kExitError;
  }
  if (check_cmd->parsed()) {
    if (check.fix && check.diff) {
      std::cerr << "brandlint check: use --fix or --diff, not both\n";
      return kExitError;
    }
    return run_check(check);
  }
  if (baseline_cmd->parsed()) return run_check(baseline);
  if (init_cmd->parsed()) return run_init(init_folder);
  if (list_cmd->parsed()) return run_rules_list(rules);
  if (test_cmd->parsed()) return run_rules_test(rules);
  if (validate_cmd->parsed()) return run_rules_check(rules);
  return kExitError;
}
