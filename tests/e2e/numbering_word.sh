# Heading numbering in both modes (ECMA-376 Part 1 §17.9 for `--numbering word`): the
# rendered pages carry the .txt's numbers; deleting the second level-1 heading from
# document.xml renumbers 一、二、三、 with no gap and the next part still starts at 一、
# (tests/fidelity/numbering_check.py); docx-check (full) passes on the numbered draft.
source "$(dirname "$0")/lib.bash"
command -v python3 >/dev/null || skip "python3 missing"

"$BAOGAO" render "$EXAMPLE" -o "$WORK/text.docx" -o "$WORK/draft.txt" 2>/dev/null || fail "render failed"
"$BAOGAO" render "$EXAMPLE" --numbering word -o "$WORK/word.docx" 2>/dev/null || fail "render --numbering word failed"
grep -q -- "word/numbering.xml" <(unzip -l "$WORK/word.docx") || fail "--numbering word has no numbering part"
grep -q -- "word/numbering.xml" <(unzip -l "$WORK/text.docx") && fail "--numbering text has a numbering part"
set +e; "$BAOGAO" render "$EXAMPLE" --numbering roman -o "$WORK/bad.docx" 2>/dev/null; code=$?; set -e
[[ $code == 2 ]] || fail "--numbering roman must be a usage error, got $code"

CHECK="$SHARED/tools/docx-check"
if [[ -x "$CHECK" ]] && command -v xmllint >/dev/null; then
  "$CHECK" -q --outdir "$WORK/check" "$WORK/word.docx" || fail "docx-check failed on --numbering word"
else
  echo "note: docx-check not run ($CHECK or xmllint missing)" >&2
fi

set +e
python3 "$SRC/tests/fidelity/numbering_check.py" --txt "$WORK/draft.txt" --text "$WORK/text.docx" \
  --word "$WORK/word.docx" --work "$WORK/render"
code=$?
set -e
[[ $code == 77 ]] && exit 77
[[ $code == 0 ]] || fail "heading numbers differ on the rendered pages"
echo ok
