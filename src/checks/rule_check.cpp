// Runs the language's rule pack (discrimination, controversial topics, tone phrases, generic
// salutations, sales phrases) and reports each match with the rule's own words.
#include "checks/evasions.hpp"
#include "checks/families.hpp"
#include "checks/tone_model.hpp"
#include "text/folded_text.hpp"

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
    drop_restated_generalisations(matches);
    const std::size_t first = out.size();
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
    hostile_statements(ctx, out, first);
    soften_condemned_reports(ctx, out, first);
    // A known slip that the dictionary does not know either ("qual'è") is one finding: the
    // rule's, which says what is meant.
    std::vector<std::pair<std::size_t, std::size_t>> slips;
    for (std::size_t i = first; i < out.size(); ++i) {
      if (out[i].category == "spelling")
        slips.emplace_back(out[i].offset, out[i].offset + out[i].length);
    }
    if (slips.empty()) return;
    std::erase_if(out, [&](const Diagnostic& d) {
      return d.rule == "spelling.unknown-word" &&
             std::any_of(slips.begin(), slips.end(), [&](const auto& s) {
               return d.offset < s.second && s.first < d.offset + d.length;
             });
    });
  }

 private:
  // "Muslims are vermin" is dehumanising; that it also generalises, or makes a hateful claim,
  // is the same finding said twice. Such a broad finding about a group is dropped where a
  // more specific one about the same group (a slur, a threat, dehumanising words, hatred)
  // covers the same words; of a generalisation and a hateful claim, the generalisation stays.
  static void drop_restated_generalisations(std::vector<rules::RuleMatch>& matches) {
    auto claim = [](const rules::RuleMatch& m) { return m.rule->id.ends_with(".hateful-claim"); };
    auto general = [&](const rules::RuleMatch& m) {
      return m.rule->category == "discrimination" &&
             (m.rule->id.ends_with(".generalisation") || claim(m));
    };
    std::vector<rules::RuleMatch> kept;
    for (const auto& m : matches) {
      auto covers = [&](const rules::RuleMatch& o) {
        return o.rule->category == "discrimination" && o.rule->subcategory == m.rule->subcategory &&
               o.begin < m.end && m.begin < o.end;
      };
      const bool restated =
          general(m) && std::any_of(matches.begin(), matches.end(), [&](const auto& o) {
            return covers(o) && (!general(o) || (claim(m) && !claim(o)));
          });
      if (!restated) kept.push_back(m);
    }
    matches.swap(kept);
  }

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

  // "My uncle said Muslims are terrorists and I told him that's racist", « Tous les X sont
  // des Y », ce n'est pas une opinion, c'est du racisme: a statement about a group that the post
  // reports (after a word of the language's `reported_speech` list in its sentence, or inside
  // quotes) and condemns (a word of its `condemnation` list elsewhere in the post, not negated
  // as in "not racist" or "call me racist") is counter-speech. It stays a note, since repeating
  // the words still spreads them; a slur written out stays what it is.
  // "Those people from X should just go back, nobody wants them": hate the rules do not
  // name in any of their shapes. A sentence that names a group (the pack's `hate_target`
  // list) is read with the language's model of hostile statements (the tone model's
  // features and form, trained on the packs' discrimination examples and tests/corpus/hate by
  // tools/tone_train.cpp), with the sentence after it, where "they" often goes on. Over the
  // model's threshold, and where no rule found anything already, it is a warning to reread the
  // sentence: a model's reading, not a certainty, so never an error.
  static void hostile_statements(const CheckContext& ctx, std::vector<Diagnostic>& out,
                                 std::size_t first) {
    if (ctx.hate_model == nullptr) return;
    const auto* targets = ctx.rules.lexicon("hate_target");
    if (targets == nullptr) return;
    const auto named = targets->find_all(ctx.folded.folded);
    if (named.empty()) return;
    // Counter-speech: a post that condemns prejudice, or affirms what it denies ("being gay is
    // not a disease", "there's nothing wrong with…"), reads to a model of words like the
    // prejudice itself.
    if (!condemnations(ctx).empty()) return;
    std::vector<std::pair<std::size_t, std::size_t>> affirmed;
    if (const auto* affirming = ctx.rules.lexicon("affirmation")) {
      affirmed = affirming->find_all(ctx.folded.folded);
    }
    const ToneModel& model = *ctx.hate_model;
    const text::AnalysedText& text = ctx.text;
    const auto& sentences = text.sentences();
    for (std::size_t s = 0; s < sentences.size(); ++s) {
      const std::size_t begin = sentences[s].begin;
      const std::size_t end = s + 1 < sentences.size() ? sentences[s + 1].end : sentences[s].end;
      const auto group = std::find_if(named.begin(), named.end(), [&](const auto& g) {
        return g.first >= begin && g.second <= sentences[s].end;
      });
      if (group == named.end()) continue;
      if (std::any_of(affirmed.begin(), affirmed.end(),
                      [&](const auto& a) { return a.first >= begin && a.second <= end; })) {
        continue;
      }
      const bool said = std::any_of(
          out.begin() + static_cast<std::ptrdiff_t>(first), out.end(), [&](const Diagnostic& d) {
            return (d.category == "discrimination" || d.category == "tone") && d.offset < end &&
                   begin < d.offset + d.length;
          });
      if (said) continue;
      const auto features = hate_features(tone_tokens(text, ctx.folded.folded, begin, end));
      if (model.score(features) <= model.threshold()) continue;
      const std::string weighed = model.strongest_quoted(features, 3);
      const std::string who = text.nfc().substr(group->first, group->second - group->first);
      out.push_back(ctx.diagnostic(
          "discrimination.hostile-statement", "discrimination", "group", Severity::warning,
          "this reads as hostile to a group of people (“" + who + "”" +
              (weighed.empty() ? std::string() : "; the words that weigh most: " + weighed) +
              "): reread it as they would, and do not publish it if it speaks ill of them",
          begin, end));
      break;  // one reading a post
    }
  }

  // A slur is softened only when it is quoted as a word ("'Retard' is not a joke word", « pédé »,
  // 'frocio') in a post that condemns it: a moderation notice, not an insult.
  static void soften_condemned_reports(const CheckContext& ctx, std::vector<Diagnostic>& out,
                                       std::size_t first) {
    const auto is_statement = [](const Diagnostic& d) {
      return d.category == "discrimination" && d.severity != Severity::info;
    };
    if (std::none_of(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(), is_statement)) {
      return;
    }
    const auto* reporting = ctx.rules.lexicon("reported_speech");
    if (reporting == nullptr) return;
    const std::string& nfc = ctx.text.nfc();
    const auto condemned = condemnations(ctx);
    if (condemned.empty()) return;
    const auto reports = reporting->find_all(ctx.folded.folded);
    for (std::size_t i = first; i < out.size(); ++i) {
      Diagnostic& d = out[i];
      if (!is_statement(d)) continue;
      const std::size_t begin = d.offset, end = d.offset + d.length;
      const bool quoted = quoted_as_word(nfc, begin, end);
      const bool slur = d.rule.ends_with(".slur");
      if (slur && !quoted) continue;
      const std::size_t sentence_begin = ctx.text.sentence_start(begin);
      // "Jews do not control the media, that's an antisemitic myth": a match whose verb is
      // denied is as good as reported ("never hire a…" is no denial).
      const std::string said = " " + text::fold_term(d.match) + " ";
      bool denies =
          said.find(" pas ") != std::string::npos &&
          (said.find(" ne ") != std::string::npos || said.find(" n'") != std::string::npos);
      for (const char* no :
           {" do not ", " does not ", " did not ", " don't ", " doesn't ", " didn't ", " are not ",
            " aren't ", " is not ", " isn't ", " were not ", " weren't ", " no son ", " no es ",
            " non sono ", " non e "}) {
        denies = denies || said.find(no) != std::string::npos;
      }
      const bool reported = denies || quoted ||
                            std::any_of(reports.begin(), reports.end(),
                                        [&](const auto& r) {
                                          return r.second <= begin && r.first >= sentence_begin;
                                        }) ||
                            inside_quotes(nfc, sentence_begin, begin);
      const bool condemns = std::any_of(condemned.begin(), condemned.end(), [&](const auto& c) {
        return c.second <= begin || c.first >= end;
      });
      if (!reported || !condemns) continue;
      d.severity = Severity::info;
      if (slur) {
        d.message = "“" + d.match +
                    "” is quoted here, and the post condemns it: counter-speech is fine, but "
                    "consider masking the slur (first letter and asterisks) so that the post "
                    "does not spread it";
        continue;
      }
      d.message = "“" + d.match +
                  "” is quoted or reported here, and the post condemns it: counter-speech is "
                  "fine, but repeating the words spreads them; consider naming the prejudice "
                  "rather than quoting it";
    }
  }

  // Where the post condemns (a word of the language's `condemnation` list: "racist",
  // "hate speech", "reported"), less those denied ("not racist", "n'est pas raciste", "call
  // me racist").
  static std::vector<std::pair<std::size_t, std::size_t>> condemnations(const CheckContext& ctx) {
    std::vector<std::pair<std::size_t, std::size_t>> condemned;
    const auto* condemning = ctx.rules.lexicon("condemnation");
    if (condemning == nullptr) return condemned;
    const std::string& nfc = ctx.text.nfc();
    for (const auto& span : condemning->find_all(ctx.folded.folded)) {
      // The three words before it in its sentence: "not racist", "n'est pas raciste", "call me
      // racist" (but "Tu n'es pas seul. Signale-le.").
      const std::size_t from =
          std::max(span.first > 30 ? span.first - 30 : 0, ctx.text.sentence_start(span.first));
      const std::string before =
          text::fold_term(std::string_view(nfc).substr(from, span.first - from));
      std::vector<std::string> words;
      std::string word;
      for (const char c : before + " ") {
        if (c == ' ') {
          if (!word.empty()) words.push_back(word);
          word.clear();
        } else {
          word += c;
        }
      }
      static constexpr std::string_view kDenials[] = {"not",     "isn't", "isnt", "aren't", "no",
                                                      "never",   "pas",   "non",  "ni",     "call",
                                                      "calling", "me",    "nor",  "sans"};
      bool denied = false;
      for (std::size_t k = words.size() > 3 ? words.size() - 3 : 0; k < words.size(); ++k) {
        for (std::string_view d : kDenials) denied = denied || words[k] == d;
      }
      if (!denied) condemned.push_back(span);
    }
    return condemned;
  }

  // Whether NFC bytes [begin, end) are wrapped in quotation marks, as a word is when it is
  // mentioned rather than used: "x", “x”, 'x', ‘x’, «x», « x ».
  static bool quoted_as_word(const std::string& nfc, std::size_t begin, std::size_t end) {
    std::string_view before = std::string_view(nfc).substr(0, begin);
    std::string_view after = std::string_view(nfc).substr(std::min(end, nfc.size()));
    // French guillemets take a space inside, often a no-break one.
    for (std::string_view space : {" ", "\u00A0", "\u202F"}) {
      if (before.ends_with(space) &&
          before.substr(0, before.size() - space.size()).ends_with("\u00AB")) {
        before.remove_suffix(space.size());
      }
      if (after.starts_with(space) && after.substr(space.size()).starts_with("\u00BB")) {
        after.remove_prefix(space.size());
      }
    }
    static constexpr std::pair<std::string_view, std::string_view> kPairs[] = {
        {"\"", "\""},         {"'", "'"},           {"\u201C", "\u201D"},
        {"\u2018", "\u2019"}, {"\u00AB", "\u00BB"}, {"\u201E", "\u201C"}};
    for (const auto& [open, close] : kPairs) {
      if (!before.ends_with(open) || !after.starts_with(close)) continue;
      // An apostrophe opens a quotation only at the start of a word ("l'invasori" is elided).
      const std::string_view rest = before.substr(0, before.size() - open.size());
      if (open == "'" && !rest.empty() && rest.back() != ' ' && rest.back() != '(') continue;
      return true;
    }
    return false;
  }

  // Whether an odd number of quotation marks (" “ ” « ») stands between `from` and `at`.
  static bool inside_quotes(const std::string& nfc, std::size_t from, std::size_t at) {
    std::size_t marks = 0;
    const std::string_view before = std::string_view(nfc).substr(from, at - from);
    for (std::string_view q : {"\"", "\u201C", "\u201D", "\u00AB", "\u00BB"}) {
      for (std::size_t p = before.find(q); p != std::string_view::npos; p = before.find(q, p + 1)) {
        ++marks;
      }
    }
    return marks % 2 == 1;
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
    const text::FoldedText& base = ctx.folded.undone();
    auto add = [&](std::optional<ReadAsMeant> meant, bool hate_only) {
      if (!meant) return;
      for (const auto& m : ctx.rules.match(rules::MatchInput(std::move(meant->text)), ctx.kind)) {
        if (hate_only && m.rule->category != "discrimination") continue;
        const bool takes_in = std::any_of(meant->spans.begin(), meant->spans.end(), [&](auto s) {
          return s.first < m.end && m.begin < s.second;
        });
        const bool seen = std::any_of(matches.begin(), matches.end(), [&](const auto& o) {
          return o.rule == m.rule && o.begin < m.end && m.begin < o.end;
        });
        if (takes_in && !seen) matches.push_back(m);
      }
    };
    bool pack_reading = false;
    add(read_as_meant(base, ctx.text.entities(), ctx.questioned, ctx.rules, ctx.speller, false,
                      &pack_reading),
        false);
    // "Odio a las mjeres": the dictionary's "mueres" first, the pack's "mujeres" next. Only
    // hate against a group is read this way: a group's name misspelt on purpose is how abuse
    // slips past filters, while "the courier prcks it up" is an ordinary typo of "picks".
    if (pack_reading) {
      add(read_as_meant(base, ctx.text.entities(), ctx.questioned, ctx.rules, ctx.speller, true),
          true);
    }
    std::stable_sort(matches.begin(), matches.end(), [](const auto& a, const auto& b) {
      return std::tie(a.begin, a.end) < std::tie(b.begin, b.end);
    });
  }
};

}  // namespace

std::unique_ptr<Check> make_rule_check() { return std::make_unique<RuleCheck>(); }

}  // namespace brandlint::checks
