// Spelling against Hunspell, knowing what is not a typo: handles, hashtags' casing, URLs,
// numbers, emoji, placeholders, acronyms, brand terms and the people named in the metadata.
#include <re2/re2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <string>
#include <unordered_set>
#include <vector>

#include "checks/families.hpp"
#include "text/folded_text.hpp"
#include "text/letters.hpp"
#include "text/utf8_check.hpp"

namespace brandlint::checks {
namespace {

// "#BlackFirday" → "Black", "Firday": the hashtag's words, as byte spans of the tag. With
// `acronyms`, two capitals or more are a word of their own when a word follows them
// ("#NYCMarathon" → "NYC", "Marathon"; "#BLackFriday" keeps its slip of the shift key).
std::vector<std::pair<std::size_t, std::size_t>> camel_case_parts(std::string_view tag,
                                                                  bool acronyms = false) {
  std::vector<std::pair<std::size_t, std::size_t>> parts;
  struct Letter {
    int32_t at;
    bool letter, upper;
  };
  std::vector<Letter> letters;
  const auto* s = reinterpret_cast<const uint8_t*>(tag.data());
  const auto len = static_cast<int32_t>(tag.size());
  for (int32_t i = 0; i < len;) {
    const int32_t at = i;
    UChar32 c;
    U8_NEXT(s, i, len, c);
    const bool letter = c >= 0 && u_isalpha(c);
    letters.push_back({at, letter, letter && u_isupper(c)});
  }
  int32_t start = -1;
  std::size_t capitals = 0;  // the run of capitals just before letters[k]
  for (std::size_t k = 0; k < letters.size(); ++k) {
    const Letter& c = letters[k];
    const bool previous_lower = k > 0 && letters[k - 1].letter && !letters[k - 1].upper;
    const bool next_lower =
        k + 1 < letters.size() && letters[k + 1].letter && !letters[k + 1].upper;
    const bool after_acronym = acronyms && capitals >= 2 && next_lower;
    capitals = c.upper ? capitals + 1 : 0;
    if (!c.letter) {
      if (start >= 0) parts.emplace_back(start, c.at);
      start = -1;
    } else if (start < 0) {
      start = c.at;
    } else if (c.upper && (previous_lower || after_acronym)) {
      parts.emplace_back(start, c.at);
      start = c.at;
    }
  }
  if (start >= 0) parts.emplace_back(start, len);
  return parts;
}

// Edits (insert, delete, replace, swap two neighbours) from `a` to `b`.
std::size_t edit_distance(const std::u32string& a, const std::u32string& b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min(
          {d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

// A link, handle, hashtag or capitalised word of the post, folded, and where it is.
struct Named {
  std::size_t begin, end;
  std::string folded;
  bool word;  // a word, matched whole; the others hold the name anywhere ("@lumio_uk")
};

// Few given names are longer ("Maximiliano", "Oluwaseyifunmi" is rare); longer words that
// open a sentence before a comma are adverbs ("Unfortunately,"), so a typo.
constexpr std::size_t kLongestName = 11;

// Spanish vowels and the same with an acute accent (UTF-8): read one way by the pronoun check
// (an accent the pronouns added) and the other by the diminutive check (an accent missing).
constexpr std::pair<char, std::string_view> kAcute[] = {
    {'a', "\xC3\xA1"}, {'e', "\xC3\xA9"}, {'i', "\xC3\xAD"}, {'o', "\xC3\xB3"}, {'u', "\xC3\xBA"}};

constexpr std::string_view kElisions[] = {
    "l'",      "d'",     "j'",      "m'",   "n'",    "s'",    "t'",     "c'",    "qu'",   "lorsqu'",
    "puisqu'", "jusqu'", "quoiqu'", "un'",  "dell'", "nell'", "all'",   "dall'", "sull'", "quell'",
    "bell'",   "dev'",   "anch'",   "com'", "cos'",  "tutt'", "quest'", "po'"};

class SpellingCheck final : public Check {
 public:
  void run(const CheckContext& ctx, std::vector<Diagnostic>& out) const override {
    std::unordered_set<std::string> names;
    for (const std::string* field :
         {&ctx.post.meta.customer, &ctx.post.meta.agent, &ctx.post.meta.customer_handle}) {
      std::string word;
      for (char c : text::fold_term(*field) + " ") {
        if (c == ' ' || c == '@' || c == '-' || c == '_' || c == '.') {
          if (!word.empty()) names.insert(word);
          word.clear();
        } else {
          word += c;
        }
      }
    }
    const auto& tokens = ctx.text.tokens();
    const auto& sentences = ctx.text.sentences();
    // The post's links, handles, hashtags and capitalised words, folded: a capitalised word
    // written again there ("Lumio" and #LumioTV or lumio.com) is the brand's or a product's
    // name.
    std::vector<Named> elsewhere;
    for (const auto& token : tokens) {
      const bool word = token.kind == text::TokenKind::word;
      if (word ? text::letter_case(token.text).first_upper
               : token.kind == text::TokenKind::url || token.kind == text::TokenKind::mention ||
                     token.kind == text::TokenKind::hashtag ||
                     token.kind == text::TokenKind::email) {
        elsewhere.push_back({token.begin, token.end, text::fold_term(token.text), word});
      }
    }
    // Sentences in Title Case ("Our New Collection Is Here"), where a capital says nothing:
    // most words capitalised, and among them, after the first, at least two words the
    // dictionary knows in lowercase. Names are not such words, so a short sentence that is
    // mostly a name ("Hola, Mei Ling.", "Good news, Oluwaseun!") is no title.
    std::vector<bool> title_case(sentences.size(), false);
    {
      std::vector<std::size_t> words(sentences.size(), 0), capitalised(sentences.size(), 0);
      std::vector<std::vector<std::string_view>> later_capitals(sentences.size());
      std::size_t si = 0;
      for (const auto& token : tokens) {
        while (si < sentences.size() && token.begin >= sentences[si].end) ++si;
        if (si == sentences.size()) break;
        if (token.kind != text::TokenKind::word) continue;
        const text::LetterCase l = text::letter_case(token.text);
        if (l.code_points < 2) continue;
        if (l.first_upper && words[si] > 0) later_capitals[si].push_back(token.text);
        ++words[si];
        if (l.first_upper) ++capitalised[si];
      }
      for (std::size_t k = 0; k < sentences.size(); ++k) {
        if (words[k] < 3 || capitalised[k] * 3 < words[k] * 2) continue;
        std::size_t known = 0;
        for (std::string_view w : later_capitals[k]) {
          if (known < 2 && ctx.speller.correct(text::fold_term(w))) ++known;
        }
        title_case[k] = known >= 2;
      }
    }
    std::size_t sentence = 0;
    bool sentence_has_word = false;
    std::size_t compound_end = 0;  // words before this offset belong to a known compound
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      const auto& token = tokens[i];
      if (token.kind == text::TokenKind::word) {
        while (sentence < sentences.size() && token.begin >= sentences[sentence].end) {
          ++sentence;
          sentence_has_word = false;
        }
        const bool mid_sentence =
            sentence_has_word && sentence < sentences.size() && !title_case[sentence];
        sentence_has_word = true;
        if (token.begin < compound_end) continue;
        // Part of a word masked with '*' ("f*cking", "sh*t"): no word to check; the rules
        // read the whole (evasions.hpp).
        const auto masks = [&](std::size_t j) {
          return j < tokens.size() && tokens[j].text == "*" &&
                 (tokens[j].end == token.begin || tokens[j].begin == token.end);
        };
        if ((i > 0 && masks(i - 1)) || masks(i + 1)) continue;
        // "week-end", "e-mail", "peut-être": the dictionary may know the hyphenated whole
        // even where it does not know a part; and its plural, which it seldom lists
        // ("add-ons", "check-ins": "ons" is no word, but "add-on" is).
        const std::size_t end = hyphenated_end(tokens, i);
        if (end != token.end) {
          const std::string_view whole =
              std::string_view(ctx.text.nfc()).substr(token.begin, end - token.begin);
          if (ctx.speller.correct(whole) ||
              (whole.size() > 4 && (whole.back() == 's' || whole.back() == 'S') &&
               whole[whole.size() - 2] != '-' &&
               ctx.speller.correct(whole.substr(0, whole.size() - 1)))) {
            compound_end = end;
            continue;
          }
        }
        // "mis-sorted", "re-sent", "ex-novio": a prefix joined by a hyphen is no word of its
        // own; the word after it is checked as usual.
        if (end != token.end && hyphen_prefix(ctx.rule_lang, token.text)) continue;
        if (signature(tokens, i)) continue;
        // "Siobhan, we're sorry": a word that opens its sentence and is set off by a comma.
        const bool before_comma =
            i + 1 < tokens.size() && tokens[i + 1].text == "," && tokens[i + 1].begin == token.end;
        check_word(ctx, names, elsewhere, token.begin, token.text, out, false, mid_sentence,
                   !mid_sentence && before_comma);
      } else if (token.kind == text::TokenKind::hashtag) {
        const std::string_view tag = token.text.substr(1);
        const text::LetterCase l = text::letter_case(tag);
        if (l.upper == 0 || l.lower == 0) continue;  // #summersale: no way to tell the words
        for (auto [b, e] : camel_case_parts(tag, true)) {
          check_word(ctx, names, elsewhere, token.begin + 1 + b, tag.substr(b, e - b), out, true);
        }
      }
    }
  }

 private:
  // A name that signs a reply: after a caret, as support teams sign ("^Priya", "^JK"), or
  // after a dash, a tilde or a slash that ends the text ("- Laura", "— Marco B.", "/Iker").
  static bool signature(const std::vector<text::Token>& tokens, std::size_t i) {
    const text::Token& word = tokens[i];
    if (i == 0) return false;
    const text::Token& before = tokens[i - 1];
    if (before.text == "^" && before.end == word.begin) return true;  // any case: "^jk"
    if (!text::letter_case(word.text).first_upper) return false;
    // A slash signs only standing apart from the word before it ("… en 72 horas. /Iker"),
    // not inside "and/Or".
    const bool slash = before.text == "/" && (i == 1 || tokens[i - 2].end < before.begin);
    if (!slash && before.text != "-" && before.text != "\u2013" && before.text != "\u2014" &&
        before.text != "~") {
      return false;
    }
    std::size_t words = 0;
    for (std::size_t k = i; k < tokens.size(); ++k) {
      if (tokens[k].kind == text::TokenKind::word) {
        if (++words > 2 || !text::letter_case(tokens[k].text).first_upper) return false;
      } else if (tokens[k].kind != text::TokenKind::punctuation &&
                 tokens[k].kind != text::TokenKind::emoji) {
        return false;
      }
    }
    return true;
  }

  // "with code COSYNIGHT", "el cupón PRIMERPEDIDO", "avec le code PIZZANIGHT": a word in
  // capitals right after the word for a code is the code, not a word to spell.
  static bool after_code_word(const std::string& text, std::size_t begin) {
    const std::size_t from = begin > 24 ? begin - 24 : 0;
    std::string before = text::fold_term(std::string_view(text).substr(from, begin - from));
    while (!before.empty() && (before.back() == ' ' || before.back() == ':')) before.pop_back();
    const std::size_t space = before.find_last_of(" \n");
    const std::string last = space == std::string::npos ? before : before.substr(space + 1);
    for (std::string_view code : {"code", "codes", "codigo", "cupon", "coupon", "codice", "promo",
                                  "voucher", "promocode"}) {
      if (last == code) return true;
    }
    return false;
  }

  void check_word(const CheckContext& ctx, const std::unordered_set<std::string>& names,
                  const std::vector<Named>& elsewhere, std::size_t begin, std::string_view word,
                  std::vector<Diagnostic>& out, bool in_hashtag = false, bool mid_sentence = false,
                  bool opens_with_comma = false) const {
    const text::LetterCase l = text::letter_case(word);
    if (l.code_points < 2 || l.digits > 0) return;
    if (l.upper == l.code_points && l.code_points <= 5) return;  // an acronym: DM, FAQ, NASA
    // Laughter, however long: "hahahaha", "jajajaja", "ahahah", "jejeje", "hihihi".
    static const RE2 laughter("(?i)a?(?:h[aei]|j[aei])+h?");
    if (l.code_points >= 4 && RE2::FullMatch(word, laughter)) return;
    if (l.upper == l.code_points && after_code_word(ctx.text.nfc(), begin)) return;
    // "shop.example", "i.e.", "U.S.": a host name or an abbreviation, never a typo to flag.
    if (word.find('.') != std::string_view::npos) return;
    std::string plain = text::straight_apostrophes(word);
    const std::string folded = text::fold_term(plain);
    if (names.count(folded) > 0) return;
    for (std::string_view suffix : {"'s", "'"}) {  // Daniel's
      if (folded.size() > suffix.size() &&
          folded.compare(folded.size() - suffix.size(), suffix.size(), suffix) == 0 &&
          names.count(folded.substr(0, folded.size() - suffix.size())) > 0) {
        return;
      }
    }
    if (ctx.speller.correct(plain)) return;
    if (accepted_after_elision(ctx, plain)) return;
    if (accepted_with_enclitics(ctx, plain)) return;
    if (accepted_diminutive(ctx, plain)) return;
    if (other_dictionary_accepts(ctx, plain, in_hashtag)) return;
    // In a sentence the language check reads as another language, a word that language's
    // dictionary takes is no typo; one it does not take is that language's typo, and gets its
    // suggestions ("privdo" in a Spanish sentence of an English post: "privado", not "privy").
    const spelling::SpellerPool* foreign = nullptr;
    if (const std::string other = other_language_at(ctx, begin); !other.empty()) {
      if (accepted_in(ctx, other, plain)) return;
      foreign = (*ctx.speller_for)(other);
    }
    // #InternationalWomensDay: a hashtag cannot hold the apostrophe of "Women's".
    if (in_hashtag && plain.size() > 3 && plain.back() == 's' &&
        ctx.speller.correct(plain.substr(0, plain.size() - 1) + "'s")) {
      return;
    }
    const bool english = english_loanword(ctx, plain);
    const std::string derived = english ? std::string() : derivation(ctx, plain, l);
    // "Thanks, Priya!", "our store in Cergy": a capitalised word inside a sentence that the
    // dictionary does not know is nearly always a name, a place or a product, rarely a typo.
    // It is shown, as a suggestion, but does not fail a check; the same word starting a
    // sentence ("Recieved it") is a warning like any other.
    const bool proper_noun = mid_sentence && !in_hashtag && l.first_upper && l.upper == 1 &&
                             l.lower + 1 == l.code_points;
    // "StreamFlix", "VoiceOver", "UNiDAYS", "eSIM": a capital after a small letter is how
    // brands and products write their names; a typo does not do that, unless the caps key
    // slipped in a word the dictionary knows ("tHe"), which stays a warning.
    const bool brand = !in_hashtag && l.upper > 0 && l.lower > 0 &&
                       camel_case_parts(word).size() > 1 &&
                       (l.first_upper || !ctx.speller.correct(folded));
    // "Siobhan, entendemos la molestia": a capitalised word that opens a sentence, set off by
    // a comma, is how a reply addresses the customer. It is taken for a name when no
    // suggestion is a slip away from it: a typo there ("Unfortunatly,", "Sory,") is one or
    // two edits from the word meant, a name ("Siobhan", "Oluwaseun") seldom is.
    const bool capitalised = l.first_upper && l.upper == 1 && l.lower + 1 == l.code_points;
    std::vector<std::string> suggested;
    bool addressed = false;
    if (opens_with_comma && capitalised && !in_hashtag && l.code_points <= kLongestName) {
      suggested = ctx.speller.suggest(plain, 3);
      const std::u32string w = text::code_points(folded);
      const std::size_t slip = w.size() >= 8 ? 2 : 1;
      addressed = std::none_of(suggested.begin(), suggested.end(), [&](const std::string& s) {
        return edit_distance(w, text::code_points(text::fold_term(s))) <= slip;
      });
    }
    // Written in the post's own links, handles or other hashtags ("Lumio" and #LumioTV).
    const bool named_there =
        l.first_upper && l.code_points >= 3 &&
        std::any_of(elsewhere.begin(), elsewhere.end(), [&](const Named& n) {
          return (begin < n.begin || begin >= n.end) &&
                 (n.word ? n.folded == folded : n.folded.find(folded) != std::string::npos);
        });
    const bool proper_noun_here = proper_noun || addressed;
    const bool name_like = proper_noun_here || brand || named_there;
    Diagnostic d = ctx.diagnostic(
        "spelling.unknown-word", "spelling", "",
        name_like || english || !derived.empty() ? Severity::info : Severity::warning,
        std::string(), begin, begin + word.size());
    d.message =
        "\"" + std::string(word) + "\" is not in the " + ctx.speller.name().language_name +
        (brand || named_there
             ? " dictionary: a brand or product name? If it is, add it to 'words' in "
               ".brandlint.yaml; if not, a typo"
         : proper_noun_here ? " dictionary: a name? If it is, add it to 'words' in .brandlint.yaml "
                              "or name the customer in 'customer'; if not, a typo"
         : english          ? " dictionary but is an English word: fine as a loanword (add it to "
                              "'words' in .brandlint.yaml to stop this note); if not, a typo"
         : !derived.empty()
             ? " dictionary, but it is " + derived +
                   ": fine if that is what you mean (add it to 'words' in .brandlint.yaml to "
                   "stop this note); if not, a typo"
         : foreign != nullptr
             ? " dictionary, nor in the " + foreign->name().language_name +
                   " one (the sentence reads as " + foreign->name().language_name +
                   "): a typo? (a name or brand term can go in 'words' in .brandlint.yaml)"
             : " dictionary: a typo? (a name or brand term can go in 'words' in "
               ".brandlint.yaml)");
    if (in_hashtag) {  // "a lot" or "e-mail" cannot go inside #CamelCase
      const auto suggestions = ctx.speller.suggest(plain, 5);
      // Hashtags leave out accents: #SoldesEte is "Soldes Été", #NuevaColeccion fine too.
      for (const auto& s : suggestions) {
        if (text::fold_term(s) == folded) return;
      }
      for (auto s : suggestions) {
        if (d.suggestions.size() < 3 && s.find_first_of(" -") == std::string::npos) {
          d.suggestions.push_back(std::move(s));
        }
      }
    } else {
      if (foreign != nullptr && suggested.empty()) suggested = foreign->suggest(plain, 3);
      d.suggestions = suggested.empty() ? ctx.speller.suggest(plain, 3) : std::move(suggested);
      // "area" for "área", "album" for "álbum": English words, but the post's language has
      // the same letters with accents, so the accent is what is missing.
      if ((english || !derived.empty()) && !name_like) {
        for (const auto& s : d.suggestions) {
          if (text::fold_term(s) == folded) {
            d.severity = Severity::warning;
            d.message = "\"" + std::string(word) + "\" is not in the " +
                        ctx.speller.name().language_name + " dictionary: \"" + s + "\"?";
            break;
          }
        }
      }
      ctx.questioned.push_back({begin, begin + word.size(), d.suggestions});
    }
    out.push_back(std::move(d));
  }

  // How a language makes new words from ones it has: prefixes, and the ending of the
  // adjective saying that something can be done with the infinitive it comes from.
  struct AdjectiveForm {
    std::string_view ending;
    std::string_view infinitive;
  };
  struct WordFormation {
    std::vector<std::string_view> prefixes;
    std::vector<AdjectiveForm> adjectives;
  };

  // Not "co", "des", "dis" or "dé" among the prefixes: they begin so many words that their
  // typos ("conotaciones", "descriminar") would pass for new words. Spanish and French "-ible"
  // forms are irregular ("transmisible", "lisible"): not made. English: none, as its
  // dictionaries list such forms, and "reguarding" or "remining" are typos.
  static const WordFormation& word_formation(std::string_view lang) {
    static const WordFormation es{
        {"re",    "pre",   "anti",  "auto",  "contra", "eco",  "extra", "hiper",
         "inter", "macro", "micro", "mini",  "multi",  "post", "semi",  "sobre",
         "sub",   "super", "tele",  "ultra", "bio",    "ciber"},
        {{"ables", "ar"}, {"able", "ar"}}};
    static const WordFormation fr{
        {"re",    "r\u00E9", "pr\u00E9", "anti",           "auto",  "contre", "\u00E9co", "extra",
         "hyper", "inter",   "macro",    "micro",          "mini",  "multi",  "post",     "semi",
         "sous",  "sur",     "super",    "t\u00E9l\u00E9", "ultra", "bio",    "cyber"},
        {{"ables", "er"}, {"able", "er"}}};
    static const WordFormation it{
        {"ri",    "pre",   "anti",  "auto", "contro", "eco",  "extra", "iper",
         "inter", "macro", "micro", "mini", "multi",  "post", "semi",  "sotto",
         "sovra", "sub",   "super", "tele", "ultra",  "bio",  "ciber"},
        {{"abili", "are"},
         {"abile", "are"},
         {"ibili", "ire"},
         {"ibile", "ire"},
         {"ibili", "ere"},
         {"ibile", "ere"}}};
    static const WordFormation none;
    return lang == "es" ? es : lang == "fr" ? fr : lang == "it" ? it : none;
  }

  // "recalculamos", "preautorizzazione", "multiproducto", "prenotabili", "desenfundable": a
  // word the dictionary does not list, made by the language's own rules from one it does,
  // with a prefix ("re" + "calculamos", "pre" + "autorizzazione") or as the adjective of what
  // can be done ("prenotare" + "-abili"). Agents write such forms all the time and
  // dictionaries lag behind them; a typo seldom leaves a whole word of six letters or more
  // once the prefix or the suffix is taken off. Returns how the word is made, or nothing.
  static std::string derivation(const CheckContext& ctx, const std::string& word,
                                const text::LetterCase& l) {
    if (l.upper > 0 || l.digits > 0) return {};
    const WordFormation& formation = word_formation(ctx.rule_lang);
    if (std::string made = adjective_of_verb(ctx, formation, word); !made.empty()) return made;
    for (std::string_view p : formation.prefixes) {
      if (word.size() <= p.size() || word.compare(0, p.size(), p) != 0) continue;
      const std::string rest = word.substr(p.size());
      if (text::letter_case(rest).code_points < 6 || !joins(ctx.rule_lang, p, rest)) continue;
      if (ctx.speller.correct(rest)) return quoted(p) + " + " + quoted(rest);
      if (std::string made = adjective_of_verb(ctx, formation, rest); !made.empty()) {
        return quoted(p) + " + " + made;
      }
    }
    return {};
  }

  // Whether `word` is a prefix the language writes with a hyphen before a word: the prefixes
  // it joins to words (word_formation) and those it keeps apart ("mis-", "ex-", "non-").
  static bool hyphen_prefix(std::string_view lang, std::string_view word) {
    static constexpr std::string_view kEnglish[] = {
        "anti",  "bi",   "co",   "counter", "cross", "de",    "e",   "eco",   "ex",   "half",
        "inter", "mega", "mid",  "mini",    "mis",   "multi", "non", "over",  "post", "pre",
        "pro",   "re",   "self", "semi",    "sub",   "super", "tri", "ultra", "un",   "under"};
    static constexpr std::string_view kApart[] = {"ex", "co", "no", "non", "pro", "vice", "e"};
    const std::string lower = text::lowercase(word);
    const auto holds = [&](const auto& list) {
      return std::find(std::begin(list), std::end(list), lower) != std::end(list);
    };
    if (lang == "en") return holds(kEnglish);
    return holds(kApart) || holds(word_formation(lang).prefixes);
  }

  // `s` in double quotes, for how a word is made. Built by appending: GCC 12 warns wrongly
  // about "\"" + s.
  static std::string quoted(std::string_view s) {
    std::string q(1, '"');
    q.append(s).push_back('"');
    return q;
  }

  // Whether the prefix and the word are written together as the language writes them: in
  // Spanish an "r" after a vowel doubles ("contrarreforma", "autorretrato"), and Spanish
  // and Italian seldom keep the same vowel twice at the joint ("telespettatore"), but
  // after "re" ("reenvíalo"). Real misspelling lists are full of both slips.
  static bool joins(std::string_view lang, std::string_view prefix, std::string_view rest) {
    const char last = prefix.back();
    const bool vowel = std::string_view("aeiou").find(last) != std::string_view::npos;
    if (lang == "es" && vowel && rest.front() == 'r') return false;
    if ((lang == "es" || lang == "it") && vowel && rest.front() == last && prefix != "re") {
      return false;
    }
    return true;
  }

  // "prenotabili" from "prenotare", "desenfundable" from "desenfundar", "lavables" from
  // "laver": the adjective saying that something can be done, from a verb the dictionary
  // knows. Returns how the word is made, or nothing.
  static std::string adjective_of_verb(const CheckContext& ctx, const WordFormation& formation,
                                       const std::string& word) {
    for (const AdjectiveForm& f : formation.adjectives) {
      if (word.size() <= f.ending.size() + 4 || !word.ends_with(f.ending)) continue;
      const std::string verb =
          word.substr(0, word.size() - f.ending.size()) + std::string(f.infinitive);
      if (text::letter_case(verb).code_points >= 6 && ctx.speller.correct(verb)) {
        return quoted(verb) + " with " + quoted("-" + std::string(f.ending));
      }
    }
    return {};
  }

  // Spanish, French and Italian posts borrow English words ("roaming", "dale like", "un
  // packaging riciclabile", "deux wraps"): a word the English dictionary knows is shown as a
  // note, not as a typo (check_word still makes it a warning when the post's own language
  // has the word with accents).
  static bool english_loanword(const CheckContext& ctx, const std::string& word) {
    return ctx.rule_lang != "en" && accepted_in(ctx, "en", word);
  }

  // Whether the dictionary of `lang` (loaded when first asked) knows `word`.
  static bool accepted_in(const CheckContext& ctx, std::string_view lang, const std::string& word) {
    if (ctx.speller_for == nullptr) return false;
    const spelling::SpellerPool* pool = (*ctx.speller_for)(lang);
    return pool != nullptr && pool->might_accept(word) && pool->correct(word);
  }

  // Spanish diminutives of a word the dictionary has, which it lists only in part: "mantita"
  // (manta), "regalito" (regalo), "cafecito" (café), "amiguito" (amigo), "abuelitas" (abuelas).
  static bool accepted_diminutive(const CheckContext& ctx, const std::string& word) {
    if (ctx.rule_lang != "es" || word.size() < 6) return false;
    std::string_view suffix;
    for (std::string_view s : {"citas", "citos", "cita", "cito", "itas", "itos", "ita", "ito"}) {
      if (word.size() > s.size() + 2 && word.ends_with(s)) {
        suffix = s;
        break;
      }
    }
    if (suffix.empty()) return false;
    const std::string stem = word.substr(0, word.size() - suffix.size());
    std::vector<std::string> bases;
    if (suffix.starts_with("c")) {  // café → cafecito, joven → jovencito
      bases = {stem};
      if (stem.size() > 1 && stem.back() == 'e')
        bases.push_back(stem.substr(0, stem.size() - 1) + "\u00E9");
    } else {  // manta → mantita, regalo → regalito; amiguito ← amigo, poquito ← poco
      if (stem.size() < 4) return false;  // "subito" is no "subo" made small
      std::string base = stem;
      if (base.ends_with("gu")) base.pop_back();
      if (base.ends_with("qu")) base.replace(base.size() - 2, 2, "c");
      bases = {base + (suffix[2] == 'a' ? "a" : "o")};  // the gender stays: -ita from -a
    }
    // "credito", "sequito": a word that only misses its accent (crédito, séquito) is that word.
    for (std::size_t i = 0; i < word.size(); ++i) {
      for (const auto& [plain, accented] : kAcute) {
        if (word[i] != plain) continue;
        std::string variant = word;
        variant.replace(i, 1, accented);
        if (ctx.speller.correct(variant)) return false;
      }
    }
    const std::string plural = suffix.back() == 's' ? "s" : "";
    return std::any_of(bases.begin(), bases.end(), [&](const std::string& base) {
      return base.size() >= 3 && ctx.speller.correct(base + plural);
    });
  }

  // Whether a Spanish word's written accent falls on its third syllable from the end or
  // earlier, as on a verb that pronouns made longer (envíalo, revisándolo, dámelo): only then
  // do the pronouns need the accent. "novéla" stresses the second from the end, which takes
  // no written accent: a typo, not "nové" + "la".
  static bool stressed_early(const std::string& word) {
    const std::u32string w = text::code_points(word);
    const auto is_vowel = [](char32_t c) {
      return std::u32string_view(U"aeiouáéíóúü").find(c) != std::u32string_view::npos;
    };
    const auto is_strong = [](char32_t c) {
      return std::u32string_view(U"aeoáéó").find(c) != std::u32string_view::npos;
    };
    const std::size_t accent = w.find_first_of(U"áéíóú");
    if (accent == std::u32string::npos) return false;
    // Syllables after the accented one: each run of vowels is one, but two strong vowels
    // (a, e, o) part, and a vowel after an accented í or ú starts its own (en-ví-a-lo).
    std::size_t after = 0;
    for (std::size_t i = accent + 1; i < w.size(); ++i) {
      if (!is_vowel(w[i])) continue;
      const char32_t before = w[i - 1];
      const bool joins = is_vowel(before) && !(is_strong(before) && is_strong(w[i])) &&
                         !(i - 1 == accent && (before == U'í' || before == U'ú'));
      if (!joins) ++after;
    }
    return after >= 2;
  }

  // Where the run of words joined by hyphens that starts at tokens[i] ends ("week-end"); the
  // word's own end when no hyphen follows it.
  static std::size_t hyphenated_end(const std::vector<text::Token>& tokens, std::size_t i) {
    std::size_t end = tokens[i].end;
    while (i + 2 < tokens.size() && tokens[i + 1].text == "-" && tokens[i + 1].begin == end &&
           tokens[i + 2].kind == text::TokenKind::word &&
           tokens[i + 2].begin == tokens[i + 1].end) {
      end = tokens[i + 2].end;
      i += 2;
    }
    return end;
  }

  // "Gracias por todo, nos vemos pronto." in an Italian post: the language check reports the
  // sentence as Spanish, and its Spanish words are not Italian typos as well (four warnings
  // for one problem, with Italian suggestions: "Gracida"). The language of the sentence that
  // holds `begin`, when the language check reports it as another; empty otherwise.
  static std::string other_language_at(const CheckContext& ctx, std::size_t begin) {
    if (ctx.speller_for == nullptr) return {};
    for (const auto& found : ctx.language_findings()) {
      const Diagnostic& d = found.diagnostic;
      if (!found.other.empty() && begin >= d.offset && begin < d.offset + d.length) {
        return found.other;
      }
    }
    return {};
  }

  // Plain "en" is English in any spelling: British "colours" is no typo unless the language
  // is en-US. And hashtags on Spanish, French and Italian accounts are very often English
  // (#SummerSale, #CustomerCare), so a hashtag's word may be English too.
  static bool other_dictionary_accepts(const CheckContext& ctx, const std::string& word,
                                       bool in_hashtag) {
    if (ctx.lang == "en") return accepted_in(ctx, "en-GB", word);
    return in_hashtag && ctx.rule_lang != "en" && accepted_in(ctx, "en", word);
  }

  // French and Italian elide articles and pronouns: "l'école", "dell'anno", "qu'il".
  static bool accepted_after_elision(const CheckContext& ctx, const std::string& word) {
    const std::size_t apostrophe = word.find('\'');
    if (apostrophe == std::string::npos || apostrophe + 1 >= word.size()) return false;
    const std::string prefix = text::fold_term(word.substr(0, apostrophe + 1));
    bool known = false;
    for (std::string_view e : kElisions) known = known || prefix == e;
    if (!known) return false;
    const std::string rest = word.substr(apostrophe + 1);
    const text::LetterCase l = text::letter_case(rest);
    if (l.upper == l.code_points && l.code_points <= 5) return true;  // an acronym: l'OM, dell'ONU
    return ctx.speller.correct(rest);
  }

  // Spanish joins object pronouns to imperatives and gerunds and then writes the stress
  // accent: "pruébalo", "contáctanos", "enviándoselo". Hunspell's es_ES knows few of these;
  // the word is right when, without the pronouns and that accent, it is a verb form the
  // dictionary knows. Without the accent ("pruebalo") it stays a typo.
  static bool accepted_with_enclitics(const CheckContext& ctx, const std::string& word) {
    auto is_infinitive = [](std::string_view w) {
      return w.ends_with("ar") || w.ends_with("er") || w.ends_with("ir");
    };
    if (ctx.rule_lang != "es") return false;
    static constexpr std::string_view kPronouns[] = {"me", "te",  "se",  "nos", "os", "lo",
                                                     "la", "los", "las", "le",  "les"};
    std::string stem = word;
    for (int pronouns = 0; pronouns < 2; ++pronouns) {
      std::string_view found;
      for (std::string_view p : kPronouns) {
        if (stem.size() > p.size() + 2 && stem.compare(stem.size() - p.size(), p.size(), p) == 0 &&
            p.size() > found.size()) {
          found = p;
        }
      }
      if (found.empty()) return false;
      stem.resize(stem.size() - found.size());
      // Pronouns follow an infinitive, a gerund or an imperative, which end in a vowel, "n",
      // "d", "r", "s" or "z" (dadme, dámelo, poneos, hablémoslo, hazlo).
      // And the imperative's "d" falls before "os" (enviaos, not "envíados"), but in "idos".
      const std::u32string letters = text::code_points(stem);
      if (letters.empty() || std::u32string_view(U"aeiounrdszáéíóú").find(letters.back()) ==
                                 std::u32string_view::npos) {
        return false;
      }
      if (found == "os" && stem.back() == 'd' && stem != "id") return false;
      if (found == "nos" && stem.ends_with("mos")) return false;  // vámonos, not "vámosnos"
      // An infinitive takes one pronoun without an accent: configurarla, enviarte, hacerlo.
      // Not "os", which turns nouns into plurals the dictionary already judges (pajaros).
      if (pronouns == 0 && found != "os" && stem.size() >= 5 && is_infinitive(stem) &&
          ctx.speller.correct(stem)) {
        return true;
      }
      std::string plain;  // the stem without its acute accents
      bool had_accent = false;
      for (std::size_t i = 0; i < stem.size(); ++i) {
        bool replaced = false;
        for (const auto& [base, accented] : kAcute) {
          if (stem.compare(i, accented.size(), accented) == 0) {
            plain += base;
            i += accented.size() - 1;
            replaced = had_accent = true;
            break;
          }
        }
        if (!replaced) plain += stem[i];
      }
      // "vámonos", "hagámonos": the "-mos" imperative drops its "s" before "nos".
      if (had_accent && stressed_early(word) &&
          (ctx.speller.correct(plain) || (found == "nos" && ctx.speller.correct(plain + "s")))) {
        return true;
      }
    }
    return false;
  }
};

}  // namespace

std::unique_ptr<Check> make_spelling_check() { return std::make_unique<SpellingCheck>(); }

}  // namespace brandlint::checks
