// Spelling suggestions without Hunspell's suggest(): candidates by weighted edits, looked up in
// a set of the dictionary's word forms, the few survivors confirmed with Hunspell's spell().
//
// Why: Hunspell's suggest() costs tens of milliseconds per unknown word (its n-gram pass scans
// the whole dictionary). Edits cost nanoseconds; what costs is spell() on each candidate (5-15
// µs for a non-word in French, whose affix table is large, and a 10-letter word has ~10,000
// candidates within two cheap edits). So the .dic stems are expanded once with the .aff affix
// rules into a set of 64-bit hashes of the lowercase forms; a lookup costs ~30 ns, and spell()
// only sees candidates that are forms. Most candidates are not even made: one holding a run of
// four letters that no form holds cannot be a form (a 256 KB bitmap of the forms' runs). Words
// too far from any form for two edits (three or four slips in a long word) go through a second,
// n-gram pass: the stems sharing most letter pairs with the word are expanded with their
// affixes and the closest forms ranked by a weighted edit distance. bench/suggest_quality.cpp
// measures speed and quality against Hunspell.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace brandlint::cache {
class Mapped;
}

namespace brandlint::spelling {

// An array the suggester built (and owns) or read from its cache file, in place: the file is
// mapped, and the tables point into it rather than copying megabytes at each start.
template <class T>
class Table {
 public:
  Table() = default;
  explicit Table(std::vector<T> owned)
      : owned_(std::move(owned)), data_(owned_.data()), size_(owned_.size()) {}
  Table(const T* data, std::size_t size) : data_(data), size_(size) {}
  Table(Table&& other) noexcept { *this = std::move(other); }
  Table& operator=(Table&& other) noexcept {
    owned_ = std::move(other.owned_);  // a moved vector keeps its buffer: data_ stays valid
    data_ = other.data_;
    size_ = other.size_;
    other.data_ = nullptr;
    other.size_ = 0;
    return *this;
  }
  Table(const Table&) = delete;
  Table& operator=(const Table&) = delete;

  const T* data() const { return data_; }
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const T& operator[](std::size_t i) const { return data_[i]; }
  const T* begin() const { return data_; }
  const T* end() const { return data_ + size_; }
  // Heap bytes this table holds itself (none when it points into the cache file).
  std::size_t owned_bytes() const { return owned_.capacity() * sizeof(T); }

 private:
  std::vector<T> owned_;
  const T* data_ = nullptr;
  std::size_t size_ = 0;
};

// How the suggester's tables hold a word: not at all; as a form, which Hunspell may still
// refuse; or surely, as a form Hunspell accepts whatever its use. Ordered.
enum class Held : std::uint8_t { none, form, sure };

// A set of 64-bit hashes, built once: an open-addressing table of 32-bit fingerprints (the
// slot comes from the low bits, the fingerprint from the high ones), 4 bytes per slot, at most
// 3/4 full. A false "yes" is about one lookup in a billion, and spell() confirms anyway.
class HashSet64 {
 public:
  // `keys` may hold duplicates; it is consumed.
  void build(std::vector<std::uint64_t> keys);
  bool contains(std::uint64_t key) const {
    if (slots_.empty()) return false;
    const std::uint32_t want = fingerprint(key);
    for (std::size_t i = key & mask_;; i = (i + 1) & mask_) {
      if (slots_[i] == want) return true;
      if (slots_[i] == 0) return false;
    }
  }
  // Brings the key's first slot towards the cache ahead of contains().
  void prefetch(std::uint64_t key) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[key & mask_]);
  }
  std::size_t size() const { return size_; }
  std::size_t bytes() const { return slots_.size() * sizeof(std::uint32_t); }
  // The table as saved in the on-disk cache, and back: restore() refuses (and leaves the set
  // empty) slots that build() could not have made, so a damaged file cannot make contains()
  // loop for ever.
  const Table<std::uint32_t>& slots() const { return slots_; }
  bool restore(Table<std::uint32_t> slots, std::size_t size);

 private:
  static std::uint32_t fingerprint(std::uint64_t key) {
    return static_cast<std::uint32_t>(key >> 32) | 1u;
  }
  Table<std::uint32_t> slots_;
  std::size_t mask_ = 0, size_ = 0;
};

