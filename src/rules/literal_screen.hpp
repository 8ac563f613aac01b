// Which of a rule pack's word lists and terms occur in a text, found by walking a trie of
// their spellings from the text's positions.
//
// A term ("viej(o|a|os|as)", "typical {{nationality}}") spells a finite set of texts, and a
// list is its terms. Compiled into one RE2::Set, the lists and terms of a language cost 10 to
// 17 ms at every start (on the slow machine of README's performance section), more than
// checking a post; the trie of the same spellings is built in a fraction of that. What a post
// meets of them then runs through its own expression as before: the screen only says which
// entries may match.
//
// An entry's spellings are expanded into the trie term by term, from left to right. Where
// they would multiply past a bound ("(read|reread|check) (our|the) (faq|manual|guide) (again|)
// …", or a list of verbs inside a list of phrases), the expansion stops and the entry is taken
// as found wherever the spellings so far end: a prefix of every spelling that would follow,
// so the screen still finds all that the entry matches, and a little more.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "cache/disk_cache.hpp"
#include "rules/rule.hpp"

namespace brandlint::rules {

class LiteralScreen {
 public:
  // Where an entry's spellings may start in the text: where a word starts (at the text's
  // start or after a character that is not an ASCII letter, digit or underscore: the text
  // is folded), or anywhere, inside words too.
  enum class Start : std::uint8_t { word, anywhere };
  // A word a list may follow with nothing between ("un" + "{{people_noun}}"), and where the
  // word may start.
  struct Glue {
    std::string word;  // folded; taken literally
    Start start;
    bool operator<(const Glue& o) const { return word != o.word ? word < o.word : start < o.start; }
  };

  class Builder {
   public:
    // `lists` resolves {{name}}; it must outlive the builder.
    explicit Builder(const Lists& lists);
    ~Builder();
    Builder(const Builder&) = delete;
    Builder& operator=(const Builder&) = delete;

    // Entry `id` is found where one of `terms` (term syntax, as written: they are folded
    // here) matches.
    void add_terms(std::uint32_t id, const std::vector<std::string>& terms, Start start);
    // Entry `id` is found where one of the list's terms matches; an unknown list is found
    // everywhere. Also where one of `glue` starts and one of the terms follows it at once
    // ("un" + "{{x}}"). The lists glued to the same words share one trie, walked where one
    // of those words ends: one copy of their spellings per set of lists, not per glue word.
    void add_list(std::uint32_t id, const std::string& name, Start start,
                  const std::vector<Glue>& glue = {});
    // Entry `id` is found where `text` (already folded; taken literally) occurs. A text to find
    // anywhere that starts with ASCII signs before a letter or digit is looked for from that
    // character where a word starts: wherever the text is, and a little more.
    void add_literal(std::uint32_t id, std::string_view text, Start start);

    // The screen of the entries added. When `cache_file` holds the screen that the same
    // entries made under `key` (what the rule files and the program are), it is read back
    // instead of built; otherwise it is built and saved there. No file: built only.
    LiteralScreen finish(const std::string& cache_file = "", const std::string& key = "");

   private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
  };

  // Calls `found(id)` for every entry with a spelling in `text`, folded; an entry may be
  // reported more than once.
  template <class Found>
  void find(std::string_view text, Found&& found) const {
    for (std::uint32_t id : everywhere_) found(id);
    if (word_.empty() && anywhere_.empty()) return;
    // Where a glue word ends, the lists glued to it are looked for.
    auto after_glue = [&](std::size_t q, std::uint32_t group) {
      if (q < text.size()) glued_[group].walk(text, q, found);
    };
    for (std::size_t p = 0; p < text.size(); ++p) {
      const bool word_start = p == 0 || !word_char(text[p - 1]);
      if (word_start && !word_.empty()) word_.walk(text, p, found);
      if (!anywhere_.empty()) anywhere_.walk(text, p, found);
      if (word_start && !glue_word_.empty()) glue_word_.ends(text, p, after_glue);
      if (!glue_anywhere_.empty()) glue_anywhere_.ends(text, p, after_glue);
    }
  }

  bool empty() const { return word_.empty() && anywhere_.empty() && everywhere_.empty(); }
  // Trie nodes, for tests and the benchmark.
  std::size_t nodes() const {
    std::size_t n = word_.nodes() + anywhere_.nodes() + glue_word_.nodes() + glue_anywhere_.nodes();
    for (const auto& t : glued_) n += t.nodes();
    return n;
  }

  void save(cache::Writer& out) const;
  // False, and the screen unchanged, when `in` does not hold a screen that save() wrote.
  bool restore(cache::Reader& in);

  static bool word_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }

 private:
  // A trie frozen into arrays: node n's edges are labels_/targets_[first_edge_[n],
  // first_edge_[n + 1]), sorted by label; the entries found on reaching it are
  // ids_[first_id_[n], first_id_[n + 1]). The root's edges are a table by byte.
  class Trie {
   public:
    static constexpr std::uint32_t kNone = 0xFFFFFFFFu;
    bool empty() const { return first_edge_.empty(); }
    std::size_t nodes() const { return first_edge_.empty() ? 0 : first_edge_.size() - 1; }

    // Calls `end(q, id)` for each spelling that starts at p and ends before q.
    template <class End>
    void ends(std::string_view text, std::size_t p, End&& end) const {
      std::uint32_t n = root_[static_cast<unsigned char>(text[p])];
      while (n != kNone) {
        for (std::uint32_t i = first_id_[n]; i < first_id_[n + 1]; ++i) end(p + 1, ids_[i]);
        if (++p == text.size()) return;
        n = child(n, static_cast<unsigned char>(text[p]));
      }
    }
    // Calls `found(id)` for each spelling that starts at p.
    template <class Found>
    void walk(std::string_view text, std::size_t p, Found& found) const {
      ends(text, p, [&found](std::size_t, std::uint32_t id) { found(id); });
    }

    void save(cache::Writer& out) const;
    bool restore(cache::Reader& in);
    bool ids_below(std::uint32_t limit) const {
      return std::all_of(ids_.begin(), ids_.end(),
                         [limit](std::uint32_t id) { return id < limit; });
    }

   private:
    friend class Builder;
    std::uint32_t child(std::uint32_t n, unsigned char label) const {
      std::uint32_t lo = first_edge_[n];
      std::uint32_t hi = first_edge_[n + 1];
      while (lo < hi) {  // most nodes have one or two edges
        const std::uint32_t mid = lo + (hi - lo) / 2;
        if (labels_[mid] < label) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo < first_edge_[n + 1] && labels_[lo] == label ? targets_[lo] : kNone;
    }

    std::array<std::uint32_t, 256> root_{};
    std::vector<std::uint32_t> first_edge_;
    std::vector<unsigned char> labels_;
    std::vector<std::uint32_t> targets_;
    std::vector<std::uint32_t> first_id_;
    std::vector<std::uint32_t> ids_;
  };

  Trie word_, anywhere_;
  Trie glue_word_, glue_anywhere_;         // the words lists are glued to, by where they start
  std::vector<Trie> glued_;                // by a glue word's id: the lists glued to it
  std::vector<std::uint32_t> everywhere_;  // entries with an empty spelling
};

}  // namespace brandlint::rules
