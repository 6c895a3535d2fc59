# tests/bad-inputs: every case of expected.tsv gives its expected exit code, error
# category and place, and an exit-2 case leaves no output file (nor a temporary).
# The inputs are made at run time by make_cases.py (large ones included).
# Usage (ctest): run.sh BAOGAO SRC WORK
set -euo pipefail
BAOGAO=$1 SRC=$2 WORK=$3
rm -rf "$WORK"; mkdir -p "$WORK/cases" "$WORK/out"
command -v python3 >/dev/null || { echo "SKIP: python3 not found (it makes the cases)" >&2; exit 77; }
python3 "$SRC/tests/bad-inputs/make_cases.py" "$WORK/cases"

failures=0 passed=0
while IFS=$'\t' read -r case command want category place; do
  [[ -z $case || $case == \#* || $case == case ]] && continue
  out=$WORK/out/$case.docx
  rm -f "$out"
  case $command in
    render) args=(render "$WORK/cases/$case" -o "$out") ;;
    template) args=(render "$WORK/cases/tree_children_true.json" -t "$WORK/cases/$case" -o "$out") ;;
    inspect) args=(inspect "$WORK/cases/$case" --format json) ;;
    *) echo "bad command '$command' in expected.tsv" >&2; exit 2 ;;
  esac
  set +e
  (cd "$WORK/out" && "$BAOGAO" "${args[@]}") >"$WORK/out/$case.stdout" 2>"$WORK/out/$case.stderr"
  got=$?
  set -e
  problem=""
  if [[ $got != "$want" ]]; then
    problem="exit $got, expected $want"
  elif [[ $want == 2 ]]; then
    grep -qF "[$category]" "$WORK/out/$case.stderr" || problem="no [$category] in the error"
    [[ $place == - ]] || grep -qF -- "$place" "$WORK/out/$case.stderr" || problem="${problem:+$problem; }the error does not name '$place'"
    [[ -e $out ]] && problem="${problem:+$problem; }an output file was left behind"
    # One error, one line, from baogao alone (no libxml2 or other library noise).
    [[ $(grep -vc '^baogao: error: ' "$WORK/out/$case.stderr") == 0 ]] ||
      problem="${problem:+$problem; }stderr has more than baogao's one error line"
  elif [[ $command == render && ! -s $out ]]; then
    problem="no output written"
  fi
  if [[ -n $(find "$WORK/out" -name '.*' -type f) ]]; then
    problem="${problem:+$problem; }a temporary file was left behind"
    find "$WORK/out" -name '.*' -type f -delete
  fi
  if [[ -n $problem ]]; then
    echo "FAIL $case: $problem" >&2
    head -c 600 "$WORK/out/$case.stderr" | sed 's/^/    /' >&2
    failures=$((failures + 1))
  else
    echo "ok   $case (exit $got${category:+, $category})"
    passed=$((passed + 1))
  fi
done <"$SRC/tests/bad-inputs/expected.tsv"
echo "bad-inputs: $passed passed, $failures failed"
((failures == 0))
