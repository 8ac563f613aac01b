// tone.shouting.*, tone.mocking-emoji.* and tone.impression.curt: what the brand's guidelines
// call letting out anger or disdain, as far as it can be counted, and the tone model's reading
// of a reply (tone_model.hpp). Hostile, condescending and sarcastic phrases are in the rule
// packs (rules/<lang>/tone.yaml), not here.
#include <unicode/utf8.h>

#include <limits>
#include <string>

#include "checks/families.hpp"
#include "checks/mood_signals.hpp"
#include "checks/tone_model.hpp"

namespace brandlint::checks {
namespace {

// Emoji that read as laughing at, or shrugging off, an upset customer. Laughter and contempt
// are errors (a screenshot of "😂" under a complaint is the embarrassment); the ambiguous ones
// (a shrug, an upside-down smile) are warnings.
struct MockingEmoji {
  UChar32 code_point;
  const char* name;
  Severity severity;
  bool contempt = false;  // mocks whoever it answers, upset or not
};
constexpr MockingEmoji kMockingEmoji[] = {
    {0x1F602, "tears-of-joy", Severity::error},      // 😂
    {0x1F923, "rolling-laughing", Severity::error},  // 🤣
    {0x1F639, "cat-tears-of-joy", Severity::error},  // 😹
    {0x1F644, "eye-roll", Severity::error, true},    // 🙄
    {0x1F60F, "smirk", Severity::error, true},       // 😏
    {0x1F971, "yawn", Severity::error, true},        // 🥱
    {0x1F921, "clown", Severity::error, true},       // 🤡
    {0x1F612, "unamused", Severity::warning},        // 😒
    {0x1F606, "laughing", Severity::warning},        // 😆
    {0x1F92D, "giggle", Severity::warning},          // 🤭
    {0x1F643, "upside-down", Severity::warning},     // 🙃
    {0x1F937, "shrug", Severity::warning},           // 🤷
    {0x1F485, "nail-polish", Severity::warning},     // 💅
};

const MockingEmoji* mocking(std::string_view emoji) {
  const auto* s = reinterpret_cast<const uint8_t*>(emoji.data());
  const auto len = static_cast<int32_t>(emoji.size());
  for (int32_t i = 0; i < len;) {
    UChar32 c;
    U8_NEXT(s, i, len, c);
    for (const auto& m : kMockingEmoji) {
      if (m.code_point == c) return &m;
    }
  }
  return nullptr;
}

constexpr std::size_t kMinModelWords = 6;

class ToneCheck final : public Check {
 public:
  void run(const CheckContext& context, std::vector<Diagnostic>& out) const override {
    // In a reply capitals and "!!!" are raised voice at one person; in a brand's own post they
    // are a (loud) style choice, so only a suggestion.
    const bool reply = context.kind == "reply";
    const Severity loud = reply ? Severity::warning : Severity::info;
    const int min_words = context.threshold("shouting_words", 3);
    for (const auto& run : shouted_runs(context.text, context.speller, context.config, min_words)) {
      out.push_back(context.diagnostic(
          "tone.shouting.capitals", "tone", "shouting", loud,
          std::to_string(run.words) +
              " words in capitals read as shouting; write them in normal case (one word in "
              "capitals for emphasis is fine)",
          run.span.first, run.span.second));
    }
    for (const auto& [begin, end] : exclamation_runs(context.text.nfc())) {
      out.push_back(context.diagnostic("tone.shouting.punctuation", "tone", "shouting", loud,
                                       "repeated “!” or “?” read as shouting or exasperation; "
                                       "one is enough",
                                       begin, end));
    }
    mocking_emoji(context, out);
    if (context.tone_model != nullptr) model_reading(context, out);
  }

 private:
  // A reply or post that no tone rule flagged but whose words the tone model reads as hostile:
  // a suggestion to reread it, on its most hostile sentence, naming the words that weigh most.
  static void model_reading(const CheckContext& context, std::vector<Diagnostic>& out) {
    for (const auto& d : out) {
      if (d.category == "tone" && d.severity != Severity::info) return;  // said already
    }
    const ToneModel& model = *context.tone_model;
    const text::AnalysedText& text = context.text;
    // A few words are too little to read a tone from: "We have received it." is as curt as
    // "Typical." to a model of words.
    std::size_t words = 0;
    for (const auto& token : text.tokens()) words += token.kind == text::TokenKind::word ? 1 : 0;
    if (words < kMinModelWords) return;
    const text::FoldedText& folded = context.folded.folded;
    if (model.score(tone_tokens(text, folded, 0, text.nfc().size())) <= model.threshold()) return;
    std::size_t begin = 0, end = text.nfc().size();
    double best = -std::numeric_limits<double>::infinity();
    for (const auto& sentence : text.sentences()) {
      const double score = model.score(tone_tokens(text, folded, sentence.begin, sentence.end));
      if (score > best) {
        best = score;
        begin = sentence.begin;
        end = sentence.end;
      }
    }
    const std::string weighed =
        model.strongest_quoted(tone_features(tone_tokens(text, folded, begin, end)), 3);
    out.push_back(context.diagnostic(
        "tone.impression.curt", "tone", "impression", Severity::info,
        (context.kind == "reply" ? "this reply may read as curt or sarcastic to the customer"
                                 : "this post may read as curt or sarcastic to its readers") +
            (weighed.empty() ? std::string() : " (the words that weigh most: " + weighed + ")") +
            "; reread it as they would" +
            (context.kind == "reply" ? ", and say plainly what you will do" : ""),
        begin, end));
  }

  static void mocking_emoji(const CheckContext& context, std::vector<Diagnostic>& out) {
    std::vector<std::pair<const text::Token*, const MockingEmoji*>> found;
    for (const auto& token : context.text.tokens()) {
      if (token.kind != text::TokenKind::emoji) continue;
      if (const auto* m = mocking(token.text)) found.emplace_back(&token, m);
    }
    if (found.empty()) return;
    // Upset: the message answered reads as a complaint, or the reply itself apologises. To a
    // calm customer laughter may be shared, but an eye-roll, a smirk, a yawn or a clown still
    // mocks the person answered ("domandone! 😏"): a warning in a reply.
    std::string why;
    const CustomerMood mood = read_customer_mood(context);
    if (mood.complaint) {
      why = "where the customer is upset (" + mood.evidence + ")";
    } else if (const auto* apology = context.rules.lexicon("apology");
               apology != nullptr && context.found_as_meant(*apology)) {
      why = "where the reply apologises for a problem";
    } else if (context.kind != "reply") {
      return;
    }
    const bool calm = why.empty();
    for (const auto& [token, m] : found) {
      if (calm && !m->contempt) continue;
      out.push_back(
          context.diagnostic(std::string("tone.mocking-emoji.") + m->name, "tone", "mocking-emoji",
                             calm ? Severity::warning : m->severity,
                             "“" + std::string(token->text) + "” in a reply " +
                                 (calm ? std::string("reads as mocking the customer's question")
                                       : why + " reads as laughing at them or brushing them off") +
                                 "; remove it",
                             token->begin, token->end));
    }
  }
};

}  // namespace

std::unique_ptr<Check> make_tone_check() { return std::make_unique<ToneCheck>(); }

}  // namespace brandlint::checks
