// The suggester's tables cached on disk (Suggester::load with a cache folder), and the en_GB
// pre-check built on them (SpellerPool::might_accept). Real dictionaries, copied to a
// temporary folder where a test can change them.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <hunspell/hunspell.hxx>
#include <map>
#include <optional>
#include <sstream>

#include "../bench/misspelling_sample.hpp"
#include "spelling/speller.hpp"
#include "spelling/suggester.hpp"
#include "spelling/suggestion_memo.hpp"
#include "test_support.hpp"

using namespace brandlint;
namespace fs = std::filesystem;

namespace {

std::vector<fs::path> files_ending(const std::string& dir, const std::string& extension) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.path().extension() == extension) out.push_back(e.path());
  }
  return out;
}

std::vector<fs::path> cache_files(const std::string& dir) { return files_ending(dir, ".tables"); }

// The words of a test corpus file (tests/corpus/...), without the punctuation around them;
// an apostrophe ending a word ("customers'") stays when `keep_final_apostrophe`.
std::vector<std::string> corpus_words(const std::string& file, bool keep_final_apostrophe = false) {
  std::vector<std::string> words;
  std::ifstream in(std::string(BRANDLINT_SOURCE_DIR) + "/tests/corpus/" + file);
  std::string token;
  while (in >> token) {
    while (!token.empty() && std::ispunct(static_cast<unsigned char>(token.back())) &&
           !(keep_final_apostrophe && token.back() == '\'')) {
      token.pop_back();
    }
    while (!token.empty() && std::ispunct(static_cast<unsigned char>(token.front()))) {
      token.erase(0, 1);
    }
    if (!token.empty()) words.push_back(token);
  }
  return words;
}

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// A copy of en_US in `dir`, and suggestions through the copy.
struct EnglishCopy {
  std::string aff, dic;
  std::unique_ptr<Hunspell> hunspell;
  explicit EnglishCopy(const fs::path& dir) {
    fs::create_directories(dir);
    aff = (dir / "en_US.aff").string();
    dic = (dir / "en_US.dic").string();
    fs::copy_file("/usr/share/hunspell/en_US.aff", aff);
    fs::copy_file("/usr/share/hunspell/en_US.dic", dic);
    hunspell = std::make_unique<Hunspell>(aff.c_str(), dic.c_str());
  }
  std::unique_ptr<spelling::Suggester> load(const std::string& cache) const {
    auto s = spelling::Suggester::load(aff, dic, "UTF-8", "en_US", cache);
    REQUIRE(s != nullptr);
    return s;
  }
  std::vector<std::vector<std::string>> suggest_all(const spelling::Suggester& s,
                                                    const std::vector<std::string>& words) const {
    std::vector<std::vector<std::string>> out;
    for (const auto& w : words) {
      out.push_back(
          s.suggest(w, 3, [&](const std::string& x, std::string*) { return hunspell->spell(x); }));
    }
    return out;
  }
};

// A copy of en_US in a temporary folder, and a cache folder beside it.
struct CachedEnglish {
  TempDir tmp;
  EnglishCopy en{tmp.path("dict")};
  const std::string cache = tmp.path("cache");
};

std::vector<std::string> misspelt_words() {
  const auto rows =
      bench::read_misspellings(std::string(BRANDLINT_SHARED_DIR) + "/data/misspellings", "en");
  std::vector<std::string> words;
  for (std::size_t i = 0; i < rows.size() && words.size() < 80; i += 37) {
    words.push_back(rows[i].wrong);
  }
  REQUIRE(words.size() >= 40);
  return words;
}

}  // namespace

TEST_CASE_FIXTURE(
    CachedEnglish,
    "tables read back from the cache give the same suggestions as tables just built") {
  const auto words = misspelt_words();

  const auto fresh = en.load("");
  CHECK_FALSE(fresh->from_cache());
  const auto expected = en.suggest_all(*fresh, words);

  const auto first = en.load(cache);  // builds, then writes the file
  CHECK_FALSE(first->from_cache());
  REQUIRE(cache_files(cache).size() == 1);
  const auto second = en.load(cache);
  CHECK(second->from_cache());
  CHECK(second->form_count() == fresh->form_count());
  CHECK(en.suggest_all(*second, words) == expected);
  CHECK(expected[0].size() > 0);
}

