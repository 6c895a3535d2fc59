# The lint over a corpus of real published reports (docs/lint-corpus.md): at most 1
# finding per 10,000 characters. The corpus is third-party text kept outside the
# repository: set BAOGAO_LINT_CORPUS to its folder of .txt files (skipped otherwise).
source "$(dirname "$0")/lib.bash"
[[ -n ${BAOGAO_LINT_CORPUS:-} && -d $BAOGAO_LINT_CORPUS ]] || skip "BAOGAO_LINT_CORPUS not set (docs/lint-corpus.md)"
command -v python3 >/dev/null || skip "python3 missing"
python3 "$SRC/scripts/lint-rate.py" --baogao "$BAOGAO" --restore-fullwidth "$BAOGAO_LINT_CORPUS"/*.txt >"$WORK/rate.txt"
tail -1 "$WORK/rate.txt"
per=$(tail -1 "$WORK/rate.txt" | sed -n 's/.* findings (\([0-9.]*\) per 10,000).*/\1/p')
[[ -n $per ]] || fail "no rate in lint-rate.py's output"
awk -v p="$per" 'BEGIN { exit !(p <= 1.0) }' || fail "the lint speaks $per times per 10,000 characters; expected at most 1"
echo ok
