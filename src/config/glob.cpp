#include "config/glob.hpp"

namespace brandlint {
namespace {

bool match_here(std::string_view p, std::string_view s) {
  while (!p.empty()) {
    if (p.substr(0, 2) == "**") {
      std::string_view rest = p.substr(2);
      if (!rest.empty() && rest.front() == '/') rest.remove_prefix(1);
      for (std::size_t i = 0; i <= s.size(); ++i) {
        if ((i == 0 || s[i - 1] == '/') && match_here(rest, s.substr(i))) return true;
      }
      return rest.empty();
    }
    if (p.front() == '*') {
      for (std::size_t i = 0; i <= s.size(); ++i) {
        if (match_here(p.substr(1), s.substr(i))) return true;
        if (i < s.size() && s[i] == '/') break;
      }
      return false;
    }
    if (s.empty()) return false;
    if (p.front() != '?' && p.front() != s.front()) return false;
    if (p.front() == '?' && s.front() == '/') return false;
    p.remove_prefix(1);
    s.remove_prefix(1);
  }
  return s.empty();
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view path) {
  if (pattern.find('/') == std::string_view::npos) {
    const auto slash = path.rfind('/');
    if (slash != std::string_view::npos) path.remove_prefix(slash + 1);
  }
  if (pattern.substr(0, 2) == "./") pattern.remove_prefix(2);
  return match_here(pattern, path);
}

}  // namespace brandlint
