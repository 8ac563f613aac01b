// Every post reader on arbitrary bytes: front matter, JSON, JSON Lines, YAML, CSV. The first
// byte picks the format. Readers must return posts or an error, never crash or hang, and
// every post's positions must stay inside the file.
#include <cstddef>
#include <cstdint>
#include <string>

#include "post/post_reader.hpp"
#include "text/utf8_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static const char* const kFormats[] = {"text", "json", "jsonl", "yaml", "csv"};
  brandlint::post::InputOptions options;
  options.format = kFormats[data[0] % 5];
  std::string contents(reinterpret_cast<const char*>(data + 1), size - 1);
  if (brandlint::text::check_utf8(contents, "fuzz")) return 0;  // readers get valid UTF-8
  auto file = brandlint::post::source_from_text(std::move(contents), "fuzz");
  auto posts = brandlint::post::parse_posts(file, options);
  if (!posts) return 0;
  for (const auto& post : posts.value()) {
    for (std::size_t i = 0; i <= post.text.size(); ++i) {
      if (post.source.file_offset(i) > file->contents.size()) __builtin_trap();
    }
  }
  return 0;
}
