// Spelling against Hunspell, knowing what is not a typo: handles, hashtags' casing, URLs,
// numbers, emoji, placeholders, acronyms, brand terms and the people named in the metadata.
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <unordered_set>

#include "checks/families.hpp"
#include "text/folded_text.hpp"
#include "text/utf8_check.hpp"

namespace brandlint::checks {
namespace {

struct Letters {
  std::size_t count = 0, upper = 0, lower = 0, digits = 0;
};

Letters letters_of(std::string_view word) {
  Letters l;
  const auto* s = reinterpret_cast<const uint8_t*>(word.data());
  const auto len = static_cast<int32_t>(word.size());
  for (int32_t i = 0; i < len;) {
    UChar32 c;
    U8_NEXT(s, i, len, c);
    if (c < 0) continue;
    ++l.count;
    if (u_isupper(c)) ++l.upper;
    if (u_islower(c)) ++l.lower;
    if (u_isdigit(c)) ++l.digits;
  }
  return l;
}

// "#BlackFirday" → "Black", "Firday": the hashtag's words, as byte spans of the tag.
std::vector<std::pair<std::size_t, std::size_t>> camel_case_parts(std::string_view tag) {
  std::vector<std::pair<std::size_t, std::size_t>> parts;
  const auto* s = reinterpret_cast<const uint8_t*>(tag.data());
  const auto len = static_cast<int32_t>(tag.size());
  int32_t start = -1;
  bool previous_lower = false;
  for (int32_t i = 0; i < len;) {
    const int32_t at = i;
    UChar32 c;
    U8_NEXT(s, i, len, c);
    const bool letter = c >= 0 && u_isalpha(c);
    const bool upper = letter && u_isupper(c);
    if (!letter) {
      if (start >= 0) parts.emplace_back(start, at);
      start = -1;
    } else if (start < 0) {
      start = at;
    } else if (upper && previous_lower) {
      parts.emplace_back(start, at);
      start = at;
    }
    previous_lower = letter && !upper;
  }
  if (start >= 0) parts.emplace_back(start, len);
  return parts;
}

constexpr std::string_view kElisions[] = {
    "l'",      "d'",     "j'",      "m'",   "n'",    "s'",    "t'",     "c'",    "qu'",   "lorsqu'",
    "puisqu'", "jusqu'", "quoiqu'", "un'",  "dell'", "nell'", "all'",   "dall'", "sull'", "quell'",
    "bell'",   "dev'",   "anch'",   "com'", "cos'",  "tutt'", "quest'", "po'"};

class SpellingCheck final : public Check {
 public:
  void run(const CheckContext& ctx, std::vector<Diagnostic>& out) const override {
    std::unordered_set<std::string> names;
    for (const std::string* field :
         {&ctx.post.meta.customer, &ctx.post.meta.agent, &ctx.post.meta.customer_handle}) {
      std::string word;
      for (char c : text::fold_term(*field) + " ") {
        if (c == ' ' || c == '@' || c == '-' || c == '_' || c == '.') {
          if (!word.empty()) names.insert(word);
          word.clear();
        } else {
          word += c;
        }
      }
    }
    for (const auto& token : ctx.text.tokens()) {
      if (token.kind == text::TokenKind::word) {
        check_word(ctx, names, token.begin, token.text, out);
      } else if (token.kind == text::TokenKind::hashtag) {
        const std::string_view tag = token.text.substr(1);
        const Letters l = letters_of(tag);
        if (l.upper == 0 || l.lower == 0) continue;  // #summersale: no way to tell the words
        for (auto [b, e] : camel_case_parts(tag)) {
          check_word(ctx, names, token.begin + 1 + b, tag.substr(b, e - b), out, true);
        }
      }
    }
  }

 private:
  void check_word(const CheckContext& ctx, const std::unordered_set<std::string>& names,
                  std::size_t begin, std::string_view word, std::vector<Diagnostic>& out,
                  bool in_hashtag = false) const {
    const Letters l = letters_of(word);
    if (l.count < 2 || l.digits > 0) return;
    if (l.upper == l.count && l.count <= 5) return;  // an acronym: DM, FAQ, NASA
    std::string plain = normalise_apostrophes(word);
    const std::string folded = text::fold_term(plain);
    if (names.count(folded) > 0) return;
    for (std::string_view suffix : {"'s", "'"}) {  // Daniel's
      if (folded.size() > suffix.size() &&
          folded.compare(folded.size() - suffix.size(), suffix.size(), suffix) == 0 &&
          names.count(folded.substr(0, folded.size() - suffix.size())) > 0) {
        return;
      }
    }
    if (ctx.speller.correct(plain)) return;
    if (accepted_after_elision(ctx, plain)) return;
    Diagnostic d = ctx.diagnostic("spelling.unknown-word", "spelling", "", Severity::warning,
                                  std::string(), begin, begin + word.size());
    d.message = "\"" + std::string(word) + "\" is not in the " + ctx.speller.name().language_name +
                " dictionary: a typo? (a name or brand term can go in 'words' in "
                ".brandlint.yaml)";
    if (in_hashtag) {  // "a lot" or "e-mail" cannot go inside #CamelCase
      for (auto& s : ctx.speller.suggest(plain, 5)) {
        if (d.suggestions.size() < 3 && s.find_first_of(" -") == std::string::npos) {
          d.suggestions.push_back(std::move(s));
        }
      }
    } else {
      d.suggestions = ctx.speller.suggest(plain, 3);
    }
    out.push_back(std::move(d));
  }

  static std::string normalise_apostrophes(std::string_view word) {
    std::string out;
    for (std::size_t i = 0; i < word.size(); ++i) {
      if (word.compare(i, 3, "\xE2\x80\x99") == 0) {  // ’
        out += '\'';
        i += 2;
      } else {
        out += word[i];
      }
    }
    return out;
  }

  // French and Italian elide articles and pronouns: "l'école", "dell'anno", "qu'il".
  static bool accepted_after_elision(const CheckContext& ctx, const std::string& word) {
    const std::size_t apostrophe = word.find('\'');
    if (apostrophe == std::string::npos || apostrophe + 1 >= word.size()) return false;
    const std::string prefix = text::fold_term(word.substr(0, apostrophe + 1));
    bool known = false;
    for (std::string_view e : kElisions) known = known || prefix == e;
    if (!known) return false;
    return ctx.speller.correct(word.substr(apostrophe + 1));
  }
};

}  // namespace

std::unique_ptr<Check> make_spelling_check() { return std::make_unique<SpellingCheck>(); }

}  // namespace brandlint::checks
