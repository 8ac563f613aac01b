#include "spelling/suggester.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <type_traits>

#include "cache/disk_cache.hpp"
#include "text/letters.hpp"

namespace brandlint::spelling {

// ---------------------------------------------------------------------------------------------
// HashSet64

void HashSet64::build(std::vector<std::uint64_t> keys) {
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  std::size_t n = 1024;
  while (n * 3 < keys.size() * 4) n *= 2;
  std::vector<std::uint32_t> slots(n, 0);
  mask_ = n - 1;
  size_ = keys.size();
  for (std::uint64_t key : keys) {
    std::size_t i = key & mask_;
    while (slots[i] != 0) i = (i + 1) & mask_;
    slots[i] = fingerprint(key);
  }
  slots_ = Table<std::uint32_t>(std::move(slots));
}

bool HashSet64::restore(Table<std::uint32_t> slots, std::size_t size) {
  slots_ = {};
  mask_ = size_ = 0;
  const std::size_t n = slots.size();
  if (n < 1024 || (n & (n - 1)) != 0 || size * 4 > n * 3) return false;
  const auto used = static_cast<std::size_t>(
      std::count_if(slots.begin(), slots.end(), [](std::uint32_t s) { return s != 0; }));
  if (used != size) return false;
  slots_ = std::move(slots);
  mask_ = n - 1;
  size_ = size;
  return true;
}

namespace {

// The costs of single edits. A typo rarely changes the first letter; accents, doubled letters
// and letters that sound alike are the commonest real misspellings, so they cost least.
constexpr float kAccentCost = 0.3f;      // e → é
constexpr float kDoubleCost = 0.4f;      // m → mm, ll → l
constexpr float kPairCost = 0.5f;        // REP line or a confusion like ll/y, ph/f
constexpr float kSoundAlikeCost = 0.6f;  // b/v, c/s, i/y
constexpr float kSilentHCost = 0.6f;     // h dropped or added
constexpr float kTransposeCost = 0.7f;   // ie → ei
constexpr float kVowelCost = 0.75f;      // a → e (schwa: definately, seperate)
constexpr float kNeighbourCost = 0.8f;   // a key next to the right one
constexpr float kEditCost = 1.0f;        // any other delete or replace
constexpr float kOmittedCost = 0.9f;     // any other insert: the commonest typo leaves a letter out
constexpr float kFirstLetterCost = 0.3f;  // added when the edit touches the first letter
constexpr float kSplitCost = 1.1f;        // "alot" → "a lot"
// Two words run together, looked for before the n-gram pass (thankyou, eachother, atleast):
// ranked after any closer single word, so that the misspelling lists lose nothing (0.1 point
// of top-3 on 6,000 words).
constexpr float kRunTogetherCost = 2.0f;
constexpr float kNameCost = 0.25f;       // added when a lowercase word becomes a name
constexpr float kSeedLimit = kPairCost;  // edits cheap enough to be followed by another
// hadnt → hadn't: likely, but never followed by a second edit (above kSeedLimit), which would
// add a pass over every position for little.
constexpr float kApostropheCost = 0.55f;
constexpr float kMaxCost = 2.0f;
constexpr float kMaxNgramCost = 5.0f;  // n-gram finds: anything a reader might still recognise
// Bounds the spell() calls per word: an unknown name with many plausible neighbours would
// otherwise cost several milliseconds.
constexpr std::size_t kMaxSpellCalls = 300;
// Longest word for which pairs of edits are tried; longer ones go to the n-gram pass.
constexpr std::size_t kMaxLengthForPairs = 7;

constexpr std::uint64_t pack(char32_t a, char32_t b, char32_t c) {
  return (static_cast<std::uint64_t>(a) << 42) | (static_cast<std::uint64_t>(b) << 21) | c;
}
constexpr std::uint64_t pack2(char32_t a, char32_t b) { return pack(0, a, b); }

std::u32string to_u32(std::string_view utf8) { return text::code_points(utf8); }

std::string to_utf8(std::u32string_view s) {
  std::string out;
  out.reserve(s.size() * 2);
  for (char32_t c : s) {
    uint8_t buf[4];
    int32_t n = 0;
    U8_APPEND_UNSAFE(buf, n, static_cast<UChar32>(c));
    out.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
  }
  return out;
}

std::u32string lower(std::u32string s) {
  for (char32_t& c : s) c = static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
  return s;
}

bool is_vowel(char32_t c) {
  switch (c) {
    case U'a':
    case U'e':
    case U'i':
    case U'o':
    case U'u':
    case U'y': return true;
    default: return false;
  }
}

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return {};
  const std::streamoff size = in.tellg();
  if (size <= 0) return {};
  std::string bytes(static_cast<std::size_t>(size), '\0');
  in.seekg(0);
  in.read(bytes.data(), size);
  if (in.gcount() != size) return {};
  return bytes;
}

std::string read_text(const std::string& path, const std::string& encoding) {
  std::string bytes = read_bytes(path);
  const bool utf8 = encoding.empty() || encoding == "UTF-8" || encoding == "utf-8" ||
                    encoding == "UTF8" || encoding == "utf8";
  if (utf8) return bytes;
  icu::UnicodeString u(bytes.data(), static_cast<int32_t>(bytes.size()), encoding.c_str());
  std::string out;
  u.toUTF8String(out);
  return out;
}

// The .dic text with each line cut at its first space, tab or carriage return: the word and
// its flags, all that the tables and the n-gram pass read (split_entry stops there too).
// French lines carry morphological fields ("po:prn is:fem is:inv") that double its size.
std::string word_and_flags(std::string dic) {
  std::size_t out = 0;
  for (std::size_t line = 0; line < dic.size();) {
    std::size_t end = dic.find('\n', line);
    if (end == std::string::npos) end = dic.size();
    std::size_t stop = line;
    while (stop < end && dic[stop] != ' ' && dic[stop] != '\t' && dic[stop] != '\r') ++stop;
    // out <= line: a copy to the left, which std::copy allows within one buffer
    std::copy(dic.begin() + static_cast<std::ptrdiff_t>(line),
              dic.begin() + static_cast<std::ptrdiff_t>(stop),
              dic.begin() + static_cast<std::ptrdiff_t>(out));
    out += stop - line;
    if (end < dic.size()) dic[out++] = '\n';
    line = end + 1;
  }
  dic.resize(out);
  dic.shrink_to_fit();
  return dic;
}

std::vector<std::string_view> fields(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    std::size_t j = i;
    while (j < line.size() && line[j] != ' ' && line[j] != '\t') ++j;
    if (j > i) out.push_back(line.substr(i, j - i));
    i = j;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Affix rules, read as far as expanding stems into word forms needs.

enum class FlagType { single, long_pair, number };

std::vector<std::uint64_t> decode_flags(std::string_view text, FlagType type) {
  std::vector<std::uint64_t> out;
  if (type == FlagType::number) {
    std::uint64_t n = 0;
    bool any = false;
    for (char c : text) {
      if (c >= '0' && c <= '9') {
        n = n * 10 + static_cast<std::uint64_t>(c - '0');
        any = true;
      } else if (any) {
        out.push_back(n);
        n = 0;
        any = false;
      }
    }
    if (any) out.push_back(n);
    return out;
  }
  const std::u32string cps = to_u32(text);
  if (type == FlagType::long_pair) {
    for (std::size_t i = 0; i + 1 < cps.size(); i += 2) {
      out.push_back((static_cast<std::uint64_t>(cps[i]) << 21) | cps[i + 1]);
    }
  } else {
    for (char32_t c : cps) out.push_back(c);
  }
  return out;
}

struct ConditionElement {
  bool any = false, negated = false;
  std::u32string chars;
  bool matches(char32_t c) const {
    if (any) return true;
    const bool in = chars.find(c) != std::u32string::npos;
    return negated ? !in : in;
  }
};

// The elements of affix conditions, each kept once: 17,000 rules in five dictionaries use a
// few hundred distinct ones ("[^aeiou]", "y"), and a copy in every rule cost megabytes.
class ConditionElements {
 public:
  const ConditionElement* intern(ConditionElement e) {
    std::u32string key;
    key += e.any ? U'a' : e.negated ? U'n' : U'p';
    key += e.chars;
    auto& slot = elements_[key];
    if (!slot) slot = std::make_unique<const ConditionElement>(std::move(e));
    return slot.get();
  }

 private:
  std::unordered_map<std::u32string, std::unique_ptr<const ConditionElement>> elements_;
};

std::vector<const ConditionElement*> parse_condition(std::string_view text,
                                                     ConditionElements& elements) {
  std::vector<const ConditionElement*> out;
  const std::u32string cps = lower(to_u32(text));
  for (std::size_t i = 0; i < cps.size(); ++i) {
    ConditionElement e;
    if (cps[i] == U'.') {
      e.any = true;
    } else if (cps[i] == U'[') {
      std::size_t j = i + 1;
      if (j < cps.size() && cps[j] == U'^') {
        e.negated = true;
        ++j;
      }
      while (j < cps.size() && cps[j] != U']') e.chars += cps[j++];
      i = j;
    } else {
      e.chars = cps[i];
    }
    out.push_back(elements.intern(std::move(e)));
  }
  out.shrink_to_fit();
  return out;
}

struct AffixRule {
  bool suffix = true, cross = false;
  bool lowercase = true;  // strip and add as the .aff file writes them hold no capital
  std::u32string strip, add;
  std::vector<std::uint64_t> continuation;
  std::vector<const ConditionElement*> condition;  // owned by the Lexicon's elements

  // Hunspell matches a suffix condition against the end of the stem (before stripping), a
  // prefix condition against its start.
  bool applies_to(const std::u32string& stem) const {
    if (stem.size() < strip.size() || stem.size() < condition.size()) return false;
    if (suffix) {
      if (stem.compare(stem.size() - strip.size(), strip.size(), strip) != 0) return false;
      const std::size_t start = stem.size() - condition.size();
      for (std::size_t k = 0; k < condition.size(); ++k) {
        if (!condition[k]->matches(stem[start + k])) return false;
      }
    } else {
      if (stem.compare(0, strip.size(), strip) != 0) return false;
      for (std::size_t k = 0; k < condition.size(); ++k) {
        if (!condition[k]->matches(stem[k])) return false;
      }
    }
    return true;
  }
};

// FNV-1a over the code points; never 0 (the empty slot).
std::uint64_t form_hash(const char32_t* p, std::size_t n) {
  std::uint64_t h = 14695981039346656037ULL;
  for (std::size_t i = 0; i < n; ++i) {
    h ^= p[i];
    h *= 1099511628211ULL;
  }
  return h == 0 ? 1 : h;
}
std::uint64_t form_hash(const std::u32string& s) { return form_hash(s.data(), s.size()); }

// An elision flag and a suffix flag that one stem carries, as one number that no single flag
// is (flags are at most 16 bits).
std::uint64_t flag_pair(std::uint64_t elision, std::uint64_t suffix) {
  return (elision << 32) ^ suffix ^ (std::uint64_t{1} << 63);
}
// The key of a stem that carries a flag or a pair of them (see Suggester::elided): the flag and
// the stem's hash, mixed so that every bit of both moves the slot and the fingerprint.
std::uint64_t elision_key(std::uint64_t flag, std::uint64_t form) {
  std::uint64_t h = form ^ ((flag + 0x9E3779B97F4A7C15ULL) * 0xBF58476D1CE4E5B9ULL);
  h ^= h >> 31;
  h *= 0x94D049BB133111EBULL;
  h ^= h >> 29;
  return h == 0 ? 1 : h;
}

struct Confusion {
  const char* from;
  const char* to;
};

// Letters and spellings people confuse, per language, tried in both directions. Written for
// this project from the usual spelling pitfalls of each language.
const std::vector<Confusion>& sound_alike_letters(std::string_view lang) {
  static const std::vector<Confusion> en = {{"c", "k"}, {"c", "s"}, {"s", "z"}, {"i", "y"},
                                            {"f", "v"}, {"g", "j"}, {"m", "n"}};
  static const std::vector<Confusion> es = {{"b", "v"}, {"c", "s"}, {"c", "z"},
                                            {"s", "z"}, {"g", "j"}, {"i", "y"},
                                            {"c", "k"}, {"s", "x"}, {"m", "n"}};
  static const std::vector<Confusion> fr = {{"c", "s"}, {"s", "z"}, {"c", "k"}, {"q", "k"},
                                            {"i", "y"}, {"m", "n"}, {"g", "j"}, {"s", "x"}};
  static const std::vector<Confusion> it = {{"c", "q"}, {"c", "k"}, {"s", "z"},
                                            {"i", "j"}, {"m", "n"}, {"b", "v"}};
  if (lang.substr(0, 2) == "es") return es;
  if (lang.substr(0, 2) == "fr") return fr;
  if (lang.substr(0, 2) == "it") return it;
  return en;
}

const std::vector<Confusion>& confused_spellings(std::string_view lang) {
  static const std::vector<Confusion> en = {
      {"ie", "ei"},    {"ph", "f"},      {"ck", "k"},  {"tion", "sion"}, {"ance", "ence"},
      {"ant", "ent"},  {"able", "ible"}, {"er", "re"}, {"our", "or"},    {"ise", "ize"},
      {"ould", "ood"}, {"ght", "te"},    {"au", "o"},  {"ee", "ea"},     {"oo", "u"}};
  static const std::vector<Confusion> es = {{"ll", "y"},      {"qu", "c"}, {"qu", "k"}, {"gu", "g"},
                                            {"gü", "gu"},     {"cc", "c"}, {"sc", "s"}, {"x", "cs"},
                                            {"ción", "sión"}, {"rr", "r"}};
  static const std::vector<Confusion> fr = {
      {"eau", "o"},   {"au", "o"},      {"ph", "f"},  {"qu", "k"}, {"an", "en"}, {"ai", "é"},
      {"ai", "è"},    {"er", "é"},      {"ez", "é"},  {"et", "é"}, {"s", "ss"},  {"ç", "ss"},
      {"ent", "ant"}, {"tion", "sion"}, {"oi", "oa"}, {"gu", "g"}, {"ge", "j"},  {"ill", "y"}};
  static const std::vector<Confusion> it = {{"qu", "cu"},
                                            {"cqu", "qu"},
                                            {"gli", "li"},
                                            {"sci", "si"},
                                            {"gn", "ni"},
                                            {"zz", "z"},
                                            {"zi", "ti"},
                                            {"ch", "c"},
                                            {"gh", "g"},
                                            // plurals of -cia/-gia (fasce, not fascie)
                                            {"cie", "ce"},
                                            {"gie", "ge"},
                                            // an apostrophe typed for an accent (perche')
                                            {"à", "a'"},
                                            {"è", "e'"},
                                            {"é", "e'"},
                                            {"ì", "i'"},
                                            {"ò", "o'"},
                                            {"ù", "u'"}};
  if (lang.substr(0, 2) == "es") return es;
  if (lang.substr(0, 2) == "fr") return fr;
  if (lang.substr(0, 2) == "it") return it;
  return en;
}

// Hunspell's default KEY plus the keys below-left and below-right of each key, which the KEY
// line cannot express in one string.
constexpr const char* kQwerty =
    "qwertyuiop|asdfghjkl|zxcvbnm|qa|wsa|eds|rfd|tgf|yhg|ujh|ikj|olk|plo|azx|sxz|dcx|fvc|gbv|hnb|"
    "jmn|km";

// A .dic line: the word (a "/" escaped by a backslash belongs to it) and its flags.
struct DicEntry {
  std::string_view word, flags;
  bool has_flags = false;
};
DicEntry split_entry(std::string_view entry) {
  const std::size_t stop = entry.find_first_of(" \t\r");
  if (stop != std::string_view::npos) entry = entry.substr(0, stop);
  std::size_t slash = entry.find('/');
  while (slash != std::string_view::npos && slash > 0 && entry[slash - 1] == '\\') {
    slash = entry.find('/', slash + 1);
  }
  DicEntry e;
  e.word = entry.substr(0, slash);
  if (slash != std::string_view::npos) {
    e.flags = entry.substr(slash + 1);
    e.has_flags = true;
  }
  return e;
}

// Letter pairs of the n-gram pass: two code points hashed into one of 2^16 buckets. Real
// alphabets give a couple of thousand distinct pairs, so buckets rarely share.
constexpr unsigned kBucketBits = 16;
std::uint32_t pair_bucket(char32_t a, char32_t b) {
  const std::uint32_t h = (static_cast<std::uint32_t>(a) * 0x9E3779B1u) ^
                          (static_cast<std::uint32_t>(b) * 0x85EBCA77u + 0x27D4EB2Fu);
  return (h * 0x2C1B3C6Du) >> (32 - kBucketBits);
}

// The forms' letter runs (Suggester::runs_): kRun code points in a row of "^form$", both ends
// read as 0, hashed into one of 2^kRunBits bits. A dictionary's forms hold some tens of
// thousands of distinct runs, so a run no form holds mostly finds its bit clear.
constexpr std::ptrdiff_t kRun = 4;
constexpr unsigned kRunBits = 21;
constexpr std::size_t kRunWords = std::size_t{1} << (kRunBits - 6);
// Code point p of "^s$", both ends (and beyond them) read as 0.
char32_t framed(const std::u32string& s, std::ptrdiff_t p) {
  return p <= 0 || p > static_cast<std::ptrdiff_t>(s.size()) ? char32_t{0}
                                                             : s[static_cast<std::size_t>(p - 1)];
}
// The bit of the run at(k) .. at(k + kRun - 1).
template <class At>
std::uint32_t run_bit(At&& at, std::ptrdiff_t k) {
  std::uint64_t h = 0x9E3779B97F4A7C15ULL;
  for (std::ptrdiff_t j = 0; j < kRun; ++j) h = (h ^ at(k + j)) * 0xC2B2AE3D27D4EB4FULL;
  h = (h ^ (h >> 31)) * 0x165667B19E3779F9ULL;
  return static_cast<std::uint32_t>(h >> (64 - kRunBits));
}
// Sets the bits of the runs of "^form$".
void add_runs(const std::u32string& form, std::vector<std::uint64_t>& bits) {
  const auto n = static_cast<std::ptrdiff_t>(form.size());
  const auto at = [&](std::ptrdiff_t p) { return framed(form, p); };
  for (std::ptrdiff_t k = 0; k + kRun <= n + 2; ++k) {
    const std::uint32_t bit = run_bit(at, k);
    bits[bit >> 6] |= std::uint64_t{1} << (bit & 63);
  }
}

// ---------------------------------------------------------------------------------------------
// The on-disk cache (cache/disk_cache.hpp): the tables as arrays of plain numbers, each with
// its length, behind a key that names the format and the dictionary they were built from.

constexpr std::string_view kCacheMagic = "brandlint suggester tables 13\n";

// What the tables depend on: this format, the dictionary's two files as they are now, the
// encoding and the language's built-in confusions. Empty when a file cannot be read.
std::string cache_key(const std::string& aff_path, const std::string& dic_path,
                      const std::string& encoding, std::string_view lang) {
  std::string key(kCacheMagic);
  for (const std::string& path : {aff_path, dic_path}) {
    const std::string identity = cache::file_identity(path);
    if (identity.empty()) return {};
    key += identity;
  }
  key += encoding + ' ' + std::string(lang) + '\n';
  return key;
}

}  // namespace

// What the n-gram pass needs besides the form hashes: the affix rules, the stems (kept as the
// .dic text and where each line starts, so as not to hold 100,000 small strings) and, per
// letter pair, the stems holding it.
struct Suggester::Lexicon {
  FlagType flag_type = FlagType::single;
  ConditionElements condition_elements;  // what the rules' conditions point to
  std::unordered_map<std::uint64_t, std::vector<AffixRule>> rules;
  // An affix rule and the flag it is under.
  struct FlaggedRule {
    std::uint64_t flag;
    const AffixRule* rule;
  };
  // Elisions Hunspell reads as prefixes ("PFX T 0 l' [aeiouh]"), written in lowercase and
  // stripping nothing, by the head they add ("l'", "dell'", "qu'").
  std::unordered_map<std::u32string, std::vector<FlaggedRule>> elisions;
  std::unordered_set<std::uint64_t> elision_flags;
  // The suffix rules that combine with prefixes, by the last letter they add (0: none): an
  // elided word's tail is read back to its stem through them.
  std::unordered_map<char32_t, std::vector<FlaggedRule>> cross_suffixes;
  std::unordered_set<std::uint64_t> cross_flags;  // flags of those suffixes
  std::unordered_set<std::uint64_t> continued;  // those of them with a rule continued by an elision
  bool full_strip = false;                      // FULLSTRIP: a suffix may replace a whole stem
  // The .dic text, UTF-8, each line cut to the word and its flags: held when the tables were
  // built, and a view into the mapped cache file when they were read from it, so that a
  // cached dictionary's .dic is neither read nor converted at start-up.
  std::string dic_built;
  std::string_view dic;
  Table<std::uint32_t> entries;       // where each stem's line starts in `dic`
  Table<std::uint32_t> root_stem;     // roots: a stem, or a stem with one of its prefixes
  Table<std::uint8_t> root_lengths;   // each root's length in code points, at most 255
  Table<std::uint32_t> bucket_start;  // roots of bucket b: postings[start[b], start[b+1])
  Table<std::uint32_t> postings;

