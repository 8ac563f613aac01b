#include "rules/literal_screen.hpp"

#include <algorithm>
#include <map>

#include "text/folded_text.hpp"

namespace brandlint::rules {
namespace {

using Frontier = std::vector<std::uint32_t>;  // trie nodes where spellings so far end

// How far an entry's spellings may multiply before its expansion stops (see the header): the
// nodes where its spellings so far end, or those times the spellings of a group or list about
// to follow them. On the generated corpus, 256 runs as few expressions as no bound does, and
// builds the Spanish trie with 141,000 nodes instead of 717,000 (64: 76,000, but a tenth more
// expressions compiled and run).
constexpr std::size_t kMaxFrontier = 256;
constexpr int kMaxDepth = 8;  // lists within lists; deeper is an error the rules report
// Groups within groups followed; deeper (no pack comes close) the entry is taken as found
// where its spellings so far end, and the recursion stops.
constexpr int kMaxNesting = 100;

// Each node once, after unions.
void normalise(Frontier& f) {
  if (f.size() < 2) return;
  std::sort(f.begin(), f.end());
  f.erase(std::unique(f.begin(), f.end()), f.end());
}

// The trie while it grows: edges in an open-addressing table keyed by node and label.
class Growing {
 public:
  Growing() : keys_(1024, 0), targets_(1024, 0) {}

  std::uint32_t child(std::uint32_t node, unsigned char label) {
    const std::uint64_t key = ((std::uint64_t{node} << 8) | label) + 1;  // 0: a free slot
    std::size_t slot = this->slot(key);
    if (keys_[slot] == key) return targets_[slot];
    if (2 * (used_ + 1) > keys_.size()) {
      grow();
      slot = this->slot(key);
    }
    keys_[slot] = key;
    targets_[slot] = nodes_;
    ++used_;
    return nodes_++;
  }

  void accept(const Frontier& at, std::uint32_t id) {
    for (std::uint32_t n : at) accepts_.emplace_back(n, id);
  }

  std::uint32_t nodes() const { return nodes_; }
  // The edges by node, each node's sorted by label: node n's are [first[n], first[n + 1]).
  // Placed by counting, then each node's few sorted in place.
  void freeze_edges(std::vector<std::uint32_t>& first, std::vector<unsigned char>& labels,
                    std::vector<std::uint32_t>& targets) const {
    first.assign(std::size_t{nodes_} + 1, 0);
    for (std::uint64_t key : keys_) {
      if (key != 0) ++first[((key - 1) >> 8) + 1];
    }
    for (std::uint32_t k = 0; k < nodes_; ++k) first[k + 1] += first[k];
    labels.assign(used_, 0);
    targets.assign(used_, 0);
    std::vector<std::uint32_t> next(first.begin(), first.end() - 1);
    for (std::size_t i = 0; i < keys_.size(); ++i) {
      if (keys_[i] == 0) continue;
      const std::uint32_t at = next[(keys_[i] - 1) >> 8]++;
      labels[at] = static_cast<unsigned char>((keys_[i] - 1) & 0xFF);
      targets[at] = targets_[i];
    }
    for (std::uint32_t k = 0; k < nodes_; ++k) {
      for (std::uint32_t a = first[k] + 1; a < first[k + 1]; ++a) {  // insertion sort
        for (std::uint32_t b = a; b > first[k] && labels[b - 1] > labels[b]; --b) {
          std::swap(labels[b - 1], labels[b]);
          std::swap(targets[b - 1], targets[b]);
        }
      }
    }
  }
  std::vector<std::pair<std::uint32_t, std::uint32_t>>& accepts() { return accepts_; }

 private:
  std::size_t slot(std::uint64_t key) const {
    const std::size_t mask = keys_.size() - 1;
    std::size_t s = static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> 20) & mask;
    while (keys_[s] != 0 && keys_[s] != key) s = (s + 1) & mask;
    return s;
  }
  void grow() {
    std::vector<std::uint64_t> keys(keys_.size() * 2, 0);
    std::vector<std::uint32_t> targets(keys.size(), 0);
    keys.swap(keys_);
    targets.swap(targets_);
    for (std::size_t i = 0; i < keys.size(); ++i) {
      if (keys[i] == 0) continue;
      const std::size_t s = slot(keys[i]);
      keys_[s] = keys[i];
      targets_[s] = targets[i];
    }
  }

  std::vector<std::uint64_t> keys_;
  std::vector<std::uint32_t> targets_;
  std::size_t used_ = 0;
  std::uint32_t nodes_ = 1;  // node 0 is the root
  std::vector<std::pair<std::uint32_t, std::uint32_t>> accepts_;
};

}  // namespace

