# The example drafts end to end: every figure in the .txt, headings numbered under
# each part, no placeholder, and the same input gives the same bytes.
source "$(dirname "$0")/lib.bash"

"$BAOGAO" render "$EXAMPLE" -o "$WORK/a.docx" -o "$WORK/a.txt" 2>"$WORK/stderr" \
  || fail "render exited $?: $(cat "$WORK/stderr")"
[[ -s "$WORK/a.docx" && -s "$WORK/a.txt" ]] || fail "outputs missing"
grep -q "待补充" "$WORK/a.txt" && fail "the full example must have no placeholder"
[[ -s "$WORK/stderr" ]] && fail "the full example must render without findings: $(cat "$WORK/stderr")"

# The seed's figures, as the example data states them.
for figure in 十多 53 42 12 9 8 7 6 100% 13 30余 3000万元 2.46亿元 1亿元; do
  grep -qF -- "$figure" "$WORK/a.txt" || fail "figure $figure missing from the .txt"
done
# Both parts number their sections from 一、 (the review has four, the tasks four).
for n in 一 二 三 四; do
  [[ $(grep -c "^　　${n}、" "$WORK/a.txt") -ge 2 ]] || fail "heading ${n}、 not under each part"
done

# Deterministic: a second run gives identical bytes.
"$BAOGAO" render "$EXAMPLE" -o "$WORK/b.docx" -o "$WORK/b.txt" 2>/dev/null
cmp "$WORK/a.docx" "$WORK/b.docx" || fail ".docx differs between two runs"
cmp "$WORK/a.txt" "$WORK/b.txt" || fail ".txt differs between two runs"
echo "ok"