  struct Scratch {
    std::u32string form, form2;
    std::vector<std::u32string> cross_forms;
  };

  // Stem `i` in lowercase, and its flags.
  std::u32string stem(std::size_t i, std::vector<std::uint64_t>* flags) const {
    const std::size_t start = entries[i];
    const std::size_t end = std::min(dic.find('\n', start), dic.size());
    const DicEntry e = split_entry(std::string_view(dic).substr(start, end - start));
    flags->clear();
    if (e.has_flags) *flags = decode_flags(e.flags, flag_type);
    return lower(to_u32(e.word));
  }

  // Calls emit(form) for the stem and every form its flags make: one level of suffixes, their
  // own suffixes (an affix's flags, as in Spanish "dá+me+lo"), prefixes, and prefixes on
  // suffixed forms when both allow it. Elided articles ("l'", "dell'") are not expanded: they
  // would multiply the Italian and French tables, and suggest() handles them apart.
  template <class Emit>
  void expand(const std::u32string& stem, const std::vector<std::uint64_t>& flags, Scratch& scratch,
              Emit&& emit) const {
    emit(stem);
    std::u32string& form = scratch.form;
    std::u32string& form2 = scratch.form2;
    auto& cross_forms = scratch.cross_forms;
    auto add_suffix = [](const std::u32string& base, const AffixRule& r, std::u32string& out) {
      out.assign(base, 0, base.size() - r.strip.size());
      out += r.add;
    };
    cross_forms.clear();
    for (std::uint64_t flag : flags) {
      auto found = rules.find(flag);
      if (found == rules.end()) continue;
      for (const AffixRule& r : found->second) {
        if (!r.suffix || !r.applies_to(stem)) continue;
        add_suffix(stem, r, form);
        emit(form);
        if (r.cross) cross_forms.push_back(form);
        for (std::uint64_t next_flag : r.continuation) {
          auto next = rules.find(next_flag);
          if (next == rules.end()) continue;
          for (const AffixRule& r2 : next->second) {
            if (!r2.suffix || !r2.applies_to(form)) continue;
            add_suffix(form, r2, form2);
            emit(form2);
          }
        }
      }
    }
    for (std::uint64_t flag : flags) {
      auto found = rules.find(flag);
      if (found == rules.end()) continue;
      for (const AffixRule& r : found->second) {
        if (r.suffix || !r.applies_to(stem) || r.add.find(U'\'') != std::u32string::npos) {
          continue;
        }
        form = r.add;
        form.append(stem, r.strip.size());
        emit(form);
        if (!r.cross) continue;
        for (const std::u32string& suffixed : cross_forms) {
          if (suffixed.compare(0, r.strip.size(), r.strip) != 0) continue;
          form = r.add;
          form.append(suffixed, r.strip.size());
          emit(form);
        }
      }
    }
  }

