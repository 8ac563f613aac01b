// personalisation.*: what makes a reply read as written by a person to a person, from the
// post's metadata: the customer's name (and not somebody else's), no template leftovers, an
// apology when they complain, thanks, a signature. Generic salutations ("Dear customer") are
// phrases, so they are in the rule packs (rules/<lang>/personalisation.yaml).
#include <re2/re2.h>

#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "checks/evasions.hpp"
#include "checks/families.hpp"
#include "checks/mood_signals.hpp"
#include "text/folded_text.hpp"
#include "text/letters.hpp"

namespace brandlint::checks {
namespace {

// The folded words of a name or handle: "Lucía Fernández" → lucia, fernandez; "@dani_g" → dani.
std::vector<std::string> name_words(const std::string& name) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text::fold_term(name) + " ") {
    if (c == ' ' || c == '@' || c == '-' || c == '_' || c == '.' || c == ',' ||
        (c >= '0' && c <= '9')) {
      if (word.size() >= 2) words.push_back(word);
      word.clear();
    } else {
      word += c;
    }
  }
  return words;
}

// Common short forms of first names that are neither their start nor their end, folded:
// (full name, short form). Facts of usage in the four languages; the others are found by
// shape (see calls()).
constexpr std::pair<std::string_view, std::string_view> kShortForms[] = {
    // English
    {"elizabeth", "liz"},
    {"elizabeth", "lizzie"},
    {"elizabeth", "lizzy"},
    {"elizabeth", "betty"},
    {"elizabeth", "bess"},
    {"elizabeth", "libby"},
    {"elisabeth", "liz"},
    {"joseph", "joe"},
    {"josephine", "jo"},
    {"lawrence", "larry"},
    {"luigi", "gigi"},
    {"laurence", "larry"},
    {"william", "bill"},
    {"william", "billy"},
    {"william", "liam"},
    {"robert", "bob"},
    {"robert", "bobby"},
    {"robert", "bert"},
    {"richard", "dick"},
    {"richard", "rick"},
    {"richard", "ricky"},
    {"james", "jim"},
    {"james", "jimmy"},
    {"margaret", "maggie"},
    {"margaret", "meg"},
    {"margaret", "peggy"},
    {"margaret", "marge"},
    {"catherine", "kate"},
    {"catherine", "katie"},
    {"catherine", "cathy"},
    {"katherine", "kate"},
    {"katherine", "katie"},
    {"thomas", "tom"},
    {"thomas", "tommy"},
    {"susan", "sue"},
    {"susannah", "sue"},
    {"nicholas", "nick"},
    {"nicolas", "nick"},
    {"gerald", "jerry"},
    {"gerard", "gerry"},
    {"jeremy", "jerry"},
    {"dorothy", "dot"},
    {"harold", "harry"},
    {"mary", "molly"},
    {"mary", "polly"},
    {"sarah", "sally"},
    {"ann", "nancy"},
    {"anne", "nancy"},
    {"michael", "mick"},
    {"katherine", "kathy"},
    {"kathryn", "kate"},
    {"kathryn", "katie"},
    {"edward", "ted"},
    {"edward", "ned"},
    {"theodore", "ted"},
    {"charles", "chuck"},
    {"henry", "harry"},
    {"henry", "hank"},
    {"john", "jack"},
    {"john", "johnny"},
    {"patricia", "trish"},
    {"patricia", "patty"},
    {"susan", "suzy"},
    {"anthony", "tony"},
    {"alexander", "sandy"},
    {"alexandra", "sandy"},
    {"alexander", "xander"},
    {"andrew", "drew"},
    {"rebecca", "becky"},
    {"deborah", "debbie"},
    {"victoria", "tori"},
    {"christopher", "kit"},
    {"frances", "fran"},
    {"francesca", "frankie"},
    // Spanish
    {"jose", "pepe"},
    {"josefa", "pepa"},
    {"francisco", "paco"},
    {"francisco", "pancho"},
    {"francisco", "curro"},
    {"francisca", "paquita"},
    {"ignacio", "nacho"},
    {"manuel", "manolo"},
    {"manuela", "manoli"},
    {"dolores", "lola"},
    {"guadalupe", "lupe"},
    {"concepcion", "concha"},
    {"concepcion", "conchi"},
    {"rosario", "charo"},
    {"mercedes", "merche"},
    {"enrique", "quique"},
    {"jesus", "chus"},
    {"jesus", "chucho"},
    {"antonio", "tono"},
    {"eduardo", "lalo"},
    {"guillermo", "memo"},
    {"alberto", "beto"},
    {"roberto", "beto"},
    {"isabel", "chabela"},
    {"josemaria", "chema"},
    {"asuncion", "chon"},
    {"consuelo", "chelo"},
    {"santiago", "santi"},
    {"santiago", "yago"},
    // French
    {"francois", "fanfan"},
    {"dominique", "domi"},
    {"isabelle", "isa"},
    {"catherine", "cat"},
    {"nathalie", "nath"},
    {"stephanie", "steph"},
    {"frederic", "fred"},
    {"christophe", "chris"},
    // Italian
    {"giuseppe", "beppe"},
    {"giuseppe", "peppe"},
    {"giuseppe", "pino"},
    {"giuseppe", "peppino"},
    {"giuseppina", "pina"},
    {"giovanni", "gianni"},
    {"giovanni", "nanni"},
    {"francesco", "franco"},
    {"francesco", "checco"},
    {"francesco", "cecco"},
    {"salvatore", "toto"},
    {"salvatore", "turi"},
    {"antonio", "toto"},
    {"antonio", "tonino"},
    {"domenico", "mimmo"},
    {"elisabetta", "betta"},
    {"roberto", "roby"},
    {"margherita", "rita"},
    {"gianfranco", "franco"},
    {"giacomo", "giaco"},
    {"gabriele", "lele"},
    {"emanuele", "lele"},
    {"raffaele", "lele"},
    {"daniele", "lele"},
    {"federico", "fede"},
    {"maddalena", "lena"},
};

