#include "text/graphemes.hpp"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <memory>

namespace brandlint::text {

std::vector<std::size_t> grapheme_ends(std::string_view utf8) {
  std::vector<std::size_t> ends;
  UErrorCode status = U_ZERO_ERROR;
  // Break iterators are not thread-safe; one per thread, built on first use.
  thread_local std::unique_ptr<icu::BreakIterator> breaker(
      icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
  if (!breaker) return ends;
  UText* ut = utext_openUTF8(nullptr, utf8.data(), static_cast<int64_t>(utf8.size()), &status);
  if (U_FAILURE(status)) {
    utext_close(ut);
    return ends;
  }
  breaker->setText(ut, status);
  if (U_SUCCESS(status)) {
    // With a UTF-8 UText, break positions are byte offsets.
    for (int32_t end = (breaker->first(), breaker->next()); end != icu::BreakIterator::DONE;
         end = breaker->next()) {
      ends.push_back(static_cast<std::size_t>(end));
    }
  }
  breaker->setText(icu::UnicodeString());
  utext_close(ut);
  return ends;
}

}  // namespace brandlint::text