  std::size_t bytes() const {
    return dic_built.capacity() + entries.owned_bytes() + root_stem.owned_bytes() +
           root_lengths.owned_bytes() + bucket_start.owned_bytes() + postings.owned_bytes();
  }
};

Suggester::Suggester() = default;
Suggester::~Suggester() = default;

std::size_t Suggester::table_bytes() const {
  return forms_.bytes() + proper_.bytes() + unsure_.bytes() + hidden_.bytes() + capitals_.bytes() +
         taken_.bytes() + taken_capitalised_.bytes() + hidden_taken_.bytes() +
         hidden_rooted_.bytes() + runs_.size() * sizeof(std::uint64_t) +
         (lexicon_ ? lexicon_->bytes() : 0);
}

std::string Suggester::save_tables(const std::string& key) const {
  const Lexicon& lex = *lexicon_;
  cache::Writer out;
  std::size_t room = key.size() + 64;
  for (const Table<std::uint32_t>* t :
       {&lex.entries, &lex.root_stem, &lex.bucket_start, &lex.postings}) {
    room += t->size() * sizeof(std::uint32_t) + 16;
  }
  room += lex.root_lengths.size() + lex.dic.size() + 32;
  for (const HashSet64* set : {&forms_, &proper_, &unsure_, &hidden_, &elided_, &capitals_, &taken_,
                               &taken_capitalised_, &hidden_taken_, &hidden_rooted_}) {
    room += set->bytes() + 32;
  }
  for (const auto& word : no_suggest_) room += (word.size() + 1) * sizeof(char32_t);
  room += runs_.size() * sizeof(std::uint64_t) + 16;
  out.reserve(room);
  out.text(key);
  out.number<std::uint8_t>(apostrophe_words_ ? 1 : 0);
  out.number<std::uint8_t>(verdicts_ ? 1 : 0);
  std::vector<char32_t> no_suggest;  // the words, each ended by a 0
  std::vector<std::u32string> sorted(no_suggest_.begin(), no_suggest_.end());
  std::sort(sorted.begin(), sorted.end());
  for (const auto& word : sorted) {
    no_suggest.insert(no_suggest.end(), word.begin(), word.end());
    no_suggest.push_back(0);
  }
  out.array(no_suggest);
  out.text(lex.dic);
  for (const Table<std::uint32_t>* t : {&lex.entries, &lex.root_stem})
    out.array(t->data(), t->size());
  out.array(lex.root_lengths.data(), lex.root_lengths.size());
  for (const Table<std::uint32_t>* t : {&lex.bucket_start, &lex.postings}) {
    out.array(t->data(), t->size());
  }
  for (const HashSet64* set : {&forms_, &proper_, &unsure_, &hidden_, &elided_, &capitals_, &taken_,
                               &taken_capitalised_, &hidden_taken_, &hidden_rooted_}) {
    out.number<std::uint64_t>(set->size());
    out.array(set->slots().data(), set->slots().size());
  }
  out.array(runs_.data(), runs_.size());
  return std::move(out.bytes());
}

bool Suggester::restore_tables(std::shared_ptr<const cache::Mapped> file, const std::string& key) {
  cache::Reader in(file->bytes());
  std::string_view saved_key;
  std::uint8_t apostrophes = 0, verdicts = 0;
  std::vector<char32_t> no_suggest;
  // The arrays stay in the mapped file; the tables point into it.
  auto view = [&in](auto* table) {
    using T = std::remove_reference_t<decltype((*table)[0])>;
    const std::remove_const_t<T>* data = nullptr;
    std::size_t n = 0;
    if (!in.view(&data, &n)) return false;
    *table = Table<std::remove_const_t<T>>(data, n);
    return true;
  };
  Table<std::uint32_t> entries, root_stem, bucket_start, postings;
  Table<std::uint8_t> root_lengths;
  std::string_view dic;
  if (!in.text(&saved_key) || saved_key != key || !in.number(&apostrophes) ||
      !in.number(&verdicts) || !in.array(&no_suggest) || !in.text(&dic) || !view(&entries) ||
      !view(&root_stem) || !view(&root_lengths) || !view(&bucket_start) || !view(&postings)) {
    return false;
  }
  // Every index must point inside what it indexes.
  const auto below = [](const Table<std::uint32_t>& v, std::size_t limit) {
    return std::all_of(v.begin(), v.end(), [limit](std::uint32_t x) { return x < limit; });
  };
  if (!below(entries, dic.size()) || !below(root_stem, entries.size()) ||
      root_lengths.size() != root_stem.size() ||
      bucket_start.size() != (std::size_t{1} << kBucketBits) + 1 || bucket_start[0] != 0 ||
      bucket_start[bucket_start.size() - 1] != postings.size() ||
      !std::is_sorted(bucket_start.begin(), bucket_start.end()) ||
      !below(postings, root_stem.size())) {
    return false;
  }
  HashSet64 sets[10];
  for (HashSet64& set : sets) {
    std::uint64_t size = 0;
    Table<std::uint32_t> slots;
    if (!in.number(&size) || !view(&slots) ||
        !set.restore(std::move(slots), static_cast<std::size_t>(size))) {
      return false;
    }
  }
  Table<std::uint64_t> runs;
  if (!view(&runs) || runs.size() != kRunWords || !in.at_end()) return false;
  // All read and checked: only now do the tables change, so a refused file leaves nothing
  // behind for load() to build over.
  Lexicon& lex = *lexicon_;
  lex.dic = dic;
  lex.entries = std::move(entries);
  lex.root_stem = std::move(root_stem);
  lex.root_lengths = std::move(root_lengths);
  lex.bucket_start = std::move(bucket_start);
  lex.postings = std::move(postings);
  forms_ = std::move(sets[0]);
  proper_ = std::move(sets[1]);
  unsure_ = std::move(sets[2]);
  hidden_ = std::move(sets[3]);
  elided_ = std::move(sets[4]);
  capitals_ = std::move(sets[5]);
  taken_ = std::move(sets[6]);
  taken_capitalised_ = std::move(sets[7]);
  hidden_taken_ = std::move(sets[8]);
  hidden_rooted_ = std::move(sets[9]);
  verdicts_ = verdicts != 0;
  runs_ = std::move(runs);
  cache_file_ = std::move(file);
  apostrophe_words_ = apostrophes != 0;
  std::u32string word;
  for (char32_t c : no_suggest) {
    if (c == 0) {
      no_suggest_.insert(word);
      word.clear();
    } else {
      word += c;
    }
  }
  return true;
}

char32_t Suggester::base_of(char32_t c) const {
  if (c < base_table_.size()) return base_table_[c];
  auto found = base_letter_.find(c);
  return found == base_letter_.end() ? c : found->second;
}

// ---------------------------------------------------------------------------------------------
// Loading

std::unique_ptr<Suggester> Suggester::load(const std::string& aff_path, const std::string& dic_path,
                                           const std::string& encoding, std::string_view lang,
                                           const std::string& cache_dir, const Spell& spell) {
  auto s = std::unique_ptr<Suggester>(new Suggester());
  s->lexicon_ = std::make_unique<Lexicon>();
  Lexicon& lex = *s->lexicon_;
  const std::string aff = read_text(aff_path, encoding);
  FlagType& flag_type = lex.flag_type;
  std::uint64_t no_suggest_flag = 0;
  bool has_no_suggest = false;
  // Flags under which Hunspell may refuse a form our expansion makes: a forbidden word, a
  // part of compounds only, a word kept in its case, an affix needing another (circumfix) or
  // a stem needing an affix. Those forms stay in forms_ for suggestions (spell() confirms
  // them) but are not taken as words on the tables' word alone (is_form(word, true)).
  std::vector<std::uint64_t> unsure_flags, need_affix_flags;
  std::string key_layout;
  auto& rules = lex.rules;
  std::unordered_set<std::string> affix_headers, cross_headers;

  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  std::u32string letters;
  auto add_letter = [&](char32_t c) {
    c = static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
    if (!u_isalpha(static_cast<UChar32>(c)) || letters.find(c) != std::u32string::npos) return;
    letters += c;
    icu::UnicodeString decomposed;
    if (U_SUCCESS(status) && nfd->getDecomposition(static_cast<UChar32>(c), decomposed) &&
        decomposed.length() > 0) {
      const auto base = static_cast<char32_t>(decomposed.char32At(0));
      if (base != c) {
        s->base_letter_.emplace(c, base);
        return;  // accented: tried only in place of its relatives (e → é), see variants_
      }
    }
    s->alphabet_ += c;
  };
  for (char c = 'a'; c <= 'z'; ++c) add_letter(static_cast<char32_t>(c));

  std::istringstream lines(aff);
  std::string line;
  while (std::getline(lines, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const auto f = fields(line);
    if (f.empty() || f[0][0] == '#') continue;
    const std::string_view cmd = f[0];
    if (cmd == "FULLSTRIP") {
      lex.full_strip = true;
    } else if (cmd == "FLAG" && f.size() > 1) {
      if (f[1] == "long") flag_type = FlagType::long_pair;
      if (f[1] == "num") flag_type = FlagType::number;
    } else if (cmd == "TRY" && f.size() > 1) {
      for (char32_t c : to_u32(f[1])) add_letter(c);
    } else if (cmd == "KEY" && f.size() > 1) {
      key_layout = std::string(f[1]);
    } else if (cmd == "NOSUGGEST" && f.size() > 1) {
      const auto flags = decode_flags(f[1], flag_type);
      if (!flags.empty()) {
        no_suggest_flag = flags[0];
        has_no_suggest = true;
      }
    } else if ((cmd == "FORBIDDENWORD" || cmd == "ONLYINCOMPOUND" || cmd == "KEEPCASE" ||
                cmd == "CIRCUMFIX" || cmd == "NEEDAFFIX" || cmd == "PSEUDOROOT") &&
               f.size() > 1) {
      const auto flags = decode_flags(f[1], flag_type);
      if (!flags.empty()) {
        (cmd == "NEEDAFFIX" || cmd == "PSEUDOROOT" ? need_affix_flags : unsure_flags)
            .push_back(flags[0]);
      }
    } else if (cmd == "MAP" && f.size() > 1 && !std::all_of(f[1].begin(), f[1].end(), ::isdigit)) {
      // MAP aáAÁ: related letters; the first lowercase one stands for the group.
      const std::u32string group = lower(to_u32(f[1]));
      if (group.empty() || group.find(U'(') != std::u32string::npos) continue;
      for (char32_t c : group) {
        if (c != group[0]) s->base_letter_.emplace(c, group[0]);
        add_letter(c);
      }
    } else if (cmd == "REP" && f.size() > 2) {
      Pair p;
      std::u32string from = lower(to_u32(f[1])), to = lower(to_u32(f[2]));
      if (!from.empty() && from.front() == U'^') {
        p.at_start = true;
        from.erase(0, 1);
      }
      if (!from.empty() && from.back() == U'$') {
        p.at_end = true;
        from.pop_back();
      }
      if (!to.empty() && to.front() == U'^') to.erase(0, 1);
      if (!to.empty() && to.back() == U'$') to.pop_back();
      std::replace(to.begin(), to.end(), U'_', U' ');
      if (from.empty() || from == to) continue;
      p.from = std::move(from);
      p.to = std::move(to);
      p.cost = kPairCost;
      s->pairs_.push_back(std::move(p));
    } else if ((cmd == "SFX" || cmd == "PFX") && f.size() >= 4) {
      const std::string header = std::string(cmd) + " " + std::string(f[1]);
      if (affix_headers.insert(header).second) {  // SFX A Y 81: Y = combines with prefixes
        if (f[2] == "Y") cross_headers.insert(header);
        continue;
      }
      const auto flags = decode_flags(f[1], flag_type);
      if (flags.empty()) continue;
      AffixRule r;
      r.suffix = cmd == "SFX";
      r.cross = cross_headers.count(header) > 0;
      if (f[2] != "0") r.strip = lower(to_u32(f[2]));
      std::string_view add = f[3];
      const std::size_t slash = add.find('/');
      if (slash != std::string_view::npos) {
        r.continuation = decode_flags(add.substr(slash + 1), flag_type);
        add = add.substr(0, slash);
      }
      if (add != "0") r.add = lower(to_u32(add));
      r.lowercase =
          (f[2] == "0" || r.strip == to_u32(f[2])) && (add == "0" || r.add == to_u32(add));
      r.condition = parse_condition(f.size() > 4 ? f[4] : ".", lex.condition_elements);
      if (r.condition.size() == 1 && r.condition[0]->any) r.condition.clear();
      rules[flags[0]].push_back(std::move(r));
    }
  }

  // Accent variants: each letter of a group (e é è ê ë) can stand for any other.
  std::unordered_map<char32_t, std::u32string> groups;
  for (auto [letter, base] : s->base_letter_) groups[base] += letter;
  for (auto& [base, members] : groups) {
    members += base;
    std::sort(members.begin(), members.end());
    for (char32_t m : members) {
      for (char32_t other : members) {
        if (other != m) s->variants_[m] += other;
      }
    }
  }

  // Keyboard neighbours and sound-alike letters, both ways.
  if (key_layout.empty()) key_layout = kQwerty;
  {
    const std::u32string layout = lower(to_u32(key_layout));
    for (std::size_t i = 0; i + 1 < layout.size(); ++i) {
      if (layout[i] == U'|' || layout[i + 1] == U'|') continue;
      s->neighbours_.insert(pack2(layout[i], layout[i + 1]));
      s->neighbours_.insert(pack2(layout[i + 1], layout[i]));
    }
  }
  for (const auto& c : sound_alike_letters(lang)) {
    const std::u32string a = to_u32(c.from), b = to_u32(c.to);
    s->sound_alikes_.insert(pack2(a[0], b[0]));
    s->sound_alikes_.insert(pack2(b[0], a[0]));
  }
  // The same facts as arrays, for the hot loop: base letters of the Latin blocks, and a table
  // of ASCII letter pairs.
  s->base_table_.resize(0x250);
  for (char32_t c = 0; c < 0x250; ++c) {
    auto found = s->base_letter_.find(c);
    s->base_table_[c] = found == s->base_letter_.end() ? c : found->second;
  }
  s->letter_pairs_.assign(128 * 128, 0);
  for (std::uint64_t p : s->neighbours_) {
    const auto a = static_cast<char32_t>(p >> 21), b = static_cast<char32_t>(p & 0x1FFFFF);
    if (a < 128 && b < 128) s->letter_pairs_[a * 128 + b] |= 1;
  }
  for (std::uint64_t p : s->sound_alikes_) {
    const auto a = static_cast<char32_t>(p >> 21), b = static_cast<char32_t>(p & 0x1FFFFF);
    if (a < 128 && b < 128) s->letter_pairs_[a * 128 + b] |= 2;
  }
  for (const auto& c : confused_spellings(lang)) {
    for (int way = 0; way < 2; ++way) {
      Pair p;
      p.from = to_u32(way == 0 ? c.from : c.to);
      p.to = to_u32(way == 0 ? c.to : c.from);
      p.cost = kPairCost;
      s->pairs_.push_back(std::move(p));
    }
  }

  auto has_any = [](const std::vector<std::uint64_t>& of, const std::vector<std::uint64_t>& in) {
    return std::any_of(of.begin(), of.end(), [&](std::uint64_t f) {
      return std::find(in.begin(), in.end(), f) != in.end();
    });
  };

  // Elided articles and pronouns ("l'", "dell'", "qu'"): a candidate "d'accordo" is plausible
  // when its head is one of them and its tail a form. Those written in lowercase and adding
  // just the head are also indexed, to judge an elided word without Hunspell (elided()).
  for (const auto& [flag, list] : rules) {
    for (const AffixRule& r : list) {
      const std::size_t apostrophe = r.add.find(U'\'');
      if (r.suffix || apostrophe == std::u32string::npos) continue;
      s->elision_heads_.insert(r.add.substr(0, apostrophe + 1));
      if (r.lowercase && r.strip.empty() && apostrophe + 1 == r.add.size() &&
          r.continuation.empty()) {
        lex.elisions[r.add].push_back({flag, &r});
        lex.elision_flags.insert(flag);
      }
    }
  }
  if (!lex.elisions.empty()) {
    for (const auto& [flag, list] : rules) {
      for (const AffixRule& r : list) {
        // Not those that need another affix, or forbid or restrict the form, after them.
        if (!r.suffix || !r.cross || has_any(r.continuation, unsure_flags) ||
            has_any(r.continuation, need_affix_flags)) {
          continue;
        }
        lex.cross_suffixes[r.add.empty() ? 0 : r.add.back()].push_back({flag, &r});
        lex.cross_flags.insert(flag);
        for (std::uint64_t next : r.continuation) {
          if (lex.elision_flags.count(next) > 0) lex.continued.insert(flag);
        }
      }
    }
  }

  const std::string key = cache_dir.empty() ? "" : cache_key(aff_path, dic_path, encoding, lang);
  const std::string cached = key.empty() ? "" : cache_path(dic_path, lang, cache_dir);
  if (!cached.empty() && s->restore_tables(cache::Mapped::open(cached), key)) {
    s->from_cache_ = true;
    return s;
  }
  // Every stem with each of its affixes, hashed; the stems are kept for the n-gram pass.
  lex.dic_built = word_and_flags(read_text(dic_path, encoding));
  lex.dic = lex.dic_built;
  const std::string_view dic = lex.dic;
  std::size_t pos = dic.find('\n');  // the first line is the word count
  std::vector<std::uint64_t> forms, flags;
  // Per form: 1 made by a capitalised stem, 2 by a stem whose forms are unsure, 4 by a stem
  // in capitals.
  std::vector<std::uint8_t> kinds;
  // Candidates, until the other stems speak.
  std::unordered_set<std::uint64_t> names, unsure, capitals;
  std::vector<std::uint64_t> hidden, elided;
  // A stem's forms in its own case, lowercased, by hash; spelled only when `spell` will need
  // them.
  std::unordered_map<std::uint64_t, std::u32string> cased;
  // The lowercase spelling of each form made unsure or by a NOSUGGEST stem, for Hunspell's
  // verdicts.
  std::unordered_map<std::uint64_t, std::u32string> verdict_text;
  std::vector<std::uint64_t> runs(kRunWords);
  Lexicon::Scratch cased_scratch;
  // An affix flag is unsure when one of its rules leads on to an unsure flag (CIRCUMFIX).
  std::unordered_set<std::uint64_t> unsure_affixes;
  for (const auto& [flag, list] : rules) {
    for (const AffixRule& r : list) {
      if (has_any(r.continuation, unsure_flags) || has_any(r.continuation, need_affix_flags)) {
        unsure_affixes.insert(flag);
      }
    }
  }
  std::vector<std::u32string> root_texts;
  std::vector<std::uint32_t> entries, root_stem;
  std::vector<std::uint8_t> root_lengths;
  Lexicon::Scratch scratch;
  while (pos != std::string::npos && pos < dic.size()) {
    const std::size_t end = std::min(dic.find('\n', pos + 1), dic.size());
    const std::size_t line_start = pos + 1;
    const DicEntry e = split_entry(std::string_view(dic).substr(line_start, end - line_start));
    pos = end;
    if (e.word.empty()) continue;
    const std::u32string original = to_u32(e.word);
    const std::u32string stem = lower(original);
    flags.clear();
    if (e.has_flags) flags = decode_flags(e.flags, flag_type);
    const bool no_suggest =
        has_no_suggest && std::find(flags.begin(), flags.end(), no_suggest_flag) != flags.end();
    if (no_suggest) s->no_suggest_.insert(stem);
    if (stem.find(U'\'') != std::u32string::npos) s->apostrophe_words_ = true;
    // The n-gram pass looks words up by their roots: the stem, and the stem with each of its
    // prefixes (en_US has "appear" and a prefix "dis", no "disappear").
    const auto stem_index = static_cast<std::uint32_t>(entries.size());
    entries.push_back(static_cast<std::uint32_t>(line_start));
    auto add_root = [&](std::u32string text) {
      root_stem.push_back(stem_index);
      root_lengths.push_back(static_cast<std::uint8_t>(std::min<std::size_t>(text.size(), 255)));
      root_texts.push_back(std::move(text));
    };
    add_root(stem);
    for (std::uint64_t flag : flags) {
      auto found = rules.find(flag);
      if (found == rules.end()) continue;
      for (const AffixRule& r : found->second) {
        if (r.suffix || !r.applies_to(stem) || r.add.find(U'\'') != std::u32string::npos) continue;
        add_root(r.add + stem.substr(r.strip.size()));
      }
    }
    // Names (Friday, Málaga) are offered capitalised even when the user wrote lowercase.
    const text::LetterCase letters = text::letter_case(e.word);
    const bool capitalised = letters.first_upper;
    // A capital after the first letter (NASA, iPhone, McDonald): Hunspell wants that case.
    const bool mixed_case = letters.upper > (letters.first_upper ? 1 : 0);
    const bool unsure_stem = mixed_case || has_any(flags, unsure_flags) ||
                             std::any_of(flags.begin(), flags.end(), [&](std::uint64_t f) {
                               return unsure_affixes.count(f) > 0;
                             });
    const bool needs_affix = has_any(flags, need_affix_flags);
    // Hunspell matches affix conditions against the stem as the dictionary writes it: "Z/S"
    // takes no "es", since [sxzh] is lowercase. The forms come from the lowercase stem, so
    // for a stem with capitals, those its own case does not make (and those only its case
    // makes) are Hunspell's to judge.
    cased.clear();
    if (original != stem) {
      lex.expand(original, flags, cased_scratch, [&](const std::u32string& form) {
        const std::u32string lowered = lower(form);
        cased.emplace(form_hash(lowered), spell ? lowered : std::u32string());
        add_runs(lowered, runs);
      });
    }
    // A stem in capitals (IMO, PARC/S): Hunspell takes its forms in capitals or as written.
    const bool in_capitals = letters.letters >= 2 && letters.upper == letters.letters;
    auto add_form = [&](std::uint64_t h, bool is_unsure, const std::u32string* text) {
      if (spell && text != nullptr && (is_unsure || no_suggest)) verdict_text.emplace(h, *text);
      forms.push_back(h);
      kinds.push_back(static_cast<std::uint8_t>((capitalised ? 1 : 0) | (is_unsure ? 2 : 0) |
                                                (in_capitals ? 4 : 0)));
      if (capitalised) names.insert(h);
      if (in_capitals) capitals.insert(h);
      if (is_unsure) unsure.insert(h);
      if (no_suggest) hidden.push_back(h);
    };
    bool bare = true;  // expand() emits the stem itself first
    lex.expand(stem, flags, scratch, [&](const std::u32string& form) {
      const std::uint64_t h = form_hash(form);
      add_runs(form, runs);
      const bool own_case = original == stem || cased.erase(h) > 0;
      add_form(h, unsure_stem || (bare && needs_affix) || !own_case, &form);
      bare = false;
    });
    for (const auto& [h, spelled] : cased) add_form(h, true, &spelled);
    // The stems an elided word may be read back to (see elided()): written in lowercase and
    // taken by Hunspell; keyed with each elision flag they carry, when the stem is a word alone
    // (French verbs' stems need a suffix); with each suffix flag continued by an elision; and
    // with each pair of an elision flag and a suffix flag, both combining, that they carry
    // (one entry's flags: "open/L'D'Q'" and "open/S.()" are two entries).
    if (lex.elisions.empty() || original != stem || unsure_stem) continue;
    const std::uint64_t stem_hash = form_hash(stem);
    for (std::uint64_t flag : flags) {
      if (lex.elision_flags.count(flag) > 0) {
        if (!needs_affix) elided.push_back(elision_key(flag, stem_hash));
        continue;
      }
      if (lex.cross_flags.count(flag) == 0) continue;
      if (lex.continued.count(flag) > 0) elided.push_back(elision_key(flag, stem_hash));
      for (std::uint64_t elision : flags) {
        if (lex.elision_flags.count(elision) > 0) {
          elided.push_back(elision_key(flag_pair(elision, flag), stem_hash));
        }
      }
    }
  }
  // Only names: "may" is also a month, "el" only a name in English. And unsure only when no
  // other stem makes the form surely. Names and unsure forms are a few thousand, the others
  // millions: sets of the few, and one pass over the rest.
  for (std::size_t i = 0; i < forms.size(); ++i) {
    if ((kinds[i] & 1) == 0) names.erase(forms[i]);
    if ((kinds[i] & 2) == 0) unsure.erase(forms[i]);
    if ((kinds[i] & 4) == 0) capitals.erase(forms[i]);
  }
  kinds = {};
  s->forms_.build(std::move(forms));
  s->proper_.build(std::vector<std::uint64_t>(names.begin(), names.end()));
  // Hunspell's own verdicts, asked once here: on each unsure form written in lowercase and
  // capitalised (the language detector asks about lowercase words; a suggestion's candidates
  // are in the typo's case), and on each form a NOSUGGEST stem makes, in lowercase, with
  // whether the root Hunspell reads it from is such a stem (then it is never suggested).
  // Without them, one such word ("dal" in an Italian post, to fr_FR; "vie" as a French
  // candidate) loads Hunspell (30-50 ms).
  std::vector<std::uint64_t> taken, taken_capitalised, hidden_taken, hidden_rooted;
  if (spell) {
    bool all = true;
    std::string root;
    for (std::uint64_t h : unsure) {
      const auto text = verdict_text.find(h);
      all = all && text != verdict_text.end();
      if (!all) break;
      if (spell(to_utf8(text->second), nullptr)) taken.push_back(h);
      std::u32string title = text->second;
      title[0] = static_cast<char32_t>(u_toupper(static_cast<UChar32>(title[0])));
      if (spell(to_utf8(title), nullptr)) taken_capitalised.push_back(h);
    }
    for (std::uint64_t h : std::unordered_set<std::uint64_t>(hidden.begin(), hidden.end())) {
      const auto text = verdict_text.find(h);
      all = all && text != verdict_text.end();
      if (!all) break;
      root.clear();
      if (!spell(to_utf8(text->second), &root)) continue;
      const bool rooted = !root.empty() && s->no_suggest_.count(lower(to_u32(root))) > 0;
      (rooted ? hidden_rooted : hidden_taken).push_back(h);
    }
    s->verdicts_ = all;
  }
  s->taken_.build(std::move(taken));
  s->taken_capitalised_.build(std::move(taken_capitalised));
  s->hidden_taken_.build(std::move(hidden_taken));
  s->hidden_rooted_.build(std::move(hidden_rooted));
  s->unsure_.build(std::vector<std::uint64_t>(unsure.begin(), unsure.end()));
  s->capitals_.build(std::vector<std::uint64_t>(capitals.begin(), capitals.end()));
  s->hidden_.build(std::move(hidden));
  s->elided_.build(std::move(elided));
  s->runs_ = Table<std::uint64_t>(std::move(runs));

  // The n-gram index: for each letter pair of "^root$" (accents folded), the roots holding it.
  // Two passes, counting and then filling, so the postings are one array.
  std::vector<std::uint32_t> keys;
  auto root_keys = [&](const std::u32string& root) {
    char32_t last = U'^';
    keys.clear();
    for (std::size_t k = 0; k <= root.size(); ++k) {
      const char32_t next = k < root.size() ? s->base_of(root[k]) : U'$';
      keys.push_back(pair_bucket(last, next));
      last = next;
    }
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  };
  std::vector<std::uint32_t> bucket_start((std::size_t{1} << kBucketBits) + 1, 0);
  for (const std::u32string& root : root_texts) {
    root_keys(root);
    for (std::uint32_t k : keys) ++bucket_start[k + 1];
  }
  for (std::size_t b = 1; b < bucket_start.size(); ++b) bucket_start[b] += bucket_start[b - 1];
  std::vector<std::uint32_t> postings(bucket_start.back());
  std::vector<std::uint32_t> fill(bucket_start.begin(), bucket_start.end() - 1);
  for (std::size_t i = 0; i < root_texts.size(); ++i) {
    root_keys(root_texts[i]);
    for (std::uint32_t k : keys) postings[fill[k]++] = static_cast<std::uint32_t>(i);
  }
  lex.entries = Table<std::uint32_t>(std::move(entries));
  lex.root_stem = Table<std::uint32_t>(std::move(root_stem));
  lex.root_lengths = Table<std::uint8_t>(std::move(root_lengths));
  lex.bucket_start = Table<std::uint32_t>(std::move(bucket_start));
  lex.postings = Table<std::uint32_t>(std::move(postings));
  if (!cached.empty()) {
    cache::write(cached, s->save_tables(key));
    // Tables of this dictionary and language that an earlier version left under another name.
    // Their keys name the dictionary file on a line of its own and end with the language.
    std::error_code error;
    const std::string dic_line = '\n' + std::filesystem::canonical(dic_path, error).string() + ' ';
    const std::string lang_end = ' ' + std::string(lang) + '\n';
    cache::remove_replaced(cache_dir, ".tables", cached, [&](std::string_view old) {
      return old.find(dic_line) != std::string_view::npos && old.size() >= lang_end.size() &&
             old.substr(old.size() - lang_end.size()) == lang_end;
    });
  }
  return s;
}

std::string Suggester::cache_path(const std::string& dic_path, std::string_view lang,
                                  const std::string& cache_dir) {
  // One file per dictionary and language, named after where the dictionary is: a new version
  // of it replaces the file rather than adding one.
  std::error_code error;
  const std::string real = std::filesystem::canonical(dic_path, error).string();
  if (error) return {};
  return cache::file_for(cache_dir, std::filesystem::path(dic_path).stem().string(),
                         real + ' ' + std::string(lang), ".tables");
}

// ---------------------------------------------------------------------------------------------
// Suggesting

Held Suggester::held(std::string_view word) const {
  std::uint64_t hash = 0;
  return held(word, &hash);
}

Held Suggester::held(std::string_view word, std::uint64_t* hash) const {
  const std::u32string w = to_u32(word);
  if (w.empty()) return Held::none;
  const std::u32string folded = lower(w);
  const std::uint64_t h = form_hash(folded);
  *hash = h;
  // As Hunspell reads case: a name's forms only with their capital ("El", not "el"), and the
  // forms of a stem in capitals only with a capital after the first letter (IMO, PARCs; not
  // "Imo" or "imo").
  if (!u_isupper(static_cast<UChar32>(w[0])) && proper_.contains(h)) return Held::none;
  const text::LetterCase l = text::letter_case(word);
  const bool upper_after_first = l.upper > (l.first_upper ? 1 : 0);
  if (!upper_after_first && capitals_.contains(h)) return Held::none;
  // Surely a word: a form as it stands. An elided head and a word (l'école, c'est in an
  // Italian post) depend on which heads go with which words: read back through the affix
  // file's rules (elided()), as Hunspell reads them. Written in mixed case (OCaml, iPhone), a word
  // is Hunspell's to judge too: only the dictionary's own case, or all capitals, passes.
  if ((!upper_after_first || l.lower == 0) && !unsure_.contains(h) && forms_.contains(h)) {
    return Held::sure;
  }
  // A form only stems Hunspell may refuse alone make, in lowercase or capitalised: as
  // Hunspell answered when the tables were built.
  if (verdicts_ && unsure_.contains(h) && forms_.contains(h)) {
    if (l.upper == 0) return taken_.contains(h) ? Held::sure : Held::none;
    if (l.first_upper && l.upper == 1 &&
        w[0] == static_cast<char32_t>(u_toupper(static_cast<UChar32>(folded[0])))) {
      return taken_capitalised_.contains(h) ? Held::sure : Held::none;
    }
  }
  if (!plausible(folded)) return Held::none;
  // An elided word in lowercase or with its first letter capitalised, as Hunspell then also
  // tries it in lowercase (L'attesa); in capitals (L'ATTESA) Hunspell recases its parts. Read
  // back only when its head is an elision and the rest a form (plausible()): a suggestion's
  // search asks about thousands of candidates with an apostrophe put in.
  if (!upper_after_first && !unsure_.contains(h) && elided(folded)) return Held::sure;
  return Held::form;
}

bool Suggester::elided(const std::u32string& w) const {
  const std::size_t apostrophe = w.find(U'\'');
  if (apostrophe == std::u32string::npos || apostrophe + 1 >= w.size() || elided_.size() == 0) {
    return false;
  }
  const Lexicon& lex = *lexicon_;
  const auto heads = lex.elisions.find(w.substr(0, apostrophe + 1));
  if (heads == lex.elisions.end()) return false;
  const std::u32string tail = w.substr(apostrophe + 1);
  const auto has = [&](std::uint64_t flag, std::uint64_t stem) {
    return elided_.contains(elision_key(flag, stem));
  };
  // As Hunspell reads it: the prefix's condition holds on the tail, and the tail is a stem
  // carrying the prefix's flag ...
  const std::uint64_t whole = form_hash(tail);
  std::vector<const Lexicon::FlaggedRule*> crossing;  // the heads' rules that go on to suffixes
  for (const Lexicon::FlaggedRule& e : heads->second) {
    if (!e.rule->applies_to(tail)) continue;
    if (has(e.flag, whole)) return true;
    if (e.rule->cross) crossing.push_back(&e);
  }
  if (crossing.empty()) return false;
  // ... or a stem and a suffix that combines with the prefix, the stem carrying the suffix's
  // flag and either the prefix's or a suffix continued by it (n'hésitez: hésiter + "er → ez",
  // whose flags allow n').
  std::u32string stem;
  for (const char32_t last : {tail.back(), char32_t{0}}) {
    const auto suffixes = lex.cross_suffixes.find(last);
    if (suffixes == lex.cross_suffixes.end()) continue;
    for (const Lexicon::FlaggedRule& sfx : suffixes->second) {
      const AffixRule& r = *sfx.rule;
      if (r.add.size() > tail.size() || (r.add.size() == tail.size() && !lex.full_strip) ||
          tail.compare(tail.size() - r.add.size(), r.add.size(), r.add) != 0) {
        continue;
      }
      stem.assign(tail, 0, tail.size() - r.add.size());
      stem += r.strip;
      if (!r.applies_to(stem)) continue;
      const std::uint64_t h = form_hash(stem);
      for (const Lexicon::FlaggedRule* e : crossing) {
        const bool continued = std::find(r.continuation.begin(), r.continuation.end(), e->flag) !=
                               r.continuation.end();
        if ((continued && has(sfx.flag, h)) || has(flag_pair(e->flag, sfx.flag), h)) return true;
      }
    }
  }
  return false;
}

std::optional<bool> Suggester::offered(std::string_view word, std::string* root) const {
  const text::LetterCase l = text::letter_case(word);
  const auto apostrophes = static_cast<std::size_t>(std::count(word.begin(), word.end(), '\''));
  if (l.code_points == 0 || l.letters + apostrophes != l.code_points) return std::nullopt;
  std::uint64_t h = 0;
  const Held how = held(word, &h);
  if (how == Held::none) return false;
  const auto taken = [&](bool rooted_in_no_suggest) {
    if (root != nullptr) {
      root->clear();
      if (rooted_in_no_suggest) *root = to_utf8(*no_suggest_.begin());
    }
    return true;
  };
  // A word with an apostrophe is sure either as a form (yesterday's), which hidden_ covers,
  // or read back as elided, which it does not.
  if (how == Held::sure && !hidden_.contains(h) && (apostrophes == 0 || forms_.contains(h))) {
    return taken(false);
  }
  // A form a NOSUGGEST stem makes: whether Hunspell takes it, and from which root.
  if (verdicts_ && how == Held::sure && apostrophes == 0 && l.upper == 0 && hidden_.contains(h)) {
    if (hidden_taken_.contains(h)) return taken(false);
    if (!hidden_rooted_.contains(h)) return false;
    if (!no_suggest_.empty()) return taken(true);
  }
  // An elided word in lowercase or with its first letter capitalised (s'il, d'avanzi,
  // T'orino, s'mardi), which Hunspell also reads in lowercase: read back through the affix
  // rules to the stem of the word after the apostrophe, which is then Hunspell's root. Surely
  // a word, and suggested when no NOSUGGEST stem makes that word; held as a form only, it is
  // not read back, and Hunspell refuses it too, unless that word comes from a stem Hunspell
  // may refuse alone, which elided() does not read: then only when such stems make it in
  // capitals or as names alone (n'amd, s'imei), which Hunspell does not take in lowercase.
  const bool lowercase_after_first = l.upper == 0 || (l.first_upper && l.upper == 1);
  if (verdicts_ && apostrophes == 1 && lowercase_after_first && how != Held::none) {
    const std::u32string w = lower(to_u32(word));
    const std::size_t apostrophe = w.find(U'\'');
    const std::uint64_t tail = form_hash(w.data() + apostrophe + 1, w.size() - apostrophe - 1);
    if (how == Held::sure && !hidden_.contains(h) && !hidden_.contains(tail)) return taken(false);
    if (how == Held::form && !forms_.contains(h) &&
        (!unsure_.contains(tail) || capitals_.contains(tail) || proper_.contains(tail))) {
      return false;
    }
  }
  return std::nullopt;
}

bool Suggester::plausible(const std::u32string& w) const {
  const std::size_t space = w.find(U' ');
  if (space == std::u32string::npos) {
    if (forms_.contains(form_hash(w))) return true;
    const std::size_t apostrophe = w.find(U'\'');
    return apostrophe != std::u32string::npos && apostrophe + 1 < w.size() &&
           elision_heads_.count(w.substr(0, apostrophe + 1)) > 0 &&
           forms_.contains(form_hash(w.data() + apostrophe + 1, w.size() - apostrophe - 1));
  }
  return space > 0 && space + 1 < w.size() && forms_.contains(form_hash(w.data(), space)) &&
         forms_.contains(form_hash(w.data() + space + 1, w.size() - space - 1));
}

float Suggester::replace_cost(char32_t from, char32_t to) const {
  const char32_t base_from = base_of(from), base_to = base_of(to);
  if (base_from == base_to) return kAccentCost;
  std::uint8_t relation = 0;
  if (from < 128 && to < 128) {
    relation = letter_pairs_[from * 128 + to];
  } else {
    relation = (neighbours_.count(pack2(from, to)) > 0 ? 1 : 0) |
               (sound_alikes_.count(pack2(from, to)) > 0 ? 2 : 0);
  }
  if ((relation & 2) != 0) return kSoundAlikeCost;
  if (is_vowel(base_from) && is_vowel(base_to)) return kVowelCost;
  if ((relation & 1) != 0) return kNeighbourCost;
  return kEditCost;
}

// Calls emit(candidate, cost) for each single edit of `w`; when `narrow`, only the likelier
// ones (no replace or insert of an unrelated letter), used after a first edit to keep the
// pairs of edits to a few thousand. `candidate` is a reused buffer: copy it to keep it.
template <class Emit>
void Suggester::single_edits(const std::u32string& w, bool narrow, Emit&& emit) const {
  const std::size_t n = w.size();
  std::u32string c;
  c.reserve(n + 8);
  auto first = [](std::size_t i) { return i == 0 ? kFirstLetterCost : 0.0f; };
  // Most candidates are not forms, and one holding a run of letters that no form holds cannot
  // be: such candidates are not made. An edit changes only the runs of "^w$" around it, so
  // when the runs of w that no form holds lie outside them, no candidate made there can be a
  // form; and of the others, only those whose new runs are all held. Always made: the cheap
  // ones, which seed a second edit (in the first pass), and those holding an apostrophe, which
  // plausible() judges without the forms. e(p) is "^w$" with both ends 0, run k starts at k.
  const bool prune = !runs_.empty() && w.find(U'\'') == std::u32string::npos;
  const auto size = static_cast<std::ptrdiff_t>(n);
  const auto e = [&](std::ptrdiff_t p) { return framed(w, p); };
  // Whether the runs lo..hi of a candidate's "^c$" (`length` long, read through `at`) are held.
  const std::uint64_t* bits = runs_.data();
  const auto runs_held = [bits](auto&& at, std::ptrdiff_t lo, std::ptrdiff_t hi,
                                std::ptrdiff_t length) {
    for (std::ptrdiff_t k = std::max<std::ptrdiff_t>(lo, 0); k <= hi && k + kRun <= length; ++k) {
      const std::uint32_t bit = run_bit(at, k);
      if (((bits[bit >> 6] >> (bit & 63)) & 1) == 0) return false;
    }
    return true;
  };
  std::ptrdiff_t lacking_first = 0, lacking_last = -1;  // w's runs no form holds, as a range
  for (std::ptrdiff_t k = 0; prune && k + kRun <= size + 2; ++k) {
    if (runs_held(e, k, k, size + 2)) continue;
    if (lacking_last < 0) lacking_first = k;
    lacking_last = k;
  }
  // Whether an edit that changes w's runs lo..hi may mend all the lacking ones.
  const auto mends = [&](std::ptrdiff_t lo, std::ptrdiff_t hi) {
    return lacking_last < 0 || (lacking_first >= lo && lacking_last <= hi);
  };
  const auto skip = [&](float cost) { return prune && (narrow || cost > kSeedLimit); };
  for (std::size_t i = 0; i < n; ++i) {  // deletes
    const bool doubled = (i > 0 && w[i - 1] == w[i]) || (i + 1 < n && w[i + 1] == w[i]);
    const float cost = (doubled ? kDoubleCost : w[i] == U'h' ? kSilentHCost : kEditCost) + first(i);
    const auto p = static_cast<std::ptrdiff_t>(i) + 1;  // where the letter was in "^w$"
    if (skip(cost) && (!mends(p + 1 - kRun, p) ||
                       !runs_held([&](std::ptrdiff_t q) { return q < p ? e(q) : e(q + 1); },
                                  p + 1 - kRun, p - 1, size + 1))) {
      continue;
    }
    c.assign(w, 0, i);
    c.append(w, i + 1);
    emit(c, cost);
  }
  for (std::size_t i = 0; i + 1 < n; ++i) {  // transposes
    if (w[i] == w[i + 1]) continue;
    const float cost = kTransposeCost + first(i);
    const auto p = static_cast<std::ptrdiff_t>(i) + 1;  // swapped with p + 1
    if (skip(cost) &&
        (!mends(p + 1 - kRun, p + 1) ||
         !runs_held([&](std::ptrdiff_t q) { return q == p       ? e(p + 1)
                                                   : q == p + 1 ? e(p)
                                                                : e(q); },
                    p + 1 - kRun, p + 1, size + 2))) {
      continue;
    }
    c = w;
    std::swap(c[i], c[i + 1]);
    emit(c, cost);
  }
  // In the second pass every candidate of a place whose runs cannot be mended is skipped:
  // the place is not tried at all (alphabet_ and variants_ hold letters, never an apostrophe).
  for (std::size_t i = 0; i < n; ++i) {  // replaces
    const auto p = static_cast<std::ptrdiff_t>(i) + 1;
    const bool place = mends(p + 1 - kRun, p);
    if (prune && narrow && !place) continue;
    c = w;
    auto replace = [&](char32_t letter) {
      if (letter == w[i]) return;
      const float base = replace_cost(w[i], letter);
      if (narrow && base >= kEditCost) return;
      const float cost = base + first(i);
      if (skip(cost) &&
          !(place && runs_held([&](std::ptrdiff_t q) { return q == p ? letter : e(q); },
                               p + 1 - kRun, p, size + 2))) {
        return;
      }
      c[i] = letter;
      emit(c, cost);
    };
    for (char32_t letter : alphabet_) replace(letter);
    auto related = variants_.find(w[i]);
    if (related != variants_.end()) {
      for (char32_t letter : related->second) {
        if (alphabet_.find(letter) == std::u32string::npos) replace(letter);
      }
    }
  }
  for (std::size_t i = 0; i <= n; ++i) {                // inserts
    const auto p = static_cast<std::ptrdiff_t>(i) + 1;  // where the letter goes in "^c$"
    const bool place = mends(p + 1 - kRun, p - 1);
    if (prune && narrow && !place) continue;
    for (char32_t letter : alphabet_) {
      const bool doubling = (i > 0 && w[i - 1] == letter) || (i < n && w[i] == letter);
      const float base = doubling ? kDoubleCost : letter == U'h' ? kSilentHCost : kOmittedCost;
      if (narrow && base >= kOmittedCost && !is_vowel(letter)) continue;
      const float cost = base + first(i);
      if (skip(cost) && !(place && runs_held(
                                       [&](std::ptrdiff_t q) {
                                         return q < p ? e(q) : q == p ? letter : e(q - 1);
                                       },
                                       p + 1 - kRun, p, size + 3))) {
        continue;
      }
      c.assign(w, 0, i);
      c += letter;
      c.append(w, i);
      emit(c, cost);
    }
  }
  // A missing apostrophe (hadnt → hadn't, daccordo → d'accordo) is as common as a missing
  // accent in languages that have words with one.
  if (apostrophe_words_ && w.find(U'\'') == std::u32string::npos) {
    for (std::size_t i = 1; i < n; ++i) {
      c.assign(w, 0, i);
      c += U'\'';
      c.append(w, i);
      emit(c, kApostropheCost);
    }
  }
  for (const Pair& p : pairs_) {  // REP lines and confusions
    for (std::size_t at = w.find(p.from); at != std::u32string::npos; at = w.find(p.from, at + 1)) {
      if (p.at_start && at != 0) break;
      if (p.at_end && at + p.from.size() != n) continue;
      c.assign(w, 0, at);
      c += p.to;
      c.append(w, at + p.from.size());
      emit(c, p.cost);
    }
  }
}

// Optimal string alignment distance (insert, delete, replace, swap of neighbours) with the costs
// of single_edits(), so the n-gram pass ranks its finds on the same scale as the edits.
float Suggester::weighted_distance(const std::u32string& a, const std::u32string& b) const {
  const std::size_t n = a.size(), m = b.size();
  auto doubled = [](const std::u32string& s, std::size_t i) {
    return (i > 0 && s[i - 1] == s[i]) || (i + 1 < s.size() && s[i + 1] == s[i]);
  };
  auto indel = [&](const std::u32string& s, std::size_t i) {
    return doubled(s, i) ? kDoubleCost : s[i] == U'h' ? kSilentHCost : kEditCost;
  };
  auto omitted = [&](std::size_t j) {  // b[j] is a letter a left out
    return doubled(b, j) ? kDoubleCost : b[j] == U'h' ? kSilentHCost : kOmittedCost;
  };
  // Three rows: the one before the previous is needed for swaps.
  std::vector<float> before(m + 1), prev(m + 1), cur(m + 1);
  prev[0] = 0;
  for (std::size_t j = 1; j <= m; ++j) prev[j] = prev[j - 1] + omitted(j - 1);
  for (std::size_t i = 1; i <= n; ++i) {
    cur[0] = prev[0] + indel(a, i - 1);
    for (std::size_t j = 1; j <= m; ++j) {
      float best =
          a[i - 1] == b[j - 1] ? prev[j - 1] : prev[j - 1] + replace_cost(a[i - 1], b[j - 1]);
      best = std::min(best, prev[j] + indel(a, i - 1));
      best = std::min(best, cur[j - 1] + omitted(j - 1));
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && a[i - 1] != a[i - 2]) {
        best = std::min(best, before[j - 2] + kTransposeCost);
      }
      cur[j] = best;
    }
    std::swap(before, prev);
    std::swap(prev, cur);
  }
  float d = prev[m];
  if (n > 0 && m > 0 && base_of(a[0]) != base_of(b[0])) d += kFirstLetterCost;
  return d;
}

// How the n-gram pass bounds its work: the stems sharing most letter pairs with the word, and
// of their forms, those of about the word's length sharing most pairs, go on to the distance.
constexpr std::size_t kNgramStems = 40;
constexpr std::size_t kNgramForms = 12;

template <class Emit>
void Suggester::ngram_candidates(const std::u32string& w, Emit&& emit) const {
  const Lexicon& lex = *lexicon_;
  const std::size_t roots = lex.root_stem.size();
  if (roots == 0 || w.size() < 3) return;
  std::u32string folded = U"^";
  for (char32_t c : w) folded += base_of(c);
  folded += U'$';
  // The word's letter pairs; the first two (^d, di) weigh double, as a misspelling seldom
  // changes its start and a stem that starts the same way is likelier the one meant.
  std::vector<std::pair<std::uint32_t, std::uint8_t>> weighted;
  for (std::size_t k = 0; k + 1 < folded.size(); ++k) {
    weighted.push_back({pair_bucket(folded[k], folded[k + 1]), k < 2 ? 2 : 1});
  }
  std::sort(weighted.begin(), weighted.end(), [](const auto& a, const auto& b) {
    return a.first < b.first || (a.first == b.first && a.second > b.second);
  });
  weighted.erase(std::unique(weighted.begin(), weighted.end(),
                             [](const auto& a, const auto& b) { return a.first == b.first; }),
                 weighted.end());
  std::vector<std::uint32_t> query;
  // The same pairs as a bit per bucket, which the forms' pairs are looked up in below.
  std::vector<std::uint64_t> in_query((std::size_t{1} << kBucketBits) / 64, 0);
  for (const auto& [key, weight] : weighted) {
    query.push_back(key);
    in_query[key >> 6] |= std::uint64_t{1} << (key & 63);
  }

  // Shared pairs per root. The counters are per thread and zeroed again after use. Counting
  // touches tens of thousands of postings per word, so the loop has no branch: each posting is
  // written to `reached` and kept there only when it makes its root reach `need` shared pairs
  // (once per root, as counts only grow).
  const std::size_t need = std::max<std::size_t>(2, query.size() / 3);
  thread_local std::vector<std::uint8_t> shared;
  thread_local std::vector<std::uint32_t> reached;
  if (shared.size() < roots) shared.assign(roots, 0);
  if (reached.size() < roots + 1) reached.resize(roots + 1);
  std::uint8_t* const counts = shared.data();
  std::uint32_t* const out = reached.data();
  std::size_t n_reached = 0;
  const std::uint32_t* const postings = lex.postings.data();
  for (const auto& [key, weight] : weighted) {
    const std::uint32_t* p = postings + lex.bucket_start[key];
    const std::uint32_t* const end = postings + lex.bucket_start[key + 1];
    for (; p != end; ++p) {
      const std::uint32_t root = *p;
      const std::size_t before = counts[root];
      const std::size_t after = before + weight;
      counts[root] = static_cast<std::uint8_t>(after);
      out[n_reached] = root;
      n_reached +=
          static_cast<std::size_t>(before < need) & static_cast<std::size_t>(after >= need);
    }
  }
  // A root scores its shared pairs, less what it has beyond the word's length (a root may be
  // shorter: the affixes add the rest) and a little for a very short root; among equals, the
  // root with the larger share of its own pairs in the word comes first.
  const auto n = static_cast<float>(w.size());
  std::vector<std::pair<float, std::uint32_t>> ranked;
  ranked.reserve(n_reached);
  for (std::size_t i = 0; i < n_reached; ++i) {
    const std::uint32_t root = out[i];
    const auto count = static_cast<float>(counts[root]);
    const auto len = static_cast<float>(lex.root_lengths[root]);
    const float score = count - 0.5f * std::max(0.0f, len - n) -
                        0.25f * std::max(0.0f, n - len - 4.0f) + count / (len + 3.0f);
    ranked.push_back({-score, root});
  }
  std::fill(counts, counts + roots, std::uint8_t{0});
  const std::size_t keep_stems = std::min(kNgramStems, ranked.size());
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(keep_stems),
                    ranked.end());

