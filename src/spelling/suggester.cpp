#include "spelling/suggester.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace brandlint::spelling {

// ---------------------------------------------------------------------------------------------
// HashSet64

void HashSet64::build(std::vector<std::uint64_t> keys) {
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  std::size_t slots = 1024;
  while (slots * 3 < keys.size() * 4) slots *= 2;
  slots_.assign(slots, 0);
  mask_ = slots - 1;
  size_ = keys.size();
  for (std::uint64_t key : keys) {
    std::size_t i = key & mask_;
    while (slots_[i] != 0) i = (i + 1) & mask_;
    slots_[i] = fingerprint(key);
  }
}

namespace {

// The costs of single edits. A typo rarely changes the first letter; accents, doubled letters
// and letters that sound alike are the commonest real misspellings, so they cost least.
constexpr float kAccentCost = 0.3f;       // e → é
constexpr float kDoubleCost = 0.4f;       // m → mm, ll → l
constexpr float kPairCost = 0.5f;         // REP line or a confusion like ll/y, ph/f
constexpr float kSoundAlikeCost = 0.6f;   // b/v, c/s, i/y
constexpr float kSilentHCost = 0.6f;      // h dropped or added
constexpr float kTransposeCost = 0.7f;    // ie → ei
constexpr float kVowelCost = 0.75f;       // a → e (schwa: definately, seperate)
constexpr float kNeighbourCost = 0.8f;    // a key next to the right one
constexpr float kEditCost = 1.0f;         // any other insert, delete or replace
constexpr float kFirstLetterCost = 0.3f;  // added when the edit touches the first letter
constexpr float kSplitCost = 1.1f;        // "alot" → "a lot"
constexpr float kSeedLimit = kPairCost;   // edits cheap enough to be followed by another
constexpr float kMaxCost = 2.0f;
// Bounds the spell() calls per word: an unknown name with many plausible neighbours would
// otherwise cost several milliseconds.
constexpr std::size_t kMaxSpellCalls = 300;

constexpr std::uint64_t pack(char32_t a, char32_t b, char32_t c) {
  return (static_cast<std::uint64_t>(a) << 42) | (static_cast<std::uint64_t>(b) << 21) | c;
}
constexpr std::uint64_t pack2(char32_t a, char32_t b) { return pack(0, a, b); }

std::u32string to_u32(std::string_view utf8) {
  std::u32string out;
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto len = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < len;) {
    UChar32 c;
    U8_NEXT(s, i, len, c);
    if (c >= 0) out += static_cast<char32_t>(c);
  }
  return out;
}

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
  static const std::u32string kVowels = U"aeiouy";
  return kVowels.find(c) != std::u32string::npos;
}

std::string read_text(const std::string& path, const std::string& encoding) {
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const bool utf8 = encoding.empty() || encoding == "UTF-8" || encoding == "utf-8" ||
                    encoding == "UTF8" || encoding == "utf8";
  if (utf8) return bytes;
  icu::UnicodeString u(bytes.data(), static_cast<int32_t>(bytes.size()), encoding.c_str());
  std::string out;
  u.toUTF8String(out);
  return out;
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

std::vector<ConditionElement> parse_condition(std::string_view text) {
  std::vector<ConditionElement> out;
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
    out.push_back(std::move(e));
  }
  return out;
}

struct AffixRule {
  bool suffix = true, cross = false;
  std::u32string strip, add;
  std::vector<std::uint64_t> continuation;
  std::vector<ConditionElement> condition;