TEST_CASE_FIXTURE(CachedEnglish, "a damaged, cut or stale cache file is rebuilt, never trusted") {
  const auto words = misspelt_words();
  const auto expected = en.suggest_all(*en.load(""), words);
  en.load(cache);
  const fs::path file = cache_files(cache).at(0);
  const std::string good = read_all(file);

  SUBCASE("one byte changed in the middle") {
    std::string bad = good;
    bad[bad.size() / 2] = static_cast<char>(bad[bad.size() / 2] ^ 0x5A);
    std::ofstream(file, std::ios::binary | std::ios::trunc) << bad;
  }
  SUBCASE("cut in half") {
    std::ofstream(file, std::ios::binary | std::ios::trunc) << good.substr(0, good.size() / 2);
  }
  SUBCASE("empty") { std::ofstream(file, std::ios::binary | std::ios::trunc); }

  const auto reloaded = en.load(cache);
  CHECK_FALSE(reloaded->from_cache());
  CHECK(en.suggest_all(*reloaded, words) == expected);
  CHECK(read_all(file) == good);  // rewritten whole
  CHECK(en.load(cache)->from_cache());
}

TEST_CASE_FIXTURE(CachedEnglish, "a changed dictionary gets new tables") {
  en.load(cache);
  REQUIRE(en.load(cache)->from_cache());
  // A word added to the dictionary (a newer package, a user's own .dic) must be suggested.
  {
    std::ofstream out(en.dic, std::ios::app);
    out << "Brandlintova\n";
  }
  const auto changed = en.load(cache);
  CHECK_FALSE(changed->from_cache());
  CHECK(changed->is_form("Brandlintova"));
  CHECK_FALSE(changed->is_form("brandlintova"));  // a name, as Hunspell reads it
  CHECK(cache_files(cache).size() == 1);          // the new tables replace the old, not pile up
  CHECK(en.load(cache)->from_cache());
}

TEST_CASE_FIXTURE(CachedEnglish, "tables read in place from the cache outlive the file") {
  const auto words = misspelt_words();
  const auto expected = en.suggest_all(*en.load(""), words);
  en.load(cache);
  const auto mapped = en.load(cache);
  REQUIRE(mapped->from_cache());
  // The file is mapped, not copied: another run replacing it, or the user clearing the cache
  // folder, must not change the tables of a suggester already loaded.
  en.load(tmp.path("other"));
  fs::rename(cache_files(tmp.path("other")).at(0), cache_files(cache).at(0));
  fs::remove_all(cache);
  CHECK(en.suggest_all(*mapped, words) == expected);
}

TEST_CASE("a cache folder that cannot be written only means no cache") {
  TempDir tmp;
  EnglishCopy en(tmp.path("dict"));
  const fs::path blocker = tmp.path("not-a-folder");
  std::ofstream(blocker) << "a file where the cache folder would go\n";
  const auto s = en.load((blocker / "cache").string());
  CHECK_FALSE(s->from_cache());
  CHECK(s->is_form("received"));
  CHECK(en.suggest_all(*s, {"recieved"}).at(0).at(0) == "received");
}

TEST_CASE("without a cache, British English is asked through Hunspell") {
  ScopedEnv off("BRANDLINT_CACHE_DIR", "off");
  auto opened = spelling::SpellerPool::open("en-GB", {"/usr/share/hunspell"}, {});
  REQUIRE(opened);
  // Building the tables just to say no would cost more than loading Hunspell.
  CHECK(opened.value()->might_accept("mesage"));
  CHECK_FALSE(opened.value()->correct("mesage"));
}

TEST_CASE("in a cache folder that starts empty, British English is asked through Hunspell") {
  // A CI job that does not keep its cache folder would build the tables on every run.
  TempDir tmp;
  ScopedEnv cache("BRANDLINT_CACHE_DIR", tmp.path("cache"));
  auto opened = spelling::SpellerPool::open("en-GB", {"/usr/share/hunspell"}, {});
  REQUIRE(opened);
  CHECK(opened.value()->might_accept("mesage"));
  CHECK_FALSE(opened.value()->correct("mesage"));
  CHECK(cache_files(tmp.path("cache")).empty());
}

