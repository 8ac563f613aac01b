#include "spelling/speller.hpp"

#include <unicode/unistr.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <hunspell/hunspell.hxx>
#include <mutex>
#include <optional>
#include <thread>

#include "cache/disk_cache.hpp"
#include "cache/shared_by_key.hpp"
#include "spelling/suggester.hpp"
#include "spelling/suggestion_memo.hpp"
#include "text/analysed_text.hpp"
#include "text/folded_text.hpp"
#include "text/letters.hpp"

namespace brandlint::spelling {
namespace {

std::string aff_encoding(const std::string& aff_path) {
  std::ifstream in(aff_path, std::ios::binary);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);  // a byte order mark
    if (line.rfind("SET", 0) != 0 || line.size() < 4 || (line[3] != ' ' && line[3] != '\t')) {
      continue;
    }
    const std::size_t begin = line.find_first_not_of(" \t", 3);
    if (begin == std::string::npos) break;
    const std::size_t end = line.find_first_of(" \t\r", begin);
    return line.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
  }
  return "ISO8859-1";
}

}  // namespace

DictionaryName dictionary_for(std::string_view lang) {
  if (lang == "en-GB") return {"en_GB", "hunspell-en-gb", "British English"};
  if (lang == "es") return {"es_ES", "hunspell-es", "Spanish"};
  if (lang == "fr") return {"fr_FR", "hunspell-fr", "French"};
  if (lang == "it") return {"it_IT", "hunspell-it", "Italian"};
  return {"en_US", "hunspell-en-us", "English"};
}

// The Hunspell handles of one dictionary. Hunspell objects are not thread-safe, so a thread
// borrows one for each call; handles are made when first needed, up to `max`.
struct SpellerPool::Handles {
  std::string aff, dic;
  std::size_t max = 1;
  std::mutex mutex;
  std::condition_variable returned;
  std::vector<std::unique_ptr<Hunspell>> idle;
  std::size_t made = 0;  // idle or lent

  std::unique_ptr<Hunspell> make() const {
    return std::make_unique<Hunspell>(aff.c_str(), dic.c_str());
  }
};

std::shared_ptr<SpellerPool::Handles> SpellerPool::shared_handles(const std::string& aff,
                                                                  const std::string& dic) {
  static cache::SharedByKey<Handles> shared;
  return shared.get(aff + '\n' + dic, [&] {
    auto made = std::make_shared<Handles>();
    made->aff = aff;
    made->dic = dic;
    made->max = std::max(1u, std::thread::hardware_concurrency() / 2);
    return made;
  });
}

// Borrows a handle and gives it back when done; waits for one when the dictionary has as
// many as it may.
class SpellerPool::Lease {
 public:
  explicit Lease(const SpellerPool& pool) : handles_(*pool.handles_) {
    ++pool.asked_;
    {
      std::unique_lock<std::mutex> lock(handles_.mutex);
      handles_.returned.wait(
          lock, [&] { return !handles_.idle.empty() || handles_.made < handles_.max; });
      if (!handles_.idle.empty()) {
        handle_ = std::move(handles_.idle.back());
        handles_.idle.pop_back();
        return;
      }
      ++handles_.made;
    }
    handle_ = handles_.make();  // outside the lock: loading takes tens of milliseconds
  }
  ~Lease() {
    {
      std::lock_guard<std::mutex> lock(handles_.mutex);
      handles_.idle.push_back(std::move(handle_));
    }
    handles_.returned.notify_one();
  }
  Lease(const Lease&) = delete;
  Lease& operator=(const Lease&) = delete;
  Hunspell& operator*() { return *handle_; }
  Hunspell* operator->() { return handle_.get(); }

 private:
  Handles& handles_;
  std::unique_ptr<Hunspell> handle_;
};

SpellerPool::~SpellerPool() { save_memo(); }

void SpellerPool::save_memo() const {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!memo_dirty_ || !memo_) return;
  memo_->save(suggestion_cache_);
  memo_dirty_ = false;
}

const SuggestionMemo* SpellerPool::memo() const {
  std::call_once(memo_once_, [this] {
    memo_ = SuggestionMemo::open(aff_, dic_, name_.file, cache::directory());
  });
  return memo_.get();
}