  // Their forms of about the word's length, by the share of the word's pairs they hold. A
  // Spanish or Italian verb has hundreds of forms: only those that could still be among the
  // best `kNgramForms` are copied, and the list is cut back whenever it grows long.
  const std::size_t slack = std::max<std::size_t>(2, w.size() / 4);
  std::vector<std::pair<float, std::u32string>> forms;  // (-dice, form), best first once cut
  float worst_kept = 0.0f;  // forms scoring above this (-dice) cannot make the list
  bool full = false;
  auto cut = [&]() {
    std::sort(forms.begin(), forms.end());
    forms.erase(std::unique(forms.begin(), forms.end()), forms.end());
    if (forms.size() >= kNgramForms) {
      forms.resize(kNgramForms);
      worst_kept = forms.back().first;
      full = true;
    }
  };
  std::vector<std::uint64_t> flags;
  Lexicon::Scratch scratch;
  std::unordered_set<std::uint32_t> expanded;
  for (std::size_t r = 0; r < keep_stems; ++r) {
    const std::uint32_t stem_index = lex.root_stem[ranked[r].second];
    if (!expanded.insert(stem_index).second) continue;
    const std::u32string stem = lex.stem(stem_index, &flags);
    lex.expand(stem, flags, scratch, [&](const std::u32string& form) {
      if (form.size() + slack < w.size() || form.size() > w.size() + slack) return;
      std::size_t common = 0;
      char32_t last = U'^';
      for (std::size_t k = 0; k <= form.size(); ++k) {
        const char32_t next = k < form.size() ? base_of(form[k]) : U'$';
        const std::uint32_t pair = pair_bucket(last, next);
        common += (in_query[pair >> 6] >> (pair & 63)) & 1;
        last = next;
      }
      const float dice =
          2.0f * static_cast<float>(common) / static_cast<float>(query.size() + form.size() + 1);
      if (full && -dice > worst_kept) return;
      forms.push_back({-dice, form});
      if (forms.size() >= 4 * kNgramForms) cut();
    });
  }
  cut();
  for (const auto& [score, form] : forms) emit(form, weighted_distance(w, form));
}

