// What text a pattern cannot match without, read from its syntax, so that the pattern runs
// only on posts holding that text (rules/literal_screen.hpp finds it).
#pragma once

#include <string>
#include <vector>

namespace brandlint::rules {

// Texts of which every match of `pattern` (RE2 syntax, with {{lists}}) contains at least one:
// "\bnot (?:going to|gonna) waste (?:our )?time\b" gives {" waste "}, a longest choice of the
// parts every match has; "(?:ok|okay|so),? and\?" gives {" and?"}; "\b(?:refund|return)
// policy\b" gives {"refund policy", "return policy"}. Empty when nothing of at least
// `min_length` bytes is certain, or when the pattern is read case-insensitively ((?i)),
// or uses syntax not read here: such a pattern is matched by other means. {{lists}}, classes
// and escapes stand for unknown text.
std::vector<std::string> required_text(const std::string& pattern, std::size_t min_length = 3);

}  // namespace brandlint::rules
