// The rule engine: term syntax, lists, exceptions, evasions, and errors with positions.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "rules/rule.hpp"
#include "rules/rule_set.hpp"
#include "test_support.hpp"
#include "text/analysed_text.hpp"

using namespace brandlint;

namespace {

constexpr const char* kRuleFile = R"YAML(lang: en
lists:
  nationality: [french, italian(s|), spaniard(s|)]
rules:
  - id: discrimination.nationality.typical
    category: discrimination
    subcategory: nationality
    severity: error
    message: "“{match}” stereotypes a nationality."
    explanation: Talk about the person, not their passport.
    terms:
      - "typical {{nationality}}"
    patterns:
      - '\b(?:all|those) {{nationality}} (?:are|always)\b'
    exceptions:
      - "typical french toast"
    examples:
      flag: ["Typical French customer", "All Italians are late"]
      pass: ["Our French stores", "A typical French toast recipe"]
  - id: tone.hostile.calm-down
    category: tone
    subcategory: hostile
    severity: warning
    message: "“{match}” sounds dismissive."
    link: https://example.com/tone
    applies_to: reply
    terms: ["calm(| yourself) down", "as (we|i) (already|) (told|said)"]
    examples:
      flag: ["Please calm down", "As we already told you"]
      pass: ["The market calmed down", "We told the team"]
  - id: discrimination.disability.slur
    category: discrimination
    subcategory: disability
    severity: error
    message: "“{match}” is a slur."
    explanation: Never acceptable.
    terms: ["retard(s|ed|)"]
    examples:
      flag: ["what a retard", "r3tard"]
      pass: ["flame retardant", "retardation of growth"]
)YAML";

std::unique_ptr<rules::RuleSet> compile(const std::string& yaml) {
  TempDir dir;
  const auto path = dir.write("en/own.yaml", yaml);
  auto file = rules::load_rule_file(path);
  REQUIRE_MESSAGE(file, (file ? "" : file.error().message));
  auto set = rules::RuleSet::compile("en", {file.value()});
  REQUIRE(set);
  return std::move(set.value());
}

std::vector<std::string> matches(const rules::RuleSet& set, const std::string& text,
                                 const std::string& kind = "") {
  text::AnalysedText analysed(text);
  rules::MatchInput input(analysed);
  std::vector<std::string> out;
  for (const auto& m : set.match(input, kind)) {
    out.push_back(m.rule->id + "=" + analysed.nfc().substr(m.begin, m.end - m.begin));
  }
  return out;
}

}  // namespace

TEST_CASE("terms match whole words, any case and accents, with compact inflections") {
  auto set = compile(kRuleFile);
  using V = std::vector<std::string>;
  CHECK(matches(*set, "Typical FRENCH customer!") ==
        V{"discrimination.nationality.typical=Typical FRENCH"});
  CHECK(matches(*set, "so typical spaniards") ==
        V{"discrimination.nationality.typical=typical spaniards"});
  CHECK(matches(*set, "All Italians are late") ==
        V{"discrimination.nationality.typical=All Italians are"});
  CHECK(matches(*set, "Our French stores open at 9").empty());
  CHECK(matches(*set, "typical frenchness").empty());  // not a whole word
}

TEST_CASE("exceptions cancel overlapping matches only") {
  auto set = compile(kRuleFile);
  CHECK(matches(*set, "A typical French toast recipe").empty());
  CHECK(matches(*set, "typical french toast, typical french waiter").size() == 1);
}

TEST_CASE("a file's own exception patterns cancel matches of every rule in it") {
  // The claim quoted in "saying ... is wrong" (group 1) cancels the rules' matches inside it.
  std::string yaml = kRuleFile;
  yaml.replace(yaml.find("rules:\n"), 7,
               "exception_patterns:\n"
               "  - '\\bsaying ([^.!?]+?) is wrong'\n"
               "rules:\n");
  auto set = compile(yaml);
  CHECK(matches(*set, "Saying all Italians are late is wrong.").empty());
  CHECK(matches(*set, "Saying you should calm down is wrong.", "reply").empty());
  // Outside the quoted claim, and without the frame, the rules still match.
  CHECK(matches(*set, "All Italians are late. Saying so is wrong.").size() == 1);
  CHECK(matches(*set, "I am saying all Italians are late.").size() == 1);
}

TEST_CASE("applies_to keeps reply rules out of posts") {
  auto set = compile(kRuleFile);
  CHECK(matches(*set, "Please calm down", "reply").size() == 1);
  CHECK(matches(*set, "Please calm down", "post").empty());
  CHECK(matches(*set, "as I said before", "reply").size() == 1);
}

