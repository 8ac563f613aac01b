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
          product = saturate(product * std::max<std::uint64_t>(1, alternatives_count(t, i, depth)));
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
        ++i;
        std::size_t end = i;
        if (f.size() > 1 && f.size() * alternatives_count(t, end, depth) > kMaxFrontier) {
          g.accept(f, id);
          f.clear();
          i = end < t.size() ? end + 1 : end;
          continue;
        }
        bool had_empty = false;
        f = alternatives(g, t, i, f, id, depth, had_empty);
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

  void add_term(std::uint32_t id, const std::string& folded_term, Start start) {
    Growing& g = tries[start == Start::word ? 0 : 1];
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

  const Lists& lists;
  std::map<std::string, std::vector<std::string>> folded_lists;
  std::map<std::string, std::uint64_t> counts;
  Growing tries[2];  // Start::word, Start::anywhere
};

LiteralScreen::Builder::Builder(const Lists& lists) : impl_(new Impl(lists)) {}
LiteralScreen::Builder::~Builder() { delete impl_; }

void LiteralScreen::Builder::add_terms(std::uint32_t id, const std::vector<std::string>& terms,
                                       Start start) {
  for (const auto& term : terms) impl_->add_term(id, text::fold_term(term), start);
}

void LiteralScreen::Builder::add_list(std::uint32_t id, const std::string& name, Start start) {
  std::string term = "{{";  // built by appending: GCC 12 warns wrongly about "{{" + name
  term.append(name).append("}}");
  impl_->add_term(id, term, start);
}

void LiteralScreen::Builder::add_literal(std::uint32_t id, std::string_view text, Start start) {
  Growing& g = impl_->tries[start == Start::word ? 0 : 1];
  Frontier f{0};
  for (char c : text) Impl::step(g, f, static_cast<unsigned char>(c));
  g.accept(f, id);
}

LiteralScreen LiteralScreen::Builder::finish() {
  LiteralScreen screen;
  // An entry accepted at the root has an empty spelling: it is found in every text.
  for (auto& g : impl_->tries) {
    auto& accepts = g.accepts();
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
  return screen;
}

}  // namespace brandlint::rules
