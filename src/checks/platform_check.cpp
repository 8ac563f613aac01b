// platform.*: a post counted the way its network counts it, before the network cuts or
// rejects it; and a hint when its first sentence is long.
#include <string>

#include "checks/families.hpp"
#include "platform/platform_limits.hpp"

namespace brandlint::checks {
namespace {

class PlatformCheck : public Check {
 public:
  void run(const CheckContext& context, std::vector<Diagnostic>& out) const override {
    const std::string& nfc = context.text.nfc();
    const PlatformLimit limit = platform::limit_for(context.platform, context.config);
    const std::string network = platform::display_name(context.platform);
    const platform::Measured m =
        platform::measure(nfc, limit, context.text.entities(), context.text.urls());

    if (limit.max_length > 0 && m.length > limit.max_length) {
      const std::string unit = limit.counting == "twitter"     ? "characters (weighted)"
                               : limit.counting == "graphemes" ? "characters (graphemes)"
                                                               : "characters";
      std::size_t end = nfc.find_last_not_of(" \t\r\n");
      end = end == std::string::npos ? nfc.size() : end + 1;
      const std::size_t begin = std::min(m.fits_end, end);
      auto d =
          context.diagnostic("platform.length.over-limit", "platform", "length", Severity::error,
                             "the post is " + std::to_string(m.length) + " " + unit + ", " +
                                 std::to_string(m.length - limit.max_length) + " over " + network +
                                 "'s limit of " + std::to_string(limit.max_length) + "; " +
                                 network + " would cut it here (or refuse it)",
                             begin, end);
      d.suggestions.push_back("shorten it by " + std::to_string(m.length - limit.max_length) +
                              " or split it into a thread");
      out.push_back(std::move(d));
    }

    if (limit.max_hashtags > 0 && m.hashtags > limit.max_hashtags) {
      std::size_t end = m.over_hashtag;
      while (end < nfc.size() && nfc[end] != ' ' && nfc[end] != '\n') ++end;
      out.push_back(context.diagnostic(
          "platform.hashtags.too-many", "platform", "hashtags", Severity::error,
          std::to_string(m.hashtags) + " hashtags, " + network + " allows " +
              std::to_string(limit.max_hashtags) + ": it rejects the post or drops its caption",
          m.over_hashtag, end));
    }

    first_sentence(context, out);
  }

 private:
  // Readers decide in a couple of seconds whether to read on, and feeds show only the first
  // line or two before "… more": a long first sentence hides the point.
  static void first_sentence(const CheckContext& context, std::vector<Diagnostic>& out) {
    const auto& sentences = context.text.sentences();
    if (sentences.empty() || sentences.size() == 1) return;  // a one-sentence post is all hook
    const int max_words = context.threshold("first_sentence_words", 25);
    const auto& first = sentences.front();
    int words = 0;
    for (const auto& t : context.text.tokens()) {
      if (t.begin >= first.end) break;
      if (t.begin >= first.begin &&
          (t.kind == text::TokenKind::word || t.kind == text::TokenKind::number)) {
        ++words;
      }
    }
    if (words <= max_words) return;
    out.push_back(context.diagnostic(
        "platform.readability.long-first-sentence", "platform", "readability", Severity::info,
        "the first sentence is " + std::to_string(words) +
            " words long; readers decide in a "
            "couple of seconds whether to read on, so lead with the point in under " +
            std::to_string(max_words + 1) + " words",
        first.begin, first.end));
  }
};

}  // namespace

std::unique_ptr<Check> make_platform_check() { return std::make_unique<PlatformCheck>(); }

}  // namespace brandlint::checks