Expected<std::unique_ptr<SpellerPool>> SpellerPool::open(
    std::string_view lang, const std::vector<std::string>& search_paths,
    std::unordered_set<std::string> accepted) {
  static std::atomic<std::uint64_t> opened{0};
  auto pool = std::unique_ptr<SpellerPool>(new SpellerPool());
  pool->serial_ = ++opened;
  pool->name_ = dictionary_for(lang);
  std::string searched;
  for (const auto& dir : search_paths) {
    const std::filesystem::path base = std::filesystem::path(dir) / pool->name_.file;
    std::error_code ec;
    if (std::filesystem::is_regular_file(base.string() + ".dic", ec) &&
        std::filesystem::is_regular_file(base.string() + ".aff", ec)) {
      pool->aff_ = base.string() + ".aff";
      pool->dic_ = base.string() + ".dic";
      break;
    }
    searched += (searched.empty() ? "" : ", ") + dir;
  }
  if (pool->dic_.empty()) {
    return Error{"", 0, 0,
                 "the " + pool->name_.language_name + " dictionary (" + pool->name_.file +
                     ".dic) is not installed; searched " + searched +
                     ". Install it with: apt-get install " + pool->name_.package +
                     " (or set dictionary_path in .brandlint.yaml)"};
  }
  pool->accepted_ = std::move(accepted);
  // Hunspell handles are made when first needed (or by preload()); the encoding is the .aff
  // file's SET line, as Hunspell reads it (ISO8859-1 when there is none).
  const std::string encoding = aff_encoding(pool->aff_);
  pool->utf8_ = encoding == "UTF-8" || encoding == "utf-8" || encoding == "UTF8";
  pool->encoding_ = encoding;
  pool->handles_ = shared_handles(pool->aff_, pool->dic_);
  return pool;
}

void SpellerPool::preload(std::string_view text, bool build) const {
  // A long text surely holds a word Hunspell must judge; a post is a few hundred bytes.
  constexpr std::size_t kLongText = 16 * 1024;
  if (text.size() <= kLongText &&
      (tables_at_hand() || (build && cache::kept_from_earlier_runs()))) {
    suggester();
    const text::AnalysedText analysed(text);
    // Words the tables judge alone need no Hunspell, a misspelling included: its
    // suggestions are confirmed from the tables too, and load Hunspell only in the rare case
    // they need it.
    const bool tables_judge = std::all_of(
        analysed.tokens().begin(), analysed.tokens().end(), [this](const text::Token& t) {
          return t.kind != text::TokenKind::word || form_at_hand(t.text).has_value();
        });
    if (tables_judge) return;
  }
  Handles& handles = *handles_;
  {
    std::lock_guard<std::mutex> lock(handles.mutex);
    if (handles.made > 0) return;
    ++handles.made;
  }
  ++asked_;
  auto handle = handles.make();
  {
    std::lock_guard<std::mutex> lock(handles.mutex);
    handles.idle.push_back(std::move(handle));
  }
  handles.returned.notify_one();
}

namespace {
constexpr std::size_t kCachedSuggestions = 5;

std::string to_dictionary(std::string_view utf8, bool is_utf8, const std::string& encoding) {
  if (is_utf8) return std::string(utf8);
  const auto u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  std::string out(static_cast<std::size_t>(u.length()) * 4 + 1, '\0');
  const int32_t n =
      u.extract(0, u.length(), out.data(), static_cast<uint32_t>(out.size()), encoding.c_str());
  out.resize(static_cast<std::size_t>(std::max(n, 0)));
  return out;
}
std::string from_dictionary(const std::string& bytes, bool is_utf8, const std::string& encoding) {
  if (is_utf8) return bytes;
  icu::UnicodeString u(bytes.data(), static_cast<int32_t>(bytes.size()), encoding.c_str());
  std::string out;
  u.toUTF8String(out);
  return out;
}
}  // namespace

bool SpellerPool::spell_with_root(const std::string& word, std::string* root) const {
  std::string stem;
  bool ok = false;
  {
    Lease hunspell(*this);
    ok = hunspell->spell(to_dictionary(word, utf8_, encoding_), nullptr,
                         root != nullptr ? &stem : nullptr);
  }
  if (root != nullptr) *root = from_dictionary(stem, utf8_, encoding_);
  return ok;
}

const Suggester& SpellerPool::suggester() const {
  std::call_once(suggester_once_, [this] {
    // Shared by every pool of the process that opens the dictionary (a folder run makes a
    // pool per team's configuration, as each team has its own words): the tables are mapped
    // once, not once per team.
    static cache::SharedByKey<const Suggester> shared;
    const std::string dir = cache::directory();
    suggester_ =
        shared.get(aff_ + '\n' + dic_ + '\n' + encoding_ + '\n' + name_.file + '\n' + dir, [&] {
          // Hunspell is asked while the tables are built only for the verdicts they keep,
          // and only when they are built, not when they come from the cache.
          return std::shared_ptr<const Suggester>(
              Suggester::load(aff_, dic_, encoding_, name_.file, dir,
                              [this](const std::string& w, std::string* root) {
                                return spell_with_root(w, root);
                              }));
        });
    suggester_built_ = true;
  });
  return *suggester_;
}