TEST_CASE("British English is asked only about words it may hold") {
  TempDir tmp;
  ScopedEnv cache("BRANDLINT_CACHE_DIR", tmp.path("cache"));
  keep_from_earlier_run(tmp.path("cache"));
  auto opened = spelling::SpellerPool::open("en-GB", {"/usr/share/hunspell"}, {});
  REQUIRE(opened);
  const auto& gb = *opened.value();
  for (const char* word :
       {"colour", "Colours", "favourite", "organisation's", "centre", "travelling", "cancelled",
        "programme", "analysed", "catalogue", "behaviour", "defence", "licence", "jewellery",
        "manoeuvre", "colour-coded", "well-organised", "honour’s"}) {
    CAPTURE(std::string(word));
    CHECK(gb.might_accept(word));
    CHECK(gb.correct(word));
  }
  // Typos and names answer no without loading Hunspell.
  for (const char* word : {"mesage", "recieve", "teh", "Oyelaran", "colur", "well-organsed"}) {
    CAPTURE(std::string(word));
    CHECK_FALSE(gb.might_accept(word));
  }
  // What the forms cannot answer goes to Hunspell.
  for (const char* word : {"21st", "etc.", "B2B"}) CHECK(gb.might_accept(word));

  // Never a wrong no: every word of the test corpora that en_GB accepts passes the pre-check.
  std::size_t words = 0;
  for (const char* file : {"en/clean.txt", "en/flag.txt", "polite/en.txt", "hostile/replies.txt"}) {
    for (const std::string& token : corpus_words(file, true)) {
      if (!gb.correct(token)) continue;
      ++words;
      CAPTURE(token);
      CHECK(gb.might_accept(token));
    }
  }
  CHECK(words > 2000);
}

TEST_CASE("the language detector's votes come from cached tables, as Hunspell would give them") {
  TempDir tmp;
  ScopedEnv cache("BRANDLINT_CACHE_DIR", tmp.path("cache"));
  const std::map<std::string, std::string> corpora = {{"es", "polite/es.txt"},
                                                      {"fr", "polite/fr.txt"},
                                                      {"it", "polite/it.txt"},
                                                      {"en", "polite/en.txt"}};
  for (const auto& corpus : corpora) {
    const std::string lang = corpus.first;  // a copy: CAPTURE cannot take a structured binding
    CAPTURE(lang);
    {
      auto first = spelling::SpellerPool::open(lang, {"/usr/share/hunspell"}, {"brandlint"});
      REQUIRE(first);
      // Nothing cached yet: the detector must ask Hunspell, not wait for tables to be built.
      CHECK_FALSE(first.value()->form_at_hand("grazie").has_value());
      CHECK(first.value()->form_at_hand("Brandlint") == std::optional<bool>(true));  // a user word
      first.value()->suggest("recieved", 3);  // builds the tables and caches them
    }
    auto pool = spelling::SpellerPool::open(lang, {"/usr/share/hunspell"}, {});
    REQUIRE(pool);
    const auto& p = *pool.value();
    CHECK_FALSE(p.form_at_hand("21st").has_value());  // not only letters: Hunspell's call
    CHECK(p.form_at_hand("qzxwvkj") == std::optional<bool>(false));
    // Every word of the polite corpora, in this language and the three others, gets the vote
    // Hunspell gives it.
    std::size_t words = 0, agree = 0;
    for (const auto& other : corpora) {
      for (const std::string& token : corpus_words(other.second)) {
        const auto quick = p.form_at_hand(token);
        if (!quick) continue;
        ++words;
        agree += *quick == p.correct(token);
      }
    }
    MESSAGE(lang << ": tables and Hunspell agree on " << agree << "/" << words << " words");
    CHECK(words > 3000);
    CHECK(agree == words);
  }
}

