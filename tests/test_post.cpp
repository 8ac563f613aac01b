// Reading one-post files: front matter, BOM, CRLF, and positions that point into the file.
#include <doctest/doctest.h>

#include "post/post_reader.hpp"

using namespace brandlint;

namespace {
Expected<std::vector<Post>> parse(const std::string& contents, const std::string& name = "p.txt") {
  return post::parse_posts(post::source_from_text(contents, name));
}
}  // namespace

TEST_CASE("front matter fills the metadata and the text starts after it") {
  auto posts = parse(
      "---\nid: r-1\nlang: es\nplatform: x\nkind: reply\ncustomer: Lucía\ncustomer_handle: "
      "\"@lucia\"\nagent: Marcos\nin_reply_to: \"no llega\"\nscheduled_at: "
      "2026-12-01T09:00:00+01:00\ntimezone: Europe/Madrid\nx-campaign: navidad\n---\nHola Lucía\n");
  REQUIRE(posts);
  const Post& p = posts.value().at(0);
  CHECK(p.meta.id == "r-1");
  CHECK(p.meta.lang == "es");
  CHECK(p.meta.platform == "x");
  CHECK(p.meta.kind == "reply");
  CHECK(p.meta.customer == "Lucía");
  CHECK(p.meta.customer_handle == "@lucia");
  CHECK(p.meta.timezone == "Europe/Madrid");
  CHECK(p.text == "Hola Lucía\n");
  // "Lucía" in the text is on line 14 of the file, column 6.
  const Position pos = locate(*p.source.file, p.source.file_offset(5));
  CHECK(pos.line == 14);
  CHECK(pos.column == 6);
}

TEST_CASE("an unknown front matter key is an error at its line and column") {
  auto posts = parse("---\nlang: en\n  \ncustommer: Ana\n---\nHi Ana\n", "reply.txt");
  REQUIRE_FALSE(posts);
  CHECK(posts.error().line == 4);
  CHECK(posts.error().column == 1);
  CHECK(posts.error().to_string().find("reply.txt:4:1: unknown front matter key 'custommer'") == 0);
}

TEST_CASE("bad values, bad YAML and unclosed front matter are errors with a line") {
  auto lang = parse("---\nlang: german\n---\nHallo\n");
  REQUIRE_FALSE(lang);
  CHECK(lang.error().line == 2);
  CHECK(lang.error().message.find("unknown language 'german'") != std::string::npos);
  auto yaml = parse("---\nlang: [en\n---\nHi\n");
  REQUIRE_FALSE(yaml);
  CHECK(yaml.error().line >= 2);
  auto open = parse("---\nlang: en\nHi there\n");
  REQUIRE_FALSE(open);
  CHECK(open.error().message.find("never closed") != std::string::npos);
}

TEST_CASE("BOM and CRLF: the text and positions still line up") {
  auto posts = parse("\xEF\xBB\xBF---\r\nlang: en\r\n---\r\nHi Ana,\r\nthanks\r\n");
  REQUIRE(posts);
  const Post& p = posts.value()[0];
  CHECK(p.meta.lang == "en");
  CHECK(p.text == "Hi Ana,\r\nthanks\r\n");
  const Position pos = locate(*p.source.file, p.source.file_offset(p.text.find("thanks")));
  CHECK(pos.line == 5);
  CHECK(pos.column == 1);
  auto plain = parse("\xEF\xBB\xBFHola");
  REQUIRE(plain);
  CHECK(plain.value()[0].text == "Hola");
}

TEST_CASE("a file without front matter is all text; '---' later on is text too") {
  auto posts = parse("Hi Ana\n---\nsee you\n");
  REQUIRE(posts);
  CHECK(posts.value()[0].text == "Hi Ana\n---\nsee you\n");
  CHECK(posts.value()[0].meta.lang.empty());
}

TEST_CASE("columns count code points, and a lone CR ends a line") {
  SourceFile f{"f", "ñandú 😊 x\rsecond"};
  const Position emoji_x = locate(f, f.contents.find('x'));
  CHECK(emoji_x.line == 1);
  CHECK(emoji_x.column == 9);
  const Position second = locate(f, f.contents.find("second"));
  CHECK(second.line == 2);
  CHECK(second.column == 1);
}

TEST_CASE("a file's line index places every byte where counting from the top does") {
  // Files read from disk are indexed, so that thousands of findings in one file of posts do
  // not each count lines from the top; the index must agree with counting at every offset:
  // LF, CRLF, a lone CR, blank lines, a byte-order mark, characters of 2 to 4 bytes.
  for (const char* contents :
       {"\xEF\xBB\xBFHi \xC3\xB1"
        "and\xC3\xBA\r\nsecond\rthird\n\n😊 x\r\n",
        "no line break at all", "", "\n", "\r", "\r\n\r\n", "a\n\rb\r\r\nc"}) {
    CAPTURE(contents);
    SourceFile counted{"f", contents};
    SourceFile indexed = counted;
    brandlint::index_lines(indexed);
    REQUIRE_FALSE(indexed.line_starts.empty());
    CHECK(indexed.code_point_marks.empty());  // no line long enough to need them
    for (std::size_t at = 0; at <= counted.contents.size() + 1; ++at) {
      CAPTURE(at);
      const Position a = locate(counted, at), b = locate(indexed, at);
      CHECK(a.line == b.line);
      CHECK(a.column == b.column);
      CHECK(a.offset == b.offset);
    }
  }
  // Minified JSON holds every post on one line: far into it, a column is counted from the
  // nearest of the marks left every few kilobytes, and must still be the count from the
  // line's start. Lines of 20 KB of 1- to 4-byte characters, after a BOM and a short line.
  std::string one_line = "\xEF\xBB\xBF[{\"text\": \"x\"},\n";
  for (int i = 0; i < 2; ++i) {
    while (one_line.size() < 20000u * (i + 1))
      one_line += "{\"text\":\"Añadimos 😊 ¡gracias! €5\"},";
    one_line += "\r\n";
  }
  SourceFile counted{"f", one_line};
  SourceFile indexed = counted;
  brandlint::index_lines(indexed);
  CHECK(indexed.code_point_marks.size() >= 8);
  for (std::size_t at = 0; at <= one_line.size(); at += (at % 4096 < 8 ? 1 : 7)) {
    CAPTURE(at);
    const Position a = locate(counted, at), b = locate(indexed, at);
    CHECK(a.line == b.line);
    CHECK(a.column == b.column);
  }

  SourceFile f{"f", "one\r\ntwo\rthree\nfour"};
  brandlint::index_lines(f);
  CHECK(f.line_starts == std::vector<std::size_t>{0, 5, 9, 15});
  CHECK(locate(f, f.contents.find("four")).line == 4);
}
