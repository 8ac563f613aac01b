// Reads the public misspelling lists in ../shared/data/misspellings into (wrong, right) pairs a
// suggester can be measured on; shared by bench/suggest_quality.cpp and tests/test_suggest.cpp.
#pragma once

#include <algorithm>
#include <cctype>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

namespace brandlint::bench {

struct Misspelling {
  std::string wrong, right;
};

inline std::string ascii_lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// en: codespell's `wrong->right` lines with one correction and no reason; es/fr/it: the
// `misspelling<TAB>correction` rows. Only single words, and not rows that differ only in case.
inline std::vector<Misspelling> read_misspellings(const std::string& data_dir,
                                                  const std::string& lang) {
  std::vector<Misspelling> out;
  const bool english = lang.rfind("en", 0) == 0;
  std::ifstream in(data_dir + (english ? "/en-codespell.txt" : "/misspellings_" + lang + ".tsv"));
  std::string line;
  bool header = !english;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (header) {
      header = false;
      continue;
    }
    const std::string sep = english ? "->" : "\t";
    const std::size_t at = line.find(sep);
    if (at == std::string::npos) continue;
    Misspelling m{line.substr(0, at), line.substr(at + sep.size())};
    if (m.wrong.empty() || m.right.empty()) continue;
    if (m.right.find_first_of(", \t") != std::string::npos) continue;
    if (m.wrong.find_first_of(" \t") != std::string::npos) continue;
    if (ascii_lower(m.wrong) == ascii_lower(m.right)) continue;
    out.push_back(std::move(m));
  }
  return out;
}

// A deterministic sample of at most `size` rows, evenly spread over the list, keeping only the
// rows a speller can be judged on: the dictionary rejects the misspelling (else the linter
// would not flag it) and accepts the correction (else no suggester could offer it). `shift`
// moves every pick that many usable rows on, for a second sample disjoint from the first
// (as long as shift < usable / size).
inline std::vector<Misspelling> sample_misspellings(
    const std::vector<Misspelling>& all, std::size_t size,
    const std::function<bool(const std::string&)>& is_word, std::size_t shift = 0) {
  std::vector<Misspelling> usable;
  for (const auto& m : all) {
    if (!is_word(m.wrong) && is_word(m.right)) usable.push_back(m);
  }
  if (usable.size() <= size) return usable;
  std::vector<Misspelling> out;
  for (std::size_t i = 0; i < size; ++i) {
    out.push_back(usable[(i * usable.size() / size + shift) % usable.size()]);
  }
  return out;
}

}  // namespace brandlint::bench