struct LiteralScreen::Builder::Impl {
  explicit Impl(const Lists& l) : lists(l) {}

  // The list's terms, folded once; nullptr for an unknown list.
  const std::vector<std::string>* folded(const std::string& name) {
    auto known = folded_lists.find(name);
    if (known != folded_lists.end()) return &known->second;
    auto list = lists.find(name);
    if (list == lists.end()) return nullptr;
    std::vector<std::string> terms;
    terms.reserve(list->second.size());
    for (const auto& entry : list->second) terms.push_back(text::fold_term(entry.text));
    return &folded_lists.emplace(name, std::move(terms)).first->second;
  }

  // How many spellings the list has (saturating), for the bound on the work.
  std::uint64_t list_count(const std::string& name, int depth) {
    if (auto known = counts.find(name); known != counts.end()) return known->second;
    const auto* terms = folded(name);
    std::uint64_t total = 0;
    if (terms != nullptr && depth <= kMaxDepth) {
      for (const auto& t : *terms) {
        std::size_t i = 0;
        total = saturate(total + alternatives_count(t, i, depth + 1));
      }
    }
    counts.emplace(name, total);
    return total;
  }
  static std::uint64_t saturate(std::uint64_t n) { return std::min<std::uint64_t>(n, 1ull << 40); }
  std::uint64_t alternatives_count(const std::string& t, std::size_t& i, int depth) {
    std::uint64_t sum = 0;
    for (;;) {
      std::uint64_t product = 1;
      while (i < t.size() && t[i] != '|' && t[i] != ')') {
        if (t.compare(i, 2, "{{") == 0) {
          const std::size_t close = t.find("}}", i + 2);
          if (close == std::string::npos) break;
          product = saturate(product * std::max<std::uint64_t>(
                                           1, list_count(t.substr(i + 2, close - i - 2), depth)));
          i = close + 2;
        } else if (t[i] == '(') {
          ++i;
          if (nesting >= kMaxNesting) {  // too deep to count: as many as can be
            skip(t, i);
            while (i < t.size() && t[i] == '|') skip(t, ++i);
            product = std::uint64_t{1} << 40;
          } else {
            ++nesting;
            product =
                saturate(product * std::max<std::uint64_t>(1, alternatives_count(t, i, depth)));
            --nesting;
          }
          if (i < t.size() && t[i] == ')') ++i;
        } else {
          ++i;
        }
      }
      sum = saturate(sum + product);
      if (i < t.size() && t[i] == '|') {
        ++i;
        continue;
      }
      return sum;
    }
  }

  // Follows the alternatives of `t` from i (up to the ')' closing them, or the end) from the
  // nodes `from`; returns where they end. `had_empty`: whether one alternative is empty.
  Frontier alternatives(Growing& g, const std::string& t, std::size_t& i, const Frontier& from,
                        std::uint32_t id, int depth, bool& had_empty) {
    Frontier out;
    for (;;) {
      Frontier f = from;
      const std::size_t start = i;
      sequence(g, t, i, f, id, depth);
      if (i == start) had_empty = true;
      out.insert(out.end(), f.begin(), f.end());
      if (i < t.size() && t[i] == '|') {
        ++i;
        continue;
      }
      normalise(out);
      return out;
    }
  }

