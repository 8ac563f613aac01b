#include "checks/mood_signals.hpp"

#include <unicode/utf8.h>

#include <algorithm>
#include <memory>
#include <optional>

#include "text/folded_text.hpp"
#include "text/letters.hpp"

namespace brandlint::checks {
namespace {

// The user's own words written in capitals ("words: {all: [ACMEPAY]}") are brand terms.
bool user_capital_word(const Config& config, std::string_view word) {
  for (const auto& [lang, words] : config.words) {
    for (const auto& w : words) {
      if (w == word) return true;
    }
  }
  return false;
}

UChar32 first_code_point(std::string_view s) {
  if (s.empty()) return -1;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(p, i, static_cast<int32_t>(s.size()), c);
  return c;
}

// Whether `s` lies inside one of `spans`.
bool inside_any(const std::vector<Span>& spans, const Span& s) {
  return std::any_of(spans.begin(), spans.end(),
                     [&](const Span& t) { return s.first >= t.first && s.second <= t.second; });
}

}  // namespace

std::vector<ShoutedRun> shouted_runs(const text::AnalysedText& text,
                                     const spelling::SpellerPool& speller, const Config& config,
                                     int min_words) {
  std::vector<ShoutedRun> runs;
  ShoutedRun current;
  auto close = [&]() {
    if (current.words >= min_words) runs.push_back(current);
    current = ShoutedRun{};
  };
  for (const auto& token : text.tokens()) {
    if (token.kind != text::TokenKind::word) continue;  // numbers, emoji, punctuation: neutral
    const text::LetterCase l = text::letter_case(token.text);
    if (l.letters < 2) continue;  // "I", "A", "l'": neutral
    if (l.upper < l.letters) {
      close();
      continue;
    }
    if (user_capital_word(config, token.text) || !speller.correct(text::lowercase(token.text))) {
      continue;  // an acronym, a name known in capitals or a code: neutral
    }
    if (current.words == 0) current.span.first = token.begin;
    current.span.second = token.end;
    ++current.words;
  }
  close();
  return runs;
}

std::vector<Span> exclamation_runs(std::string_view nfc) {
  std::vector<Span> runs;
  const auto* s = reinterpret_cast<const uint8_t*>(nfc.data());
  const auto len = static_cast<int32_t>(nfc.size());
  int weight = 0;
  std::size_t start = 0;
  for (int32_t i = 0; i <= len;) {
    const int32_t at = i;
    UChar32 c = -1;
    if (i < len) U8_NEXT(s, i, len, c);
    int w = 0;
    switch (c) {
      case '!':
      case '?':
      case 0x00A1:  // ¡
      case 0x00BF:  // ¿
        w = 1;
        break;
      case 0x203C:  // ‼
      case 0x2047:  // ⁇
      case 0x2048:  // ⁈
      case 0x2049:  // ⁉
        w = 2;
        break;
      default: break;
    }
    if (c == 0xFE0F || c == 0xFE0E) continue;  // ‼️: the emoji presentation of ‼
    if (w > 0) {
      if (weight == 0) start = static_cast<std::size_t>(at);
      weight += w;
    } else {
      if (weight >= 3) runs.emplace_back(start, static_cast<std::size_t>(at));
      weight = 0;
    }
    if (at == len) break;
  }
  return runs;
}

bool is_happy_emoji(std::string_view emoji) {
  switch (first_code_point(emoji)) {
    case 0x1F60D:  // 😍 heart eyes
    case 0x1F970:  // 🥰 hearts
    case 0x1F929:  // 🤩 star-struck
    case 0x1F60A:  // 😊 smiling eyes
    case 0x1F601:  // 😁 beaming
    case 0x1F600:  // 😀 grinning
    case 0x1F603:  // 😃
    case 0x1F604:  // 😄
    case 0x1F973:  // 🥳 partying
    case 0x1F64C:  // 🙌 raised hands
    case 0x1F44F:  // 👏 clapping
    case 0x1F389:  // 🎉 party popper
    case 0x1F60B:  // 😋 yum
    case 0x1F618:  // 😘 kiss
    case 0x2764:   // ❤ red heart
    case 0x1F495:  // 💕 two hearts
    case 0x1F496:  // 💖 sparkling heart
    case 0x1F497:  // 💗
    case 0x1F499:  // 💙
    case 0x1F49A:  // 💚
    case 0x1F49B:  // 💛
    case 0x1F49C:  // 💜
    case 0x1F9E1:  // 🧡
    case 0x1F90D:  // 🤍
      return true;
    default: return false;
  }
}

bool is_angry_emoji(std::string_view emoji) {
  switch (first_code_point(emoji)) {
    case 0x1F621:  // 😡 pouting
    case 0x1F92C:  // 🤬 symbols over mouth
    case 0x1F620:  // 😠 angry
    case 0x1F624:  // 😤 steam from nose
    case 0x1F44E:  // 👎 thumbs down
    case 0x1F4A2:  // 💢 anger symbol
    case 0x1F595:  // 🖕 middle finger
    case 0x1F612:  // 😒 unamused
    case 0x1F644:  // 🙄 eye roll
    case 0x1F61E:  // 😞 disappointed
      return true;
    default: return false;
  }
}

namespace {

// "Galaxia Rota", "Broken Sword": a word capitalised inside its sentence, not in capitals, is
// part of a name (a product, a place), not the customer's complaint.
bool in_a_name(const text::AnalysedText& text, std::size_t at) {
  const std::size_t start = text.sentence_start(at);
  bool words_before = false;
  for (const auto& token : text.tokens()) {
    if (token.kind != text::TokenKind::word || token.end <= start) continue;
    if (token.begin >= at) {
      if (token.begin != at || !words_before) return false;
      const text::LetterCase l = text::letter_case(token.text);
      return l.first_upper && l.lower > 0;
    }
    words_before = true;
  }
  return false;
}

CustomerMood read_mood(const CheckContext& context) {
  CustomerMood mood;
  const std::string& written = context.post.meta.in_reply_to;
  if (written.empty()) return mood;
  // Named references, not a structured binding: clang 14's lambdas cannot capture those.
  const text::AnalysedText& text = context.customer_message().text;
  const text::FoldedText& folded = context.customer_message().folded;
  auto quote = [&](Span span) {
    return "“" + text.nfc().substr(span.first, span.second - span.first) + "”";
  };
  // Thanks that are not sarcastic ("thanks for nothing"), each with the rest of its clause:
  // "Thanks for the quick refund!" names a complaint word to praise how it was handled.
  std::vector<Span> thanked;
  const auto* praise = context.rules.lexicon("praise");
  std::optional<std::vector<Span>> praising;  // found on first need
  if (const auto* thanks = context.rules.lexicon("thanks")) {
    for (const Span& t : thanks->find_all(folded)) {
      std::size_t end = text.nfc().find_first_of(".!?;\n", t.second);
      if (end == std::string::npos) end = text.nfc().size();
      std::string rest = text::fold_term(text.nfc().substr(t.second, end - t.second));
      rest.erase(0, rest.find_first_not_of(' '));
      const std::string after = " " + rest + " ";
      // "Thanks for nothing", and thanks followed by a "but": the complaint still stands.
      bool grateful = true;
      for (const char* nothing : {" for nothing", " nothing", " por nada", " nada", " pour rien",
                                  " rien", " per niente", " di niente", " niente"}) {
        grateful = grateful && after.rfind(nothing, 0) != 0;
      }
      for (const char* but : {" but ", " however ", " still ", " yet ", " pero ", " todavia ",
                              " aun ", " mais ", " toujours ", " ma ", " ancora "}) {
        grateful = grateful && after.find(but) == std::string::npos;
      }
      if (grateful) thanked.push_back({t.first, end});
      // "Refund received, super quick, thanks!": thanks that end the message, after a clause
      // that praises (the language's `praise` list), thank for what that clause names.
      const bool last = text::letter_case(text.nfc().substr(t.second)).letters == 0;
      if (grateful && last && praise != nullptr) {
        const std::size_t start = text.sentence_start(t.first);
        if (!praising) praising = praise->find_all(folded);
        // Not when the clause denies or still waits: "not fixed yet, thanks".
        std::string clause = " " + text::fold_term(text.nfc().substr(start, t.first - start)) + " ";
        for (char& c : clause) {
          if (c == ',' || c == ';' || c == ':' || c == '-' || c == '(' || c == ')') c = ' ';
        }
        bool denied = false;
        for (const char* no :
             {" not ",      "n't ",       " no ",       " never ",   " still ",  " yet ",
              " again ",    " pas ",      " toujours ", " jamais ",  " encore ", " non ",
              " ancora ",   " mai ",      " di nuovo ", " todavia ", " aun ",    " sigue ",
              " otra vez ", " de nuevo ", " nada ",     " rien ",    " niente "}) {
          denied = denied || clause.find(no) != std::string::npos;
        }
        const bool praised =
            !denied && std::any_of(praising->begin(), praising->end(), [&](const Span& p) {
              return p.first >= start && p.second <= t.first;
            });
        if (praised) thanked.push_back({start, t.first});
      }
    }
  }

  // A request asked as a question ("Can I return these in store?", "¿Puedo cancelar online?")
  // is a question, not a complaint; "I want to return this, it's broken" still is, by its
  // other words.
  std::vector<Span> asked;
  if (const auto* request = context.rules.lexicon("request")) {
    for (const Span& r : request->find_all(folded)) {
      const std::size_t end = text.nfc().find_first_of(".!\n", r.second);
      const std::size_t question = text.nfc().find('?', r.second);
      if (question != std::string::npos && question < end) asked.push_back(r);
    }
  }
  // Complaint words about the customer's own slip ("I paid twice by mistake", "ho sbagliato")
  // or a fraud someone else tried ("a scam text pretending to be you"): no apology is due.
  std::vector<Span> no_fault;
  if (const auto* blameless = context.rules.lexicon("no_fault")) {
    no_fault = blameless->find_all(folded);
  }
  if (const auto* complaint = context.rules.lexicon("complaint")) {
    for (const Span& found : complaint->find_all(folded)) {
      if (inside_any(thanked, found) || inside_any(asked, found) || inside_any(no_fault, found)) {
        continue;
      }
      if (in_a_name(text, found.first)) continue;
      mood.complaint = true;
      mood.evidence = quote(found);
      return mood;
    }
  }
  // Capitals and "!!" say anger, or delight when the customer is thanking ("THANK YOU!!") or
  // praising ("the pasta was incredible!!! 😍", "JE SUIS FAN").
  bool delighted = false;
  for (const auto& token : text.tokens()) {
    delighted = delighted || (token.kind == text::TokenKind::emoji && is_happy_emoji(token.text));
  }
  if (!delighted && praise != nullptr) {
    if (!praising) praising = praise->find_all(folded);
    delighted = !praising->empty();
  }
  if (thanked.empty() && !delighted) {
    const auto shouted =
        shouted_runs(text, context.speller, context.config, context.threshold("shouting_words", 3));
    if (!shouted.empty()) {
      mood.complaint = true;
      mood.evidence = quote(shouted.front().span);
      return mood;
    }
    const auto exclamations = exclamation_runs(text.nfc());
    if (!exclamations.empty()) {
      mood.complaint = true;
      mood.evidence = quote(exclamations.front());
      return mood;
    }
  }
  for (const auto& token : text.tokens()) {
    if (token.kind == text::TokenKind::emoji && is_angry_emoji(token.text)) {
      mood.complaint = true;
      mood.evidence = quote({token.begin, token.end});
      return mood;
    }
  }
  return mood;
}

}  // namespace

CustomerMood read_customer_mood(const CheckContext& context) {
  if (!context.customer_mood_) {
    context.customer_mood_ = std::make_shared<const CustomerMood>(read_mood(context));
  }
  return *context.customer_mood_;
}

}  // namespace brandlint::checks