TEST_CASE("evasions are matched through the skeleton and reported on the original text") {
  auto set = compile(kRuleFile);
  using V = std::vector<std::string>;
  CHECK(matches(*set, "what a r3tard") == V{"discrimination.disability.slur=r3tard"});
  CHECK(matches(*set, "what a ret@rd") == V{"discrimination.disability.slur=ret@rd"});
  CHECK(matches(*set, "r.e.t.a.r.d") == V{"discrimination.disability.slur=r.e.t.a.r.d"});
  CHECK(matches(*set, "flame retardant").empty());
}

TEST_CASE("a broken pattern is reported at its file:line with RE2's message") {
  TempDir dir;
  std::string yaml = kRuleFile;
  yaml.replace(yaml.find(R"('\b(?:all)"), 9, R"('\b(?:all|(?<x>)");
  const auto path = dir.write("en/broken.yaml", yaml);
  auto file = rules::load_rule_file(path);
  REQUIRE(file);
  auto set = rules::RuleSet::compile("en", {file.value()});
  REQUIRE_FALSE(set);
  CHECK(set.error().file == path);
  CHECK(set.error().line == 14);
  CHECK(set.error().message.find("bad pattern") == 0);
  CHECK(set.error().message.find("RE2") != std::string::npos);
}

TEST_CASE("rule files are validated with positions") {
  TempDir dir;
  auto load = [&](const std::string& yaml) {
    return rules::load_rule_file(dir.write("en/x.yaml", yaml));
  };
  auto unknown = load("rules:\n  - id: tone.hostile.x\n    sevrity: error\n");
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().line == 3);
  CHECK(unknown.error().message.find("unknown rule key 'sevrity'") == 0);

  auto type = load("rules:\n  - id: tone.hostile.x\n    terms: calm down\n");
  REQUIRE_FALSE(type);
  CHECK(type.error().message.find("'terms' must be a list") == 0);

  std::string few = kRuleFile;
  few.replace(few.find("flag: [\"Please calm down\", \"As we already told you\"]"), 52,
              "flag: [\"Please calm down\"]");
  auto examples = load(few);
  REQUIRE_FALSE(examples);
  CHECK(examples.error().message.find("at least two") != std::string::npos);

  auto id = load(
      "rules:\n  - id: hostile.calm\n    category: tone\n    subcategory: hostile\n"
      "    severity: warning\n    message: m\n    link: l\n    terms: [x]\n"
      "    examples: {flag: [x, x], pass: [y, y]}\n");
  REQUIRE_FALSE(id);
  CHECK(id.error().message.find("<category>.<subcategory>.<name>") != std::string::npos);
}

TEST_CASE("a term written as a pattern is reported at its place; the shipped packs have none") {
  TempDir dir;
  std::string yaml = kRuleFile;
  yaml.replace(yaml.find(R"("typical {{nationality}}")"), 25,
               "\"typical {{nationality}}\"\n      - \"colou?r blind\"\n      - \"code [0-9]+\"\n"
               "      - \"ma va?\"");
  const auto path = dir.write("en/own.yaml", yaml);
  auto file = rules::load_rule_file(path);
  REQUIRE(file);
  const auto warnings = rules::literal_term_warnings(file.value());
  REQUIRE(warnings.size() == 2);  // "ma va?" is a question, read as written
  CHECK(warnings[0].find(path + ":13:9: ") == 0);
  CHECK(warnings[0].find(R"("colou?r blind": '?' is literal)") != std::string::npos);
  CHECK(warnings[1].find(R"("code [0-9]+": '[' is literal)") != std::string::npos);
  // Which is why they are reported: the term never matches what its writer meant.
  auto set = rules::RuleSet::compile("en", {file.value()});
  REQUIRE(set);
  CHECK(matches(*set.value(), "Are you colour blind?").empty());

  for (const std::string lang : {"en", "es", "fr", "it"}) {
    for (const auto& entry : std::filesystem::directory_iterator(std::string(BRANDLINT_SOURCE_DIR) +
                                                                 "/rules/" + lang)) {
      auto shipped = rules::load_rule_file(entry.path().string());
      REQUIRE(shipped);
      const auto found = rules::literal_term_warnings(shipped.value());
      CHECK_MESSAGE(found.empty(), (found.empty() ? "" : found.front()));
    }
  }
}

