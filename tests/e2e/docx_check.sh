# The example .docx passes ../shared/tools/docx-check: package, XSD, Word's extra rules,
# LibreOffice round trip, python-docx and pandoc.
source "$(dirname "$0")/lib.bash"
CHECK="$SHARED/tools/docx-check"
[[ -x "$CHECK" ]] || skip "$CHECK not found (../shared beside the clone)"
command -v xmllint >/dev/null || skip "xmllint missing (scripts/install-deps.sh --test)"

"$BAOGAO" render "$EXAMPLE" -o "$WORK/cppcc-2017.docx" 2>/dev/null || fail "render failed"
"$CHECK" --outdir "$WORK/check" "$WORK/cppcc-2017.docx" || fail "docx-check failed"