struct Suggester::Candidate {
  std::u32string word;
  float cost;
};

std::vector<std::string> Suggester::suggest(std::string_view word, std::size_t max,
                                            const IsWord& is_word) const {
  const std::size_t hyphen = word.find('-');
  if (hyphen != std::string_view::npos && hyphen > 0 && word.back() != '-') {
    return suggest_hyphenated(word, max, is_word);
  }
  return suggest_word(word, max, is_word);
}

// A compound with hyphens (case-insensitve, corss-compiling) is corrected part by part: the
// dictionary seldom holds the compound itself, and its parts are words.
std::vector<std::string> Suggester::suggest_hyphenated(std::string_view word, std::size_t max,
                                                       const IsWord& is_word) const {
  std::vector<std::string> out;
  std::vector<std::vector<std::string>> options;  // per part: itself, or its suggestions
  std::size_t start = 0;
  bool any_wrong = false;
  for (std::size_t dash = word.find('-');; dash = word.find('-', start)) {
    const std::string part(word.substr(start, dash - start));
    std::vector<std::string> mine;
    if (part.empty() || is_word(part, nullptr)) {
      mine.push_back(part);
    } else {
      any_wrong = true;
      for (auto& s : suggest_word(part, 3, is_word)) {
        if (s.find(' ') == std::string::npos) mine.push_back(std::move(s));
      }
    }
    if (mine.empty()) break;
    options.push_back(std::move(mine));
    if (dash == std::string_view::npos) break;
    start = dash + 1;
  }
  auto add = [&](std::string s) {
    if (out.size() < max && std::find(out.begin(), out.end(), s) == out.end()) {
      out.push_back(std::move(s));
    }
  };
  const std::size_t parts = static_cast<std::size_t>(std::count(word.begin(), word.end(), '-')) + 1;
  if (any_wrong && options.size() == parts) {
    // The best of every part first, then the second and third choices of one part at a time.
    auto join = [&](std::size_t varied, std::size_t choice) {
      std::string s;
      for (std::size_t i = 0; i < options.size(); ++i) {
        if (i > 0) s += '-';
        s += options[i][i == varied ? choice : 0];
      }
      return s;
    };
    add(join(0, 0));
    for (std::size_t choice = 1; choice < 3; ++choice) {
      for (std::size_t i = 0; i < options.size(); ++i) {
        if (choice < options[i].size()) add(join(i, choice));
      }
    }
  }
  // The whole as one word: "non-transperent" may also be "nontransparent".
  for (auto& s : suggest_word(word, max, is_word)) add(std::move(s));
  return out;
}

