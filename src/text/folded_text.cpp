#include "text/folded_text.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uspoof.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <memory>

namespace brandlint::text {
namespace {

// The folded form of one non-ASCII code point (the unit of the offset map).
void fold_non_ascii(UChar32 c, std::string& out) {
  switch (c) {  // typographic quotes and apostrophes
    case 0x2018:
    case 0x2019:
    case 0x201B:
    case 0x02BC:
    case 0x00B4:
    case 0x2032: out.push_back('\''); return;
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x00AB:
    case 0x00BB:
    case 0x2033: out.push_back('"'); return;
    default: break;
  }
  UErrorCode status = U_ZERO_ERROR;
  static const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
  icu::UnicodeString decomposed;
  if (nfkd != nullptr) {
    status = U_ZERO_ERROR;
    nfkd->normalize(icu::UnicodeString(c), decomposed, status);
  }
  if (U_FAILURE(status) || nfkd == nullptr) decomposed = icu::UnicodeString(c);
  icu::UnicodeString kept;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 d = decomposed.char32At(i);
    i += U16_LENGTH(d);
    const int8_t type = u_charType(d);
    if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK) continue;
    kept.append(d);
  }
  kept.foldCase();
  kept.toUTF8String(out);
}

// Most code points of most posts are ASCII: those inline, the rest through ICU.
inline void fold_code_point(UChar32 c, std::string& out) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c));
    return;
  }
  fold_non_ascii(c, out);
}

bool is_space(UChar32 c) {
  if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');  // ASCII's White_Space
  return u_isUWhiteSpace(c) || c == 0x200B || c == 0xFEFF;
}

}  // namespace

FoldedText fold(std::string_view nfc, std::size_t from, std::size_t to) {
  nfc = nfc.substr(0, std::max(from, std::min(to, nfc.size())));
  FoldedText out;
  out.text.reserve(nfc.size() - from);
  out.source.reserve(nfc.size() - from + 1);
  out.source_end.reserve(nfc.size() - from + 1);
  out.source_end.push_back(static_cast<uint32_t>(from));
  const auto* s = reinterpret_cast<const uint8_t*>(nfc.data());
  const auto len = static_cast<int32_t>(nfc.size());
  for (auto i = static_cast<int32_t>(from); i < len;) {
    const auto at = static_cast<uint32_t>(i);
    UChar32 c;
    U8_NEXT(s, i, len, c);
    const auto end = static_cast<uint32_t>(i);
    const std::size_t before = out.text.size();
    if (c < 0) continue;
    if (is_space(c)) {
      if (!out.text.empty() && out.text.back() == ' ') {
        out.source_end.back() = end;  // the space run now ends here
        continue;
      }
      out.text.push_back(' ');
    } else {
      fold_code_point(c, out.text);
    }
    for (std::size_t k = before; k < out.text.size(); ++k) {
      out.source.push_back(at);
      out.source_end.push_back(end);
    }
  }
  out.source.push_back(static_cast<uint32_t>(nfc.size()));
  return out;
}

// fold() without the offset map: checks fold every word they compare.
std::string fold_term(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto len = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < len;) {
    UChar32 c;
    U8_NEXT(s, i, len, c);
    if (c < 0) continue;
    if (is_space(c)) {
      if (out.empty() || out.back() != ' ') out.push_back(' ');
    } else {
      fold_code_point(c, out);
    }
  }
  return out;
}

namespace {

char leet_letter(char c) {
  switch (c) {
    case '0': return 'o';
    case '1': return 'i';
    case '3': return 'e';
    case '4': return 'a';
    case '5': return 's';
    case '7': return 't';
    case '8': return 'b';
    case '@': return 'a';
    case '$': return 's';
    case '!': return 'i';
    case '|': return 'i';
    default: return 0;
  }
}

bool is_ascii_letter(char c) { return c >= 'a' && c <= 'z'; }

// A homoglyph from another script, as the letter it imitates (empty when it imitates none).
std::string confusable_ascii(UChar32 c) {
  thread_local std::unique_ptr<USpoofChecker, decltype(&uspoof_close)> checker(
      [] {
        UErrorCode status = U_ZERO_ERROR;
        USpoofChecker* made = uspoof_open(&status);
        return U_SUCCESS(status) ? made : nullptr;
      }(),
      &uspoof_close);
  if (!checker) return {};
  UChar in[2];
  int32_t n = 0;
  U16_APPEND_UNSAFE(in, n, c);
  UChar out[16];
  UErrorCode status = U_ZERO_ERROR;
  const int32_t m = uspoof_getSkeleton(checker.get(), 0, in, n, out, 16, &status);
  if (U_FAILURE(status)) return {};
  std::string ascii;
  for (int32_t i = 0; i < m; ++i) {
    if (out[i] >= 0x80) return {};
    ascii.push_back(static_cast<char>(u_tolower(out[i])));
  }
  return ascii;
}

}  // namespace