TEST_CASE("duplicate ids across files are an error") {
  TempDir dir;
  auto a = rules::load_rule_file(dir.write("en/a.yaml", kRuleFile));
  auto b = rules::load_rule_file(dir.write("en/b.yaml", kRuleFile));
  REQUIRE(a);
  REQUIRE(b);
  auto set = rules::RuleSet::compile("en", {a.value(), b.value()});
  REQUIRE_FALSE(set);
  CHECK(set.error().message.find("duplicate rule id") == 0);
}

TEST_CASE("lists become lexicons the checks can query") {
  auto set = compile(kRuleFile);
  const auto* lexicon = set->lexicon("nationality");
  REQUIRE(lexicon != nullptr);
  CHECK(lexicon->found_in(text::fold("two Italians here")));
  CHECK_FALSE(lexicon->found_in(text::fold("Italy is lovely")));
}

TEST_CASE("whole-word terms are found at the text's edges, between any punctuation, side by side") {
  auto set = compile(kRuleFile);
  using V = std::vector<std::string>;
  CHECK(matches(*set, "typical french") == V{"discrimination.nationality.typical=typical french"});
  CHECK(matches(*set, "«Typical French»") ==
        V{"discrimination.nationality.typical=Typical French"});
  CHECK(matches(*set, "—typical spaniards—ugh") ==
        V{"discrimination.nationality.typical=typical spaniards"});
  // Two matches sharing the space between them.
  CHECK(matches(*set, "calm down calm down", "reply") ==
        V{"tone.hostile.calm-down=calm down", "tone.hostile.calm-down=calm down"});
  CHECK(matches(*set, "typical frenchman").empty());
  CHECK(matches(*set, "atypical french").empty());
  // Letters that folding leaves as they are (œ, ø, Greek, Cyrillic) are letters; emoji,
  // symbols and a non-breaking space are not.
  CHECK(matches(*set, "typical frenchœ").empty());
  CHECK(matches(*set, "øtypical french").empty());
  CHECK(matches(*set, "typical frenchλ").empty());
  CHECK(matches(*set, "typical frenchж").empty());
  CHECK(matches(*set, "typical french٣").empty());  // an Arabic-Indic digit
  CHECK(matches(*set, "🙄typical french🙄") ==
        V{"discrimination.nationality.typical=typical french"});
  CHECK(matches(*set, "€typical\u00a0french©") ==
        V{"discrimination.nationality.typical=typical\u00a0french"});
  // Scripts written without spaces between words end a word where they start.
  CHECK(matches(*set, "典型typical french的") ==
        V{"discrimination.nationality.typical=typical french"});
  // A lexicon reports each word's span in the text as written.
  const auto* lexicon = set->lexicon("nationality");
  REQUIRE(lexicon != nullptr);
  const std::string text = "Français? No: ITALIANS, spaniards…";
  std::vector<std::string> found;
  for (const auto& [b, e] : lexicon->find_all(text::fold(text))) {
    found.push_back(text.substr(b, e - b));
  }
  CHECK(found == V{"ITALIANS", "spaniards"});
}

TEST_CASE("a pattern built from lists needs only the lists it cannot match without") {
  auto set = compile(R"YAML(lang: en
lists:
  group: [women, men]
  intens: [so, really]
  pred: [lazy, stupid]
rules:
  - id: discrimination.gender.generalisation
    category: discrimination
    subcategory: gender
    severity: error
    message: "“{match}” stereotypes a gender."
    explanation: Talk about the person.
    patterns:
      - '\b(?:{{group}}|people like you) are (?:{{intens}} )?{{pred}}\b'
      - '\b{{pred}}, (?:like|as) (?:all|most) {{group}}\b'
    examples:
      flag: ["Women are lazy", "lazy, like all men"]
      pass: ["Women are great", "Lazy people, like all of us"]
)YAML");
  // Neither the optional list nor one branch of an alternative is needed.
  CHECK(matches(*set, "Women are lazy").size() == 1);
  CHECK(matches(*set, "men are really stupid").size() == 1);
  CHECK(matches(*set, "People like you are lazy").size() == 1);
  CHECK(matches(*set, "Stupid, like all men").size() == 1);
  CHECK(matches(*set, "Women are great, and nobody is lazy").empty());
  CHECK(matches(*set, "Customers are lazy").empty());
}