class Suggester {
 public:
  // Is `word` (UTF-8, in the case it would be shown) a dictionary word? Sets `root` to its stem
  // when Hunspell reports one. Supplied per call: Hunspell handles are leased by the caller.
  using IsWord = std::function<bool(const std::string& word, std::string* root)>;

  // Reads the alphabet (TRY), REP, MAP, KEY, NOSUGGEST and affix rules from the .aff file and
  // the stems from the .dic file. `lang` selects the built-in confusion pairs (b/v, ll/y, …).
  //
  // Expanding every stem with its affixes and indexing the roots costs 60 ms for English and
  // half a second for Italian, and gives the same tables until the dictionary changes; so
  // when `cache_dir` is not empty the tables are kept there, one file per dictionary, whose
  // key holds the paths, sizes and modification times of its two files. The file is mapped
  // and the tables point into it. A missing, stale or damaged file is rebuilt; a folder that
  // cannot be written only means no cache.
  //
  // `spell`, when given, is Hunspell's verdict on a word (UTF-8) and, when `root` is not null,
  // the root it read the word from: it is asked, once, about each form that only stems
  // Hunspell may refuse alone make (a few thousand: "dal" of fr_FR), in lowercase and
  // capitalised, and about each form a stem flagged NOSUGGEST makes, in lowercase, whose
  // answers the tables then keep. Without it, those forms are Hunspell's to judge at each use.
  using Spell = std::function<bool(const std::string& word, std::string* root)>;
  static std::unique_ptr<Suggester> load(const std::string& aff_path, const std::string& dic_path,
                                         const std::string& encoding, std::string_view lang,
                                         const std::string& cache_dir = "",
                                         const Spell& spell = {});
  // The file in `cache_dir` that holds (or would hold) the tables of `dic_path`; empty when
  // the dictionary cannot be found.
  static std::string cache_path(const std::string& dic_path, std::string_view lang,
                                const std::string& cache_dir);
  // Whether load() found its tables in the cache.
  bool from_cache() const { return from_cache_; }

  // Up to `max` dictionary words close to `word` (UTF-8), best first, in the case the user
  // wrote (Recieved → Received, RECIEVED → RECEIVED). May hold two words joined by a space
  // ("alot" → "a lot"). Empty when nothing close is a word.
  std::vector<std::string> suggest(std::string_view word, std::size_t max,
                                   const IsWord& is_word) const;

  // How the tables hold `word` (UTF-8, one word), in the case it is written, from the tables
  // alone (see Held). A name's forms need their capital ("El", not "el"), as Hunspell reads
  // case. Not surely: forms of stems Hunspell may refuse alone (forbidden words, compound
  // parts, words kept in one case, stems needing an affix, NASA or iPhone in another case),
  // which are then left to Hunspell, unless written in lowercase and the tables keep
  // Hunspell's verdict on them (see load()).
  Held held(std::string_view word) const;
  // Whether held(word) is at least a form, or, when `sure`, surely a word.
  bool is_form(std::string_view word, bool sure = false) const {
    const Held h = held(word);
    return sure ? h == Held::sure : h != Held::none;
  }
  // What spell() would say of a suggestion's candidate `word` (UTF-8, letters and straight
  // apostrophes), from the tables alone. True: surely a word Hunspell accepts and one it may
  // suggest, a sure form (is_form(word, true)) that no stem flagged NOSUGGEST makes; false: no
  // form at all (held() is none, as a name's form in lowercase: "purcell"); empty: Hunspell's to
  // answer, as for an elided word (l'attesa), whose stem the NOSUGGEST forms cannot tell.
  // When true, `root` (if not null) is set as Hunspell's spell() would leave it for the
  // suggestion filter: empty, or a stem flagged NOSUGGEST when the word is read from one.
  std::optional<bool> offered(std::string_view word, std::string* root = nullptr) const;

  ~Suggester();

  std::size_t form_count() const { return forms_.size(); }
  // Memory held by the tables: the form hashes, the stems and the n-gram index.
  std::size_t table_bytes() const;

 private:
  Suggester();
  struct Lexicon;
  struct Pair {
    std::u32string from, to;
    bool at_start = false, at_end = false;
    float cost = 0.5f;
  };
  struct Candidate;

