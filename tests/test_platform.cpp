// Platform limits: each network counted its own way, the defaults table and its overrides.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "brandlint/brandlint.hpp"
#include "checks/twitter_length.hpp"
#include "platform/platform_limits.hpp"
#include "reply_test_support.hpp"

namespace {

// A polite reply of exactly 290 characters, all weighing 1 on X.
const std::string kLongReply =
    "Hi Laura, thank you for your patience and sorry again for the delay with order 48213. Our "
    "warehouse shipped it this morning and the courier expects to deliver it on Thursday between "
    "9am and 1pm. If nobody is home, they will leave a note and try again on Friday. Have a truly "
    "lovely weekend!";

std::vector<brandlint::Diagnostic> platform_findings(const std::string& text,
                                                     const std::string& platform,
                                                     const brandlint::Config& config = {}) {
  reply_test::Reply reply("en", text);
  reply.platform = platform;
  return reply_test::in_category(reply_test::lint_with(*reply_test::make_linter(config), reply),
                                 "platform");
}

}  // namespace

TEST_CASE("platform: a 290-character reply is over X's limit, not Mastodon's") {
  REQUIRE(brandlint::platform::weighted_length(kLongReply).weighted_length == 290);
  for (const char* x : {"twitter", "x"}) {
    const auto found = platform_findings(kLongReply, x);
    REQUIRE(found.size() == 1);
    CHECK(found[0].rule == "platform.length.over-limit");
    CHECK(found[0].severity == brandlint::Severity::error);
    CHECK(found[0].message.find("290") != std::string::npos);
    CHECK(found[0].message.find("10 over") != std::string::npos);
    // It points at where X cuts: the last 10 characters.
    CHECK(found[0].offset == 280);
    CHECK(found[0].match == "y weekend!");
  }
  CHECK(platform_findings(kLongReply, "mastodon").empty());
  CHECK(platform_findings(kLongReply, "generic").empty());
}

TEST_CASE("platform: X weighs CJK double and every URL as 23") {
  // 150 CJK characters weigh 300.
  std::string cjk;
  for (int i = 0; i < 150; ++i) cjk += "\u3042";
  CHECK(platform_findings(cjk, "twitter").size() == 1);
  CHECK(platform_findings(cjk, "bluesky").empty());
  // A very long URL still counts 23.
  const std::string with_url = "Tracking: https://example.com/" + std::string(600, 'a') + " 🙂";
  CHECK(platform_findings(with_url, "twitter").empty());
  CHECK(platform_findings(with_url, "mastodon").empty());
  CHECK(platform_findings(with_url, "threads").size() == 1);
}

TEST_CASE("platform: Bluesky counts graphemes, Instagram hashtags") {
  // 301 flags: 301 graphemes, 602 code points.
  std::string flags;
  for (int i = 0; i < 301; ++i) flags += "🇪🇸";
  auto found = platform_findings(flags, "bluesky");
  REQUIRE(found.size() == 1);
  CHECK(found[0].message.find("301") != std::string::npos);
  CHECK(found[0].match == "🇪🇸");

  std::string tags = "Our summer collection is here!";
  for (int i = 1; i <= 31; ++i) tags += " #look" + std::to_string(i) + "x";
  found = platform_findings(tags, "instagram");
  REQUIRE(found.size() == 1);
  CHECK(found[0].rule == "platform.hashtags.too-many");
  CHECK(found[0].match == "#look31x");
  CHECK(platform_findings(tags, "facebook").empty());
}

TEST_CASE("platform: limits are overridden from .brandlint.yaml") {
  TempDir dir;
  const std::string path = dir.write(".brandlint.yaml",
                                     "limits:\n  mastodon: {max_length: 280}\n"
                                     "  x: {max_length: 300}\n");
  auto config = brandlint::load_config(path);
  REQUIRE(config.has_value());
  const auto mastodon = brandlint::platform::limit_for("mastodon", config.value());
  CHECK(mastodon.max_length == 280);
  CHECK(mastodon.url_length == 23);  // the rest of the shipped entry stays
  CHECK(mastodon.counting == "characters");
  CHECK(platform_findings(kLongReply, "mastodon", config.value()).size() == 1);
  CHECK(platform_findings(kLongReply, "twitter", config.value()).empty());
}

TEST_CASE("platform: a long first sentence gets a hint") {
  const std::string text =
      "We are absolutely thrilled to announce that after many months of hard work our brand new "
      "spring collection with twenty new styles is finally available in every store and online. "
      "Come and see it!";
  const auto found = platform_findings(text, "instagram");
  REQUIRE(found.size() == 1);
  CHECK(found[0].rule == "platform.readability.long-first-sentence");
  CHECK(found[0].severity == brandlint::Severity::info);
  CHECK(platform_findings("New spring collection: twenty styles, in every store. Come and see it!",
                          "instagram")
            .empty());
}

TEST_CASE("platform cli: the overflow is shown with the cut") {
  const auto r = run_brandlint("check --platform x --lang en --text " + quote(kLongReply));
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("10 over X's limit of 280") != std::string::npos);
  CHECK(
      run_brandlint("check --platform mastodon --lang en --text " + quote(kLongReply)).exit_code ==
      0);
}