// Whether `word` is a pet form of `name` (both folded): a start of the name of two letters or
// more, or three letters or more inside it, ending in a consonant, with a pet ending, its
// consonant maybe doubled and "ck" or "k" for "c": "dave", "andy", "abby", "danny", "vicky",
// "nikki", "charlie", "mandy" for amanda, "lexi" for alexis, "toni" for antonio.
bool pet_form(const std::string& name, const std::string& word) {
  if (word.size() < 4) return false;  // "che" is no pet form of Chiara; Joe is in the table
  // One slip away and ending as the name does is the name misspelt: "camile", "clairre".
  if (name.empty() || (word.back() == name.back() && edits_apart(word, name) <= 1)) {
    return false;
  }
  // The name with another last vowel is another name: "Michele" for Michela, "Simone" for
  // Simona.
  const auto vowel = [](char c) {
    return std::string_view("aeiou").find(c) != std::string_view::npos;
  };
  if (word.size() == name.size() && vowel(word.back()) && vowel(name.back()) &&
      word.compare(0, word.size() - 1, name, 0, name.size() - 1) == 0) {
    return false;
  }
  for (std::string_view ending : {"ie", "ey", "y", "i", "e"}) {
    if (word.size() < ending.size() + 2 || !word.ends_with(ending)) continue;
    const std::string stem = word.substr(0, word.size() - ending.size());
    // The ending follows a consonant: "claie" is Claire misspelt, not a pet form of it.
    if (std::string_view("aeiouy").find(stem.back()) != std::string_view::npos) continue;
    std::vector<std::string> stems = {stem};
    if (stem.size() >= 3 && stem[stem.size() - 1] == stem[stem.size() - 2]) {
      stems.push_back(stem.substr(0, stem.size() - 1));  // danny → dan
    }
    for (std::size_t i = 0, n = stems.size(); i < n; ++i) {
      const std::string s = stems[i];  // a copy: push_back may move the vector
      if (s.ends_with("ck")) stems.push_back(s.substr(0, s.size() - 2) + "c");  // vicky
      if (s.ends_with("k")) stems.push_back(s.substr(0, s.size() - 1) + "c");   // nikki
    }
    for (const auto& s : stems) {
      if (s.size() >= name.size()) continue;
      if (s.size() >= 2 && name.compare(0, s.size(), s) == 0) return true;
      if (s.size() >= 3 && name.find(s) != std::string::npos) return true;
    }
  }
  return false;
}

