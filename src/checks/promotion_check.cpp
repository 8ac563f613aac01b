// promotion.*: a customer-service reply that reads like an advert. Counting what phrases cannot
// say: hashtags, links and mentions piled into a reply, and a reply that talks about the brand
// far more than about the customer. Sales phrases ("buy now", "compra ya") are in the rule
// packs (rules/<lang>/promotion.yaml).
#include <string>

#include "checks/families.hpp"

namespace brandlint::checks {
namespace {

// How many of each a reply may carry before it reads as promotion, per network. A reply needs
// no hashtag at all; Instagram's culture tolerates a few more, Facebook and Threads fewer. One
// help-centre link is normal, two can be (an article and a form), three is a campaign.
// Mentions exclude the ones that open a reply (the network puts the conversation there).
struct ReplyLimits {
  const char* platform;
  int hashtags, links, mentions;
};
constexpr ReplyLimits kReplyLimits[] = {
    {"generic", 2, 2, 2},   {"twitter", 2, 2, 2},  {"x", 2, 2, 2},
    {"instagram", 3, 1, 2}, {"facebook", 1, 2, 2}, {"linkedin", 2, 2, 3},
    {"mastodon", 2, 2, 3},  {"bluesky", 2, 2, 2},  {"threads", 1, 2, 2},
};

const ReplyLimits& limits_for(std::string_view platform) {
  for (const auto& l : kReplyLimits) {
    if (platform == l.platform) return l;
  }
  return kReplyLimits[0];
}

// `reply_max_hashtags.instagram` beats `reply_max_hashtags`, which beats the table.
int limit(const CheckContext& context, const std::string& name, int fallback) {
  const int general = context.threshold(name, fallback);
  return context.threshold(name + "." + std::string(context.platform), general);
}

class PromotionCheck final : public Check {
 public:
  void run(const CheckContext& context, std::vector<Diagnostic>& out) const override {
    if (context.kind != "reply") return;
    too_many(context, out);
    brand_focus(context, out);
  }

 private:
  static void too_many(const CheckContext& context, std::vector<Diagnostic>& out) {
    const ReplyLimits& table = limits_for(context.platform);
    struct Count {
      text::TokenKind kind;
      const char* what;
      const char* threshold;
      int max;
      int seen = 0;
      const text::Token* first_over = nullptr;
      std::size_t end = 0;
    };
    Count counts[] = {
        {text::TokenKind::hashtag, "hashtags", "reply_max_hashtags",
         limit(context, "reply_max_hashtags", table.hashtags)},
        {text::TokenKind::url, "links", "reply_max_links",
         limit(context, "reply_max_links", table.links)},
        {text::TokenKind::mention, "mentions", "reply_max_mentions",
         limit(context, "reply_max_mentions", table.mentions)},
    };
    const std::string handle = text::fold_term(context.post.meta.customer_handle);
    bool opening = true;  // the mentions a reply starts with address the conversation
    for (const auto& token : context.text.tokens()) {
      if (token.kind != text::TokenKind::mention) opening = false;
      if (token.kind == text::TokenKind::mention) {
        if (opening) continue;
        const std::string folded = text::fold_term(token.text);
        if (!handle.empty() && (folded == handle || folded == "@" + handle)) continue;
      }
      for (auto& c : counts) {
        if (token.kind != c.kind) continue;
        ++c.seen;
        if (c.seen == c.max + 1) c.first_over = &token;
        if (c.seen > c.max) c.end = token.end;
      }
    }
    for (const auto& c : counts) {
      if (c.first_over == nullptr || c.max < 0) continue;
      out.push_back(context.diagnostic(
          std::string("promotion.reply.too-many-") + c.what, "promotion", "reply",
          Severity::warning,
          "a reply with " + std::to_string(c.seen) + " " + c.what + " (more than " +
              std::to_string(c.max) + " on " + std::string(context.platform) +
              ") reads as promotion rather than an answer; keep what the customer needs "
              "(thresholds: {" +
              c.threshold + ": N})",
          c.first_over->begin, c.end));
    }
  }

  // "We/our" against "you/your". Info, not warning: pronoun counts are a heuristic, and an
  // honest reply is often about what the brand did ("we've refunded the order, we're sorry");
  // the finding suggests a rewrite around the customer, it does not say the reply is wrong, and
  // a warning would fail CI on correct replies.
  static void brand_focus(const CheckContext& context, std::vector<Diagnostic>& out) {
    const auto* brand = context.rules.lexicon("brand_voice");
    const auto* customer = context.rules.lexicon("customer_voice");
    if (brand == nullptr || customer == nullptr) return;
    const int min_brand = context.threshold("brand_focus_min", 5);
    const int ratio = context.threshold("brand_focus_ratio", 3);
    const auto ours = brand->find_all(context.folded.folded);
    const auto n_ours = static_cast<int>(ours.size());
    if (n_ours < min_brand) return;  // most replies: the customer's words need no count
    const auto yours = customer->find_all(context.folded.folded);
    const auto n_yours = static_cast<int>(yours.size());
    if (n_ours < ratio * std::max(n_yours, 1)) return;
    out.push_back(context.diagnostic(
        "promotion.focus.brand-centred", "promotion", "focus", Severity::info,
        "the reply talks about the brand " + std::to_string(n_ours) + " times (“" +
            context.text.nfc().substr(ours.front().first,
                                      ours.front().second - ours.front().first) +
            "”…) and about the customer " + std::to_string(n_yours) +
            "; rewrite it around them and what they get",
        ours.front().first, ours.back().second));
  }
};

}  // namespace

std::unique_ptr<Check> make_promotion_check() { return std::make_unique<PromotionCheck>(); }

}  // namespace brandlint::checks
