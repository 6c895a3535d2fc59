#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to a full test run:
# installs what is missing (build, test and docx-check tools, fonts), builds, runs ctest.
#
#   scripts/test.sh              the normal build (build-test), every test
#   scripts/test.sh --sanitize   the same suite built with AddressSanitizer,
#                                UndefinedBehaviorSanitizer and LeakSanitizer
#                                (build-asan, -DBAOGAO_SANITIZE=ON): any finding fails
#   scripts/test.sh --all        both, then a 60 s libFuzzer smoke per target
#                                (scripts/fuzz.sh -t 60): what .ci/run does
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-normal}
scripts/install-deps.sh --test
scripts/install-fonts.sh

normal() {
  cmake -S . -B build-test -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build build-test -j"$(nproc)"
  ctest --test-dir build-test --output-on-failure -j"$(nproc)"
}

sanitize() {
  # halt_on_error / abort_on_error: the first finding ends the test with a failure;
  # detect_leaks: LeakSanitizer at exit. The symbolizer gives file:line in reports.
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:halt_on_error=1:strict_string_checks=1
  export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
  export LSAN_OPTIONS=print_suppressions=0
  command -v llvm-symbolizer-14 >/dev/null && export ASAN_SYMBOLIZER_PATH=$(command -v llvm-symbolizer-14)
  cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBAOGAO_SANITIZE=ON -DBAOGAO_BENCH=OFF >/dev/null
  cmake --build build-asan -j"$(nproc)"
  ctest --test-dir build-asan --output-on-failure -j"$(nproc)" --timeout 1500
}

case $mode in
  normal) normal ;;
  --sanitize) sanitize ;;
  --all)
    normal
    echo "== sanitizer pass (ASan + UBSan + LSan) =="
    (sanitize)
    echo "== fuzz smoke: 60 s per target =="
    scripts/fuzz.sh -t 60 -j "$(nproc)"
    ;;
  *) sed -n 2,11p "$0"; exit 2 ;;
esac