// Whether a word of the text calls someone one of `names` (folded): the name itself, a short
// form of three letters or more ("dani" for "daniel"; one letter less is a misspelling:
// "sara" for "sarah"), an end of four letters or more ("beth" for "elizabeth", "sandro" for
// "alessandro"), a pet form (pet_form()), a common short form ("liz", "beppe"), or a
// possessive ("daniel's").
// `pets`: whether pet forms count, as they do for a word written with a capital (in lowercase,
// "made" would call Amanda).
bool calls(const std::vector<std::string>& names, const std::string& word, bool pets = true) {
  for (const auto& n : names) {
    if (word == n || (pets && pet_form(n, word))) return true;
    if (word.size() >= 3 && word.size() + 1 < n.size() && n.compare(0, word.size(), word) == 0) {
      return true;
    }
    // Two letters, written as a name: "Ed" for Edward, "Al" for Alan.
    if (pets && word.size() == 2 && n.size() >= 4 && n.compare(0, 2, word) == 0) return true;
    if (word.size() >= 4 && word.size() < n.size() &&
        n.compare(n.size() - word.size(), word.size(), word) == 0) {
      return true;
    }
    for (const auto& [full, short_form] : kShortForms) {
      if (n == full && word == short_form) return true;
    }
    if (word.size() > n.size() && word.compare(0, n.size(), n) == 0 && word[n.size()] == '\'') {
      return true;
    }
  }
  return false;
}

// Whom else a greeting or a thanks addresses, folded: everyone ("Hi All" to Ali, "Hi Team" to
// Tam), titles and terms of endearment, some of which the dictionaries also hold as names
// ("Sir", "Love", "Guapa", "Cher").
bool addresses_no_one_by_name(const std::string& word) {
  static const std::unordered_set<std::string> kAddressed = {
      // English
      "all", "everyone", "everybody", "team", "folks", "friends", "friend", "there", "guys", "guy",
      "sir", "madam", "madame", "love", "darling", "dear", "buddy", "pal", "mate", "doctor", "dr",
      "captain", "hero", "angel", "honey", "sweetie", "sweetheart", "champ", "legend", "boss",
      "chief", "gorgeous", "lovely", "mister", "miss", "mrs", "mr", "ms", "customer", "customers",
      "traveller", "traveler", "gamer", "gamers", "fam", "neighbour", "neighbor", "king", "queen",
      "star", "superstar", "sunshine", "ladies", "gentlemen", "lad", "lads", "both", "you",
      // Spanish
      "todos", "todas", "equipo", "amigos", "amigo", "amiga", "amigas", "senor", "senora",
      "senorita", "caballero", "guapa", "guapo", "rey", "reina", "crack", "jefe", "jefa", "campeon",
      "campeona", "cliente", "querida", "querido", "companero", "companera", "vecino", "vecina",
      "chicos", "chicas", "familia", "maestro", "doctora", "usted", "ustedes",
      // French
      "tous", "toutes", "equipe", "amis", "ami", "amie", "monsieur", "mademoiselle", "messieurs",
      "mesdames", "cher", "chere", "chers", "cheres", "client", "docteur", "maitre", "champion",
      "championne", "chef", "patron", "voisin", "voisine", "famille", "vous", "toi",
      // Italian
      "tutti", "tutte", "ragazzi", "ragazze", "amici", "amico", "amica", "squadra", "signora",
      "signore", "signorina", "dottore", "dottoressa", "dott", "avvocato", "ingegnere",
      "professore", "professoressa", "tesoro", "cara", "caro", "capo", "campione", "campionessa",
      "bella", "bello", "gentile", "vicino", "famiglia", "voi", "lei",
      // Family, friends and the like, in the four languages
      "again", "world", "yall", "beautiful", "babe", "hun", "bro", "sis", "dude", "peeps", "people",
      "community", "fans", "followers", "partner", "cutie", "handsome", "stranger", "officer",
      "coach", "teacher", "nurse", "professor", "prof", "father", "mother", "mum", "mom", "dad",
      "uncle", "auntie", "aunt", "grandma", "grandpa", "nan", "granny", "sister", "brother",
      "cousin", "baby", "kid", "kids", "boys", "girls", "lady", "gentleman", "mama", "papa",
      "prince", "princess", "maam", "hon", "dearest", "everyone's", "hermano", "hermana", "tio",
      "tia", "primo", "prima", "abuelo", "abuela", "bonita", "bonito", "carino", "corazon", "amor",
      "guapisima", "guapisimo", "chaval", "chavales", "nene", "nena", "gente", "comunidad", "hijo",
      "hija", "mijo", "mija", "profe", "don", "dona", "buenas", "compa", "cherie", "cheri", "frere",
      "soeur", "cousine", "maman", "mamie", "papi", "gars", "filles", "beaute", "belle", "beau",
      "copain", "copine", "collegue", "professeur", "communaute", "amore", "zio", "zia", "nonno",
      "nonna", "mamma", "fratello", "sorella", "cugino", "cugina", "bimbo", "bimba", "ragazzo",
      "ragazza", "comunita", "signori", "carissimo", "carissima", "carissimi", "bellezza",
      "collega", "colleghi", "figlio", "figlia", "raga",
      // Pet names and praise used as names
      "bestie", "girlie", "rockstar", "dearie", "darlin", "figura", "maquina", "cielo", "majo",
      "maja", "hermosa", "hermoso", "preciosa", "precioso", "linda", "lindo", "loulou", "coco",
      "grande", "mitico", "mitica"};
  return kAddressed.count(word) > 0;
}

