// The text layer: tokens, sentences and offsets on the shapes real posts take.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "text/analysed_text.hpp"
#include "text/letters.hpp"
#include "text/utf8_check.hpp"

using brandlint::text::AnalysedText;
using brandlint::text::TokenKind;

namespace {

bool has(const AnalysedText& t, TokenKind kind, const std::string& text) {
  for (const auto& tok : t.tokens()) {
    if (tok.kind == kind && tok.text == text) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("URLs keep their path and query string, and trailing punctuation stays out") {
  AnalysedText t("Track it here: https://example.com/orders/123?ref=tw&lang=en. Thanks!");
  CHECK(has(t, TokenKind::url, "https://example.com/orders/123?ref=tw&lang=en"));
  CHECK(has(t, TokenKind::word, "Thanks"));
}

TEST_CASE("handles, hashtags, e-mails and numbers are their own tokens") {
  AnalysedText t("@ana_b write to help@shop.example.com about #SummerSale order 48213");
  CHECK(has(t, TokenKind::mention, "@ana_b"));
  CHECK(has(t, TokenKind::email, "help@shop.example.com"));
  CHECK(has(t, TokenKind::hashtag, "#SummerSale"));
  CHECK(has(t, TokenKind::number, "48213"));
  CHECK_FALSE(has(t, TokenKind::word, "shop"));
}

TEST_CASE("emoji sequences are one token each: ZWJ families, flags, skin tones, keycaps") {
  AnalysedText t("Love it 👩‍👩‍👧 🇪🇸 👍🏽 1️⃣ ❤️");
  CHECK(has(t, TokenKind::emoji, "👩‍👩‍👧"));
  CHECK(has(t, TokenKind::emoji, "🇪🇸"));
  CHECK(has(t, TokenKind::emoji, "👍🏽"));
  CHECK(has(t, TokenKind::emoji, "❤️"));
  int emoji = 0;
  for (const auto& tok : t.tokens()) emoji += tok.kind == TokenKind::emoji ? 1 : 0;
  CHECK(emoji == 5);
}

TEST_CASE("template placeholders of every common shape") {
  for (const char* p : {"{{first_name}}", "{name}", "[NAME]", "[NOMBRE]", "%NAME%", "<name>",
                        "${name}", "$first_name", "[PRÉNOM]"}) {
    CAPTURE(p);
    AnalysedText t(std::string("Hi ") + p + ", thanks!");
    CHECK(has(t, TokenKind::placeholder, p));
  }
  AnalysedText heart("Love you <3 and see [1] and [sic]");
  for (const auto& tok : heart.tokens()) CHECK(tok.kind != TokenKind::placeholder);
}

TEST_CASE("combining marks: NFC text maps back to the bytes the writer typed") {
  const std::string original = "Cafe\xCC\x81 recivido";  // "Café" with a combining accent
  AnalysedText t(original);
  CHECK(t.nfc() == "Caf\xC3\xA9 recivido");
  REQUIRE(t.tokens().size() == 2);
  const auto& cafe = t.tokens()[0];
  CHECK(t.to_original(cafe.begin) == 0);
  CHECK(t.to_original_end(cafe.end) == 6);  // the whole decomposed "é"
  const auto& word = t.tokens()[1];
  CHECK(original.substr(t.to_original(word.begin),
                        t.to_original_end(word.end) - t.to_original(word.begin)) == "recivido");
}

TEST_CASE("offsets always map back inside the original (property over mixed inputs)") {
  for (const char* s : {"e\xCC\x81t\xC3\xA9 \xE2\x84\xAB", "ｆｕｌｌ width", "a\xCC\x88o\xCC\x88",
                        "مرحبا بكم 123", "שלום עולם", "日本語のテキスト", ""}) {
    AnalysedText t(s);
    const std::string original = s;
    for (std::size_t i = 0; i <= t.nfc().size(); ++i) {
      CHECK(t.to_original(i) <= original.size());
      CHECK(t.to_original_end(i) <= original.size());
      CHECK(t.to_original(i) <= t.to_original_end(i));
    }
  }
}

TEST_CASE("CJK and right-to-left text are words, not punctuation") {
  AnalysedText arabic("شكرا لك على صبرك");
  CHECK(has(arabic, TokenKind::word, "شكرا"));
  AnalysedText hebrew("תודה רבה");
  CHECK(has(hebrew, TokenKind::word, "תודה"));
  AnalysedText japanese("ご注文ありがとうございます");
  bool any_word = false;
  for (const auto& tok : japanese.tokens()) any_word = any_word || tok.kind == TokenKind::word;
  CHECK(any_word);
}

TEST_CASE("sentences") {
  AnalysedText t("Hi Ana! Your order left today. Thanks for waiting.\r\nBest, Julia");
  REQUIRE(t.sentences().size() == 4);
  const auto& s = t.sentences()[1];
  CHECK(t.nfc().substr(s.begin, s.end - s.begin) == "Your order left today.");
}

TEST_CASE("invalid UTF-8 is an error naming the line, column and byte") {
  using brandlint::text::check_utf8;
  CHECK_FALSE(check_utf8("plain ascii\nand é", "f.txt").has_value());
  auto bad = check_utf8("line one\nok \xC3\x28 here", "f.txt");
  REQUIRE(bad.has_value());
  CHECK(bad->line == 2);
  CHECK(bad->column == 4);
  CHECK(bad->to_string().find("f.txt:2:4: invalid UTF-8 at byte 12") == 0);
  CHECK(check_utf8("overlong \xC0\xAF", "f").has_value());
  CHECK(check_utf8("surrogate \xED\xA0\x80", "f").has_value());
  CHECK(check_utf8("truncated \xE2\x82", "f").has_value());
  auto nul = check_utf8(std::string("a\0b", 3), "bin");
  REQUIRE(nul.has_value());
  CHECK(nul->message.find("NUL byte") != std::string::npos);
}

TEST_CASE("letter_case counts a word's letters by case, in ASCII and beyond, however long") {
  const brandlint::text::LetterCase priya = brandlint::text::letter_case("Priya");
  CHECK(priya.code_points == 5);
  CHECK(priya.letters == 5);
  CHECK(priya.upper == 1);
  CHECK(priya.lower == 4);
  CHECK(priya.first_upper);
  const brandlint::text::LetterCase code = brandlint::text::letter_case("DM4U_2");
  CHECK(code.code_points == 6);
  CHECK(code.letters == 3);
  CHECK(code.upper == 3);
  CHECK(code.digits == 2);
  const brandlint::text::LetterCase accented =
      brandlint::text::letter_case("Ñandú");  // 5 code points, 7 bytes
  CHECK(accented.code_points == 5);
  CHECK(accented.letters == 5);
  CHECK(accented.upper == 1);
  CHECK(accented.lower == 4);
  CHECK(accented.first_upper);
  CHECK_FALSE(brandlint::text::letter_case("élan").first_upper);
  CHECK(brandlint::text::letter_case("Élan").first_upper);
  // Counts past what 16 bits hold, and a letter outside ASCII far into a long text.
  const std::string shout(70000, 'A');
  const brandlint::text::LetterCase loud = brandlint::text::letter_case(shout);
  CHECK(loud.upper == 70000);
  CHECK(loud.letters == 70000);
  const brandlint::text::LetterCase tail = brandlint::text::letter_case(shout + "é");
  CHECK(tail.code_points == 70001);
  CHECK(tail.lower == 1);
  CHECK(tail.upper == 70000);
}
