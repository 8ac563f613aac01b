// Posts kept as data: JSON, JSON Lines, YAML and CSV, each with exact positions in the file.
#include <doctest/doctest.h>

#include "post/post_reader.hpp"

using namespace brandlint;

namespace {

std::vector<Post> read(const std::string& name, const std::string& contents,
                       const post::InputOptions& options = {}) {
  auto posts = post::parse_posts(post::source_from_text(contents, name), options);
  if (!posts) FAIL(posts.error().to_string());
  return std::move(posts.value());
}

Error read_error(const std::string& name, const std::string& contents) {
  auto posts = post::parse_posts(post::source_from_text(contents, name));
  REQUIRE_FALSE(posts);
  return posts.error();
}

// Where a substring of the post's text sits in the file.
Position where(const Post& p, const std::string& needle) {
  const auto at = p.text.find(needle);
  REQUIRE(at != std::string::npos);
  return locate(*p.source.file, p.source.file_offset(at));
}

}  // namespace

TEST_CASE("JSON: one post, a list, or {posts: [...]}, escapes accounted for") {
  const std::string json =
      "{\"posts\": [\n"
      "  {\"id\": \"a\", \"lang\": \"es\", \"text\": \"Hola\\nMa\\u00f1ana recivir\\u00e1s "
      "\\ud83d\\ude00 ok\"},\n"
      "  {\"id\": 7, \"text\": \"Tab\\there \\\"quoted\\\" word\"}\n"
      "]}\n";
  auto posts = read("p.json", json);
  REQUIRE(posts.size() == 2);
  CHECK(posts[0].meta.id == "a");
  CHECK(posts[0].meta.lang == "es");
  CHECK(posts[0].text == "Hola\nMañana recivirás 😀 ok");
  const Position p = where(posts[0], "recivir");
  CHECK(p.line == 2);
  CHECK(p.column == json.substr(json.find('\n') + 1).find("recivir") + 1);
  const Position ok = where(posts[0], "ok");
  CHECK(ok.column == json.substr(json.find('\n') + 1).find(" ok\"") + 2);
  CHECK(posts[1].meta.id == "7");
  CHECK(where(posts[1], "word").column ==
        std::string("  {\"id\": 7, \"text\": \"Tab\\there \\\"quoted\\\" ").size() + 1);

  CHECK(read("one.json", "{\"text\": \"Hi\"}").size() == 1);
  CHECK(read("list.json", "[{\"text\": \"Hi\"}, {\"text\": \"Yo\"}]").size() == 2);
}

TEST_CASE("JSON errors name the line and column") {
  auto e = read_error("bad.json", "[\n  {\"text\": \"Hi\"},\n  {\"text\": \"Yo\",}\n]");
  CHECK(e.line == 3);
  CHECK(e.message.find("invalid JSON") == 0);
  auto key = read_error("key.json", "{\"text\": \"Hi\",\n \"colour\": \"red\"}");
  CHECK(key.line == 2);
  CHECK(key.column == 2);
  CHECK(key.message.find("unknown key \"colour\"") == 0);
  auto notext = read_error("n.json", "{\"id\": \"x\"}");
  CHECK(notext.message.find("no \"text\"") != std::string::npos);
  std::string deep(200, '[');
  CHECK(read_error("deep.json", deep).message.find("nested more than 64") != std::string::npos);
  CHECK(read_error("u.json", "{\"text\": \"open").message.find("unterminated string") !=
        std::string::npos);
}

TEST_CASE("JSON Lines: one post a line, blank lines skipped, errors at their line") {
  auto posts =
      read("p.jsonl",
           "{\"lang\":\"it\",\"text\":\"Grazie mille\"}\n\n{\"lang\":\"fr\",\"text\":\"Merci "
           "pour la comande\"}\r\n");
  REQUIRE(posts.size() == 2);
  CHECK(posts[1].index == 2);
  const Position p = where(posts[1], "comande");
  CHECK(p.line == 3);
  CHECK(p.column == 36);
  auto e = read_error("p.jsonl", "{\"text\":\"a\"}\n{\"text\":\"b\"\n{\"text\":\"c\"}\n");
  CHECK(e.line == 2);
}