std::vector<std::string> Suggester::suggest_word(std::string_view word, std::size_t max,
                                                 const IsWord& is_word) const {
  std::vector<std::string> out;
  const std::u32string original = to_u32(word);
  if (original.empty() || max == 0) return out;
  const std::u32string w = lower(original);

  // The user's case: Recieved → Received, RECIEVED → RECEIVED.
  const bool all_upper =
      original.size() > 1 && std::all_of(original.begin(), original.end(), [](char32_t c) {
        return !u_isalpha(static_cast<UChar32>(c)) || u_isupper(static_cast<UChar32>(c));
      });
  const bool capitalised = !all_upper && u_isupper(static_cast<UChar32>(original[0]));
  // After an elided article the word keeps its own capital: dell'Adolorata → dell'Addolorata.
  const std::size_t quote = original.find(U'\'');
  const bool capital_after_quote = !all_upper && quote != std::u32string::npos &&
                                   quote + 1 < original.size() &&
                                   u_isupper(static_cast<UChar32>(original[quote + 1]));
  auto shown = [&](std::u32string s) {
    if (all_upper) {
      for (char32_t& ch : s) ch = static_cast<char32_t>(u_toupper(static_cast<UChar32>(ch)));
    } else if (capitalised && !s.empty()) {
      s[0] = static_cast<char32_t>(u_totitle(static_cast<UChar32>(s[0])));
    }
    const std::size_t at = s.find(U'\'');
    if (capital_after_quote && at == quote && at + 1 < s.size()) {
      s[at + 1] = static_cast<char32_t>(u_totitle(static_cast<UChar32>(s[at + 1])));
    }
    return to_utf8(s);
  };

  // Candidates that are forms, with their cheapest cost. Most candidates are not forms, and the
  // time goes in the form table's cache misses; so candidates wait in a batch whose slots are
  // prefetched, and are looked up together.
  std::unordered_map<std::u32string, float> costs;
  auto remember = [&](const std::u32string& c, float cost) {
    auto [it, inserted] = costs.try_emplace(c, cost);
    if (!inserted && cost < it->second) it->second = cost;
  };
  struct Pending {
    std::u32string word;
    float cost = 0;
    std::uint64_t hash = 0;
  };
  constexpr std::size_t kBatch = 32;
  std::vector<Pending> batch(kBatch);
  std::size_t pending = 0;
  auto flush = [&]() {
    for (std::size_t i = 0; i < pending; ++i) {
      const Pending& p = batch[i];
      if (forms_.contains(p.hash) ||
          (p.word.find(U'\'') != std::u32string::npos && plausible(p.word))) {
        remember(p.word, p.cost);
      }
    }
    pending = 0;
  };
  auto keep = [&](const std::u32string& c, float cost, float limit = kMaxCost) {
    if (cost > limit || c == w) return;
    if (c.find(U' ') != std::u32string::npos) {  // two words: rare, checked at once
      if (plausible(c)) remember(c, cost);
      return;
    }
    Pending& p = batch[pending];
    p.word.assign(c);
    p.cost = cost;
    p.hash = form_hash(c);
    forms_.prefetch(p.hash);
    if (++pending == kBatch) flush();
  };

  struct Found {
    std::string word;
    float cost;
  };
  std::vector<Found> found;
  std::unordered_set<std::u32string> checked;
  std::size_t spell_calls = 0;
  // Checks the candidates gathered so far, cheapest first, until `max` words are found and the
  // next candidate costs more than the last of them.
  auto confirm = [&]() {
    flush();
    std::vector<Candidate> ranked;
    ranked.reserve(costs.size());
    for (auto& [c, cost] : costs) {
      if (checked.count(c) == 0) ranked.push_back({c, cost});
    }
    std::sort(ranked.begin(), ranked.end(), [&](const Candidate& a, const Candidate& b) {
      if (a.cost != b.cost) return a.cost < b.cost;
      const auto da =
          a.word.size() > w.size() ? a.word.size() - w.size() : w.size() - a.word.size();
      const auto db =
          b.word.size() > w.size() ? b.word.size() - w.size() : w.size() - b.word.size();
      if (da != db) return da < db;
      return a.word < b.word;
    });
    for (const Candidate& c : ranked) {
      if (found.size() >= max && c.cost > found[max - 1].cost) break;
      if (spell_calls >= kMaxSpellCalls) break;
      checked.insert(c.word);
      std::string text = shown(c.word);
      float cost = c.cost;
      // A name written in lowercase (firday, malaga) is offered capitalised, after the common
      // words as close: someone who typed "ese" meant "see" more likely than "Ede".
      if (!capitalised && !all_upper && proper_.contains(form_hash(c.word)) &&
          c.word.find(U' ') == std::u32string::npos) {
        ++spell_calls;
        if (!is_word(text, nullptr)) {
          std::u32string title = c.word;
          title[0] = static_cast<char32_t>(u_totitle(static_cast<UChar32>(title[0])));
          text = to_utf8(title);
          cost += kNameCost;
        }
      }
      bool ok = true;
      std::string root;
      std::size_t start = 0;
      for (std::size_t space = text.find(' ');; space = text.find(' ', start)) {
        const std::string part = text.substr(start, space - start);
        ++spell_calls;
        root.clear();
        if (!is_word(part, &root) || no_suggest_.count(lower(to_u32(part))) > 0 ||
            (!root.empty() && no_suggest_.count(lower(to_u32(root))) > 0)) {
          ok = false;
          break;
        }
        if (space == std::string::npos) break;
        start = space + 1;
      }
      if (!ok) continue;
      found.push_back({text, cost});
      std::stable_sort(found.begin(), found.end(),
                       [](const Found& a, const Found& b) { return a.cost < b.cost; });
    }
  };

  // Every single edit first; then, for a short word, unless three words cheaper than any pair
  // of edits were found, a cheap edit (accent, doubled letter, REP pair) followed by any
  // single edit (tommorow → tomorrow, fascie → fasce); then, if still short of three, the
  // n-gram pass; then two words ("alot" → "a lot"). Pairs of edits cost time in proportion to
  // the square of the length, and the n-gram pass finds them in long words about as well:
  // measured with bench/suggest_quality, pairs of edits on words of eight letters and more
  // doubled the time for less than half a point of top-3 accuracy.
  const std::size_t enough = std::min<std::size_t>(max, 3);
  std::vector<Candidate> seeds;
  single_edits(w, false, [&](const std::u32string& c, float cost) {
    keep(c, cost);
    if (cost <= kSeedLimit && c != w) seeds.push_back({c, cost});
  });
  confirm();
  if (w.size() <= kMaxLengthForPairs &&
      (found.size() < enough || found[enough - 1].cost > 2 * kAccentCost)) {
    for (const Candidate& seed : seeds) {
      single_edits(seed.word, true,
                   [&](const std::u32string& c, float cost) { keep(c, seed.cost + cost); });
    }
    confirm();
  }
  // Too few: three or more slips, or two unlikely ones (experimanental, coeffient). The n-gram
  // pass ranks its finds by weighted distance, on the edits' scale but further out. Not after
  // a cheap correction (an accent, a doubled letter, a REP pair: accomodate, pequeno): the
  // writer almost surely meant that word, and what the pass adds ranks below it. Measured with
  // bench/suggest_quality on 6,000 words twice over: English top-3 unchanged, Spanish 0.1
  // point lower, for a third to a half less time.
  const bool cheap_found = !found.empty() && found.front().cost <= kSeedLimit;
  // Two words run together (thankyou, allwomen) before the n-gram pass, whose finds would
  // otherwise fill the three places: a part of one letter only when it is a vowel ("a lot",
  // not "the w").
  if (found.size() < enough && !cheap_found && w.size() >= 4) {
    for (std::size_t i = 1; i < w.size(); ++i) {
      if ((i == 1 && !is_vowel(w[0])) || (i + 1 == w.size() && !is_vowel(w.back()))) continue;
      keep(w.substr(0, i) + U' ' + w.substr(i), kRunTogetherCost);
    }
    confirm();
  }
  if (found.size() < enough && !cheap_found) {
    ngram_candidates(w, [&](const std::u32string& c, float cost) { keep(c, cost, kMaxNgramCost); });
    confirm();
  }
  if (found.size() < enough && w.size() >= 4) {
    for (std::size_t i = 1; i < w.size(); ++i) {
      keep(w.substr(0, i) + U' ' + w.substr(i), kSplitCost);
    }
    confirm();
  }

  // An elided article or pronoun (l'ecole, dell'aqua, o'clok): correct the word after it.
  const std::size_t apostrophe = original.find(U'\'');
  if (found.empty() && apostrophe != std::u32string::npos && apostrophe >= 1 && apostrophe <= 6 &&
      original.size() - apostrophe > 3) {
    const std::string head = to_utf8(original.substr(0, apostrophe + 1));
    out = suggest_word(to_utf8(original.substr(apostrophe + 1)), max, is_word);
    for (auto& s : out) s.insert(0, head);
    return out;
  }
  for (auto& f : found) {
    if (out.size() >= max) break;
    if (std::find(out.begin(), out.end(), f.word) == out.end()) out.push_back(std::move(f.word));
  }
  return out;
}

}  // namespace brandlint::spelling