TEST_CASE(
    "a word the cached tables surely hold is one Hunspell accepts: spelling gives the same "
    "verdict without loading Hunspell") {
  TempDir tmp;
  ScopedEnv cache("BRANDLINT_CACHE_DIR", tmp.path("cache"));
  struct Dictionary {
    const char* lang;
    const char* file;
  };
  for (const Dictionary d :
       {Dictionary{"en", "en_US"}, Dictionary{"en-GB", "en_GB"}, Dictionary{"es", "es_ES"},
        Dictionary{"fr", "fr_FR"}, Dictionary{"it", "it_IT"}}) {
    CAPTURE(std::string(d.lang));
    const std::string base = std::string("/usr/share/hunspell/") + d.file;
    Hunspell hunspell((base + ".aff").c_str(), (base + ".dic").c_str());
    spelling::SpellerPool::open(d.lang, {"/usr/share/hunspell"}, {})
        .value()
        ->suggest("recieved", 3);  // builds and caches the tables
    auto pool = spelling::SpellerPool::open(d.lang, {"/usr/share/hunspell"}, {});
    REQUIRE(pool);
    // Real misspellings and their corrections, and every word of the test corpora, in every
    // case they were written: mixed case (OCaml for Ocaml), elisions (c'est in Italian),
    // forbidden words and compound parts are left to Hunspell.
    std::vector<std::string> words;
    const auto rows = bench::read_misspellings(
        std::string(BRANDLINT_SHARED_DIR) + "/data/misspellings", std::string(d.lang, 2));
    for (std::size_t i = 0; i < rows.size(); i += 3) {
      words.push_back(rows[i].wrong);
      words.push_back(rows[i].right);
    }
    for (const char* file :
         {"polite/en.txt", "polite/es.txt", "polite/fr.txt", "polite/it.txt", "en/clean.txt",
          "es/clean.txt", "fr/clean.txt", "it/clean.txt", "hostile/replies.txt"}) {
      const auto more = corpus_words(file);
      words.insert(words.end(), more.begin(), more.end());
    }
    // Affix conditions read the stem in the dictionary's case: en_US's "Z/SMNXT" takes no
    // "es" ([sxzh] is lowercase), so Hunspell refuses "Zes" and takes "Xes" (X/SM... too).
    words.insert(words.end(), {"OCaml", "Ocaml", "OCAML", "iPhone", "IPHONE", "PARIS", "paris",
                               "Zes", "zes", "Xes", "Zs"});
    // Elided articles and pronouns before the words (l'attesa, n'hésitez, dell'ordine), also
    // before words that do not take them, capitalised and in capitals: the tables judge them
    // from the affix file's elision rules.
    std::vector<std::string_view> heads;
    if (d.lang == std::string_view("fr")) {
      heads = {"l'", "d'", "n'", "qu'", "c'", "j'", "m'", "s'", "t'", "jusqu'", "lorsqu'"};
    } else if (d.lang == std::string_view("it")) {
      heads = {"l'", "dell'", "all'", "dall'", "nell'", "sull'",  "un'",    "d'",    "c'",
               "m'", "t'",    "s'",   "v'",    "n'",    "quest'", "quell'", "bell'", "sant'"};
    }
    std::size_t elided = 0;
    const std::size_t plain_words = words.size();
    std::vector<std::string> elided_words;
    for (std::size_t i = 0; i < plain_words && !heads.empty(); i += 2) {
      const std::string& w = words[i];
      if (w.size() < 2 || !std::islower(static_cast<unsigned char>(w[0])) ||
          w.find('\'') != std::string::npos) {
        continue;
      }
      const bool vowel = std::string_view("aeiouh").find(w[0]) != std::string_view::npos;
      if (!vowel && i % 10 != 0) continue;
      for (std::size_t h = 0; h < heads.size(); ++h) {
        std::string e = std::string(heads[h]) + w;
        if ((i + h) % 7 == 0)
          e[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(e[0])));
        if ((i + h) % 29 == 0) {
          for (char& c : e) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        }
        elided_words.push_back(std::move(e));
        ++elided;
      }
    }
    words.insert(words.end(), elided_words.begin(), elided_words.end());
    std::size_t refused = 0, taken_alone = 0, elided_accepted = 0, elided_alone = 0;
    for (std::size_t i = 0; i < words.size(); ++i) {
      const std::string& w = words[i];
      CAPTURE(w);
      const bool by_hunspell = hunspell.spell(w);
      refused += by_hunspell ? 0 : 1;
      CHECK(pool.value()->correct(w) == by_hunspell);
      // The language detector's vote, when the tables give one, is Hunspell's too.
      const auto vote = pool.value()->form_at_hand(w);
      if (vote) {
        ++taken_alone;
        CHECK(*vote == by_hunspell);
      }
      if (i >= plain_words && by_hunspell) {
        ++elided_accepted;
        elided_alone += vote ? 1 : 0;
      }
    }
    MESSAGE(std::string(d.lang) << ": " << words.size() << " words (" << elided << " elided), "
                                << refused << " refused by Hunspell; of the " << elided_accepted
                                << " elided words Hunspell takes, the tables take " << elided_alone
                                << " alone; the same verdicts from the tables");
    CHECK(refused > 100);
    CHECK(taken_alone > words.size() / 2);
    // A French or Italian post nearly always holds an elided word: Hunspell is not loaded for
    // most of those the dictionary takes.
    if (!heads.empty()) CHECK(elided_alone * 10 > elided_accepted * 9);
  }
}

