// Suggestions found in earlier runs, kept in the cache folder per dictionary: a CI job that
// checks the same scheduled posts at every commit, or a hook that checks a file again after
// one fix, meets the same unknown words (names, slang, product codes, the typo not yet fixed)
// and need not search for them again.
//
// The file is a sorted table of word hashes beside the words and their suggestions, mapped
// and searched in place, so a run that needs one word reads one entry. Its key holds the
// dictionary's files as they are and the code that found the suggestions (any rebuild of
// brandlint starts a new memo), so a memo is never used by code or a dictionary it does not
// describe.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace brandlint::cache {
class Mapped;
}

namespace brandlint::spelling {

class SuggestionMemo {
 public:
  using Suggestions = std::unordered_map<std::string, std::vector<std::string>>;

  // The memo of the dictionary `aff_path`/`dic_path` for `lang` in `cache_dir`; nullptr when
  // there is no cache folder or the dictionary cannot be read. An empty, damaged or stale
  // file reads as an empty memo.
  static std::unique_ptr<SuggestionMemo> open(const std::string& aff_path,
                                              const std::string& dic_path, std::string_view lang,
                                              const std::string& cache_dir);
  ~SuggestionMemo();

  // What an earlier run suggested for `word`. Thread-safe.
  std::optional<std::vector<std::string>> find(std::string_view word) const;
  std::size_t size() const { return count_; }

  // Writes the memo again with `fresh` added (fresh entries win), keeping at most kMaxEntries:
  // the fresh ones first. Failures are ignored: it is only a cache.
  void save(const Suggestions& fresh) const;
  static constexpr std::size_t kMaxEntries = 50000;

 private:
  SuggestionMemo() = default;
  // Maps path_ and takes its entries when its key is key_ and its tables hold; else none.
  void read();
  std::string path_, key_;
  std::shared_ptr<const cache::Mapped> file_;
  const std::uint64_t* hashes_ = nullptr;   // sorted
  const std::uint32_t* offsets_ = nullptr;  // entry i is text_[offsets_[i], offsets_[i + 1])
  std::string_view text_;                   // each entry: the word, then "\n" and a suggestion
  std::size_t count_ = 0;

  std::string_view entry(std::size_t i) const {
    return text_.substr(offsets_[i], offsets_[i + 1] - offsets_[i]);
  }
};

}  // namespace brandlint::spelling
