// Hunspell dictionaries, loaded on first use and shared safely between threads.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "brandlint/brandlint.hpp"

class Hunspell;

namespace brandlint::spelling {

class Suggester;
class SuggestionMemo;
enum class Held : std::uint8_t;  // suggester.hpp

struct DictionaryName {
  std::string file;     // e.g. es_ES (the .dic/.aff stem)
  std::string package;  // the Debian package that installs it
  std::string language_name;
};
// The dictionary for a post language (en, en-GB, en-US, es, fr, it).
DictionaryName dictionary_for(std::string_view lang);

// A pool of Hunspell handles for one dictionary. Hunspell objects are not thread-safe, so a
// thread borrows one for each call. Each handle holds the whole dictionary (10-15 MB), and
// the per-thread memo of correct() leaves Hunspell idle most of the time, so threads share a
// handle per two cores: on a 2-core machine `-j 2` costs no more dictionary memory than `-j 1`.
// The handles and the suggestion tables are shared by every pool of the process that opens
// the same dictionary; a pool adds its own accepted words (its configuration's).
class SpellerPool {
 public:
  // Finds the dictionary in `search_paths`; `accepted` are extra words (brand names, social
  // media vocabulary, the user's lists), compared case-insensitively.
  static Expected<std::unique_ptr<SpellerPool>> open(std::string_view lang,
                                                     const std::vector<std::string>& search_paths,
                                                     std::unordered_set<std::string> accepted);
  ~SpellerPool();

  // Whether Hunspell accepts `word` (or it is one of the user's words). Where the tables
  // answer as Hunspell would (form_at_hand), Hunspell is not asked: a word they hold surely
  // is taken, a word no form of the dictionary can be is refused.
  bool correct(std::string_view word) const;
  // Whether the dictionary holds `word` as written with a capital, as a name or a place
  // ("Peter", "Rosa"), whether or not it also holds it in lowercase ("peter", "rosa"). Asks
  // Hunspell: for the few words a greeting names, not for every word.
  bool proper_noun(std::string_view word) const;
  // False when no word form of the dictionary can be `word`, answered from the suggestion
  // tables (cached on disk) without loading Hunspell: so asking en_GB about a typo in an
  // English post costs a hash lookup, not a second 30 ms dictionary load. True when a form
  // matches or the word holds more than letters, apostrophes and hyphens ("21st", "etc."):
  // then only correct() can tell. Also true when the tables were not built for suggestions
  // and the cache is off or was not kept from an earlier run (cache::kept_from_earlier_runs):
  // building them would then cost more than Hunspell.
  bool might_accept(std::string_view word) const;
  // Whether `word` is one of the user's words or a form of the dictionary, from the
  // suggestion tables alone when they are at hand (built for suggestions, or in the cache):
  // a vote for the language detector, which would otherwise load three more dictionaries
  // because an English post holds "ese" (a typo of "else", a frequent Spanish word). Empty
  // when the tables are not at hand or the word holds more than letters, apostrophes and
  // hyphens, or when only Hunspell can tell (a form of a stem it may refuse alone). The
  // answers given are Hunspell's own (tests/test_suggest_cache.cpp compares them), so a
  // verdict or a vote is the same whether the tables were cached or not.
  std::optional<bool> form_at_hand(std::string_view word) const;
  // Makes ready, on a thread of its own while the rules compile, what checking `text` (valid
  // UTF-8) will need: the suggestion tables when the cache holds them, and a Hunspell handle
  // unless those tables judge every word of `text` alone (form_at_hand), so that a post
  // loads no Hunspell unless a word or a suggestion needs it. Without cached tables, or for
  // a text longer than a post (16 KB), Hunspell; with `build` and a cache folder kept from
  // earlier runs, the tables are built instead (0.2-1.2 s once, then 1-12 ms a run where
  // Hunspell costs 30-50 ms every run), as might_accept() does.
  void preload(std::string_view text, bool build = false) const;
  // Up to `max` suggestions, best first, in the word's case; may hold two words ("a lot").
  // From our Suggester (under a millisecond), falling back to Hunspell's suggest() (tens of
  // milliseconds) only when ours finds nothing at all, which its n-gram pass makes rare (none
  // in the sampled misspellings). Cached: real posts repeat their unknown words.
  std::vector<std::string> suggest(std::string_view word, std::size_t max) const;
  // Writes this run's new suggestions to the memo in the cache folder (suggestion_memo.hpp);
  // also done when the pool closes.
  void save_memo() const;
  // How many words needed Hunspell's suggest() so far.
  std::size_t suggest_fallbacks() const { return fallbacks_.load(); }
  // How many times this pool asked Hunspell so far: each call that borrowed a handle, and a
  // preload() that made the dictionary's first (loading one costs 30-50 ms; the handles are
  // shared with the dictionary's other pools).
  std::size_t hunspell_asked() const { return asked_.load(); }
  const DictionaryName& name() const { return name_; }

 private:
  SpellerPool() = default;
  class Lease;
  struct Handles;
  // The handles of a dictionary, shared by its pools while any of them is open.
  static std::shared_ptr<Handles> shared_handles(const std::string& aff, const std::string& dic);
  const Suggester& suggester() const;
  // Hunspell's spell() on `word` (UTF-8), on a leased handle; when `root` is not null, the
  // root it read the word from (UTF-8, empty when none).
  bool spell_with_root(const std::string& word, std::string* root) const;
  // How the suggestion tables hold `word` (Suggester::held, a hyphenated word as Hunspell's
  // BREAK cuts it), for might_accept() and form_at_hand(): empty when only Hunspell can tell;
  // `build` makes the tables when the cache folder has none yet.
  std::optional<Held> tables_hold(std::string_view word, bool build) const;
  // Keeps `found` as this run's suggestions for `word`; `fresh` when they were just searched,
  // so the memo is written again when the pool closes.
  void remember(const std::string& word, const std::vector<std::string>& found, bool fresh) const;
  bool tables_at_hand() const;  // built, or in the cache

  DictionaryName name_;
  std::string aff_, dic_;
  bool utf8_ = true;
  std::string encoding_;
  std::unordered_set<std::string> accepted_;
  mutable std::mutex mutex_;
  // Hunspell handles, shared by every pool of the process that opens the same dictionary (a
  // folder run makes a pool per team's configuration, each team with its own words, which
  // are checked before Hunspell is asked).
  std::shared_ptr<Handles> handles_;
  mutable std::atomic<std::size_t> asked_{0};
  mutable std::unordered_map<std::string, std::vector<std::string>> suggestion_cache_;
  // Suggestions of earlier runs (see suggestion_memo.hpp), opened on the first suggestion;
  // written back when the pool closes if this run found new ones.
  const SuggestionMemo* memo() const;
  mutable std::once_flag memo_once_;
  mutable std::unique_ptr<SuggestionMemo> memo_;
  mutable bool memo_dirty_ = false;
  mutable std::once_flag suggester_once_;  // the tables are built on the first suggestion
  mutable std::shared_ptr<const Suggester> suggester_;  // shared by pools of one dictionary
  mutable std::atomic<bool> suggester_built_{false};
  mutable std::once_flag cached_once_;  // whether the cache holds tables, looked up once
  mutable bool cached_ = false;
  mutable std::atomic<std::size_t> fallbacks_{0};
  // Tells pools apart in the per-thread memo of correct(), even one opened where a closed one
  // was.
  std::uint64_t serial_ = 0;
};

}  // namespace brandlint::spelling
