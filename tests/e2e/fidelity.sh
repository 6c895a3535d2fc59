# Layout fidelity, measured: the example .docx rendered by LibreOffice and measured with
# poppler (tests/fidelity/fidelity.py): A4, the type area's margins, 22 lines a page,
# 28 characters a line, the spec's sizes, — N — page numbers odd right / even left.
# Both heading-numbering modes. Skipped (77) where LibreOffice or poppler is missing.
source "$(dirname "$0")/lib.bash"
command -v python3 >/dev/null || skip "python3 missing"
command -v soffice >/dev/null || skip "LibreOffice (soffice) missing: scripts/install-deps.sh --test"
command -v pdftotext >/dev/null || skip "poppler-utils missing: scripts/install-deps.sh --test"

"$BAOGAO" render "$EXAMPLE" -o "$WORK/example.docx" 2>/dev/null || fail "render failed"
"$BAOGAO" render "$EXAMPLE" --numbering word -o "$WORK/example-word.docx" 2>/dev/null || fail "render failed"
for f in example example-word; do
  set +e
  python3 "$SRC/tests/fidelity/fidelity.py" "$WORK/$f.docx" --work "$WORK/$f" --png --json "$WORK/$f.json"
  code=$?
  set -e
  [[ $code == 77 ]] && exit 77
  [[ $code == 0 ]] || fail "fidelity of $f.docx (figures in $WORK/$f.json)"
done
echo ok
