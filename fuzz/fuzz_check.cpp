// The whole check of one post (every check family, the shipped rule packs, real dictionaries)
// on arbitrary text and metadata: findings or an error, offsets inside the text.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "brandlint/brandlint.hpp"
#include "post/post_reader.hpp"
#include "text/utf8_check.hpp"

namespace {
std::shared_ptr<const brandlint::Linter> make_linter() {
  brandlint::Config config;
  config.signature = "initials";
  auto made = brandlint::Linter::create(config);
  if (!made) __builtin_trap();
  return made.value();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const auto linter = make_linter();
  // The input is a one-post file: front matter (language, customer, platform…) and text.
  std::string contents(reinterpret_cast<const char*>(data), size);
  if (brandlint::text::check_utf8(contents, "fuzz")) return 0;
  auto posts = brandlint::post::parse_posts(brandlint::post::source_from_text(contents, "fuzz"));
  if (!posts) return 0;
  for (const auto& post : posts.value()) {
    auto found = linter->check(post);
    if (!found) continue;
    for (const auto& d : found.value()) {
      if (d.offset + d.length > post.text.size()) __builtin_trap();
    }
  }
  return 0;
}
