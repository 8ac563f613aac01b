#!/usr/bin/env bash
# brandlint (all checks, one thread) against alex and `hunspell -l` on the same English corpus,
# in one run, so that the ratios hold even on a busy machine. alex comes from the npm registry
# into a temporary folder; the hunspell command from Debian's `hunspell` package.
#
#   bench/compare.sh [POSTS]      (default 800 posts, about 200 KB of text)
#
# Needs build/brandlint and build/corpus_gen: cmake -S . -B build -DBRANDLINT_BENCH=ON
set -euo pipefail
cd "$(dirname "$0")/.."
posts="${1:-800}"
runs=3
for tool in build/brandlint build/corpus_gen; do
  [ -x "$tool" ] || { echo "compare.sh: $tool is missing; build with -DBRANDLINT_BENCH=ON" >&2; exit 2; }
done
if ! command -v hunspell >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    apt-get install -y -qq hunspell >/dev/null
  else
    echo "compare.sh: the hunspell command is missing: apt-get install hunspell" >&2
    exit 2
  fi
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "installing alex into $work ..." >&2
npm install --silent --no-audit --no-fund --prefix "$work" alex@11 >/dev/null 2>&1 ||
  { echo "compare.sh: npm could not install alex (is the registry reachable?)" >&2; exit 2; }

# The same posts twice: as prose for alex and hunspell, as JSON Lines with their metadata
# (language, platform, customer, the message answered) for brandlint.
build/corpus_gen --posts "$posts" --lang en --format text >"$work/corpus.txt"
build/corpus_gen --posts "$posts" --lang en --format jsonl >"$work/corpus.jsonl"
bytes=$(wc -c <"$work/corpus.txt")

# Median wall seconds of $runs runs of a command.
median() {
  local times=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null 2>&1 || true  # linters exit non-zero when they find something
    end=$(date +%s.%N)
    times+=("$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')")
  done
  printf '%s\n' "${times[@]}" | sort -g | sed -n "$(((runs + 1) / 2))p"
}

# brandlint with a cache of its own, warmed by two runs as a kept cache folder is (suggestion
# tables, parsed rules; the second builds British English's tables, which only a kept folder
# gets). Each timed run first forgets the suggestions earlier runs remembered, as a first run
# over new posts would; then the same with them remembered, as a CI job run again over the
# same posts.
export BRANDLINT_CACHE_DIR="$work/cache"
for _ in 1 2; do
  build/brandlint check - --stdin-format jsonl -j 1 <"$work/corpus.jsonl" >/dev/null 2>&1 || true
done
brandlint_stdin() {
  rm -f "$BRANDLINT_CACHE_DIR"/*.suggestions
  build/brandlint check - --stdin-format jsonl --format json -j 1 <"$work/corpus.jsonl"
}
brandlint_again() { build/brandlint check - --stdin-format jsonl --format json -j 1 <"$work/corpus.jsonl"; }
brandlint=$(median brandlint_stdin)
brandlint_stdin >/dev/null 2>&1 || true  # leaves this corpus's suggestions remembered
again=$(median brandlint_again)
alex=$(median "$work/node_modules/.bin/alex" "$work/corpus.txt")
hunspell_l() { hunspell -d en_US -l <"$work/corpus.txt"; }
hunspell=$(median hunspell_l)

awk -v bytes="$bytes" -v posts="$posts" -v runs="$runs" -v b="$brandlint" -v a="$alex" -v r="$again" \
  -v h="$hunspell" 'BEGIN {
  printf "corpus: %d English posts, %d KB of text; median wall time of %d runs\n", posts, bytes / 1024, runs
  printf "  %-32s %8.3f s %9.2f MB/s\n", "brandlint (all checks, -j 1)", b, bytes / b / 1e6
  printf "  %-32s %8.3f s %9.2f MB/s\n", "brandlint again (typos known)", r, bytes / r / 1e6
  printf "  %-32s %8.3f s %9.2f MB/s\n", "alex 11", a, bytes / a / 1e6
  printf "  %-32s %8.3f s %9.2f MB/s\n", "hunspell -l (spelling only)", h, bytes / h / 1e6
  printf "brandlint is %.1fx as fast as alex and %.2fx as fast as hunspell -l\n", a / b, h / b
  printf "run again over the same posts: %.1fx as fast as alex, %.2fx as fast as hunspell -l\n", a / r, h / r
}'
