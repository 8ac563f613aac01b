// What in a text reads as raised voice or an unhappy customer: runs of capitals, runs of ! and ?,
// angry emoji, complaint words. Shared by the tone check (is the brand shouting? is it mocking an
// upset customer?) and the personalisation check (does this reply answer a complaint?).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "checks/check.hpp"

namespace brandlint::checks {

using Span = std::pair<std::size_t, std::size_t>;  // [begin, end) bytes of an nfc() text

struct ShoutedRun {
  Span span;
  int words = 0;  // words in capitals in the run
};

// Runs of at least `min_words` words written in capitals ("WHERE IS MY ORDER"). A word counts
// when it has two or more letters, all capitals, and its lowercase form is a word the
// dictionary knows: acronyms and names known only in capitals (FAQ, NASA, DHL in most
// dictionaries), product codes and the user's own all-caps `words` never count, and
// neither break a run, nor do one-letter words ("I"), numbers, emoji and punctuation. A word
// with a lowercase letter ends the run.
std::vector<ShoutedRun> shouted_runs(const text::AnalysedText& text,
                                     const spelling::SpellerPool& speller, const Config& config,
                                     int min_words);

// Runs of three or more ! and ? (also ¡ ¿ ‼ ⁇ ⁈ ⁉, which count twice when doubled): "!!!",
// "???", "?!?!", "¡¡¡".
std::vector<Span> exclamation_runs(std::string_view nfc);

// Whether the emoji (its first code point) says anger or disgust: 😡 🤬 😠 😤 👎 💢
// 🖕 😒 🙄 😞.
bool is_angry_emoji(std::string_view emoji);

// What the customer wrote (`in_reply_to`), read for a complaint.
struct CustomerMood {
  bool complaint = false;
  std::string evidence;  // what gave it away, quoted for messages: "“broken”", "“!!!”"
};

// A complaint when `in_reply_to` matches the language's `complaint` list, or shows anger: a run
// of capitals, "!!!", an angry emoji. Nothing when the post has no `in_reply_to`.
CustomerMood read_customer_mood(const CheckContext& context);

}  // namespace brandlint::checks