// Whether `word` (folded) looks like one of `names` misspelt: the same first letter and one
// edit away (two from a name of six letters or more): "micheal", "sara", "ana" for "anna".
bool misspells(const std::vector<std::string>& names, const std::string& word) {
  if (addresses_no_one_by_name(word)) return false;
  for (const auto& n : names) {
    if (word.size() < 3 || n.size() < 3 || word[0] != n[0] || word == n) continue;
    if (edits_apart(word, n) <= (n.size() >= 6 ? 2u : 1u)) return true;
  }
  return false;
}

// The first sentence, where findings about the whole reply point.
Span first_sentence(const CheckContext& context) {
  const auto& sentences = context.text.sentences();
  if (!sentences.empty()) return {sentences.front().begin, sentences.front().end};
  return {0, context.text.nfc().size()};
}

// "Juan Martín" → "JM"; "Marcos" → "M".
std::string initials_of(const std::string& agent) {
  std::string initials;
  for (const auto& word : name_words(agent)) {
    const char c = word[0];
    initials += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  }
  return initials;
}

class PersonalisationCheck final : public Check {
 public:
  void run(const CheckContext& context, std::vector<Diagnostic>& out) const override {
    const bool placeholder = placeholders(context, out);
    const bool reply = context.kind == "reply";
    const bool wrong_name = greeted_names(context, out);
    if (!reply) return;
    // A wrong name or an unfilled {{first_name}} is already the finding about the name.
    if (!wrong_name && !placeholder) addressed_by_name(context, out);
    apology_and_thanks(context, out);
    signature(context, out);
  }

 private:
  static bool placeholders(const CheckContext& context, std::vector<Diagnostic>& out) {
    bool found = false;
    for (const auto& token : context.text.tokens()) {
      if (token.kind != text::TokenKind::placeholder) continue;
      out.push_back(context.diagnostic(
          "personalisation.placeholder.unfilled", "personalisation", "placeholder", Severity::error,
          "“" + std::string(token.text) +
              "” is a template placeholder nobody filled in; the customer would see it as is",
          token.begin, token.end));
      found = true;
    }
    return found;
  }