  // Follows the items of one alternative from i, up to a '|' or ')' at this level or the
  // end. Where the spellings would multiply past the bounds, the entry is accepted where they
  // end so far, and the rest of the alternative reads on from nowhere.
  void sequence(Growing& g, const std::string& t, std::size_t& i, Frontier& f, std::uint32_t id,
                int depth) {
    bool after_optional = false;
    while (i < t.size() && t[i] != '|' && t[i] != ')') {
      if (f.empty()) {  // cut short: only the parse goes on, to the end of the alternative
        skip(t, i);
        return;
      }
      const bool optional_space = after_optional && t[i] == ' ';
      after_optional = false;
      if (optional_space) {  // the space after an optional group is optional too
        Frontier spaced = f;
        step(g, spaced, ' ');
        f.insert(f.end(), spaced.begin(), spaced.end());
        normalise(f);
        ++i;
      } else if (t.compare(i, 2, "{{") == 0) {
        const std::size_t close = t.find("}}", i + 2);
        if (close == std::string::npos) {  // reported as an error elsewhere
          g.accept(f, id);
          f.clear();
          i = t.size();
          break;
        }
        const std::string name = t.substr(i + 2, close - i - 2);
        i = close + 2;
        const auto* terms = folded(name);
        // From one node, each of the list's terms goes on until it multiplies too much; from
        // several, the list goes on only when its spellings are few.
        if (terms == nullptr || depth >= kMaxDepth ||
            (f.size() > 1 && f.size() * list_count(name, depth) > kMaxFrontier)) {
          g.accept(f, id);
          f.clear();
          continue;
        }
        Frontier out;
        for (const auto& term : *terms) {
          std::size_t j = 0;
          bool unused = false;
          const Frontier end = alternatives(g, term, j, f, id, depth + 1, unused);
          out.insert(out.end(), end.begin(), end.end());
        }
        normalise(out);
        f = std::move(out);
      } else if (t[i] == '(') {
        if (nesting >= kMaxNesting) {
          g.accept(f, id);
          f.clear();
          continue;  // skipped at the top of the loop
        }
        ++i;
        std::size_t end = i;
        if (f.size() > 1 && f.size() * alternatives_count(t, end, depth) > kMaxFrontier) {
          g.accept(f, id);
          f.clear();
          i = end < t.size() ? end + 1 : end;
          continue;
        }
        bool had_empty = false;
        ++nesting;
        f = alternatives(g, t, i, f, id, depth, had_empty);
        --nesting;
        if (i < t.size() && t[i] == ')') ++i;
        after_optional = had_empty;
      } else {
        step(g, f, static_cast<unsigned char>(t[i]));
        ++i;
      }
      if (f.size() > kMaxFrontier) {
        g.accept(f, id);
        f.clear();
      }
    }
  }

  // From i to the '|' or ')' that ends the alternative i is in, or the end.
  static void skip(const std::string& t, std::size_t& i) {
    int nesting = 0;
    for (; i < t.size(); ++i) {
      const char c = t[i];
      if (c == '(') {
        ++nesting;
      } else if (c == ')') {
        if (nesting == 0) return;
        --nesting;
      } else if (c == '|' && nesting == 0) {
        return;
      }
    }
  }

  // Each node of `f` to its child by `c`: distinct nodes have distinct children.
  static void step(Growing& g, Frontier& f, unsigned char c) {
    for (auto& n : f) n = g.child(n, c);
  }

  // The term that is a list's words: "{{name}}".
  static std::string list_term(const std::string& name) {
    std::string term = "{{";  // built by appending: GCC 12 warns wrongly about "{{" + name
    term.append(name).append("}}");
    return term;
  }

  void add_term(std::uint32_t id, const std::string& folded_term, Start start) {
    add_term(tries[start == Start::word ? 0 : 1], id, folded_term);
  }
  void add_term(Growing& g, std::uint32_t id, const std::string& folded_term) {
    std::size_t i = 0;
    bool unused = false;
    Frontier end = alternatives(g, folded_term, i, Frontier{0}, id, 0, unused);
    if (i < folded_term.size()) end = {0};  // a stray ')': reported as an error elsewhere
    g.accept(end, id);
  }

  static LiteralScreen::Trie freeze(Growing& g) {
    LiteralScreen::Trie t;
    auto& accepts = g.accepts();
    std::sort(accepts.begin(), accepts.end());
    accepts.erase(std::unique(accepts.begin(), accepts.end()), accepts.end());
    if (accepts.empty()) return t;
    const std::uint32_t n = g.nodes();
    t.root_.fill(LiteralScreen::Trie::kNone);
    g.freeze_edges(t.first_edge_, t.labels_, t.targets_);
    for (std::uint32_t e = t.first_edge_[0]; e < t.first_edge_[1]; ++e) {
      t.root_[t.labels_[e]] = t.targets_[e];
    }
    t.first_id_.assign(n + 1, 0);
    t.ids_.reserve(accepts.size());
    for (const auto& [node, id] : accepts) {
      ++t.first_id_[node + 1];
      t.ids_.push_back(id);
    }
    for (std::uint32_t k = 0; k < n; ++k) t.first_id_[k + 1] += t.first_id_[k];
    return t;
  }