TEST_CASE("a post with a typo asks no Hunspell when the cached tables judge its words") {
  TempDir tmp;
  ScopedEnv cache("BRANDLINT_CACHE_DIR", tmp.path("cache"));
  struct Case {
    const char* lang;
    const char* post;
    const char* typo;
    const char* meant;
  };
  for (const Case c : {Case{"en", "Thanks for your mesage, Ana!", "mesage", "message"},
                       Case{"es", "Gracias por tu mensage, Ana.", "mensage", "mensaje"},
                       Case{"fr", "Merci pour votre mesage, Ana.", "mesage", "message"},
                       Case{"it", "Grazie per il mesaggio, Ana.", "mesaggio", "messaggio"}}) {
    CAPTURE(std::string(c.lang));
    spelling::SpellerPool::open(c.lang, {"/usr/share/hunspell"}, {})
        .value()
        ->suggest("recieved", 3);  // builds and caches the tables
    const auto pool = spelling::SpellerPool::open(c.lang, {"/usr/share/hunspell"}, {}).value();
    // The verdict needs no Hunspell: no form of the dictionary can be the typo.
    pool->preload(c.post);
    CHECK_FALSE(pool->correct(c.typo));
    CHECK(pool->hunspell_asked() == 0);
    // Nor, in English and Spanish, its suggestions: the tables surely hold every candidate
    // tried. (A French or Italian candidate from a stem Hunspell may refuse alone is its to
    // confirm.)
    const auto found = pool->suggest(c.typo, 3);
    REQUIRE_FALSE(found.empty());
    CHECK(found.front() == c.meant);
    if (std::string(c.lang) == "en" || std::string(c.lang) == "es") {
      CHECK(pool->hunspell_asked() == 0);
    }
    // A word only Hunspell can judge asks it.
    const std::size_t before = pool->hunspell_asked();
    pool->correct("B2B");
    CHECK(pool->hunspell_asked() == before + 1);
  }
}

TEST_CASE("a French or Italian post's elided words ask no Hunspell when the tables are cached") {
  TempDir tmp;
  ScopedEnv cache("BRANDLINT_CACHE_DIR", tmp.path("cache"));
  struct Case {
    const char* lang;
    std::vector<const char*> words;  // each taken by Hunspell
    const char* typo;                // an elided misspelling
  };
  for (const Case& c :
       {Case{"fr",
             {"N'hésitez", "c'est", "l'équipe", "qu'il", "d'attente", "j'ai", "s'est", "n'ont",
              "L'adresse", "jusqu'à", "m'envoyer", "qu'elle", "d'heure"},
             "l'équpe"},
        Case{"it",
             {"l'attesa", "dell'ordine", "un'altra", "c'è", "l'abbiamo", "all'indirizzo",
              "quest'anno", "d'accordo", "L'ordine", "nell'area", "sull'articolo", "t'aspettiamo"},
             "dell'ordne"}}) {
    CAPTURE(std::string(c.lang));
    spelling::SpellerPool::open(c.lang, {"/usr/share/hunspell"}, {})
        .value()
        ->suggest("recieved", 3);  // builds and caches the tables
    const auto pool = spelling::SpellerPool::open(c.lang, {"/usr/share/hunspell"}, {}).value();
    for (const char* w : c.words) {
      CAPTURE(std::string(w));
      CHECK(pool->correct(w));
    }
    CHECK_FALSE(pool->correct(c.typo));
    CHECK(pool->hunspell_asked() == 0);
  }
}

