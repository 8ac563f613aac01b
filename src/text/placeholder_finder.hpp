// Spans the word breaker must not cut: unfilled template placeholders and e-mail addresses.
#pragma once

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

namespace brandlint::text {

using ByteSpan = std::pair<std::size_t, std::size_t>;  // [begin, end)

// Template placeholders of every common shape: {{first_name}}, {name}, [NAME], [NOMBRE],
// %NAME%, <name>, ${name}, $name. Sorted, non-overlapping.
std::vector<ByteSpan> find_placeholders(std::string_view utf8);

// E-mail addresses. Sorted, non-overlapping.
std::vector<ByteSpan> find_emails(std::string_view utf8);

}  // namespace brandlint::text