bool SpellerPool::might_accept(std::string_view word) const {
  const auto held = tables_hold(word, true);
  return !held || *held != Held::none;
}

std::optional<bool> SpellerPool::form_at_hand(std::string_view word) const {
  // Only the answers Hunspell would give: one of the user's words or surely a word, or no
  // form at all. Between the two (a form of a stem Hunspell may refuse alone, "Un" for "UN")
  // Hunspell decides, so that a vote does not depend on whether the tables happen to be
  // cached yet.
  if (accepted_.count(text::fold_term(word)) > 0) return true;
  const auto held = tables_hold(word, false);
  if (!held || *held == Held::form) return std::nullopt;
  return *held == Held::sure;
}

bool SpellerPool::tables_at_hand() const {
  if (suggester_built_.load()) return true;
  std::call_once(cached_once_, [&] {
    const std::string dir = cache::directory();
    if (dir.empty()) return;
    std::error_code error;
    const std::string path = Suggester::cache_path(dic_, name_.file, dir);
    cached_ = !path.empty() && std::filesystem::is_regular_file(path, error);
  });
  return cached_;
}

std::optional<Held> SpellerPool::tables_hold(std::string_view word, bool build) const {
  const std::string w = text::straight_apostrophes(word);
  const auto dashes = std::count(w.begin(), w.end(), '-');
  const auto apostrophes = std::count(w.begin(), w.end(), '\'');
  const text::LetterCase l = text::letter_case(w);
  const bool letters_only = l.code_points > 0 && l.letters + static_cast<std::size_t>(dashes) +
                                                         static_cast<std::size_t>(apostrophes) ==
                                                     l.code_points;
  if (!letters_only || dashes > 4) return std::nullopt;  // too many ways to cut it at dashes
  // Without a cache, building the tables (90 ms for en_GB, half a second for it_IT) costs
  // more than loading Hunspell (30-50 ms): then only tables built for suggestions are used.
  // So in a cache folder that starts empty on every run (a CI job that does not keep it):
  // the tables would be built again each time.
  if (!tables_at_hand() && (!build || !cache::kept_from_earlier_runs())) return std::nullopt;
  // A form ("anti-vaxxer" is one word of en_GB), or, as Hunspell's BREAK does, a hyphenated
  // word whose two sides at some hyphen are each held (a side may itself be cut again): as
  // surely as the less sure side.
  const Suggester& tables = suggester();
  std::function<Held(std::string_view)> held = [&](std::string_view s) {
    while (!s.empty() && s.front() == '-') s.remove_prefix(1);
    while (!s.empty() && s.back() == '-') s.remove_suffix(1);
    if (s.empty()) return Held::sure;
    Held best = tables.held(s);
    for (std::size_t dash = s.find('-'); dash != std::string_view::npos && best != Held::sure;
         dash = s.find('-', dash + 1)) {
      best = std::max(best, std::min(held(s.substr(0, dash)), held(s.substr(dash + 1))));
    }
    return best;
  };
  return held(w);
}

namespace {
// The verdicts of correct() one thread has given, keyed by the word's 64-bit hash: a slot per
// hash's bits 1-14 holds the hash with the verdict in its lowest bit, 8 bytes a word, and a new
// word takes the slot of an old one that shares those bits. A map of the words themselves
// took ten times the memory and was cleared whole when full; posts repeat a small set of
// words, which keep their slots. Two words that share 63 bits of hash would share a verdict:
// about one chance in 10^14 per pair of words among the 16,384 held. The table starts at 512
// slots and doubles while more than half are taken: a folder run makes a pool per team's
// configuration, and each pool a thread uses has a table of its own.
class Verdicts {
 public:
  // The verdict on the word of hash `h`, if held.
  std::optional<bool> find(std::uint64_t h) const {
    if (slots_.empty()) return std::nullopt;
    const std::uint64_t slot = slots_[index(h)];
    if (slot == 0 || (slot | 1) != (h | 1)) return std::nullopt;
    return (slot & 1) != 0;
  }
  void keep(std::uint64_t h, bool verdict) {
    const std::uint64_t value = (h & ~std::uint64_t{1}) | (verdict ? 1 : 0);
    if (value == 0) return;  // 0 marks an empty slot
    if (slots_.empty()) slots_.resize(kFirst);
    std::uint64_t& slot = slots_[index(value)];
    if (slot == 0) ++taken_;
    slot = value;
    if (taken_ * 2 > slots_.size() && slots_.size() < kMost) grow();
  }