TEST_CASE("suggestions confirmed or refused from the tables are as Hunspell's spell() answers") {
  TempDir tmp;
  struct Dictionary {
    const char* lang;
    const char* file;
    const char* encoding;
  };
  for (const Dictionary d :
       {Dictionary{"en", "en_US", "UTF-8"}, Dictionary{"es", "es_ES", "UTF-8"},
        Dictionary{"fr", "fr_FR", "UTF-8"}, Dictionary{"it", "it_IT", "UTF-8"}}) {
    CAPTURE(std::string(d.lang));
    const std::string base = std::string("/usr/share/hunspell/") + d.file;
    Hunspell hunspell((base + ".aff").c_str(), (base + ".dic").c_str());
    REQUIRE(std::string(hunspell.get_dict_encoding()) == d.encoding);
    // Built as SpellerPool builds them: Hunspell's verdicts kept for the lowercase forms only
    // stems it may refuse alone make, so that those are answered from the tables too.
    std::size_t verdicts = 0;
    const auto s =
        spelling::Suggester::load(base + ".aff", base + ".dic", d.encoding, d.lang, tmp.path(""),
                                  [&](const std::string& w, std::string* root) {
                                    ++verdicts;
                                    return hunspell.spell(w, nullptr, root);
                                  });
    REQUIRE(s != nullptr);
    CHECK(verdicts > 0);
    // "dal" (Italian, in nearly every Italian post) is such a form of fr_FR's: held as
    // Hunspell answers it, in lowercase (a vote for the language detector without loading
    // fr_FR) and capitalised; written otherwise ("DAL"), Hunspell is still asked.
    if (std::string(d.lang) == "fr") {
      for (const char* w : {"dal", "Dal"}) {
        CAPTURE(std::string(w));
        CHECK(s->held(w) ==
              (hunspell.spell(std::string(w)) ? spelling::Held::sure : spelling::Held::none));
      }
      CHECK(s->held("DAL") == spelling::Held::form);
    }
    // The confirmation SpellerPool used before the tables could give it: spell() and the
    // root it found (a root flagged NOSUGGEST is never offered).
    std::size_t from_tables = 0, from_hunspell = 0;
    const spelling::Suggester::IsWord by_hunspell = [&](const std::string& w, std::string* root) {
      return hunspell.spell(w, nullptr, root);
    };
    const spelling::Suggester::IsWord tables_first = [&](const std::string& w, std::string* root) {
      if (const std::optional<bool> offered = s->offered(w, root)) {
        ++from_tables;
        CHECK_MESSAGE(hunspell.spell(w) == *offered, w);
        return *offered;
      }
      ++from_hunspell;
      return by_hunspell(w, root);
    };
    const auto rows =
        bench::read_misspellings(std::string(BRANDLINT_SHARED_DIR) + "/data/misspellings", d.lang);
    std::size_t compared = 0;
    const std::size_t step = std::max<std::size_t>(1, rows.size() / 300);
    for (std::size_t i = 0; i < rows.size() && compared < 300; i += step, ++compared) {
      CAPTURE(rows[i].wrong);
      CHECK(s->suggest(rows[i].wrong, 3, tables_first) ==
            s->suggest(rows[i].wrong, 3, by_hunspell));
    }
    MESSAGE(std::string(d.lang) << ": " << compared << " misspellings, " << from_tables << " of "
                                << from_tables + from_hunspell
                                << " candidates confirmed from the tables");
    CHECK(from_tables * 3 > from_tables + from_hunspell);
  }
  // Forms Hunspell accepts but never suggests, and a form only the lowercase stem would make.
  // Tables built without Hunspell's verdicts leave the first to it; with them (read back from
  // the cache the loop above filled), they are answered, and the suggestion filter still
  // drops them.
  const auto bare =
      spelling::Suggester::load("/usr/share/hunspell/en_US.aff", "/usr/share/hunspell/en_US.dic",
                                "UTF-8", "en", tmp.path("bare"));
  REQUIRE(bare != nullptr);
  CHECK(bare->is_form("bullshit", true));
  CHECK_FALSE(bare->offered("bullshit").has_value());
  CHECK_FALSE(bare->offered("bullshitting").has_value());
  const auto en =
      spelling::Suggester::load("/usr/share/hunspell/en_US.aff", "/usr/share/hunspell/en_US.dic",
                                "UTF-8", "en", tmp.path(""));
  REQUIRE(en != nullptr);
  {
    Hunspell spell("/usr/share/hunspell/en_US.aff", "/usr/share/hunspell/en_US.dic");
    const spelling::Suggester::IsWord tables = [&](const std::string& w, std::string* root) {
      if (const std::optional<bool> offered = en->offered(w, root)) return *offered;
      return spell.spell(w, nullptr, root);
    };
    const spelling::Suggester::IsWord by_hunspell = [&](const std::string& w, std::string* root) {
      return spell.spell(w, nullptr, root);
    };
    for (const char* w : {"bullshit", "bullshitting"}) {
      CAPTURE(std::string(w));
      REQUIRE(en->offered(w).has_value());
      CHECK(*en->offered(w) == spell.spell(std::string(w)));
    }
    for (const char* typo : {"bulshit", "bullshiting", "shiit"}) {
      CAPTURE(std::string(typo));
      const auto found = en->suggest(typo, 5, tables);
      CHECK(found == en->suggest(typo, 5, by_hunspell));
      CHECK(std::find(found.begin(), found.end(), "bullshit") == found.end());
      CHECK(std::find(found.begin(), found.end(), "bullshitting") == found.end());
    }
  }
  CHECK_FALSE(en->offered("Zes") == std::optional<bool>(true));
  CHECK(en->offered("received") == std::optional<bool>(true));
  CHECK(en->offered("Received") == std::optional<bool>(true));
  // Answered from the tables as Hunspell answers them: a possessive, a name in lowercase (no
  // form: Hunspell wants "Purcell"), a word that is no form at all, the forms of stems in
  // capitals (IMO, PARC/S) unless written with a capital after the first letter.
  Hunspell hunspell("/usr/share/hunspell/en_US.aff", "/usr/share/hunspell/en_US.dic");
  for (const char* w :
       {"yesterday's", "Purcell", "purcell", "recieved", "hadn't", "Imo", "imo", "Parcs"}) {
    CAPTURE(std::string(w));
    REQUIRE(en->offered(w).has_value());
    CHECK(*en->offered(w) == hunspell.spell(std::string(w)));
  }
  CHECK(en->offered("yesterday's") == std::optional<bool>(true));
  CHECK(en->offered("purcell") == std::optional<bool>(false));
  CHECK(en->offered("Imo") == std::optional<bool>(false));
  CHECK(en->is_form("IMO"));
  CHECK(en->is_form("PARCs"));
  CHECK(hunspell.spell(std::string("PARCs")));
}

