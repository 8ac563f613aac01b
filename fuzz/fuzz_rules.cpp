// Rule files: loading, validation and compilation into one RE2::Set, then matching a fixed
// text and gathering the words of the rules (the vocabulary misspelt words are read as), on
// arbitrary YAML. User rules must never crash or hang brandlint.
#include <cstddef>
#include <cstdint>
#include <string>

#include "rules/rule.hpp"
#include "rules/rule_set.hpp"
#include "text/utf8_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string contents(reinterpret_cast<const char*>(data), size);
  if (brandlint::text::check_utf8(contents, "fuzz")) return 0;
  auto file = brandlint::rules::parse_rule_file(contents, "/tmp/fuzz/en/rules.yaml");
  if (!file) return 0;
  auto set = brandlint::rules::RuleSet::compile("en", {file.value()});
  if (!set) return 0;
  const brandlint::rules::MatchInput input("Typical French customer, always late! r3tard 😂");
  (void)set.value()->match(input, "reply");
  const auto& vocabulary = set.value()->vocabulary();
  (void)vocabulary.of_length(5);
  return 0;
}
