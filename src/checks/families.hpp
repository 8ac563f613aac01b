// One factory per check family; each lives in its own file.
#pragma once

#include <memory>

#include "checks/check.hpp"

namespace brandlint::checks {

std::unique_ptr<Check> make_spelling_check();  // spelling_check.cpp
std::unique_ptr<Check> make_rule_check();      // rule_check.cpp: the YAML rule packs

}  // namespace brandlint::checks
