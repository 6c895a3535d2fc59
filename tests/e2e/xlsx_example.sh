# The example workbook drafts exactly as the JSON example does (issue 3 acceptance):
# `baogao render examples/cppcc-2017/data.xlsx` gives the same .txt, and with review
# comments off (--final: comments name each value's source cell) a byte-identical .docx.
source "$(dirname "$0")/lib.bash"
XLSX="$SRC/examples/cppcc-2017/data.xlsx"
[[ -s "$XLSX" ]] || fail "examples/cppcc-2017/data.xlsx is missing"

"$BAOGAO" render "$EXAMPLE" -o "$WORK/json.txt" -o "$WORK/json.md" 2>"$WORK/json.err" || fail "JSON render: $(cat "$WORK/json.err")"
"$BAOGAO" render "$XLSX" -o "$WORK/xlsx.txt" -o "$WORK/xlsx.md" -o "$WORK/out.docx" 2>"$WORK/xlsx.err" \
  || fail "render exited $?: $(cat "$WORK/xlsx.err")"
[[ -s "$WORK/out.docx" ]] || fail "no .docx"
[[ -s "$WORK/xlsx.err" ]] && fail "the example workbook must draft without findings: $(cat "$WORK/xlsx.err")"
cmp "$WORK/json.txt" "$WORK/xlsx.txt" || fail ".txt differs from the JSON example's"
grep -q 'src="[^"]*data\.xlsx:分项工作!' "$WORK/xlsx.md" || fail "figures do not name their cells"
strip() { sed -E 's/ ?src="[^"]*"//g; s/\{ *\}//g; s/\{ +/{/g' "$1"; }
diff <(strip "$WORK/json.md") <(strip "$WORK/xlsx.md") >/dev/null || fail "markup differs beyond src attributes"

"$BAOGAO" render "$EXAMPLE" --final -o "$WORK/json.docx" 2>/dev/null || fail "JSON --final render"
"$BAOGAO" render "$XLSX" --final -o "$WORK/xlsx.docx" 2>/dev/null || fail "workbook --final render"
cmp "$WORK/json.docx" "$WORK/xlsx.docx" || fail ".docx (no comments) differs from the JSON example's"
echo ok
