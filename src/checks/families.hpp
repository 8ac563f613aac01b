// One factory per check family; each lives in its own file.
#pragma once

#include <memory>

#include "checks/check.hpp"

namespace brandlint::checks {

std::unique_ptr<Check> make_spelling_check();  // spelling_check.cpp
std::unique_ptr<Check> make_rule_check();      // rule_check.cpp: the YAML rule packs
std::unique_ptr<Check> make_platform_check();  // platform_check.cpp: length limits per network
std::unique_ptr<Check> make_language_check();  // language_check.cpp: detection and mixing
std::unique_ptr<Check> make_schedule_check();  // schedule_check.cpp: when a post goes out
std::unique_ptr<Check> make_tone_check();      // tone_check.cpp: shouting, mocking emoji
std::unique_ptr<Check> make_personalisation_check();  // personalisation_check.cpp: name, thanks
std::unique_ptr<Check> make_promotion_check();  // promotion_check.cpp: hashtags, links, we/you

}  // namespace brandlint::checks