void append_mapped(FoldedText& out, const FoldedText& in, std::string_view piece, std::size_t from,
                   std::size_t to) {
  for (char ch : piece) {
    out.text.push_back(ch);
    out.source.push_back(in.source[from]);
    out.source_end.push_back(in.source_end[to]);
  }
}

bool may_hold_evasions(std::string_view t) {
  auto letter_at = [&](std::size_t k) { return k < t.size() && is_ascii_letter(t[k]); };
  for (std::size_t k = 0; k < t.size(); ++k) {
    const char c = t[k];
    if (static_cast<unsigned char>(c) >= 0x80) {  // emoji, €, …: kept as they are
      const auto* bytes = reinterpret_cast<const uint8_t*>(t.data());
      auto q = static_cast<int32_t>(k);
      UChar32 cp;
      U8_NEXT(bytes, q, static_cast<int32_t>(t.size()), cp);
      if (cp < 0 || !confusable_ascii(cp).empty()) return true;
      k = static_cast<std::size_t>(q) - 1;
      continue;
    }
    if (is_ascii_letter(c)) {
      if (k + 2 < t.size() && t[k + 1] == c && t[k + 2] == c) return true;
      // A single letter, a separator, a single letter: "f a g", "m.a.r".
      const bool single = (k == 0 || !is_ascii_letter(t[k - 1])) && !letter_at(k + 1);
      const bool next_single = letter_at(k + 2) && !letter_at(k + 3);
      if (single && k + 1 < t.size() && next_single &&
          std::string_view(". -_*").find(t[k + 1]) != std::string_view::npos) {
        return true;
      }
    } else if (leet_letter(c) != 0) {
      const bool after_letter = k > 0 && is_ascii_letter(t[k - 1]);
      // "!" and "|" ending a word are punctuation ("thanks!"), not letters.
      const bool mark = c == '!' || c == '|';
      const bool ends_word = k + 1 == t.size() || t[k + 1] == ' ';
      const bool mention = c == '@' && (k == 0 || t[k - 1] == ' ');
      if (!mention && (letter_at(k + 1) || (after_letter && !(mark && ends_word)))) return true;
    }
  }
  return false;
}

