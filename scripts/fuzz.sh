#!/usr/bin/env bash
# Runs the libFuzzer targets of tests/fuzz, each for N seconds, one after another.
#
#   scripts/fuzz.sh [-t SECONDS] [-j JOBS] [TARGET...]
#     TARGET: markup csv xlsx render pipeline (default: all five)
#     -t  seconds per target (default 60; CI's smoke run)
#     -j  targets run at once (default 1)
#   Environment: FUZZ_BUILD (default build-fuzz) the build folder; FUZZ_ARGS more
#   libFuzzer flags (e.g. "-workers=2 -jobs=2"); FUZZ_NO_BUILD=1 runs the programs
#   already built there.
#
# Builds with clang-14 (-DBAOGAO_FUZZ=ON: ASan + UBSan + LeakSanitizer + coverage).
# Seeds are copied at run time into FUZZ_BUILD/seeds/TARGET from examples/, tests/golden/,
# tests/fuzz/seeds/, tests/bad-inputs/ and ../shared/cases/ (read in place, never
# committed); the growing corpus stays in FUZZ_BUILD/corpus/TARGET, crashes go to
# FUZZ_BUILD/artifacts/TARGET/. Each input may take at most 1 s (-timeout=1) and the
# process 2 GiB (-rss_limit_mb=2048). Exit status: 0 when every target ran clean, 1
# when one found a crash, a leak or a timeout (its log: FUZZ_BUILD/logs/TARGET.log).
# A crash found becomes a regression file in tests/bad-inputs/ or tests/fuzz/regressions/.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
seconds=60
jobs=1
while getopts "t:j:" opt; do
  case $opt in
    t) seconds=$OPTARG ;;
    j) jobs=$OPTARG ;;
    *) sed -n 2,19p "$0"; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
targets=("$@")
((${#targets[@]})) || targets=(markup csv xlsx render pipeline)

build=${FUZZ_BUILD:-build-fuzz}
cxx=$(command -v clang++-14 || command -v clang++ || true)
[[ -n $cxx ]] || { echo "fuzz.sh: clang++ not found (apt-get install clang-14 libclang-rt-14-dev)" >&2; exit 2; }
if [[ -z ${FUZZ_NO_BUILD:-} ]]; then
  cmake -S . -B "$build" -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DBAOGAO_FUZZ=ON -DBAOGAO_TESTS=OFF -DBAOGAO_BENCH=OFF >"$build.cmake.log" 2>&1 ||
    { cat "$build.cmake.log" >&2; exit 2; }
  cmake --build "$build" -j"$(nproc)" --target "${targets[@]/%/_fuzz}" >"$build.build.log" 2>&1 ||
    { tail -40 "$build.build.log" >&2; exit 2; }
fi

shared=$root/../shared/cases/xlsx
seed() {  # seed TARGET: fills $build/seeds/TARGET (files over 512 KiB are left out: -timeout=1)
  local dir=$build/seeds/$1
  rm -rf "$dir"; mkdir -p "$dir"
  local files=()
  case $1 in
    markup) files=(tests/golden/*.md tests/fuzz/seeds/markup/*) ;;
    csv) files=("$shared"/*.csv tests/bad-inputs/*.csv tests/fuzz/regressions/csv/*) ;;
    xlsx) files=("$shared"/*.xlsx tests/bad-inputs/*.xlsx tests/fuzz/regressions/xlsx/*) ;;
    render) files=(examples/*/*.json tests/fuzz/seeds/render/*.json tests/fuzz/regressions/render/*) ;;
    pipeline) files=(examples/*/*.json tests/fuzz/seeds/render/*.json tests/bad-inputs/*.json tests/fuzz/regressions/pipeline/*) ;;
  esac
  for f in "${files[@]}"; do
    [[ -f $f ]] || continue
    (($(stat -c %s "$f") <= 524288)) && cp "$f" "$dir/" || true
  done
  [[ -d $shared ]] || echo "fuzz.sh: $shared not found; seeding $1 from the repository only" >&2
}
dict_of() {
  case $1 in
    markup) echo tests/fuzz/dict/markup.dict ;;
    xlsx) echo tests/fuzz/dict/xml.dict ;;
    csv) echo "" ;;
    render | pipeline) echo tests/fuzz/dict/json.dict ;;
  esac
}

run() {  # run TARGET: one libFuzzer run; prints a summary line
  local t=$1 corpus=$build/corpus/$1 artifacts=$build/artifacts/$1/ log=$build/logs/$1.log
  mkdir -p "$corpus" "$artifacts" "$build/logs"
  seed "$t"
  local dict
  dict=$(dict_of "$t")
  local args=(-max_total_time="$seconds" -timeout=1 -rss_limit_mb=2048 -max_len=262144
    -artifact_prefix="$artifacts" -print_final_stats=1)
  [[ -n $dict ]] && args+=(-dict="$dict")
  # shellcheck disable=SC2086
  if ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1:quarantine_size_mb=64 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$build/tests/fuzz/${t}_fuzz" "${args[@]}" ${FUZZ_ARGS:-} "$corpus" "$build/seeds/$t" >"$log" 2>&1; then
    local execs rate
    execs=$(grep -m1 'stat::number_of_executed_units' "$log" | awk '{print $2}')
    rate=$(grep -m1 'stat::average_exec_per_sec' "$log" | awk '{print $2}')
    echo "fuzz $t: clean, ${seconds}s, ${execs:-?} inputs, ${rate:-?} execs/s, corpus $(find "$corpus" -type f | wc -l) files"
  else
    echo "fuzz $t: FAILED (crash, leak or timeout); log $log, input in $artifacts" >&2
    grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error|.*unexpected exception|.*does not parse|.*not well-formed)' "$log" | head -5 >&2
    return 1
  fi
}

status=0
pids=()
for t in "${targets[@]}"; do
  run "$t" &
  pids+=($!)
  if ((${#pids[@]} >= jobs)); then
    wait "${pids[0]}" || status=1
    pids=("${pids[@]:1}")
  fi
done
for p in "${pids[@]}"; do wait "$p" || status=1; done
exit $status