  // "Hi Michael" when the customer is Daniel. After a greeting word, the capitalised words up
  // to the first comma-less break are the name (titles included: "Mr Smith", "Sra. Gómez");
  // so is a capitalised word or two between thanks or an apology and the end of the clause
  // ("Oh no, sorry Emily!", "Gracias, Cecilia."). The name is someone else's when none of
  // its words is the customer's and one of them is a name: a word the dictionary knows only
  // capitalised or not at all, or holds as a name too ("Peter", "Rosa"), unless it is a term
  // of address ("Sir", "Guapa") — so "Hi team", "Hola Equipo" and "Bonjour Madame" are left
  // alone.
  static bool greeted_names(const CheckContext& context, std::vector<Diagnostic>& out) {
    const Metadata& meta = context.post.meta;
    if (meta.customer.empty()) return false;  // a handle alone does not tell a person's name
    const auto* greeting = context.rules.lexicon("greeting");
    if (greeting == nullptr) return false;
    bool found = false;
    std::vector<std::string> customer = name_words(meta.customer);
    const std::vector<std::string> named = customer;  // not the handle's parts ("xx_gamer")
    for (const auto& w : name_words(meta.customer_handle)) customer.push_back(w);
    const std::vector<std::string> agent = name_words(meta.agent);
    const auto& tokens = context.text.tokens();
    struct Call {
      Span words;     // the greeting, the thanks or the apology
      bool vocative;  // thanks or an apology: the name must close the clause
    };
    std::vector<Call> calls_by_name;
    for (const Span& g : greeting->find_all(context.folded.folded)) {
      // Not "say hi to Michael", "Un saludo, Marta".
      if (opens_sentence(context, g.first)) calls_by_name.push_back({g, false});
    }
    for (const char* list : {"thanks", "apology"}) {
      if (const auto* words = context.rules.lexicon(list)) {
        for (const Span& w : words->find_all(context.folded.folded)) {
          calls_by_name.push_back({w, true});
        }
      }
    }
    std::vector<Span> reported;
    for (const auto& [call, vocative] : calls_by_name) {
      const std::size_t ge = call.second;
      std::size_t i = 0;
      while (i < tokens.size() && tokens[i].begin < ge) ++i;
      bool matched = false, misspelt = false;
      const text::Token* stranger = nullptr;
      const text::Token* first = nullptr;  // the first word taken
      std::size_t name_begin = ge;
      std::size_t name_end = ge;
      int taken = 0;
      for (; i < tokens.size() && taken < 4; ++i) {
        const auto& t = tokens[i];
        if (t.kind == text::TokenKind::punctuation) {
          if (t.text == "," && taken > 0) break;  // "Hola Marta, Gracias por…"
          if (vocative && taken > 0) break;       // "Thanks Emily. We…"
          if (t.text == "," || (t.text == "." && taken > 0)) continue;  // "Hi, Ana", "Sr. Gómez"
          break;
        }
        if (t.kind != text::TokenKind::word || !text::letter_case(t.text).first_upper) break;
        if (taken++ == 0) {
          name_begin = t.begin;
          first = &t;
        }
        const std::string folded = text::fold_term(t.text);
        if (calls(customer, folded)) matched = true;
        if (calls(agent, folded)) break;  // "Hello, Marcos here"
        // The customer's name misspelt, a word of the dictionary or not ("Ana" for Anna).
        misspelt = misspelt || misspells(named, folded);
        if (!matched && stranger == nullptr && names_someone(context, t.text, folded))
          stranger = &t;
        name_end = t.end;
      }
      // "Ciao Giada!", "Hola Pilar,": one capitalised word alone between a greeting that opens
      // the reply's sentence and a comma or the end of the clause is a name, even one the
      // dictionary knows as a word (giada, pilar, rose), unless it is a term of address or a
      // word of thanks, apology or greeting ("Hi, Thanks!").
      if (!vocative && !matched && stranger == nullptr && taken == 1 && ends_vocative(tokens, i)) {
        const bool called =
            std::any_of(calls_by_name.begin(), calls_by_name.end(), [&](const Call& c) {
              return c.words.first <= name_begin && name_begin < c.words.second;
            });
        if (!called && looks_like_a_name(first->text) &&
            !addresses_no_one_by_name(text::fold_term(first->text))) {
          stranger = first;
        }
      }
      if (matched || (stranger == nullptr && !misspelt)) continue;
      if (vocative && !closes_clause(tokens, i, taken)) continue;  // "sorry Emily had to wait"
      const bool again = std::any_of(reported.begin(), reported.end(),
                                     [&](const Span& r) { return r.first == name_begin; });
      if (again) continue;
      // Nothing after the name: a sign-off ("Saludos, Marta"), the writer's own name.
      bool words_follow = false;
      for (const auto& t : tokens) {
        words_follow = words_follow || (t.begin >= name_end && t.kind == text::TokenKind::word);
      }
      if (!words_follow) continue;
      Diagnostic d = context.diagnostic(
          "personalisation.name.wrong", "personalisation", "name", Severity::error,
          "the reply greets “" + context.text.nfc().substr(name_begin, name_end - name_begin) +
              "” but the customer is " + meta.customer +
              (misspelt ? ": check how they spell their name"
                        : ": a template or a copy-paste from another conversation?"),
          name_begin, name_end);
      d.suggestions.push_back(named.empty() ? meta.customer
                                            : std::string(first_word(meta.customer)));
      out.push_back(std::move(d));
      reported.push_back({name_begin, name_end});
      found = true;
    }
    return found;
  }

