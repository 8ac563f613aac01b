#include "text/placeholder_finder.hpp"

#include <re2/re2.h>

namespace brandlint::text {
namespace {

RE2::Options quiet() {
  RE2::Options options;
  options.set_log_errors(false);
  return options;
}

std::vector<ByteSpan> find_all(const RE2& re, std::string_view utf8) {
  std::vector<ByteSpan> spans;
  re2::StringPiece input(utf8.data(), utf8.size());
  re2::StringPiece match;
  std::size_t pos = 0;
  while (pos <= utf8.size() && re.Match(input, pos, utf8.size(), RE2::UNANCHORED, &match, 1)) {
    const auto begin = static_cast<std::size_t>(match.data() - utf8.data());
    const auto end = begin + match.size();
    if (end == begin) {  // cannot happen with these expressions, but never loop forever
      ++pos;
      continue;
    }
    spans.emplace_back(begin, end);
    pos = end;
  }
  return spans;
}

}  // namespace

std::vector<ByteSpan> find_placeholders(std::string_view utf8) {
  // Every shape opens with one of these; most posts hold none, and then the expression (whose
  // Unicode classes cost milliseconds to compile and to build a DFA for) is never needed.
  if (utf8.find_first_of("{[%<$") == std::string_view::npos) return {};
  // One alternation so that the leftmost placeholder wins when shapes nest ({{x}} holds {x}).
  // [NAME] needs a capital first letter so that "[sic]" or "[1]" stay text; <name> needs a
  // letter so that "<3" stays a heart.
  // Unbounded repetitions keep the automaton small; RE2 stays linear either way.
  static const RE2 re(R"(\{\{[^{}\n]+\}\})"
                      R"(|\{[\pL_][\pL\pN_.\-]*\})"
                      R"(|\[[\p{Lu}_][\p{Lu}\pN_ .\-]+\])"
                      R"(|\[\p{Ll}+_[\p{Ll}_]+\])"
                      R"(|%[\pL_][\pL\pN_]*%)"
                      R"(|<[\pL_][\pL\pN_\-]*>)"
                      R"(|\$\{[\pL_][\pL\pN_.]*\})"
                      R"(|\$[\p{Ll}_][\p{Ll}\pN_]+\b)",
                      quiet());
  return find_all(re, utf8);
}

std::vector<ByteSpan> find_emails(std::string_view utf8) {
  // An address has an '@' with something before it other than a space, and a dot after it;
  // "@handle" at the start of a reply or after a space is not one.
  bool possible = false;
  for (std::size_t at = utf8.find('@', 1); at != std::string_view::npos && !possible;
       at = utf8.find('@', at + 1)) {
    const unsigned char before = static_cast<unsigned char>(utf8[at - 1]);
    possible = before != ' ' && before != '\n' && before != '\t' && before != '@' &&
               utf8.find('.', at) != std::string_view::npos;
  }
  if (!possible) return {};
  static const RE2 re(R"([\p{L}\p{N}._%+\-]+@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)*\.\p{L}{2,})",
                      quiet());
  return find_all(re, utf8);
}

}  // namespace brandlint::text
