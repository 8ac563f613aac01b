#!/usr/bin/env bash
# Builds brandlint, its tests and the C interface with clang under AddressSanitizer and
# UndefinedBehaviorSanitizer into build-asan/, then runs the whole ctest suite there. Any
# memory error, leak or undefined behaviour fails the test that hit it. Prints how long the
# build and the tests took.
#   scripts/sanitize.sh [CTEST ARGS...]     e.g. scripts/sanitize.sh -L unit
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v clang++ >/dev/null; then
  echo "sanitize.sh: clang++ is needed (apt-get install clang)" >&2
  exit 2
fi

start=$(date +%s)
CC=clang CXX=clang++ cmake -S . -B build-asan -DBRANDLINT_SANITIZE=ON \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build-asan -j2
built=$(date +%s)

# halt_on_error: the first UBSan report ends the process, so the test fails instead of
# printing a warning nobody reads. exitcode=86: a sanitizer report is never mistaken for
# brandlint's own exit status 1 (findings) by a test that runs the binary.
asan="detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1"
export ASAN_OPTIONS="$asan:exitcode=86"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:exitcode=86"
status=0
ctest --test-dir build-asan --output-on-failure "$@" || status=$?
done_at=$(date +%s)

echo "sanitize.sh: configure+build $((built - start))s, tests $((done_at - built))s" >&2
exit $status
