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
