// Runs the language's rule pack (discrimination, controversial topics, tone phrases, generic
// salutations, sales phrases) and reports each match with the rule's own words.
#include "checks/evasions.hpp"
#include "checks/families.hpp"

namespace brandlint::checks {
namespace {

std::string render_message(const std::string& message, std::string_view match) {
  std::string out = message;
  const std::string placeholder = "{match}";
  for (std::size_t at = out.find(placeholder); at != std::string::npos;
       at = out.find(placeholder, at + match.size())) {
    out.replace(at, placeholder.size(), match);
  }
  return out;
}

class RuleCheck final : public Check {
 public:
  void run(const CheckContext& ctx, std::vector<Diagnostic>& out) const override {
    std::vector<rules::RuleMatch> matches = ctx.rules.match(ctx.folded, ctx.kind);
    drop_excepted_as_meant(ctx, matches);
    add_misspelt(ctx, matches);
    drop_answered_offers(ctx, matches);
    for (const auto& m : matches) {
      const rules::Rule& rule = *m.rule;
      Diagnostic d = ctx.diagnostic(rule.id, rule.category, rule.subcategory, rule.severity,
                                    std::string(), m.begin, m.end);
      d.message = render_message(rule.message, d.match);
      d.suggestions = rule.suggestions;
      d.fix = rule.fix;
      d.help = rule.explanation;
      d.help_uri = rule.link;
      out.push_back(std::move(d));
    }
  }

 private:
  // "Is there a student discount?" answered with "Yes, 10% off with your card": a reply that
  // answers the customer's own question about prices and offers is not pushing a sale. The
  // language's `price_question` list says what such a question holds.
  static void drop_answered_offers(const CheckContext& ctx,
                                   std::vector<rules::RuleMatch>& matches) {
    if (ctx.post.meta.in_reply_to.empty()) return;
    const bool sales = std::any_of(matches.begin(), matches.end(),
                                   [](const auto& m) { return m.rule->category == "promotion"; });
    if (!sales) return;
    const auto* asked = ctx.rules.lexicon("price_question");
    if (asked == nullptr || !asked->found_in(ctx.customer_message().folded)) return;
    std::erase_if(matches, [](const auto& m) { return m.rule->category == "promotion"; });
  }

  // A rule's exception with a typo in it is still the exception the writer meant: "Watch your
  // back ehen lifting the box" is the advice "watch your back when lifting", not a threat. A
  // match stands when the text as the dictionary would correct it gives it too. Only typos
  // outside the match count: inside it they may be what the rule looks for (a slur the
  // dictionary would split in two).
  static void drop_excepted_as_meant(const CheckContext& ctx,
                                     std::vector<rules::RuleMatch>& matches) {
    if (matches.empty() || ctx.questioned.empty()) return;
    std::vector<rules::RuleMatch> again;
    std::vector<std::pair<std::size_t, std::size_t>> corrected;
    auto rematch = [&](const ReadAsMeant& meant) {
      corrected.insert(corrected.end(), meant.spans.begin(), meant.spans.end());
      for (const auto& m : ctx.rules.match(rules::MatchInput(meant.text), ctx.kind))
        again.push_back(m);
    };
    // The folded copy as corrected is the context's, which the checks that look for words
    // read too; the skeleton, where there is one, is corrected here.
    if (const ReadAsMeant* meant = ctx.corrected()) rematch(*meant);
    for (const text::FoldedText* copy : ctx.folded.copies()) {
      if (copy == &ctx.folded.folded) continue;
      if (auto meant = read_as_corrected(*copy, ctx.text.entities(), ctx.questioned))
        rematch(*meant);
    }
    if (corrected.empty()) return;
    std::erase_if(matches, [&](const rules::RuleMatch& m) {
      const bool typo_inside = std::any_of(corrected.begin(), corrected.end(), [&](auto s) {
        return s.first < m.end && m.begin < s.second;
      });
      const bool still = std::any_of(again.begin(), again.end(), [&](const auto& o) {
        return o.rule == m.rule && o.begin < m.end && m.begin < o.end;
      });
      return !typo_inside && !still;
    });
  }

  // What the rules find once misspelt words are read as meant ("I hate Mulsims"): the matches
  // that take in such a word and that the text as written did not give already.
  static void add_misspelt(const CheckContext& ctx, std::vector<rules::RuleMatch>& matches) {
    const text::FoldedText& base = *ctx.folded.copies().back();  // evasions undone, if any
    auto meant = read_as_meant(base, ctx.text.entities(), ctx.questioned, ctx.rules, ctx.speller);
    if (!meant) return;
    const std::size_t found = matches.size();
    for (const auto& m : ctx.rules.match(rules::MatchInput(std::move(meant->text)), ctx.kind)) {
      const bool takes_in = std::any_of(meant->spans.begin(), meant->spans.end(), [&](auto s) {
        return s.first < m.end && m.begin < s.second;
      });
      const bool seen = std::any_of(matches.begin(), matches.begin() + found, [&](const auto& o) {
        return o.rule == m.rule && o.begin < m.end && m.begin < o.end;
      });
      if (takes_in && !seen) matches.push_back(m);
    }
    std::stable_sort(matches.begin(), matches.end(), [](const auto& a, const auto& b) {
      return std::tie(a.begin, a.end) < std::tie(b.begin, b.end);
    });
  }
};

}  // namespace

std::unique_ptr<Check> make_rule_check() { return std::make_unique<RuleCheck>(); }

}  // namespace brandlint::checks
