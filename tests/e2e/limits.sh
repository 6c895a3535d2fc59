# --limit NAME=VALUE (docs/limits.md): a limit set low is met with a too_large error
# that names it, exit 2 and nothing written; a bad setting is a usage error.
source "$(dirname "$0")/lib.bash"
XLSX="$SRC/examples/cppcc-2017/data.xlsx"

set +e
"$BAOGAO" inspect "$XLSX" --limit cells=10 >"$WORK/out" 2>"$WORK/err"; rc=$?
set -e
[[ $rc == 2 ]] || fail "inspect --limit cells=10: exit $rc, expected 2"
grep -q '基本信息!.*found more than 10 non-empty cells.*(--limit cells) \[too_large\]' "$WORK/err" ||
  fail "inspect --limit cells=10: $(cat "$WORK/err")"
"$BAOGAO" inspect "$XLSX" --limit cells=100000 >/dev/null || fail "inspect with a high cell limit failed"

set +e
"$BAOGAO" render "$EXAMPLE" -o "$WORK/deep.docx" --limit data-depth=3 2>"$WORK/err"; rc=$?
set -e
[[ $rc == 2 ]] || fail "render --limit data-depth=3: exit $rc, expected 2"
grep -q 'data.json:[0-9]*:[0-9]*: found objects or arrays nested deeper than 3 levels.*(--limit data-depth) \[too_large\]' \
  "$WORK/err" || fail "render --limit data-depth=3: $(cat "$WORK/err")"
[[ ! -e $WORK/deep.docx ]] || fail "render --limit data-depth=3 wrote an output"

set +e
"$BAOGAO" check "$EXAMPLE" --limit render-depth=abc 2>"$WORK/err"; rc=$?
set -e
[[ $rc == 2 ]] || fail "check --limit render-depth=abc: exit $rc, expected 2"
grep -qF "baogao: error: --limit: found 'render-depth=abc'; expected a whole number ≥ 1 [usage]" "$WORK/err" ||
  fail "check --limit render-depth=abc: $(cat "$WORK/err")"

"$BAOGAO" render "$EXAMPLE" -o "$WORK/ok.txt" --limit part-size=64M --limit template-size=64K 2>/dev/null ||
  fail "render with limits raised and lowered within reason failed"
[[ -s $WORK/ok.txt ]] || fail "no ok.txt"
echo "ok"