  bool plausible(const std::u32string& w) const;
  // Is `w` (lowercase) an elided head and a word that Hunspell surely takes together
  // (l'attesa, dell'anno, qu'il, n'hésitez): a prefix rule adds the head, its condition holds
  // on the rest, and the rest is a stem written in lowercase with the rule's flag, or such a
  // stem with a suffix that combines with the prefix. Read back as Hunspell reads affixes.
  bool elided(const std::u32string& w) const;
  // held(), also giving the hash of the lowercase word.
  Held held(std::string_view word, std::uint64_t* hash) const;
  float replace_cost(char32_t from, char32_t to) const;
  char32_t base_of(char32_t c) const;
  template <class Emit>
  void single_edits(const std::u32string& w, bool narrow, Emit&& emit) const;
  // Forms close to `w` found through shared letter pairs with the stems, whatever the number of
  // edits; emit(form, weighted distance).
  template <class Emit>
  void ngram_candidates(const std::u32string& w, Emit&& emit) const;
  // Edit distance in which likely slips (accents, doubled letters, vowels, neighbours) cost less.
  float weighted_distance(const std::u32string& a, const std::u32string& b) const;
  std::vector<std::string> suggest_word(std::string_view word, std::size_t max,
                                        const IsWord& is_word) const;
  std::vector<std::string> suggest_hyphenated(std::string_view word, std::size_t max,
                                              const IsWord& is_word) const;

  std::u32string alphabet_;  // lowercase letters without accents, tried in inserts and replaces
  std::unordered_map<char32_t, std::u32string> variants_;  // e → éèêë, é → eèêë
  std::unordered_map<char32_t, char32_t> base_letter_;     // é → e (from MAP lines and NFD)
  std::unordered_set<std::uint64_t> neighbours_;           // keyboard neighbours, both ways
  std::unordered_set<std::uint64_t> sound_alikes_;         // b/v, c/s, … per language
  std::vector<Pair> pairs_;                                // REP lines + multi-letter confusions
  std::unordered_set<std::u32string> no_suggest_;          // stems flagged NOSUGGEST (lowercase)
  HashSet64 forms_;                                        // hashes of the lowercase word forms
  HashSet64 proper_;    // forms only capitalised stems make (friday → Friday), also in forms_
  HashSet64 unsure_;    // forms only stems Hunspell may refuse make (see is_form), also in forms_
  HashSet64 hidden_;    // forms a stem flagged NOSUGGEST makes (not always only such stems)
  HashSet64 elided_;    // stems with each elision or cross suffix flag they carry (elided())
  HashSet64 capitals_;  // forms only stems in capitals make (IMO, PARC), also in forms_
  // Hunspell's verdicts, when load() could ask it (verdicts_): of unsure_, the forms it takes
  // written in lowercase, and capitalised; of hidden_, those it takes in lowercase from a root
  // not flagged NOSUGGEST, and from one flagged so.
  HashSet64 taken_, taken_capitalised_, hidden_taken_, hidden_rooted_;
  bool verdicts_ = false;
  // The runs of four letters of the forms, each form read as "^form$" with 0 for both ends: one
  // bit per hashed run. A word holding a run that no form holds is not a form, which lets
  // single_edits() skip most of the candidates it would make (see there).
  Table<std::uint64_t> runs_;
  std::unordered_set<std::u32string> elision_heads_;  // "l'", "dell'", "qu'": PFX adds up to '
  bool apostrophe_words_ = false;                     // stems like "hadn't", "d'altronde"
  std::vector<char32_t> base_table_;                  // base_letter_ as an array, for speed
  std::vector<std::uint8_t> letter_pairs_;            // ASCII pair → 1 neighbour, 2 sound-alike
  std::unique_ptr<Lexicon> lexicon_;                  // stems, affix rules, n-gram index
  std::shared_ptr<const cache::Mapped> cache_file_;   // what restored tables point into
  bool from_cache_ = false;

  // The tables built from the .dic file, saved to and read from the cache; restore_tables()
  // changes nothing unless the whole file is read and checked.
  std::string save_tables(const std::string& key) const;
  bool restore_tables(std::shared_ptr<const cache::Mapped> file, const std::string& key);
};

}  // namespace brandlint::spelling
