#!/usr/bin/env bash
# The whole pipeline on the generated corpus (four languages, replies with their metadata, 2 %
# misspelled words): posts/s, MB/s of post text and peak memory with -j 1 and -j 2, and the
# wall time of a one-post run. Runs alternate and the median of each is reported, so the
# ratios are taken under the same load.
#
#   bench/pipeline.sh [POSTS] [RUNS]     (default 50000 posts, 3 runs)
#
# Needs build/brandlint and build/corpus_gen: cmake -S . -B build -DBRANDLINT_BENCH=ON
set -euo pipefail
cd "$(dirname "$0")/.."
posts="${1:-50000}"
runs="${2:-3}"
for tool in build/brandlint build/corpus_gen; do
  [ -x "$tool" ] || { echo "pipeline.sh: $tool is missing; build with -DBRANDLINT_BENCH=ON" >&2; exit 2; }
done
[ -x /usr/bin/time ] || { echo "pipeline.sh: GNU time is needed: apt-get install time" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
build/corpus_gen --posts "$posts" >"$work/corpus.jsonl"
# A cache of our own, warmed (suggestion tables of the four dictionaries, parsed rules) by two
# runs, as a kept cache folder is: the second builds what only a kept folder gets (British
# English's tables, the language check's). The suggestions remembered from earlier runs are
# removed before each timed run, so that every run searches its typos as the first run over
# these posts would.
export BRANDLINT_CACHE_DIR="$work/cache"
for _ in 1 2; do
  head -n 2000 "$work/corpus.jsonl" | build/brandlint check - --stdin-format jsonl >/dev/null 2>&1 || true
done
forget() { rm -f "$BRANDLINT_CACHE_DIR"/*.suggestions; }
# The posts' text alone (the text format ends each post with a blank line).
bytes=$(($(build/corpus_gen --posts "$posts" --format text | wc -c) - 2 * posts))

# One timed run: prints "wall_seconds peak_kb".
timed() {
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>&1 || true
  tail -n 1 "$work/time"  # after "Command exited with non-zero status 1", when it did
}
: >"$work/j1"
: >"$work/j2"
for _ in $(seq "$runs"); do
  forget
  timed build/brandlint check - --stdin-format jsonl --format json -j 1 <"$work/corpus.jsonl" >>"$work/j1"
  forget
  timed build/brandlint check - --stdin-format jsonl --format json -j 2 <"$work/corpus.jsonl" >>"$work/j2"
done
# The machine's own ceiling for two threads: each half of the posts checked with -j 1 alone,
# then both halves at once in two processes that share nothing but the machine. Their speed-up,
# (alone + alone) / together, is what two cores give to two independent jobs (caches, memory
# bandwidth and the host's other tenants take their share), and bounds what -j 2 can give.
half=$(((posts + 1) / 2))
head -n "$half" "$work/corpus.jsonl" >"$work/half1.jsonl"
tail -n +"$((half + 1))" "$work/corpus.jsonl" >"$work/half2.jsonl"
half_run() { build/brandlint check - --stdin-format jsonl --format json -j 1 <"$1" >/dev/null 2>&1 || true; }
now() { date +%s%N; }
: >"$work/pair"
for _ in $(seq "$runs"); do
  forget
  t0=$(now); half_run "$work/half1.jsonl"; t1=$(now)
  forget
  half_run "$work/half2.jsonl"; t2=$(now)
  forget
  half_run "$work/half1.jsonl" &
  half_run "$work/half2.jsonl"
  wait
  t3=$(now)
  echo "$t0 $t1 $t2 $t3" | awk '{ printf "%.4f\n", ($3 - $1) / ($4 - $3) }' >>"$work/pair"
done
# Once more over the same posts, with the suggestions the last run remembered (a CI job run
# again on the same scheduled posts).
read -r again again_kb <<<"$(timed build/brandlint check - --stdin-format jsonl --format json -j 1 <"$work/corpus.jsonl")"
# The same again from one file, as a CI job checks a repository's file of scheduled posts:
# every finding is placed at its line and column in that file.
read -r from_file from_file_kb <<<"$(timed build/brandlint check "$work/corpus.jsonl" --format json -j 1)"
# A repository of posts, one file each, in ten team folders, each with its own .brandlint.yaml
# (its own words): the teams share their rules and dictionaries' tables, so the run costs
# about what one configuration would.
build/corpus_gen --posts 1000 --lang en --format text |
  awk -v dir="$work/teams" 'BEGIN { RS = ""; srand(1) } {
    team = int((NR - 1) / 100); folder = dir "/team" team
    if ((NR - 1) % 100 == 0) {
      system("mkdir -p " folder)
      printf "lang: en\nwords: [Team%dword]\n", team > (folder "/.brandlint.yaml")
    }
    printf "%s\n", $0 > (folder "/post" NR ".txt"); close(folder "/post" NR ".txt")
  }'
timed build/brandlint check "$work/teams" --format json -j 1 >/dev/null  # their suggestions remembered
read -r teams teams_kb <<<"$(timed build/brandlint check "$work/teams" --format json -j 1)"
rm "$work"/teams/team*/.brandlint.yaml
read -r one_config one_config_kb <<<"$(timed build/brandlint check "$work/teams" --format json -j 1)"
: >"$work/one"
: >"$work/typo"
# One post, clean and with a typo (the typo reads the suggestion tables: the first run ever
# builds them into the cache, the runs timed here read them). Each run forgets the typos
# earlier runs met. hyperfine, when installed, times them (median of 30); otherwise date does
# (median of 11, process start-up included). GNU time gives the peak memory.
build/brandlint check --lang en --text "Your parcel is on its way, thaks!" >/dev/null 2>&1 || true
one_text="Hi Daniel, thanks for your message! Your parcel left our warehouse this morning."
typo_text="Hi Daniel, thanks for your mesage! Your parcel left our warehouse this morning."
timer="date, median of 11"
command -v hyperfine >/dev/null && timer="hyperfine, median of 30"
for kind in one typo; do
  text="$one_text"
  [ "$kind" = typo ] && text="$typo_text"
  forget
  timed build/brandlint check --lang en --text "$text" >"$work/one-time"
  peak_kb=$(cut -d' ' -f2 "$work/one-time")
  if command -v hyperfine >/dev/null; then
    hyperfine --style none --ignore-failure --warmup 3 --runs 30 --export-csv "$work/$kind.csv" \
      --prepare "rm -f '$BRANDLINT_CACHE_DIR'/*.suggestions" \
      "build/brandlint check --lang en --text '$text'" >/dev/null 2>&1 || true
    # median, in seconds: the fifth column from the end (the command may hold commas)
    echo "$(awk -F, 'NR == 2 { printf "%.0f", $(NF - 4) * 1e6 }' "$work/$kind.csv") $peak_kb" >>"$work/$kind"
  else
    for _ in $(seq 11); do  # %e has centiseconds only: time the short runs with date
      forget  # a typo no earlier run has met
      start=$(date +%s%N)
      build/brandlint check --lang en --text "$text" >/dev/null 2>&1 || true
      end=$(date +%s%N)
      echo "$(((end - start) / 1000)) $peak_kb" >>"$work/$kind"
    done
  fi
done
median() { sort -g "$1" | sed -n "$((($(wc -l <"$1") + 1) / 2))p"; }
read -r j1 j1_kb <<<"$(median "$work/j1")"
read -r j2 j2_kb <<<"$(median "$work/j2")"
read -r one one_kb <<<"$(median "$work/one")"
read -r typo typo_kb <<<"$(median "$work/typo")"
pair=$(median "$work/pair")
awk -v posts="$posts" -v bytes="$bytes" -v j1="$j1" -v j2="$j2" -v k1="$j1_kb" -v k2="$j2_kb" -v again="$again" -v from_file="$from_file" -v teams="$teams" -v teams_kb="$teams_kb" -v one_config="$one_config" -v one_config_kb="$one_config_kb" \
  -v pair="$pair" -v one="$one" -v onek="$one_kb" -v typo="$typo" -v runs="$runs" -v timer="$timer" 'BEGIN {
  printf "corpus: %d posts in en, es, fr, it, %.1f MB of post text; median of %d runs\n", posts, bytes / 1e6, runs
  printf "  -j 1: %7.2f s %9.0f posts/s %7.2f MB/s   peak %4.0f MiB (%.0f MB)\n", j1, posts / j1, bytes / j1 / 1e6, k1 / 1024, k1 * 1024 / 1e6
  printf "  -j 2: %7.2f s %9.0f posts/s %7.2f MB/s   peak %4.0f MiB (%.0f MB)\n", j2, posts / j2, bytes / j2 / 1e6, k2 / 1024, k2 * 1024 / 1e6
  printf "  -j 2 / -j 1 speed-up: %.2fx\n", j1 / j2
  printf "  the machine'"'"'s ceiling: two -j 1 processes on the two halves at once, %.2fx one after the other\n", pair
  printf "  -j 1 again, typos remembered from the last run: %.2f s, %.2f MB/s, %.2fx the first run\n", again, bytes / again / 1e6, j1 / again
  printf "  -j 1 again, the posts read as one file: %.2f s, %.2fx the stream\n", from_file, from_file / again
  printf "  1,000 English posts, one file each, in ten folders with a .brandlint.yaml each: %.2f s, peak %.0f MiB; without them (one configuration): %.2f s, peak %.0f MiB\n", teams, teams_kb / 1024, one_config, one_config_kb / 1024
  printf "  one English post: %.0f ms wall, peak %.0f MiB (%s)\n", one / 1000, onek / 1024, timer
  printf "  the same post with a typo: %.0f ms wall (%s)\n", typo / 1000, timer
}'
