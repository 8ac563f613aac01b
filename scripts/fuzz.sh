#!/usr/bin/env bash
# Builds the libFuzzer targets with clang under ASan+UBSan and runs each for SECONDS (default
# 60). Seeds are in fuzz/corpus/<target>/; what the fuzzer learns goes to build-fuzz/corpus/,
# crashes to build-fuzz/crashes/ (turn each into a regression test, then fix it).
#   scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] ||
  targets=(fuzz_post_formats fuzz_front_matter fuzz_config fuzz_rules fuzz_text fuzz_check)
command -v clang++ >/dev/null || { echo "fuzz.sh: clang++ is needed (apt-get install clang)" >&2; exit 2; }
CC=clang CXX=clang++ cmake -S . -B build-fuzz -DBRANDLINT_FUZZ=ON -DBRANDLINT_SANITIZE=ON \
  -DBRANDLINT_TESTS=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build-fuzz -j2 --target "${targets[@]}"
mkdir -p build-fuzz/crashes
status=0
for t in "${targets[@]}"; do
  mkdir -p "build-fuzz/corpus/$t"
  echo "== $t for ${seconds}s"
  if ! ASAN_OPTIONS=detect_leaks=1 build-fuzz/"$t" "build-fuzz/corpus/$t" "fuzz/corpus/$t" \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
      -artifact_prefix="build-fuzz/crashes/$t-" -print_final_stats=1 2>"build-fuzz/$t.log"; then
    echo "$t: FOUND A PROBLEM, see build-fuzz/$t.log and build-fuzz/crashes/" >&2
    status=1
  fi
  grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb|cov: " "build-fuzz/$t.log" | tail -3
done
exit $status
