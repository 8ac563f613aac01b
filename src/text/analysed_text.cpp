#include "text/analysed_text.hpp"

#include <unicode/brkiter.h>
#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cassert>
#include <memory>

#include "text/entity_finder.hpp"
#include "text/letters.hpp"
#include "text/placeholder_finder.hpp"

namespace brandlint::text {

std::string_view to_string(TokenKind kind) {
  switch (kind) {
    case TokenKind::word: return "word";
    case TokenKind::number: return "number";
    case TokenKind::url: return "url";
    case TokenKind::email: return "email";
    case TokenKind::mention: return "mention";
    case TokenKind::hashtag: return "hashtag";
    case TokenKind::cashtag: return "cashtag";
    case TokenKind::emoji: return "emoji";
    case TokenKind::placeholder: return "placeholder";
    case TokenKind::punctuation: return "punctuation";
  }
  return "?";
}

namespace {

// Break iterators are costly to create and not thread-safe: one of each per thread.
icu::BreakIterator& word_breaker() {
  thread_local std::unique_ptr<icu::BreakIterator> it = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> made(
        icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    assert(U_SUCCESS(status));
    return made;
  }();
  return *it;
}

icu::BreakIterator& sentence_breaker() {
  thread_local std::unique_ptr<icu::BreakIterator> it = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> made(
        icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
    assert(U_SUCCESS(status));
    return made;
  }();
  return *it;
}

struct UTextCloser {
  void operator()(UText* t) const { utext_close(t); }
};

// Runs `fn(begin, end, rule_status)` for every segment `breaker` finds in utf8.
template <typename Fn>
void for_each_segment(icu::BreakIterator& breaker, std::string_view utf8, Fn fn) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UText, UTextCloser> ut(
      utext_openUTF8(nullptr, utf8.data(), static_cast<int64_t>(utf8.size()), &status));
  if (U_FAILURE(status)) return;
  breaker.setText(ut.get(), status);
  if (U_FAILURE(status)) return;
  // With a UTF-8 UText, break positions are byte offsets.
  int32_t begin = breaker.first();
  for (int32_t end = breaker.next(); end != icu::BreakIterator::DONE;
       begin = end, end = breaker.next()) {
    fn(static_cast<std::size_t>(begin), static_cast<std::size_t>(end), breaker.getRuleStatus());
  }
  // Leave the iterator pointing at nothing that the UText's closing would invalidate.
  breaker.setText(icu::UnicodeString());
}

enum class SegmentShape { space, emoji, punctuation };

SegmentShape classify_non_word(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto len = static_cast<int32_t>(s.size());
  bool all_space = true;
  for (int32_t i = 0; i < len;) {
    UChar32 c;
    U8_NEXT(p, i, len, c);
    if (c < 0) continue;
    if (u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC) ||
        u_hasBinaryProperty(c, UCHAR_REGIONAL_INDICATOR) || c == 0x20E3) {
      return SegmentShape::emoji;
    }
    if (!u_isUWhiteSpace(c) && c != 0x200B && c != 0xFEFF) all_space = false;
  }
  return all_space ? SegmentShape::space : SegmentShape::punctuation;
}

}  // namespace

AnalysedText::AnalysedText(std::string_view original) : original_(original) {
  normalise();
  tokenise();
  split_sentences();
}

void AnalysedText::normalise() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  icu::StringPiece input(original_.data(), static_cast<int32_t>(original_.size()));
  if (U_SUCCESS(status) && nfc->isNormalizedUTF8(input, status) && U_SUCCESS(status)) {
    nfc_.assign(original_);
    return;
  }
  status = U_ZERO_ERROR;
  icu::Edits edits;
  nfc_.clear();
  icu::StringByteSink<std::string> sink(&nfc_, static_cast<int32_t>(original_.size()));
  nfc->normalizeUTF8(0, input, sink, &edits, status);
  if (U_FAILURE(status)) {  // only on invalid input, which the readers reject first
    nfc_.assign(original_);
    return;
  }
  for (auto it = edits.getCoarseChangesIterator(); it.next(status);) {
    changes_.push_back(
        {static_cast<std::size_t>(it.destinationIndex()), static_cast<std::size_t>(it.newLength()),
         static_cast<std::size_t>(it.sourceIndex()), static_cast<std::size_t>(it.oldLength())});
  }
}

namespace {
template <typename Run>
const Run* run_at_or_before(const std::vector<Run>& runs, std::size_t nfc_offset) {
  auto it = std::upper_bound(runs.begin(), runs.end(), nfc_offset,
                             [](std::size_t o, const Run& r) { return o < r.nfc_begin; });
  return it == runs.begin() ? nullptr : &*(it - 1);
}
}  // namespace

std::size_t AnalysedText::sentence_start(std::size_t offset) const {
  const auto after = std::upper_bound(
      sentences_.begin(), sentences_.end(), offset,
      [](std::size_t at, const Sentence& sentence) { return at < sentence.begin; });
  return after == sentences_.begin() ? 0 : std::prev(after)->begin;
}

std::size_t AnalysedText::to_original(std::size_t nfc_offset) const {
  const auto* run = run_at_or_before(changes_, nfc_offset);
  if (run == nullptr) return nfc_offset;
  if (nfc_offset < run->nfc_begin + run->nfc_length) return run->original_begin;
  return run->original_begin + run->original_length +
         (nfc_offset - run->nfc_begin - run->nfc_length);
}

std::size_t AnalysedText::to_original_end(std::size_t nfc_offset) const {
  const auto* run = run_at_or_before(changes_, nfc_offset);
  if (run == nullptr) return nfc_offset;
  if (nfc_offset == run->nfc_begin) return run->original_begin;
  if (nfc_offset <= run->nfc_begin + run->nfc_length) {
    return run->original_begin + run->original_length;
  }
  return run->original_begin + run->original_length +
         (nfc_offset - run->nfc_begin - run->nfc_length);
}

