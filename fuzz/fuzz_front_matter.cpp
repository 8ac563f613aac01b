// One-post text files on their own: the "---" fences, the YAML front matter between them and
// its keys. A file gives one post whose text is the file's tail, or an error that names a line
// and column inside the file.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>

#include "post/post_reader.hpp"
#include "text/utf8_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string contents(reinterpret_cast<const char*>(data), size);
  if (brandlint::text::check_utf8(contents, "fuzz")) return 0;  // readers get valid UTF-8
  const std::size_t lines =
      1 + static_cast<std::size_t>(std::count(contents.begin(), contents.end(), '\n'));
  brandlint::post::InputOptions options;
  options.format = "text";
  auto file = brandlint::post::source_from_text(std::move(contents), "fuzz.txt");
  auto posts = brandlint::post::parse_posts(file, options);
  if (!posts) {
    const auto& e = posts.error();
    // A refusal says where: a line of the file (a lone "\r" may end lines too) and a column.
    if (e.file != "fuzz.txt" || e.line == 0 || e.column == 0 || e.message.empty()) __builtin_trap();
    if (e.line > lines + static_cast<std::size_t>(
                             std::count(file->contents.begin(), file->contents.end(), '\r')))
      __builtin_trap();
    return 0;
  }
  if (posts.value().size() != 1) __builtin_trap();
  const auto& post = posts.value().front();
  const std::size_t start = post.source.file_offset(0);
  if (start + post.text.size() != file->contents.size()) __builtin_trap();
  if (file->contents.compare(start, std::string::npos, post.text) != 0) __builtin_trap();
  return 0;
}