TEST_CASE("YAML: posts with literal and quoted text map back to their lines") {
  const std::string yaml =
      "posts:\n"
      "  - id: y1\n"
      "    lang: en\n"
      "    text: |\n"
      "      Hi there,\n"
      "      we have recieved it.\n"
      "  - id: y2\n"
      "    text: \"Hola, recivirás\"\n";
  auto posts = read("p.yaml", yaml);
  REQUIRE(posts.size() == 2);
  CHECK(posts[0].text == "Hi there,\nwe have recieved it.\n");
  const Position p = where(posts[0], "recieved");
  CHECK(p.line == 6);
  CHECK(p.column == 15);
  const Position q = where(posts[1], "recivirás");
  CHECK(q.line == 8);
  CHECK(q.column == 18);
  auto e = read_error("p.yaml", "posts:\n  - text: hi\n    colour: red\n");
  CHECK(e.line == 3);
  CHECK(e.message.find("unknown key 'colour'") == 0);
}

TEST_CASE("CSV: header, quoted multi-line cells, doubled quotes, semicolons, BOM") {
  const std::string csv =
      "\xEF\xBB\xBF"
      "Fecha;Red;Idioma;Mensaje\n"
      "2026-12-01;x;es;\"Hola \"\"Ana\"\",\n"
      "mañana recivirás el pedido\"\n"
      "2026-12-02;instagram;it;Grazie\n";
  auto posts = read("p.csv", csv);
  REQUIRE(posts.size() == 2);
  CHECK(posts[0].text == "Hola \"Ana\",\nmañana recivirás el pedido");
  CHECK(posts[0].meta.lang == "es");
  CHECK(posts[0].meta.platform == "x");
  CHECK(posts[0].meta.scheduled_at == "2026-12-01");
  const Position p = where(posts[0], "recivirás");
  CHECK(p.line == 3);
  CHECK(p.column == 8);
  const Position ana = where(posts[0], "Ana");
  CHECK(ana.line == 2);
  CHECK(ana.column == 25);
  CHECK(posts[1].meta.platform == "instagram");

  post::InputOptions options;
  options.csv.text_column = "Copy";
  auto custom = read("c.csv", "id,Copy,Notes\n1,Hello there,internal\n", options);
  REQUIRE(custom.size() == 1);
  CHECK(custom[0].text == "Hello there");
}

TEST_CASE("CSV errors: an unterminated quote, a short row, no text column") {
  auto open = read_error("o.csv", "text,lang\n\"never closed,en\nmore\n");
  CHECK(open.line == 2);
  CHECK(open.message.find("never closed") != std::string::npos);
  auto row = read_error("r.csv", "text,lang\nhello\n");
  CHECK(row.line == 2);
  auto none = read_error("n.csv", "a,b\n1,2\n");
  CHECK(none.message.find("no text column") == 0);
}

TEST_CASE("front matter suppressions need a reason and a real date") {
  auto posts = read("s.txt",
                    "---\nbrandlint:\n  disable:\n    - rule: controversial.sports\n      reason: "
                    "club partnership\n      until: 2999-01-31\n---\nHala Madrid!\n");
  REQUIRE(posts[0].meta.suppressions.size() == 1);
  CHECK(posts[0].meta.suppressions[0].rule == "controversial.sports");
  CHECK(posts[0].meta.suppressions[0].until == "2999-01-31");
  auto e = read_error("s.txt", "---\nbrandlint:\n  disable:\n    - rule: tone\n---\nHi\n");
  CHECK(e.line == 4);
  CHECK(e.message.find("needs a 'reason'") != std::string::npos);
  auto d = read_error(
      "s.txt",
      "---\nbrandlint:\n  disable:\n    - {rule: tone, reason: x, until: soon}\n---\nHi\n");
  CHECK(d.message.find("YYYY-MM-DD") != std::string::npos);
}
