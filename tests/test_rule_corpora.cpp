// tests/corpus/<lang>/: sentences written apart from the rules' own examples. flag.txt holds
// "<rule prefix><TAB><text>" lines every one of which must be reported under that prefix;
// clean.txt holds ordinary brand posts and replies on the same topics (nationalities, faiths,
// sport, politics in the news, "the black model", "our senior team") on which no rule may
// report anything above info. Spelling is left out of clean.txt's promise: it holds names
// and places a team would add to its own word list.
#include <doctest/doctest.h>

#include <fstream>

#include "reply_test_support.hpp"

namespace {

std::vector<std::string> lines_of(const std::string& path) {
  std::ifstream in(path);
  REQUIRE_MESSAGE(in.good(), path);
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line[0] != '#') out.push_back(line);
  }
  return out;
}

}  // namespace

TEST_CASE("rule corpora: every flag sentence is reported, no clean sentence is") {
  for (const char* lang : {"en", "es", "fr", "it"}) {
    const std::string dir = std::string(BRANDLINT_SOURCE_DIR) + "/tests/corpus/" + lang + "/";
    std::size_t caught = 0, flagged = 0, clean = 0, quiet = 0;
    for (const auto& line : lines_of(dir + "flag.txt")) {
      const auto tab = line.find('\t');
      REQUIRE_MESSAGE(tab != std::string::npos, line);
      const std::string prefix = line.substr(0, tab);
      reply_test::Reply r(lang, line.substr(tab + 1));
      ++flagged;
      bool found = false;
      for (const auto& d : reply_test::lint_with(reply_test::default_linter(), r)) {
        found = found || d.rule.rfind(prefix, 0) == 0;
      }
      CHECK_MESSAGE(found, std::string(lang) << ": not reported as " << prefix << ": " << r.text);
      if (found) ++caught;
    }
    for (const auto& text : lines_of(dir + "clean.txt")) {
      reply_test::Reply r(lang, text);
      ++clean;
      bool silent = true;
      for (const auto& d : reply_test::lint_with(reply_test::default_linter(), r)) {
        if (d.category == "spelling" || d.severity == brandlint::Severity::info) continue;
        silent = false;
        CHECK_MESSAGE(false, std::string(lang)
                                 << ": " << d.rule << " on \"" << d.match << "\" in: " << text);
      }
      if (silent) ++quiet;
    }
    CHECK(flagged >= 70);
    CHECK(clean >= 80);
    MESSAGE(std::string(lang) << ": " << caught << "/" << flagged << " flag sentences reported, "
                              << quiet << "/" << clean << " clean sentences silent");
  }
}