  // The entries as added; built by replay() unless the cache holds their screen, which
  // `hash` (of every call) identifies.
  enum class Kind : std::uint8_t { terms, list, literal };
  struct Call {
    Kind kind;
    std::uint32_t id;
    Start start;
    std::vector<std::string> texts;
  };
  void record(Kind kind, std::uint32_t id, Start start, std::vector<std::string> texts) {
    const std::uint8_t head[] = {static_cast<std::uint8_t>(kind), static_cast<std::uint8_t>(start)};
    hash = cache::fnv1a(std::string_view(reinterpret_cast<const char*>(head), sizeof head), hash);
    hash = cache::fnv1a(std::string_view(reinterpret_cast<const char*>(&id), sizeof id), hash);
    for (const auto& t : texts) hash = cache::fnv1a(std::string_view(t.data(), t.size() + 1), hash);
    calls.push_back({kind, id, start, std::move(texts)});
  }
  void replay() {
    for (const auto& call : calls) {
      switch (call.kind) {
        case Kind::terms:
          for (const auto& term : call.texts) add_term(call.id, text::fold_term(term), call.start);
          break;
        case Kind::list: {
          add_term(call.id, list_term(call.texts.front()), call.start);
          for (std::size_t k = 1; k < call.texts.size(); ++k) {
            glue_lists[call.texts[k]].push_back(&call);
          }
          break;
        }
        case Kind::literal: {
          Growing& g = tries[call.start == Start::word ? 0 : 1];
          Frontier f{0};
          for (char c : call.texts.front()) step(g, f, static_cast<unsigned char>(c));
          g.accept(f, call.id);
          break;
        }
      }
    }
    // Glue words ('w' or 'a' for where they start, then the word), grouped by the lists they
    // are glued to: each group's lists in a trie of their own, walked where one of its words
    // ends (see find()).
    std::map<std::vector<const Call*>, std::uint32_t> groups;
    for (const auto& [glue, glued] : glue_lists) {  // each in call order, once
      auto [group, added] = groups.emplace(glued, static_cast<std::uint32_t>(groups.size()));
      if (added) {
        glued_tries.push_back(std::make_unique<Growing>());
        for (const Call* call : glued) {
          add_term(*glued_tries.back(), call->id, list_term(call->texts.front()));
        }
      }
      Growing& words = tries[glue[0] == 'w' ? 2 : 3];
      Frontier f{0};
      for (std::size_t c = 1; c < glue.size(); ++c)
        step(words, f, static_cast<unsigned char>(glue[c]));
      if (f.front() != 0) words.accept(f, group->second);
    }
  }
  std::map<std::string, std::vector<const Call*>> glue_lists;  // replay()'s, by glue word
  std::vector<std::unique_ptr<Growing>> glued_tries;
  std::vector<Call> calls;
  std::uint64_t hash = cache::kFnv1aBasis;
  int nesting = 0;  // groups open in the term being followed or counted

  const Lists& lists;
  std::map<std::string, std::vector<std::string>> folded_lists;
  std::map<std::string, std::uint64_t> counts;
  Growing tries[4];  // Start::word, Start::anywhere; glue words by the same
};

LiteralScreen::Builder::Builder(const Lists& lists) : impl_(std::make_unique<Impl>(lists)) {}
LiteralScreen::Builder::~Builder() = default;

void LiteralScreen::Builder::add_terms(std::uint32_t id, const std::vector<std::string>& terms,
                                       Start start) {
  impl_->record(Impl::Kind::terms, id, start, terms);
}

void LiteralScreen::Builder::add_list(std::uint32_t id, const std::string& name, Start start,
                                      const std::vector<Glue>& glue) {
  std::vector<std::string> texts{name};
  for (const auto& g : glue) {  // each word after where it starts: 'w' or 'a'
    texts.push_back(g.word);
    texts.back().insert(texts.back().begin(), g.start == Start::word ? 'w' : 'a');
  }
  impl_->record(Impl::Kind::list, id, start, std::move(texts));
}

void LiteralScreen::Builder::add_literal(std::uint32_t id, std::string_view text, Start start) {
  // Wherever " waste " is, "waste " starts a word: looked for that way, the text is walked
  // from a few of a post's bytes instead of from each. ASCII signs only: "été" stays whole.
  if (start == Start::anywhere) {
    std::size_t k = 0;
    while (k < text.size() && !word_char(text[k]) &&
           (static_cast<unsigned char>(text[k]) & 0x80) == 0) {
      ++k;
    }
    if (k > 0 && k < text.size() && word_char(text[k])) {
      text.remove_prefix(k);
      start = Start::word;
    }
  }
  impl_->record(Impl::Kind::literal, id, start, {std::string(text)});
}

