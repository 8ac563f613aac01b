// Spelling suggestions, ours against Hunspell's suggest(), on the same fixed sample of real
// misspellings per language: top-1 and top-3 accuracy (is the correction first / among the
// first three?) and mean milliseconds per word, in one run.
//
//   build-x/suggest_quality [--sample N] [--shift K] [--lang en,es,fr,it] [--ours-only]
//                           [--dictionaries DIR] [--data DIR] [--misses N]
//
// --shift K takes every pick K usable rows further on: a second sample to check that a change
// did not just fit the first. --misses N prints up to N words ours missed, marking with "(H)"
// those Hunspell got.
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <hunspell/hunspell.hxx>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "../bench/misspelling_sample.hpp"
#include "spelling/speller.hpp"
#include "spelling/suggester.hpp"

namespace {

using Clock = std::chrono::steady_clock;

// This thread's CPU time in seconds: on a machine shared with builds or a fuzzer the wall time
// of a word also counts the time other processes had the core.
double thread_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}
// As many as SpellerPool asks for (it caches a few more than a diagnostic shows).
constexpr std::size_t kWanted = 5;

struct Score {
  std::size_t words = 0, top1 = 0, top3 = 0, empty = 0;
  double seconds = 0;
  void add(const std::vector<std::string>& got, const std::string& right, double s) {
    ++words;
    seconds += s;
    if (got.empty()) ++empty;
    for (std::size_t i = 0; i < got.size() && i < 3; ++i) {
      if (got[i] == right) {
        if (i == 0) ++top1;
        ++top3;
        break;
      }
    }
  }
  double pct(std::size_t n) const { return words ? 100.0 * static_cast<double>(n) / words : 0; }
  double ms() const { return words ? 1000.0 * seconds / static_cast<double>(words) : 0; }
};

}  // namespace

int main(int argc, char** argv) {
  std::size_t sample = 500, misses = 0, shift = 0;
  std::string langs = "en,es,fr,it", dict_dir = "/usr/share/hunspell",
              data_dir = BRANDLINT_MISSPELLINGS_DIR;
  bool ours_only = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&]() { return i + 1 < argc ? std::string(argv[++i]) : std::string(); };
    if (a == "--sample")
      sample = std::stoul(next());
    else if (a == "--shift")
      shift = std::stoul(next());
    else if (a == "--lang")
      langs = next();
    else if (a == "--ours-only")
      ours_only = true;
    else if (a == "--dictionaries")
      dict_dir = next();
    else if (a == "--data")
      data_dir = next();
    else if (a == "--misses")
      misses = std::stoul(next());
    else {
      std::fprintf(stderr,
                   "usage: suggest_quality [--sample N] [--shift K] [--lang en,es,fr,it] "
                   "[--ours-only] [--dictionaries DIR] [--data DIR] [--misses N]\n");
      return 2;
    }
  }
  std::printf("%-4s %6s | %-26s | %-26s | %8s | %s\n", "lang", "words",
              "hunspell top1 top3 ms/word", "ours     top1 top3 ms/word", "fallback",
              "ours/hunspell: top3, time");
  std::stringstream list(langs);
  std::string lang;
  while (std::getline(list, lang, ',')) {
    const auto name = brandlint::spelling::dictionary_for(lang);
    const std::string base = dict_dir + "/" + name.file;
    Hunspell hunspell((base + ".aff").c_str(), (base + ".dic").c_str());
    const auto t0 = Clock::now();
    auto ours = brandlint::spelling::Suggester::load(
        base + ".aff", base + ".dic", hunspell.get_dict_encoding(), lang, "",
        [&](const std::string& w, std::string* root) { return hunspell.spell(w, nullptr, root); });
    const double load_ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
    std::size_t spell_calls = 0;
    // As SpellerPool::suggest confirms a candidate: from the tables when they can answer,
    // else with Hunspell's spell() (counted).
    auto is_word = [&](const std::string& w, std::string* root) {
      if (const std::optional<bool> offered = ours->offered(w, root)) return *offered;
      ++spell_calls;
      return hunspell.spell(w, nullptr, root);
    };
    const auto rows = brandlint::bench::sample_misspellings(
        brandlint::bench::read_misspellings(data_dir, lang), sample,
        [&](const std::string& w) { return hunspell.spell(w); }, shift);

    Score theirs, mine;
    std::size_t fallbacks = 0, shown_misses = 0;
    double cpu_seconds = 0;  // ours alone, without the fallback
    for (const auto& row : rows) {
      bool hunspell_hit = false;
      if (!ours_only) {
        const auto t = Clock::now();
        auto got = hunspell.suggest(row.wrong);
        theirs.add(got, row.right, std::chrono::duration<double>(Clock::now() - t).count());
        if (got.size() > 3) got.resize(3);
        hunspell_hit = std::find(got.begin(), got.end(), row.right) != got.end();
      }
      const auto t = Clock::now();
      const double cpu0 = thread_seconds();
      auto got = ours->suggest(row.wrong, kWanted, is_word);
      cpu_seconds += thread_seconds() - cpu0;
      if (got.size() > 3) got.resize(3);
      if (got.empty() && !ours_only) {  // what SpellerPool does when nothing is close
        ++fallbacks;
        got = hunspell.suggest(row.wrong);
        if (got.size() > 3) got.resize(3);
      }
      mine.add(got, row.right, std::chrono::duration<double>(Clock::now() - t).count());
      if (shown_misses < misses && std::find(got.begin(), got.end(), row.right) == got.end()) {
        ++shown_misses;
        std::string s;
        for (const auto& g : got) s += " " + g;
        std::fprintf(stderr, "  miss %s%s: %s -> %s |%s\n", lang.c_str(),
                     hunspell_hit ? " (H)" : "", row.wrong.c_str(), row.right.c_str(), s.c_str());
      }
    }
    char ratio[64] = "";
    if (!ours_only && theirs.top3 > 0 && mine.seconds > 0) {
      std::snprintf(ratio, sizeof ratio, "%.2fx, %.0fx faster",
                    static_cast<double>(mine.top3) / static_cast<double>(theirs.top3),
                    theirs.seconds / mine.seconds);
    }
    std::printf("%-4s %6zu | %13.1f%% %5.1f%% %6.2f | %13.1f%% %5.1f%% %6.3f | %8zu | %s\n",
                lang.c_str(), rows.size(), theirs.pct(theirs.top1), theirs.pct(theirs.top3),
                theirs.ms(), mine.pct(mine.top1), mine.pct(mine.top3), mine.ms(), fallbacks, ratio);
    std::printf(
        "     (our tables: %.0f ms to build, %zu word forms; %.1f MB in all; ours found nothing "
        "for "
        "%zu; %.1f spell() calls per word; ours alone %.3f ms CPU per word)\n",
        load_ms, ours->form_count(), static_cast<double>(ours->table_bytes()) / 1e6,
        mine.empty + fallbacks,
        static_cast<double>(spell_calls) /
            static_cast<double>(std::max<std::size_t>(1, rows.size())),
        rows.empty() ? 0.0 : 1000.0 * cpu_seconds / static_cast<double>(rows.size()));
  }
  return 0;
}