  // Whether a capitalised word where a name goes is one: unknown in lowercase ("Priya"), or a
  // name the dictionary holds besides a word ("Peter", "Rosa"); not a term of address.
  static bool names_someone(const CheckContext& context, std::string_view word,
                            const std::string& folded) {
    if (addresses_no_one_by_name(folded)) return false;
    return !context.speller.correct(text::lowercase(word)) || context.speller.proper_noun(word);
  }

  // Whether tokens[i], after the word a greeting names, ends the vocative: a comma, "!", "."
  // or an emoji, as in "Hi Rose, …", "Ciao Giada!".
  static bool ends_vocative(const std::vector<text::Token>& tokens, std::size_t i) {
    if (i == tokens.size()) return false;  // "Hi Rose" alone: nothing to go on
    const auto& next = tokens[i];
    return next.kind == text::TokenKind::emoji ||
           (next.kind == text::TokenKind::punctuation &&
            (next.text == "," || next.text == "!" || next.text == "."));
  }

  // Written as a given name is: a capital, then three or more lowercase letters ("Rose", not
  // "ALL", "Hi" or "McX").
  static bool looks_like_a_name(std::string_view word) {
    const text::LetterCase l = text::letter_case(word);
    return l.first_upper && l.upper == 1 && l.digits == 0 && l.code_points >= 3;
  }

  // Whether the one or two words a thanks or an apology names, ending before tokens[i], end
  // the clause: punctuation, an emoji or the end of the text follows.
  static bool closes_clause(const std::vector<text::Token>& tokens, std::size_t i, int taken) {
    if (taken > 2) return false;
    if (i == tokens.size()) return true;
    const auto& next = tokens[i];
    return next.kind == text::TokenKind::emoji ||
           (next.kind == text::TokenKind::punctuation && next.text != "'" && next.text != "-");
  }

  // Whether only mentions, emoji and punctuation come before `offset` in its sentence.
  static bool opens_sentence(const CheckContext& context, std::size_t offset) {
    const std::size_t start = context.text.sentence_start(offset);
    for (const auto& t : context.text.tokens()) {
      if (t.begin >= offset) break;
      if (t.begin < start) continue;
      if (t.kind == text::TokenKind::word || t.kind == text::TokenKind::number) return false;
    }
    return true;
  }

  static std::string_view first_word(const std::string& s) {
    const auto end = s.find(' ');
    return std::string_view(s).substr(0, end);
  }

  static void addressed_by_name(const CheckContext& context, std::vector<Diagnostic>& out) {
    const Metadata& meta = context.post.meta;
    if (meta.customer.empty() && meta.customer_handle.empty()) return;
    std::vector<std::string> names = name_words(meta.customer);
    for (const auto& w : name_words(meta.customer_handle)) names.push_back(w);
    const std::string handle = text::fold_term(meta.customer_handle);
    for (const auto& token : context.text.tokens()) {
      if (token.kind == text::TokenKind::mention) {
        std::string folded = text::fold_term(token.text);
        if (!handle.empty() && (folded == handle || "@" + handle == folded)) return;
      } else if (token.kind == text::TokenKind::word) {
        const bool capital = text::letter_case(token.text).first_upper;
        for (const auto& part : name_words(std::string(token.text))) {
          if (calls(names, part, capital)) return;
        }
      }
    }
    const std::string who = meta.customer.empty() ? meta.customer_handle : meta.customer;
    const std::string call =
        meta.customer.empty() ? meta.customer_handle : std::string(first_word(meta.customer));
    const auto [b, e] = first_sentence(context);
    Diagnostic d = context.diagnostic("personalisation.name.missing", "personalisation", "name",
                                      Severity::info,
                                      "the reply does not call " + who +
                                          " by name; a greeting with their "
                                          "name (“" +
                                          call + ", …”) shows a person read their message",
                                      b, e);
    d.suggestions.push_back(call);
    out.push_back(std::move(d));
  }