  // Hunspell matches a suffix condition against the end of the stem (before stripping), a
  // prefix condition against its start.
  bool applies_to(const std::u32string& stem) const {
    if (stem.size() < strip.size() || stem.size() < condition.size()) return false;
    if (suffix) {
      if (stem.compare(stem.size() - strip.size(), strip.size(), strip) != 0) return false;
      const std::size_t start = stem.size() - condition.size();
      for (std::size_t k = 0; k < condition.size(); ++k) {
        if (!condition[k].matches(stem[start + k])) return false;
      }
    } else {
      if (stem.compare(0, strip.size(), strip) != 0) return false;
      for (std::size_t k = 0; k < condition.size(); ++k) {
        if (!condition[k].matches(stem[k])) return false;
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
  static const std::vector<Confusion> it = {{"qu", "cu"},  {"cqu", "qu"}, {"gli", "li"},
                                            {"sci", "si"}, {"gn", "ni"},  {"zz", "z"},
                                            {"zi", "ti"},  {"ch", "c"},   {"gh", "g"}};
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

}  // namespace

// ---------------------------------------------------------------------------------------------
// Loading

std::unique_ptr<Suggester> Suggester::load(const std::string& aff_path, const std::string& dic_path,
                                           const std::string& encoding, std::string_view lang) {
  auto s = std::unique_ptr<Suggester>(new Suggester());
  const std::string aff = read_text(aff_path, encoding);
  FlagType flag_type = FlagType::single;
  std::uint64_t no_suggest_flag = 0;
  bool has_no_suggest = false;
  std::string key_layout;
  std::unordered_map<std::uint64_t, std::vector<AffixRule>> rules;
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
    if (cmd == "FLAG" && f.size() > 1) {
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
      r.condition = parse_condition(f.size() > 4 ? f[4] : ".");
      if (r.condition.size() == 1 && r.condition[0].any) r.condition.clear();
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
  for (const auto& c : confused_spellings(lang)) {
    for (int way = 0; way < 2; ++way) {
      Pair p;
      p.from = to_u32(way == 0 ? c.from : c.to);
      p.to = to_u32(way == 0 ? c.to : c.from);
      p.cost = kPairCost;
      s->pairs_.push_back(std::move(p));
    }
  }

  // Every stem with each of its affixes: one level of suffixes, their own suffixes (an
  // affix's flags, as in Spanish "dá+me+lo"), prefixes, and prefixes on suffixed forms when
  // both allow it.
  const std::string dic = read_text(dic_path, encoding);
  std::size_t pos = dic.find('\n');  // the first line is the word count
  std::u32string form, form2;
  std::vector<std::u32string> cross_forms;
  std::vector<std::uint64_t> forms;
  auto add_suffix = [](const std::u32string& stem, const AffixRule& r, std::u32string& out) {
    out.assign(stem, 0, stem.size() - r.strip.size());
    out += r.add;
  };
  while (pos != std::string::npos && pos < dic.size()) {
    const std::size_t end = std::min(dic.find('\n', pos + 1), dic.size());
    std::string_view entry(dic.data() + pos + 1, end - pos - 1);
    pos = end;
    const std::size_t stop = entry.find_first_of(" \t\r");
    if (stop != std::string_view::npos) entry = entry.substr(0, stop);
    std::size_t slash = entry.find('/');
    while (slash != std::string_view::npos && slash > 0 && entry[slash - 1] == '\\') {
      slash = entry.find('/', slash + 1);
    }
    const std::string_view word_text = entry.substr(0, slash);
    if (word_text.empty()) continue;
    const std::u32string stem = lower(to_u32(word_text));
    forms.push_back(form_hash(stem));
    if (slash == std::string_view::npos) continue;
    const auto flags = decode_flags(entry.substr(slash + 1), flag_type);
    cross_forms.clear();
    for (std::uint64_t flag : flags) {
      if (has_no_suggest && flag == no_suggest_flag) s->no_suggest_.insert(stem);
      auto found = rules.find(flag);
      if (found == rules.end()) continue;
      for (const AffixRule& r : found->second) {
        if (!r.suffix || !r.applies_to(stem)) continue;
        add_suffix(stem, r, form);
        forms.push_back(form_hash(form));
        if (r.cross) cross_forms.push_back(form);
        for (std::uint64_t next_flag : r.continuation) {
          auto next = rules.find(next_flag);
          if (next == rules.end()) continue;
          for (const AffixRule& r2 : next->second) {
            if (!r2.suffix || !r2.applies_to(form)) continue;
            add_suffix(form, r2, form2);
            forms.push_back(form_hash(form2));
          }
        }
      }
    }
    for (std::uint64_t flag : flags) {
      auto found = rules.find(flag);
      if (found == rules.end()) continue;
      for (const AffixRule& r : found->second) {
        // Elided articles ("l'", "dell'") are split off by suggest(), not expanded here.
        if (r.suffix || !r.applies_to(stem) || r.add.find(U'\'') != std::u32string::npos) {
          continue;
        }
        form = r.add;
        form.append(stem, r.strip.size());
        forms.push_back(form_hash(form));
        if (!r.cross) continue;
        for (const std::u32string& suffixed : cross_forms) {
          if (suffixed.compare(0, r.strip.size(), r.strip) != 0) continue;
          form = r.add;
          form.append(suffixed, r.strip.size());
          forms.push_back(form_hash(form));
        }
      }
    }
  }
  s->forms_.build(std::move(forms));
  return s;
}

// ---------------------------------------------------------------------------------------------
// Suggesting

bool Suggester::plausible(const std::u32string& w) const {
  const std::size_t space = w.find(U' ');
  if (space == std::u32string::npos) return forms_.contains(form_hash(w));
  return space > 0 && space + 1 < w.size() && forms_.contains(form_hash(w.data(), space)) &&
         forms_.contains(form_hash(w.data() + space + 1, w.size() - space - 1));
}

float Suggester::replace_cost(char32_t from, char32_t to) const {
  auto base = [&](char32_t c) {
    auto found = base_letter_.find(c);
    return found == base_letter_.end() ? c : found->second;
  };
  if (base(from) == base(to)) return kAccentCost;
  if (sound_alikes_.count(pack2(from, to)) > 0) return kSoundAlikeCost;
  if (is_vowel(base(from)) && is_vowel(base(to))) return kVowelCost;
  if (neighbours_.count(pack2(from, to)) > 0) return kNeighbourCost;
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
  for (std::size_t i = 0; i < n; ++i) {  // deletes
    const bool doubled = (i > 0 && w[i - 1] == w[i]) || (i + 1 < n && w[i + 1] == w[i]);
    const float cost = doubled ? kDoubleCost : w[i] == U'h' ? kSilentHCost : kEditCost;
    c.assign(w, 0, i);
    c.append(w, i + 1);
    emit(c, cost + first(i));
  }
  for (std::size_t i = 0; i + 1 < n; ++i) {  // transposes
    if (w[i] == w[i + 1]) continue;
    c = w;
    std::swap(c[i], c[i + 1]);
    emit(c, kTransposeCost + first(i));
  }
  for (std::size_t i = 0; i < n; ++i) {  // replaces
    c = w;
    auto replace = [&](char32_t letter) {
      if (letter == w[i]) return;
      const float cost = replace_cost(w[i], letter);
      if (narrow && cost >= kEditCost) return;
      c[i] = letter;
      emit(c, cost + first(i));
    };
    for (char32_t letter : alphabet_) replace(letter);
    auto related = variants_.find(w[i]);
    if (related != variants_.end()) {
      for (char32_t letter : related->second) {
        if (alphabet_.find(letter) == std::u32string::npos) replace(letter);
      }
    }
  }
  for (std::size_t i = 0; i <= n; ++i) {  // inserts
    for (char32_t letter : alphabet_) {
      const bool doubling = (i > 0 && w[i - 1] == letter) || (i < n && w[i] == letter);
      const float cost = doubling ? kDoubleCost : letter == U'h' ? kSilentHCost : kEditCost;
      if (narrow && cost >= kEditCost && !is_vowel(letter)) continue;
      c.assign(w, 0, i);
      c += letter;
      c.append(w, i);
      emit(c, cost + first(i));
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

struct Suggester::Candidate {
  std::u32string word;
  float cost;
};

std::vector<std::string> Suggester::suggest(std::string_view word, std::size_t max,
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
  auto shown = [&](std::u32string s) {
    if (all_upper) {
      for (char32_t& ch : s) ch = static_cast<char32_t>(u_toupper(static_cast<UChar32>(ch)));
    } else if (capitalised && !s.empty()) {
      s[0] = static_cast<char32_t>(u_totitle(static_cast<UChar32>(s[0])));
    }
    return to_utf8(s);
  };

  std::unordered_map<std::u32string, float> costs;
  auto keep = [&](const std::u32string& c, float cost) {
    if (cost > kMaxCost || c == w || !plausible(c)) return;
    auto [it, inserted] = costs.try_emplace(c, cost);
    if (!inserted && cost < it->second) it->second = cost;
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
      const std::string text = shown(c.word);
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
      found.push_back({text, c.cost});
      std::stable_sort(found.begin(), found.end(),
                       [](const Found& a, const Found& b) { return a.cost < b.cost; });
    }
  };

  // Every single edit first; then, unless three words cheaper than any pair of edits were
  // found, a cheap edit (accent, doubled letter, REP pair) followed by any single edit
  // (tommorow → tomorrow, abriviated → abbreviated); then two words ("alot" → "a lot").
  const std::size_t enough = std::min<std::size_t>(max, 3);
  std::vector<Candidate> seeds;
  single_edits(w, false, [&](const std::u32string& c, float cost) {
    keep(c, cost);
    if (cost <= kSeedLimit && c != w) seeds.push_back({c, cost});
  });
  confirm();
  if (found.size() < enough || found[enough - 1].cost > 2 * kAccentCost) {
    for (const Candidate& seed : seeds) {
      single_edits(seed.word, true,
                   [&](const std::u32string& c, float cost) { keep(c, seed.cost + cost); });
    }
    confirm();
  }
  // Still nothing: two errors, the first a likely one (ideosincratic → idiosyncratic).
  if (found.empty()) {
    seeds.clear();
    single_edits(w, true, [&](const std::u32string& c, float cost) {
      if (cost > kSeedLimit && cost <= kNeighbourCost) seeds.push_back({c, cost});
    });
    for (const Candidate& seed : seeds) {
      single_edits(seed.word, true,
                   [&](const std::u32string& c, float cost) { keep(c, seed.cost + cost); });
    }
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
    out = suggest(to_utf8(original.substr(apostrophe + 1)), max, is_word);
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