void AnalysedText::tokenise() {
  const std::string_view text = nfc_;
  // Entities first: the word breaker would cut a URL, a handle or a placeholder into pieces.
  struct Span {
    std::size_t begin, end;
    TokenKind kind;
  };
  std::vector<Span> entities;
  for (auto [b, e] : find_placeholders(text)) entities.push_back({b, e, TokenKind::placeholder});
  for (auto [b, e] : find_emails(text)) entities.push_back({b, e, TokenKind::email});
  entities_ = find_entities(text, &urls_);
  for (const Entity& e : entities_) {
    TokenKind kind = TokenKind::url;
    switch (e.kind) {
      case EntityKind::url: kind = TokenKind::url; break;
      case EntityKind::mention: kind = TokenKind::mention; break;
      case EntityKind::hashtag: kind = TokenKind::hashtag; break;
      case EntityKind::cashtag: kind = TokenKind::cashtag; break;
    }
    entities.push_back({e.begin, e.end, kind});
  }
  // Earlier start wins; at the same start, placeholders and e-mails (pushed first) win.
  std::stable_sort(entities.begin(), entities.end(),
                   [](const Span& a, const Span& b) { return a.begin < b.begin; });
  std::vector<Span> kept;
  for (const Span& s : entities) {
    if (kept.empty() || s.begin >= kept.back().end) kept.push_back(s);
  }

  auto next_entity = kept.begin();
  auto emit = [&](std::size_t b, std::size_t e, TokenKind kind) {
    tokens_.push_back({kind, b, e, text.substr(b, e - b)});
  };
  auto emit_plain = [&](std::size_t b, std::size_t e, int32_t status) {
    if (b >= e) return;
    if (status >= UBRK_WORD_LETTER) {
      emit(b, e, TokenKind::word);
    } else if (status >= UBRK_WORD_NUMBER) {
      // A keycap (1️⃣) is a digit with U+20E3 attached: an emoji, not a number.
      const bool keycap = text.substr(b, e - b).find("\xE2\x83\xA3") != std::string_view::npos;
      emit(b, e, keycap ? TokenKind::emoji : TokenKind::number);
    } else {
      switch (classify_non_word(text.substr(b, e - b))) {
        case SegmentShape::space: break;
        case SegmentShape::emoji: emit(b, e, TokenKind::emoji); break;
        case SegmentShape::punctuation: emit(b, e, TokenKind::punctuation); break;
      }
    }
  };
  std::size_t covered_until = 0;  // end of the last entity emitted
  for_each_segment(word_breaker(), text, [&](std::size_t b, std::size_t e, int32_t status) {
    b = std::max(b, covered_until);
    while (b < e) {
      while (next_entity != kept.end() && next_entity->end <= b) ++next_entity;
      if (next_entity == kept.end() || next_entity->begin >= e) {
        emit_plain(b, e, status);
        return;
      }
      // The segment meets an entity: the part before it is plain text, the entity is one
      // token, and what follows it in the segment is looked at again.
      emit_plain(b, next_entity->begin, status);
      emit(next_entity->begin, next_entity->end, next_entity->kind);
      covered_until = next_entity->end;
      b = covered_until;
    }
  });
}

std::size_t AnalysedText::message_start() const {
  std::size_t start = 0;
  for (const Token& t : tokens_) {
    if (t.kind != TokenKind::mention) break;
    start = t.end;
  }
  if (start == 0) return 0;
  const std::size_t words = nfc_.find_first_not_of(" \t\r\n", start);
  return words == std::string::npos ? nfc_.size() : words;
}

std::size_t AnalysedText::message_end() const {
  // Back over the name: one or two words, capitalised after any mark but a caret (^jk).
  std::size_t k = tokens_.size(), words = 0;
  bool capitalised = true;
  while (k > 0 && words < 3) {
    if (tokens_[k - 1].text == ".") {  // "Marco B.", "J.M."
      --k;
      continue;
    }
    if (tokens_[k - 1].kind != TokenKind::word) break;
    const LetterCase l = letter_case(tokens_[k - 1].text);
    if (l.digits > 0 || l.letters == 0) return nfc_.size();
    capitalised = capitalised && l.first_upper;
    ++words;
    --k;
  }
  if (words == 0 || words > 2 || k == 0) return nfc_.size();
  const Token& mark = tokens_[k - 1];
  static constexpr std::string_view kMarks[] = {"-", "\u2013", "\u2014", "~", "*", "/"};
  const bool caret = mark.text == "^";
  if (mark.kind != TokenKind::punctuation ||
      !(caret || (capitalised && std::find(std::begin(kMarks), std::end(kMarks), mark.text) !=
                                     std::end(kMarks)))) {
    return nfc_.size();
  }
  // The mark stands apart from the words before it ("e-mail", "and/or" are no signatures),
  // and something comes before it.
  const std::size_t before = nfc_.find_last_not_of(" \t\r\n", mark.begin == 0 ? 0 : mark.begin - 1);
  if (mark.begin == 0 || before == std::string::npos || before + 1 == mark.begin) {
    return nfc_.size();
  }
  return before + 1;
}

void AnalysedText::split_sentences() {
  const std::string_view text = nfc_;
  for_each_segment(sentence_breaker(), text, [&](std::size_t b, std::size_t e, int32_t) {
    while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\n' || text[e - 1] == '\r' ||
                     text[e - 1] == '\t')) {
      --e;
    }
    if (e > b) sentences_.push_back({b, e});
  });
}

}  // namespace brandlint::text