  static void apology_and_thanks(const CheckContext& context, std::vector<Diagnostic>& out) {
    const Metadata& meta = context.post.meta;
    if (meta.in_reply_to.empty()) return;
    const auto [b, e] = first_sentence(context);
    const auto* apology = context.rules.lexicon("apology");
    const auto* empathy = context.rules.lexicon("empathy");
    if (apology != nullptr && empathy != nullptr) {
      const CustomerMood mood = read_customer_mood(context);
      // An apology with a typo ("appologies") is still one: the typo gets its own warning.
      if (mood.complaint && !context.found_as_meant(*apology) &&
          !context.found_as_meant(*empathy)) {
        out.push_back(context.diagnostic(
            "personalisation.apology.missing", "personalisation", "apology", Severity::warning,
            "the customer is complaining (" + mood.evidence +
                ") and the reply neither apologises nor acknowledges how they feel; say sorry "
                "for what went wrong, or that you understand, before the solution",
            b, e));
      }
    }
    // Thanks are due for every message a customer takes the time to write, complaints
    // included; not when they are the one thanking ("You're welcome, Ana!").
    const auto* thanks = context.rules.lexicon("thanks");
    if (thanks == nullptr || context.found_as_meant(*thanks)) return;
    if (thanks->found_in(context.customer_message().folded)) return;
    out.push_back(context.diagnostic("personalisation.thanks.missing", "personalisation", "thanks",
                                     Severity::info,
                                     "the reply does not thank the customer; thank them for "
                                     "writing, even (especially) when they complain",
                                     b, e));
  }

  // signature: initials → the reply ends with the agent's initials ("^JM", "-JM", "– J.M.") or
  // name; signature: name → with the agent's name (first name or full).
  static void signature(const CheckContext& context, std::vector<Diagnostic>& out) {
    const std::string& mode = context.config.signature;
    if (mode != "initials" && mode != "name") return;
    const std::string& nfc = context.text.nfc();
    // The end of the last word: trailing emoji, punctuation and spaces do not hide a signature.
    std::size_t end = 0;
    for (const auto& token : context.text.tokens()) {
      if (token.kind == text::TokenKind::word) end = token.end;
    }
    const std::size_t last_line = nfc.rfind('\n', end == 0 ? 0 : end - 1);
    const std::size_t line_begin = last_line == std::string::npos ? 0 : last_line + 1;
    const Span where{line_begin, std::max(end, line_begin)};
    const std::string& agent = context.post.meta.agent;
    if (agent.empty()) {
      out.push_back(context.diagnostic(
          "personalisation.signature.no-agent", "personalisation", "signature", Severity::warning,
          "the configuration asks for a signature (signature: " + mode +
              ") but this reply has no `agent:` in its metadata, so nobody can tell whether it "
              "is signed; add the agent's name",
          where.first, where.second));
      return;
    }
    std::vector<std::string> forms;
    const auto words = name_words(agent);
    if (!words.empty()) {
      std::string full;
      for (const auto& w : words) full += (full.empty() ? "" : "\\s*") + RE2::QuoteMeta(w);
      forms.push_back(full);
      forms.push_back(RE2::QuoteMeta(words.front()));
    }
    std::string initials_pattern;
    for (char c : initials_of(agent)) {
      const char lower = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      initials_pattern += RE2::QuoteMeta(std::string(1, lower)) + "\\.?\\s?";
    }
    // A name may follow any break ("Un saludo, Marta"); initials need a signature mark or a
    // line of their own, so that a closing word that happens to be "M" is not taken for one.
    std::string pattern = "(?:^|[\\n,.!?:;\\^~*/]|-|–|—)\\s*(?:";
    for (std::size_t i = 0; i < forms.size(); ++i) pattern += (i ? "|" : "") + forms[i];
    pattern += ")\\s*$";
    const std::string initials_re = "(?:^|\\n|\\^|-|–|—|~|/|\\*)\\s*" + initials_pattern + "\\s*$";
    const std::string signed_part = text::fold(nfc.substr(0, end)).text;
    const bool by_name = !forms.empty() && RE2::PartialMatch(signed_part, RE2(pattern));
    const bool by_initials = mode == "initials" && !initials_pattern.empty() &&
                             RE2::PartialMatch(signed_part, RE2(initials_re));
    if (by_name || by_initials) return;
    const std::string expected =
        mode == "initials" ? "^" + initials_of(agent) : "– " + std::string(first_word(agent));
    Diagnostic d = context.diagnostic(
        "personalisation.signature.missing", "personalisation", "signature", Severity::warning,
        "the reply is not signed: end it with the agent's " +
            std::string(mode == "initials" ? "initials" : "name") + " (“" + expected +
            "”) so the customer knows a person answered",
        where.first, where.second);
    d.suggestions.push_back(expected);
    out.push_back(std::move(d));
  }
};

}  // namespace

std::unique_ptr<Check> make_personalisation_check() {
  return std::make_unique<PersonalisationCheck>();
}

}  // namespace brandlint::checks