LiteralScreen LiteralScreen::Builder::finish(const std::string& cache_file,
                                             const std::string& key) {
  constexpr std::string_view kMagic = "brandlint literal screen 2\n";
  LiteralScreen screen;
  if (!cache_file.empty()) {
    if (auto mapped = cache::Mapped::open(cache_file); !mapped->bytes().empty()) {
      cache::Reader in(mapped->bytes());
      std::string_view magic, saved_key;
      std::uint64_t calls = 0;
      if (in.text(&magic) && magic == kMagic && in.text(&saved_key) && saved_key == key &&
          in.number(&calls) && calls == impl_->hash && screen.restore(in) && in.at_end()) {
        return screen;  // restore() leaves the screen empty when it fails
      }
    }
  }
  impl_->replay();
  // An entry accepted at the root has an empty spelling: it is found in every text.
  for (auto* g : {&impl_->tries[0], &impl_->tries[1]}) {
    auto& accepts = g->accepts();
    for (const auto& [node, id] : accepts) {
      if (node == 0) screen.everywhere_.push_back(id);
    }
    accepts.erase(
        std::remove_if(accepts.begin(), accepts.end(), [](const auto& a) { return a.first == 0; }),
        accepts.end());
  }
  std::sort(screen.everywhere_.begin(), screen.everywhere_.end());
  screen.everywhere_.erase(std::unique(screen.everywhere_.begin(), screen.everywhere_.end()),
                           screen.everywhere_.end());
  screen.word_ = Impl::freeze(impl_->tries[0]);
  screen.anywhere_ = Impl::freeze(impl_->tries[1]);
  screen.glue_word_ = Impl::freeze(impl_->tries[2]);
  screen.glue_anywhere_ = Impl::freeze(impl_->tries[3]);
  for (auto& g : impl_->glued_tries) screen.glued_.push_back(Impl::freeze(*g));
  if (!cache_file.empty()) {
    cache::Writer out;
    out.text(kMagic);
    out.text(key);
    out.number(impl_->hash);
    screen.save(out);
    cache::write(cache_file, out.bytes());
  }
  return screen;
}

void LiteralScreen::Trie::save(cache::Writer& out) const {
  out.array(root_.data(), root_.size());
  out.array(first_edge_);
  out.array(labels_);
  out.array(targets_);
  out.array(first_id_);
  out.array(ids_);
}

bool LiteralScreen::Trie::restore(cache::Reader& in) {
  std::vector<std::uint32_t> root;
  Trie t;
  if (!in.array(&root) || root.size() != t.root_.size() || !in.array(&t.first_edge_) ||
      !in.array(&t.labels_) || !in.array(&t.targets_) || !in.array(&t.first_id_) ||
      !in.array(&t.ids_)) {
    return false;
  }
  std::copy(root.begin(), root.end(), t.root_.begin());
  // What a walk reads must stay within the arrays, whatever the file held.
  const std::size_t nodes = t.first_edge_.size();
  if (nodes != 0) {
    const auto in_range = [nodes](std::uint32_t n) { return n == kNone || n < nodes - 1; };
    if (t.first_id_.size() != nodes || t.first_edge_.back() != t.labels_.size() ||
        t.labels_.size() != t.targets_.size() || t.first_id_.back() != t.ids_.size() ||
        t.first_edge_.front() != 0 || t.first_id_.front() != 0 ||
        !std::is_sorted(t.first_edge_.begin(), t.first_edge_.end()) ||
        !std::is_sorted(t.first_id_.begin(), t.first_id_.end()) ||
        !std::all_of(t.targets_.begin(), t.targets_.end(), in_range) ||
        !std::all_of(t.root_.begin(), t.root_.end(), in_range)) {
      return false;
    }
  } else if (!t.labels_.empty() || !t.targets_.empty() || !t.first_id_.empty() || !t.ids_.empty()) {
    return false;
  }
  *this = std::move(t);
  return true;
}

void LiteralScreen::save(cache::Writer& out) const {
  out.array(everywhere_);
  word_.save(out);
  anywhere_.save(out);
  glue_word_.save(out);
  glue_anywhere_.save(out);
  out.number<std::uint64_t>(glued_.size());
  for (const auto& t : glued_) t.save(out);
}

bool LiteralScreen::restore(cache::Reader& in) {
  LiteralScreen s;
  if (!in.array(&s.everywhere_) || !s.word_.restore(in) || !s.anywhere_.restore(in) ||
      !s.glue_word_.restore(in) || !s.glue_anywhere_.restore(in)) {
    return false;
  }
  std::uint64_t groups = 0;
  if (!in.number(&groups) || groups > 1'000'000) return false;
  s.glued_.resize(static_cast<std::size_t>(groups));
  for (auto& t : s.glued_) {
    if (!t.restore(in)) return false;
  }
  // A glue word names a group that is there.
  for (const Trie* t : {&s.glue_word_, &s.glue_anywhere_}) {
    if (!t->ids_below(static_cast<std::uint32_t>(groups))) return false;
  }
  *this = std::move(s);
  return true;
}

}  // namespace brandlint::rules
