// Google Benchmark microbenchmarks, one per stage of a check, on posts from corpus_gen's
// generator (bench/corpus_gen.cpp) run in-process: the text layer, spelling, suggestions, rule
// matching, compiling a language's rules, the tone and personalisation checks on a reply, the
// whole check, and output.
//
//   build/bench_stages [--benchmark_repetitions=5 --benchmark_report_aggregates_only=true]
//
// Compare stages by their ratios within one run; absolute times move with the machine's load.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <array>
#include <filesystem>
#include <sstream>

#include "../bench/misspelling_sample.hpp"
#include "brandlint/brandlint.hpp"
#include "linter_impl.hpp"
#include "post/post_reader.hpp"
#include "report/reporter.hpp"
#include "rules/rule_set.hpp"
#include "spelling/speller.hpp"
#include "text/analysed_text.hpp"

namespace {

using namespace brandlint;

// A realistic English reply and its metadata (what corpus_gen writes).
Post reply() {
  Post post;
  post.meta.lang = "en";
  post.meta.kind = "reply";
  post.meta.platform = "x";
  post.meta.customer = "Priya Shah";
  post.meta.in_reply_to = "Still waiting for my refund, it's been two weeks!!";
  post.text =
      "@priya_s Hi Priya, thank you for your patience. I've checked your account and the "
      "refund was sent yesterday, so you should see it within three days. Track it here: "
      "https://example.com/t/48213 Sorry for the wait! 🙏 ^JM";
  return post;
}

const std::array<const char*, 6> kWords = {"refund",  "yesterday", "patience",
                                           "account", "colour",    "warehouse"};
const std::array<const char*, 6> kTypos = {"recieved",   "acount", "tommorow",
                                           "definately", "adress", "seperate"};

std::shared_ptr<const Linter> linter() {
  static std::shared_ptr<const Linter> made = [] {
    Config config;
    config.data_dir = BRANDLINT_SOURCE_DIR;
    auto l = Linter::create(config);
    if (!l) throw std::runtime_error(l.error().to_string());
    return l.value();
  }();
  return made;
}

void text_layer(benchmark::State& state) {
  const Post post = reply();
  for (auto _ : state) {
    text::AnalysedText analysed(post.text);
    benchmark::DoNotOptimize(analysed.tokens().size());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * post.text.size()));
}
BENCHMARK(text_layer);

void spelling_known_words(benchmark::State& state) {
  auto pool = linter()->impl().speller("en");
  std::size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(pool.value()->correct(kWords[i++ % kWords.size()]));
}
BENCHMARK(spelling_known_words);

// Real misspellings (shared/data/misspellings), each asked once of a pool that has met none
// of them: what a post with a new typo costs. The pool is reopened, untimed, after each pass,
// and the suggestions it remembered are forgotten (a cache folder of this benchmark's own).
void suggestions(benchmark::State& state) {
  static const std::string cache = [] {
    std::string dir = (std::filesystem::temp_directory_path() / "brandlint-bench-XXXXXX").string();
    if (::mkdtemp(dir.data()) == nullptr) throw std::runtime_error("cannot make " + dir);
    ::setenv("BRANDLINT_CACHE_DIR", dir.c_str(), 1);
    return dir;
  }();
  auto forget = [] {
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(cache, ec)) {
      if (e.path().extension() == ".suggestions") std::filesystem::remove(e.path(), ec);
    }
  };
  static const auto rows = bench::read_misspellings(BRANDLINT_MISSPELLINGS_DIR, "en");
  std::vector<std::string> words;
  for (std::size_t i = 0; i < rows.size() && words.size() < 400; i += 7)
    words.push_back(rows[i].wrong);
  std::unique_ptr<spelling::SpellerPool> pool;
  std::size_t next = words.size();
  for (auto _ : state) {
    if (next == words.size()) {
      state.PauseTiming();
      pool.reset();  // writes what it remembered
      forget();
      pool = std::move(spelling::SpellerPool::open("en", {"/usr/share/hunspell"}, {}).value());
      pool->suggest("warmup", 3);  // reads (the first time builds) the suggestion tables
      // Loads Hunspell, which some candidates still need (a word in mixed case is its to
      // judge), so that the load is not timed as part of one word's suggestions.
      pool->correct("OCaml");
      next = 0;
      state.ResumeTiming();
    }
    benchmark::DoNotOptimize(pool->suggest(words[next++], 3));
  }
}
BENCHMARK(suggestions)->Unit(benchmark::kMicrosecond);

void rule_matching(benchmark::State& state) {
  auto rules = linter()->impl().rule_set("en");
  const Post post = reply();
  const text::AnalysedText analysed(post.text);
  for (auto _ : state) {
    const rules::MatchInput input(analysed.nfc());
    benchmark::DoNotOptimize(rules.value()->match(input, "reply"));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * post.text.size()));
}
BENCHMARK(rule_matching);

// Compiling one language's shipped rules (0 en, 1 es, 2 fr, 3 it), which a one-post run pays
// once, with the screen of its lists and terms read from the cache (second argument 1) or
// built (0, as on the first run after a rule file changed). The files are read before the
// loop.
void rule_compile(benchmark::State& state) {
  static const std::array<const char*, 4> kLangs = {"en", "es", "fr", "it"};
  const std::string lang = kLangs.at(static_cast<std::size_t>(state.range(0)));
  const bool cached = state.range(1) != 0;
  std::vector<rules::RuleFile> files;
  for (const auto& path : linter()->impl().pack_files(lang)) {
    auto file = rules::load_rule_file(path);
    if (!file) {
      state.SkipWithError(file.error().to_string().c_str());
      return;
    }
    file.value().shipped = true;
    if (!cached) file.value().checksum = 0;  // a file not read from disk is never cached
    files.push_back(std::move(file.value()));
  }
  for (auto _ : state) benchmark::DoNotOptimize(rules::RuleSet::compile(lang, files));
  state.SetLabel(lang + (cached ? ", screen cached" : ", screen built"));
}
BENCHMARK(rule_compile)
    ->ArgsProduct({benchmark::CreateDenseRange(0, 3, 1), {0, 1}})
    ->Unit(benchmark::kMillisecond);

// The whole check of one reply: every family, tone and personalisation included.
void check_reply(benchmark::State& state) {
  const Post post = reply();
  auto l = linter();
  for (auto _ : state) benchmark::DoNotOptimize(l->check(post));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * post.text.size()));
}
BENCHMARK(check_reply);

void check_reply_threads(benchmark::State& state) {
  const Post post = reply();
  auto l = linter();
  for (auto _ : state) benchmark::DoNotOptimize(l->check(post));
}
BENCHMARK(check_reply_threads)->Threads(1)->Threads(2)->UseRealTime();

void json_output(benchmark::State& state) {
  Post post = reply();
  post.text += " We have recieved your adress.";
  auto source = post::source_from_text(post.text, "<bench>");
  post.source.file = source;
  auto found = linter()->check(post);
  const auto findings = report::place(post, found.value());
  for (auto _ : state) {
    std::ostringstream out;
    auto reporter = report::make_reporter("json", out, report::Style{false});
    for (const auto& f : findings) reporter->finding(f);
    reporter->finish({});
    benchmark::DoNotOptimize(out.str().size());
  }
}
BENCHMARK(json_output);

}  // namespace

BENCHMARK_MAIN();