FoldedText skeleton(const FoldedText& folded, LeadingVowel vowel, bool* read_apart) {
  const std::string& t = folded.text;
  FoldedText out;
  out.text.reserve(t.size());
  out.source_end.push_back(0);
  out.source.reserve(t.size() + 1);
  out.source_end.reserve(t.size() + 1);
  auto append = [&](std::string_view piece, std::size_t from, std::size_t to) {
    append_mapped(out, folded, piece, from, to);
  };
  std::size_t i = 0;
  while (i < t.size()) {
    // Work word by word (runs between spaces).
    if (t[i] == ' ') {
      append(" ", i, i + 1);
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < t.size() && t[j] != ' ') ++j;
    const std::string_view word(t.data() + i, j - i);

    // Spaced or dotted single letters: "m.a.r.i.c.a", "f a g" (three letters or more), some
    // of them digits read as letters when most are letters ("n 3 g r 0 s").
    {
      // A digit or sign that stands for a letter, alone between separators.
      const auto spaced_leet = [&](std::size_t k) {
        return ((t[k] >= '0' && t[k] <= '9') || t[k] == '@' || t[k] == '$') &&
               leet_letter(t[k]) != 0;
      };
      const auto spaced = [&](std::size_t k) {
        return k < t.size() && (is_ascii_letter(t[k]) || spaced_leet(k));
      };
      std::size_t k = i;
      std::size_t letters = 0, leet = 0;
      std::size_t after_last = i;  // just after the last spaced letter
      char separator = 0;
      while (spaced(k) && (k + 1 == t.size() || !spaced(k + 1))) {
        ++letters;
        if (!is_ascii_letter(t[k])) ++leet;
        after_last = k + 1;
        if (k + 1 >= t.size()) break;
        const char sep = t[k + 1];
        if (separator == 0) separator = sep;
        if (sep != separator ||
            (sep != '.' && sep != ' ' && sep != '-' && sep != '_' && sep != '*')) {
          break;
        }
        if (!spaced(k + 2)) break;
        k += 2;
      }
      // Digits among spaced letters only inside a run of four or more, three of them letters:
      // "1 2 3" or "a 4 b" stay what they are, and "f a g 1" ends before the digit.
      while (leet > 0 && letters > 0 && !is_ascii_letter(t[after_last - 1])) {
        --letters;
        --leet;
        after_last = after_last >= i + 2 ? after_last - 2 : i;
      }
      if (leet > 0 && (letters < 4 || letters - leet < 3 || !is_ascii_letter(t[i]))) letters = 0;
      // The run ends just after its last letter, also before the separator that precedes a
      // longer word ("g a y s are"), which stays a word of its own.
      k = after_last;
      // "a f a g": a single-letter word ("a", "i", "y", "o"…) before the spaced letters stays
      // a word of its own, in the copy that reads it apart.
      std::size_t from = i;
      const bool ambiguous = letters >= 4 && separator == ' ' &&
                             std::string_view("aeiouy").find(t[i]) != std::string_view::npos;
      if (ambiguous && read_apart != nullptr) *read_apart = true;
      if (ambiguous && vowel == LeadingVowel::apart) {
        append(std::string_view(&t[i], 1), i, i + 1);
        append(" ", i + 1, i + 2);
        from = i + 2;
        --letters;
      }
      if (letters >= 3) {
        for (std::size_t p = from; p < k; ++p) {
          if (is_ascii_letter(t[p])) append(std::string_view(&t[p], 1), p, p + 1);
          if (leet > 0 && spaced_leet(p)) {
            const char letter = leet_letter(t[p]);
            append(std::string_view(&letter, 1), p, p + 1);
          }
        }
        i = k;
        continue;
      }
    }

    bool has_letter = false;
    for (char ch : word) has_letter = has_letter || is_ascii_letter(ch);
    for (std::size_t p = i; p < j;) {
      const auto c = static_cast<unsigned char>(t[p]);
      if (c >= 0x80) {  // a letter of another script that may imitate a Latin one
        const auto* s = reinterpret_cast<const uint8_t*>(t.data());
        int32_t q = static_cast<int32_t>(p);
        UChar32 cp;
        U8_NEXT(s, q, static_cast<int32_t>(j), cp);
        std::string ascii = cp >= 0 ? confusable_ascii(cp) : std::string();
        if (ascii.empty()) ascii.assign(t, p, static_cast<std::size_t>(q) - p);
        append(ascii, p, static_cast<std::size_t>(q));
        p = static_cast<std::size_t>(q);
        continue;
      }
      char ch = t[p];
      if (has_letter && word.size() > 2) {
        // Only next to a letter ("r3tard", "ret@rd"), so "3 days" stays, or after one read
        // as a letter ("3br31": the "1" follows the "3" made an "e"); "!" or "|" at the end
        // of a word is punctuation, not a letter.
        const char letter = leet_letter(ch);
        const bool by_letter =
            (p > i && is_ascii_letter(out.text.back())) || (p + 1 < j && is_ascii_letter(t[p + 1]));
        const bool trailing_mark = (ch == '!' || ch == '|') && p + 1 == j;
        // "@" starting a word is a mention's ("@priya_s"), not an "a".
        const bool mention = ch == '@' && p == i;
        if (letter != 0 && by_letter && !trailing_mark && !mention) ch = letter;
      }
      // Letters repeated three times or more count twice: "gaaaay" → "gaay".
      if (is_ascii_letter(ch) && out.text.size() >= 2 && out.text.back() == ch &&
          out.text[out.text.size() - 2] == ch) {
        ++p;
        continue;
      }
      append(std::string_view(&ch, 1), p, p + 1);
      ++p;
    }
    i = j;
  }
  out.source.push_back(folded.source.back());
  return out;
}

}  // namespace brandlint::text