TEST_CASE("a statement about a group reported to condemn it is a note; asserted, it fails") {
  const auto& linter = reply_test::default_linter();
  auto worst = [&](const std::string& lang, const std::string& text) {
    reply_test::Reply r(lang, text);
    r.kind = "post";
    brandlint::Severity s = brandlint::Severity::info;
    bool any = false;
    for (const auto& d : reply_test::only(reply_test::lint_with(linter, r), "discrimination.")) {
      any = true;
      s = std::max(s, d.severity);
    }
    return std::pair{any, s};
  };
  // Reported (after a verb of saying, or in quotes) in a post that condemns it: still shown,
  // as a note.
  for (const auto& example : std::vector<std::pair<std::string, std::string>>{
           {"en", "My neighbour posted that Mexicans are all criminals. Pure racism."},
           {"en", "A guy on the bus was shouting that Muslims are terrorists, so I reported him."},
           {"en", "The court convicted a man for threatening to burn down a mosque."},
           {"en", "Jews do not control the media, that's an antisemitic myth."},
           {"en", "Statements like \"refugees are animals\" are why we report hate speech."},
           {"es",
            "Mi cuñado dijo que los inmigrantes son parásitos y le dejé claro que se equivocaba."},
           {"fr",
            "« Tous les musulmans sont des terroristes », ce n'est pas une opinion, c'est du "
            "racisme."},
           {"it", "Chi scrive che i trans sono pericolosi sta diffondendo odio, e io lo segnalo."},
           {"fr", "Si tu penses que les musulmans sont des animaux, tu fais partie du problème."},
           {"it", "Se pensi che gli immigrati siano animali, sei parte del problema."},
           // Moderation and rebuttal words condemn too.
           {"en",
            "Someone commented \"women are useless drivers\" under our ad. That's an insult to "
            "every customer we have."},
           {"en", "\"Old people are a burden\"? Not on our page."},
           {"es", "Un cliente escribió que los inmigrantes son parásitos. Bloqueamos su cuenta."},
           {"fr", "« Les femmes ne savent pas conduire » : nos chiffres disent le contraire."},
           {"it",
            "Qualcuno ha scritto che gli immigrati sono parassiti: commenti come questo li "
            "blocchiamo."},
           // A slur quoted as a word in a moderation notice; a denial in an earlier sentence
           // ("tu n'es pas seul") does not undo the condemnation after it.
           {"en", "'Retard' is not a joke word, and we will remove comments that use it."},
           {"fr",
            "Si quelqu'un te traite de « pédé », tu n'es pas seul. Signale-le, on est avec toi."},
           {"it", "Qualcuno ha scritto 'frocio' a un cliente: commento rimosso e utente bloccato."},
           {"it", "Chi usa 'clandestini' o 'invasori' per insultare le persone verrà bloccato."}}) {
    const std::string& text = example.second;  // clang 14: no structured bindings in CAPTURE
    CAPTURE(text);
    const auto [any, severity] = worst(example.first, text);
    CHECK(any);
    CHECK(severity == brandlint::Severity::info);
  }
  // Asserted, or "condemned" only to be denied ("not racist", "call me racist"), or a slur
  // written out: as before.
  for (const auto& example : std::vector<std::pair<std::string, std::string>>{
           {"en", "Mexicans are all criminals, and that's not racist, it's a fact."},
           {"en", "Call me racist, but my uncle said refugees are animals and he's right."},
           {"en", "Mexicans are all criminals."},
           {"en", "I'd never hire an immigrant, they steal and they lie."},
           {"es", "Los inmigrantes son parásitos y no es racismo decirlo."},
           {"fr", "Mon oncle pense que les musulmans sont des animaux, et il a raison."},
           {"en", "Women are useless drivers. That's an insult to nobody."},
           {"en", "Immigrants are parasites, and I'll say it again: block me if you like."},
           {"en",
            "The referee is a faggot, report me if you want, I don't care if that's "
            "homophobic."},
           // A slur used, not quoted, next to a moderation word; or quoted with no condemnation.
           {"en", "Shut up, retard, or I'll report you."},
           {"it", "Sei proprio un 'frocio', altro che storie."}}) {
    const std::string& text = example.second;  // clang 14: no structured bindings in CAPTURE
    CAPTURE(text);
    const auto [any, severity] = worst(example.first, text);
    CHECK(any);
    CHECK(severity >= brandlint::Severity::warning);
  }
}

TEST_CASE("a hateful claim about a group is found in any word order, once, and not when denied") {
  const auto& linter = reply_test::default_linter();
  auto found = [&](const std::string& lang, const std::string& text) {
    reply_test::Reply r(lang, text);
    r.kind = "post";
    return reply_test::only(reply_test::lint_with(linter, r), "discrimination.");
  };
  // The claim wherever the group is named: before it in the sentence, or as "they" next.
  for (const auto& example : std::vector<std::pair<std::string, std::string>>{
           {"en", "Black people ruin every neighbourhood they move into, just look."},
           {"en", "Saw more immigrants in town today. Honestly they're invaders."},
           {"es", "Los gitanos arruinan todos los barrios a los que llegan."},
           {"fr", "Les migrants, c'est une invasion de rats."},
           {"it", "I rom rovinano ogni quartiere dove arrivano."}}) {
    const std::string& text = example.second;  // clang 14: no structured bindings in CAPTURE
    CAPTURE(text);
    const auto d = found(example.first, text);
    REQUIRE_FALSE(d.empty());
    CHECK(d.front().severity == brandlint::Severity::error);
  }
  // "Muslims are vermin" is dehumanising: one finding, not that and a generalisation too.
  const auto once = found("en", "Muslims are vermin.");
  REQUIRE(once.size() == 1);
  CHECK(once.front().rule == "discrimination.religion.dehumanising");
  // Denied, the claim is no claim.
  for (const auto& example : std::vector<std::pair<std::string, std::string>>{
           {"en", "Refugees are not invaders, they are families."},
           {"es", "Los judíos no controlan los medios, eso es un bulo."},
           {"it", "Gli immigrati non rubano il lavoro a nessuno."}}) {
    const std::string& text = example.second;
    CAPTURE(text);
    for (const auto& d : found(example.first, text)) {
      INFO(d.rule << " on " << d.match);
      CHECK(d.severity == brandlint::Severity::info);
    }
  }
}