TEST_CASE("lists a pattern may need in the middle of a word are screened from every position") {
  // The set looks for a list's words from word starts only when every pattern using the list
  // puts a non-word character (or the text's start) before it; these patterns do not, and
  // must still match.
  auto set = compile(R"YAML(lang: en
lists:
  mood: [happy, friendly]
  pred: [lazy, stupid]
  start: [lazy, slow]
  after: [team, crew]
  plain: [rude, cold]
rules:
  - id: tone.hostile.inside-words
    category: tone
    subcategory: hostile
    severity: warning
    message: "“{match}” is unfriendly."
    explanation: Be kind.
    patterns:
      - '\bun{{mood}}\b'
      - '{{start}}bones\b'
      - '\bsuper ?{{pred}}\b'
      - '\b(?:all |those )?{{after}} (?:is|are) late\b'
      - '(?:^|[.!?] ?){{plain}} staff\b'
    examples:
      flag: ["So unhappy with you", "lazybones", "superstupid", "the team is late",
             "Rude staff here", "Fine. cold staff"]
      pass: ["happy to help", "lazy bones", "super", "Steam is late", "Prude staff"]
)YAML");
  CHECK(matches(*set, "You are so unfriendly").size() == 1);
  CHECK(matches(*set, "what a slowbones").size() == 1);
  CHECK(matches(*set, "oneslowbones").size() == 1);
  CHECK(matches(*set, "superlazy").size() == 1);
  CHECK(matches(*set, "super lazy").size() == 1);
  CHECK(matches(*set, "Those crew are late").size() == 1);
  CHECK(matches(*set, "Great!rude staff").size() == 1);
  CHECK(matches(*set, "the screw are late").empty());
  CHECK(matches(*set, "Very rude staff").empty());
}

TEST_CASE("a list after an optional space is looked for right after the words before it") {
  // `(?:un|une|d') ?{{x}}` matches "unrom" too: the list's words may follow "un" or "une"
  // with nothing between. They are looked for there, not inside every word.
  const std::string yaml = R"YAML(lang: en
lists:
  group: [rom, lazy]
  pred: [bad, slow]
  adj: [tired, sleepy]
rules:
  - id: discrimination.race.glued
    category: discrimination
    subcategory: race
    severity: error
    message: "“{match}” stereotypes a group."
    explanation: Never acceptable.
    patterns:
      - '\b(?:un|une|d'') ?(?:(?:vrai|sale) )?{{group}} (?:is|are) {{pred}}\b'
      - '\bsuper ?{{adj}} people\b'
    examples:
      flag: ["un rom is bad", "unrom is bad", "une sale rom is slow", "d'rom is bad",
             "supertired people"]
      pass: ["the promo is bad", "aromatic is bad", "super people"]
)YAML";
  // A word that only holds the lists' words wakes no pattern: nothing is compiled.
  const auto quiet = compile(yaml);
  CHECK(matches(*quiet, "the promo is bad, aromatic ones are slow").empty());
  CHECK(matches(*quiet, "superb people, untired").empty());
  CHECK(quiet->expressions_compiled() == 0);
  CHECK(matches(*quiet, "you rom is bad").empty());  // "rom" starts a word: it runs
  CHECK(quiet->expressions_compiled() == 1);
  // Every spelling the patterns match is found.
  const auto set = compile(yaml);
  for (const char* text :
       {"un rom is bad", "unrom is bad", "uneROM is slow", "une vrai lazy is slow", "d'rom is bad",
        "supersleepy people", "super tired people"}) {
    CAPTURE(std::string(text));
    CHECK(matches(*set, text).size() == 1);
  }
  // Without \b before them, the optional words may end another word and the list follow
  // them ("abcunelazy", "xunrom").
  std::string loose = yaml;
  loose.replace(loose.find("'\\b(?:un|une|d'')"), 3, "'");
  const auto anywhere = compile(loose);
  CHECK(matches(*anywhere, "abcunelazy is slow").size() == 1);
  CHECK(matches(*anywhere, "xunrom is bad").size() == 1);
  // An escape before the space is no word to glue: \pL is any letter.
  std::string letter = yaml;
  letter.replace(letter.find("'\\bsuper ?"), 10, "'\\pL ?");
  const auto any_letter = compile(letter);
  CHECK(matches(*any_letter, "xtired people").size() == 1);
  CHECK(matches(*any_letter, "a sleepy people").size() == 1);
}