 private:
  static constexpr std::size_t kFirst = 512, kMost = std::size_t{1} << 14;
  // Bit 0 holds the verdict, so the slot comes from the bits above it.
  std::size_t index(std::uint64_t h) const { return (h >> 1) & (slots_.size() - 1); }
  void grow() {
    std::vector<std::uint64_t> old(slots_.size() * 2);
    old.swap(slots_);
    taken_ = 0;
    for (std::uint64_t value : old) {
      if (value == 0) continue;
      std::uint64_t& slot = slots_[index(value)];
      if (slot == 0) ++taken_;
      slot = value;
    }
  }
  std::vector<std::uint64_t> slots_;
  std::size_t taken_ = 0;
};
}  // namespace

bool SpellerPool::correct(std::string_view word) const {
  // Posts repeat their words, and spell() costs microseconds (more with French and Italian
  // affixes): each thread remembers its answers per pool, without a lock.
  thread_local std::unordered_map<std::uint64_t, Verdicts> memo;
  Verdicts& known = memo[serial_];
  const std::uint64_t h = std::hash<std::string_view>{}(word);
  if (const auto hit = known.find(h)) return *hit;
  // The tables answer where their answer is Hunspell's (see form_at_hand): a misspelling
  // with no form at all is refused without loading Hunspell.
  std::optional<bool> ok = form_at_hand(word);
  if (!ok) {
    Lease hunspell(*this);
    ok = hunspell->spell(to_dictionary(word, utf8_, encoding_));
  }
  known.keep(h, *ok);
  return *ok;
}

bool SpellerPool::proper_noun(std::string_view word) const {
  if (!text::letter_case(word).first_upper) return false;
  // Replies greet the same few names again and again: each thread remembers its answers per
  // pool, as correct() does.
  thread_local std::unordered_map<std::uint64_t, Verdicts> memo;
  Verdicts& known = memo[serial_];
  const std::uint64_t h = std::hash<std::string_view>{}(word);
  if (const auto hit = known.find(h)) return *hit;
  // The stems of a capitalised word are its entries as the dictionary writes them: "Peter"
  // and "peter" when it has the name and the verb, "team" alone when it has the noun only.
  std::vector<std::string> stems;
  {
    Lease hunspell(*this);
    stems = hunspell->stem(to_dictionary(word, utf8_, encoding_));
  }
  const bool name = std::any_of(stems.begin(), stems.end(), [&](const std::string& stem) {
    return text::letter_case(from_dictionary(stem, utf8_, encoding_)).first_upper;
  });
  known.keep(h, name);
  return name;
}

std::vector<std::string> SpellerPool::suggest(std::string_view word, std::size_t max) const {
  const std::string key(word);
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto cached = suggestion_cache_.find(key);
    if (cached != suggestion_cache_.end()) {
      std::vector<std::string> hit = cached->second;
      if (hit.size() > max) hit.resize(max);
      return hit;
    }
  }
  if (const SuggestionMemo* earlier = memo()) {
    if (auto saved = earlier->find(word)) {
      remember(key, *saved, false);
      if (saved->size() > max) saved->resize(max);
      return std::move(*saved);
    }
  }
  const Suggester& suggester = this->suggester();
  // The cache keeps a few more than a diagnostic shows, so a caller can drop some (two-word
  // suggestions inside a hashtag) and still have three.
  const std::size_t wanted = std::max(max, kCachedSuggestions);
  std::vector<std::string> found;
  // A lease per spell() call, not per suggestion, so threads sharing a handle wait for one
  // lookup, not for a whole search.
  found = suggester.suggest(word, wanted, [&](const std::string& w, std::string* root) {
    // What Hunspell would say of a form the tables surely hold, or of a word that is no form
    // at all, without asking it: a typo's suggestions then seldom load Hunspell at all.
    if (const std::optional<bool> offered = suggester.offered(w, root)) return *offered;
    return spell_with_root(w, root);
  });
  if (found.empty()) {  // nothing within two edits: names, slang, run-together words
    ++fallbacks_;
    Lease hunspell(*this);
    for (const auto& s : hunspell->suggest(to_dictionary(word, utf8_, encoding_))) {
      if (found.size() >= wanted) break;
      found.push_back(from_dictionary(s, utf8_, encoding_));
    }
  }
  remember(key, found, true);
  if (found.size() > max) found.resize(max);
  return found;
}

void SpellerPool::remember(const std::string& word, const std::vector<std::string>& found,
                           bool fresh) const {
  std::lock_guard<std::mutex> lock(mutex_);
  // Bounded: a stream of a million posts holds hundreds of thousands of distinct typos.
  if (suggestion_cache_.size() >= 20000) suggestion_cache_.clear();
  suggestion_cache_.emplace(word, found);
  memo_dirty_ = memo_dirty_ || fresh;
}

}  // namespace brandlint::spelling
