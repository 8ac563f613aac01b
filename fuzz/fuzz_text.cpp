// The text layer on arbitrary valid UTF-8: NFC and its offset map, tokens, sentences, folding
// and the evasion skeleton. Every offset must map back inside the original.
#include <cstddef>
#include <cstdint>
#include <string>

#include "text/analysed_text.hpp"
#include "text/folded_text.hpp"
#include "text/utf8_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string original(reinterpret_cast<const char*>(data), size);
  if (brandlint::text::check_utf8(original, "fuzz")) return 0;
  const brandlint::text::AnalysedText t(original);
  for (const auto& token : t.tokens()) {
    if (token.begin > token.end || token.end > t.nfc().size()) __builtin_trap();
    if (t.to_original_end(token.end) > original.size()) __builtin_trap();
  }
  for (const auto& s : t.sentences()) {
    if (s.begin > s.end || s.end > t.nfc().size()) __builtin_trap();
  }
  const auto folded = brandlint::text::fold(t.nfc());
  const auto skeleton = brandlint::text::skeleton(folded);
  if (folded.source.size() != folded.text.size() + 1) __builtin_trap();
  if (skeleton.source.size() != skeleton.text.size() + 1) __builtin_trap();
  // The rules skip the skeleton of a text said to hold no evasion: it must equal the text.
  if (!brandlint::text::may_hold_evasions(folded.text) && skeleton.text != folded.text)
    __builtin_trap();
  for (auto o : skeleton.source_end) {
    if (o > t.nfc().size()) __builtin_trap();
  }
  return 0;
}