namespace {

std::vector<std::vector<std::string>> suggest_each(const spelling::SpellerPool& pool,
                                                   const std::vector<std::string>& words) {
  std::vector<std::vector<std::string>> out;
  for (const auto& w : words) out.push_back(pool.suggest(w, 3));
  return out;
}

}  // namespace

TEST_CASE_FIXTURE(CachedEnglish,
                  "suggestions found in one run are read back by the next, never across a change") {
  ScopedEnv env("BRANDLINT_CACHE_DIR", cache);
  auto words = misspelt_words();
  words.push_back("Brandlintovva");
  auto open = [&] { return spelling::SpellerPool::open("en", {tmp.path("dict")}, {}).value(); };

  std::vector<std::vector<std::string>> expected;
  {
    auto first = open();
    expected = suggest_each(*first, words);
    first->save_memo();
  }
  REQUIRE(files_ending(cache, ".suggestions").size() == 1);
  CHECK(std::find(expected.back().begin(), expected.back().end(), "Brandlintova") ==
        expected.back().end());

  SUBCASE("read back without building or reading the tables") {
    for (const auto& f : files_ending(cache, ".tables")) fs::remove(f);
    auto second = open();
    CHECK(suggest_each(*second, words) == expected);
    CHECK(files_ending(cache, ".tables").empty());  // no suggestion needed the suggester
  }
  SUBCASE("a damaged memo is not used, and is written again") {
    const fs::path memo = files_ending(cache, ".suggestions").at(0);
    std::string bytes = read_all(memo);
    bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x44);
    std::ofstream(memo, std::ios::binary | std::ios::trunc) << bytes;
    for (const auto& f : files_ending(cache, ".tables")) fs::remove(f);
    {
      auto second = open();
      CHECK(suggest_each(*second, words) == expected);
      CHECK_FALSE(files_ending(cache, ".tables").empty());  // searched again
    }  // closing the pool writes the memo again
    for (const auto& f : files_ending(cache, ".tables")) fs::remove(f);
    auto third = open();
    CHECK(suggest_each(*third, words) == expected);
    CHECK(files_ending(cache, ".tables").empty());
  }
  SUBCASE("a changed dictionary is searched again") {
    std::ofstream(en.dic, std::ios::app) << "Brandlintova\n";
    auto second = open();
    const auto changed = second->suggest("Brandlintovva", 3);
    CHECK(std::find(changed.begin(), changed.end(), "Brandlintova") != changed.end());
    second->save_memo();
    CHECK(files_ending(cache, ".suggestions").size() == 1);  // replaced, not added
  }
}

