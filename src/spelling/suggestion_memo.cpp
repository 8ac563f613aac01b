#include "spelling/suggestion_memo.hpp"

#include <algorithm>
#include <filesystem>
#include <unordered_set>

#include "cache/disk_cache.hpp"

namespace brandlint::spelling {
namespace {

constexpr std::string_view kMemoMagic = "brandlint suggestions 1\n";

std::vector<std::string> split_entry(std::string_view entry) {
  std::vector<std::string> out;
  std::size_t start = entry.find('\n');
  while (start != std::string_view::npos) {
    const std::size_t next = entry.find('\n', start + 1);
    out.emplace_back(
        entry.substr(start + 1, next == std::string_view::npos ? next : next - start - 1));
    start = next;
  }
  return out;
}

}  // namespace

std::unique_ptr<SuggestionMemo> SuggestionMemo::open(const std::string& aff_path,
                                                     const std::string& dic_path,
                                                     std::string_view lang,
                                                     const std::string& cache_dir) {
  if (cache_dir.empty()) return nullptr;
  const std::string aff = cache::file_identity(aff_path);
  const std::string dic = cache::file_identity(dic_path);
  const std::string code = cache::code_identity();
  if (aff.empty() || dic.empty() || code.empty()) return nullptr;
  auto memo = std::unique_ptr<SuggestionMemo>(new SuggestionMemo());
  memo->key_ = std::string(kMemoMagic) + aff + dic + code + std::string(lang) + '\n';
  // One file per dictionary, language and program, named after where they are: a new build
  // or a new dictionary replaces the file rather than adding one.
  std::error_code error;
  const std::string dic_file = std::filesystem::canonical(dic_path, error).string();
  memo->path_ = cache::file_for(cache_dir, std::filesystem::path(dic_path).stem().string(),
                                dic_file + ' ' + std::string(lang) + ' ' + cache::code_file(),
                                ".suggestions");
  memo->read();
  return memo;
}

void SuggestionMemo::read() {
  auto file = cache::Mapped::open(path_);
  cache::Reader in(file->bytes());
  std::string_view key;
  std::uint64_t count = 0;
  const std::uint64_t* hashes = nullptr;
  const std::uint32_t* offsets = nullptr;
  const char* text = nullptr;
  std::size_t n_hashes = 0, n_offsets = 0, n_text = 0;
  if (!file->bytes().empty() && in.text(&key) && key == key_ && in.number(&count) &&
      in.view(&hashes, &n_hashes) && in.view(&offsets, &n_offsets) && in.view(&text, &n_text) &&
      in.at_end() && n_hashes == count && n_offsets == count + 1 && offsets[0] == 0 &&
      offsets[count] == n_text && std::is_sorted(hashes, hashes + count) &&
      std::is_sorted(offsets, offsets + count + 1)) {
    file_ = std::move(file);
    hashes_ = hashes;
    offsets_ = offsets;
    text_ = std::string_view(text, n_text);
    count_ = static_cast<std::size_t>(count);
  }
}

SuggestionMemo::~SuggestionMemo() = default;

std::optional<std::vector<std::string>> SuggestionMemo::find(std::string_view word) const {
  const std::uint64_t h = cache::fnv1a(word);
  for (const std::uint64_t* at = std::lower_bound(hashes_, hashes_ + count_, h);
       at != hashes_ + count_ && *at == h; ++at) {
    const std::string_view e = entry(static_cast<std::size_t>(at - hashes_));
    if (e.substr(0, e.find('\n')) == word) return split_entry(e);
  }
  return std::nullopt;
}

void SuggestionMemo::save(const Suggestions& fresh) const {
  // Fresh entries first, then the saved ones they do not replace, up to the limit.
  std::vector<std::pair<std::uint64_t, std::string>> entries;
  std::unordered_set<std::string_view> seen;
  auto add = [&](std::string_view word, const std::vector<std::string>& suggestions) {
    if (entries.size() >= kMaxEntries || word.empty() ||
        word.find('\n') != std::string_view::npos || !seen.insert(word).second) {
      return;
    }
    std::string e(word);
    for (const auto& s : suggestions) {
      if (s.find('\n') != std::string::npos) return;
      e += '\n';
      e += s;
    }
    entries.emplace_back(cache::fnv1a(word), std::move(e));
  };
  for (const auto& [word, suggestions] : fresh) add(word, suggestions);
  // The file as it is now, which another pool or run may have written since this one read
  // it (a folder run has a pool per team's configuration, each saving its own finds), then
  // what this one read.
  SuggestionMemo now;
  now.path_ = path_;
  now.key_ = key_;
  now.read();
  for (const SuggestionMemo* memo : {static_cast<const SuggestionMemo*>(&now), this}) {
    for (std::size_t i = 0; i < memo->count_ && entries.size() < kMaxEntries; ++i) {
      const std::string_view e = memo->entry(i);
      add(e.substr(0, e.find('\n')), split_entry(e));
    }
  }
  std::sort(entries.begin(), entries.end());
  std::vector<std::uint64_t> hashes;
  std::vector<std::uint32_t> offsets{0};
  std::string text;
  for (const auto& [h, e] : entries) {
    hashes.push_back(h);
    text += e;
    offsets.push_back(static_cast<std::uint32_t>(text.size()));
  }
  cache::Writer out;
  out.text(key_);
  out.number<std::uint64_t>(hashes.size());
  out.array(hashes);
  out.array(offsets);
  out.text(text);
  cache::write(path_, std::move(out.bytes()));
}

}  // namespace brandlint::spelling