TEST_CASE("the patterns' readings are kept in the cache, and read again when stale or damaged") {
  TempDir tmp;
  ScopedEnv cache("BRANDLINT_CACHE_DIR", tmp.path("cache"));
  const std::string yaml = R"YAML(lang: en
lists:
  group: [millennials, boomers]
  pred: [lazy, entitled]
rules:
  - id: discrimination.age.generalisation
    category: discrimination
    subcategory: age
    severity: error
    message: "“{match}” stereotypes an age group."
    explanation: Never acceptable.
    patterns:
      - '\b(?:all |those )?{{group}} are (?:so )?{{pred}}\b'
      - '\bok,? boomer\b'
    examples:
      flag: ["millennials are lazy", "OK boomer"]
      pass: ["our millennials team", "ok"]
)YAML";
  const std::string path = tmp.write("en/own.yaml", yaml);
  auto compile_file = [&] {
    auto file = rules::load_rule_file(path);
    REQUIRE(file);
    auto set = rules::RuleSet::compile("en", {file.value()});
    REQUIRE(set);
    return std::move(set.value());
  };
  auto read = [](const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
  };
  auto readings = [&] {
    std::vector<std::filesystem::path> out;
    for (const auto& e : std::filesystem::directory_iterator(tmp.path("cache"))) {
      if (e.path().extension() == ".readings") out.push_back(e.path());
    }
    return out;
  };
  const std::string text = "Those boomers are so entitled. Ok, boomer.";
  CHECK(matches(*compile_file(), text).size() == 2);
  REQUIRE(readings().size() == 1);
  const auto file = readings().front();
  const std::string saved = read(file);
  SUBCASE("read back, and left as it is") {
    CHECK(matches(*compile_file(), text).size() == 2);
    CHECK(read(file) == saved);
  }
  SUBCASE("damaged: read again and written anew") {
    std::string bytes = saved;
    bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x20);
    std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
    CHECK(matches(*compile_file(), text).size() == 2);
    CHECK(read(file) == saved);
  }
  SUBCASE("stale: the rule file changed, its patterns are read again") {
    std::string changed = yaml;
    changed.replace(changed.find("\\bok,? boomer"), 13, "\\bokay,? boomer");
    tmp.write("en/own.yaml", changed);
    CHECK(matches(*compile_file(), text).size() == 1);
    CHECK(matches(*compile_file(), "Okay boomer").size() == 1);
    REQUIRE(readings().size() == 1);
    CHECK(read(readings().front()) != saved);
  }
}

TEST_CASE("a rule file that is not UTF-8 is refused at its place, whatever the cache holds") {
  TempDir tmp;
  ScopedEnv cache("BRANDLINT_CACHE_DIR", tmp.path("cache"));
  const std::string good = std::string(kRuleFile);
  std::string bad = good;
  bad.replace(bad.find("Never acceptable."), 5, "Nev\xC3r");  // a lead byte, no follower
  const std::string path = tmp.path("en/own.yaml");
  for (int round = 0; round < 2; ++round) {  // the second time with the good file's parse cached
    CAPTURE(round);
    tmp.write("en/own.yaml", good);
    REQUIRE(rules::load_rule_file(path));
    tmp.write("en/own.yaml", bad);
    const auto refused = rules::load_rule_file(path);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message.find("invalid UTF-8") != std::string::npos);
    CHECK(refused.error().line > 1);
  }
}

TEST_CASE("ordinary words that hold a group's name wake no discrimination pattern") {
  // "promis", "chromé", "aromatique", "promozione": "rom" and "roma" (the Roma) are in the
  // French and Italian group lists, which patterns such as `\b(?:un|une|d') ?{{people_noun}}`
  // may glue to "un" or "une". The sentence compiles no more expressions than one without
  // those words.
  struct Case {
    std::string lang, plain, holding;
  };
  for (const Case& c : {Case{"fr", "Comme prévu, votre code et un flacon doré.",
                             "Comme promis, votre code et un flacon chromé aromatique."},
                        Case{"it", "Come previsto, ecco il codice e un dolce.",
                             "Come promesso, ecco la promozione e un aroma di caffè."}}) {
    CAPTURE(c.lang);
    auto compiled_by = [&](const std::string& text) {
      std::vector<rules::RuleFile> files;
      for (const auto& entry : std::filesystem::directory_iterator(
               std::string(BRANDLINT_SOURCE_DIR) + "/rules/" + c.lang)) {
        auto file = rules::load_rule_file(entry.path().string());
        REQUIRE(file);
        files.push_back(std::move(file.value()));
      }
      auto set = rules::RuleSet::compile(c.lang, std::move(files));
      REQUIRE(set);
      CHECK(matches(*set.value(), text).empty());
      return set.value()->expressions_compiled();
    };
    CHECK(compiled_by(c.holding) == compiled_by(c.plain));
  }
}