TEST_CASE("with the cache off, no suggestion memo is written") {
  TempDir tmp;
  ScopedEnv env("BRANDLINT_CACHE_DIR", "off");
  ScopedEnv home("HOME", tmp.path("home"));
  auto pool = spelling::SpellerPool::open("en", {"/usr/share/hunspell"}, {}).value();
  CHECK(pool->suggest("recieved", 3).at(0) == "received");
  pool->save_memo();
  CHECK_FALSE(fs::exists(tmp.path("home")));
}

TEST_CASE_FIXTURE(CachedEnglish,
                  "new tables remove those an earlier version left for the same dictionary, no "
                  "others") {
  EnglishCopy other(tmp.path("other-dict"));
  en.load(cache);
  other.load(cache);
  REQUIRE(cache_files(cache).size() == 2);
  // An earlier version's file: the same key under another name.
  const fs::path mine = cache_files(cache).at(0);
  const fs::path left = fs::path(cache) / "en_US-0123456789abcdef.tables";
  fs::copy_file(mine, left);
  REQUIRE(cache_files(cache).size() == 3);
  // The dictionary changes, so its tables are built again: the old copy goes, the other
  // dictionary's tables stay.
  const bool mine_is_en = read_all(mine).find(fs::canonical(en.dic).string()) != std::string::npos;
  std::ofstream(mine_is_en ? en.dic : other.dic, std::ios::app) << "Brandlintova\n";
  const auto rebuilt = (mine_is_en ? en : other).load(cache);
  CHECK_FALSE(rebuilt->from_cache());
  CHECK_FALSE(fs::exists(left));
  CHECK(cache_files(cache).size() == 2);
  CHECK(en.load(cache)->from_cache());
  CHECK(other.load(cache)->from_cache());
}

TEST_CASE("pools of one dictionary share Hunspell and the tables, each with its own words") {
  // A folder run makes a pool per team's configuration: the teams share the dictionary's
  // handles and tables, and each team's words stay its own.
  TempDir tmp;
  ScopedEnv cache("BRANDLINT_CACHE_DIR", tmp.path("cache"));
  const auto a = spelling::SpellerPool::open("en", {"/usr/share/hunspell"}, {"zapatillo"}).value();
  const auto b = spelling::SpellerPool::open("en", {"/usr/share/hunspell"}, {"brandolino"}).value();
  for (int round = 0; round < 2; ++round) {  // before and after both have used Hunspell
    CHECK(a->correct("Zapatillo"));
    CHECK_FALSE(b->correct("Zapatillo"));
    CHECK(b->correct("Brandolino"));
    CHECK_FALSE(a->correct("Brandolino"));
    CHECK(a->correct("B2B") == b->correct("B2B"));
    CHECK(a->correct("received"));
    CHECK_FALSE(b->correct("recieved"));
    CHECK(a->suggest("recieved", 3) == b->suggest("recieved", 3));
  }
  CHECK(a->hunspell_asked() >= 1);
  CHECK(b->hunspell_asked() >= 1);
}

TEST_CASE("suggestions remembered by two pools of one dictionary are all kept") {
  // Each pool (a team's configuration) saves the memo when it closes; a later save must not
  // drop what an earlier one, or another run, wrote after this pool read the file.
  TempDir tmp;
  const std::string aff = "/usr/share/hunspell/en_US.aff", dic = "/usr/share/hunspell/en_US.dic";
  const std::string dir = tmp.path("cache");
  std::filesystem::create_directories(dir);
  auto first = spelling::SuggestionMemo::open(aff, dic, "en", dir);
  auto second = spelling::SuggestionMemo::open(aff, dic, "en", dir);
  REQUIRE(first);
  REQUIRE(second);
  first->save({{"recieved", {"received"}}});
  second->save({{"tommorow", {"tomorrow"}}});
  const auto later = spelling::SuggestionMemo::open(aff, dic, "en", dir);
  REQUIRE(later);
  CHECK(later->size() == 2);
  CHECK(later->find("recieved") == std::optional<std::vector<std::string>>({"received"}));
  CHECK(later->find("tommorow") == std::optional<std::vector<std::string>>({"tomorrow"}));
  // A newer finding for a word replaces the saved one.
  later->save({{"tommorow", {"tomorrow", "tomorrows"}}});
  const auto last = spelling::SuggestionMemo::open(aff, dic, "en", dir);
  CHECK(last->size() == 2);
  CHECK(last->find("tommorow")->size() == 2);
}
