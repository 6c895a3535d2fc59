# `baogao stats`: Word's 字数统计 for the example's .docx and .txt (the same 字数 as
# docProps/app.xml), pages from LibreOffice when installed (else the 22 × 28 estimate,
# labelled), speaking time at --rate.
source "$(dirname "$0")/lib.bash"

"$BAOGAO" render "$EXAMPLE" -o "$WORK/a.docx" -o "$WORK/a.txt" 2>/dev/null || fail "render failed"
"$BAOGAO" stats "$WORK/a.docx" --no-render --format json >"$WORK/docx.json" || fail "stats .docx failed"
"$BAOGAO" stats "$WORK/a.txt" --rate 200 --format json >"$WORK/txt.json" || fail "stats .txt failed"
field() { grep -o "\"$2\":[^,}]*" "$1" | head -1 | cut -d: -f2 | tr -d '"'; }

words=$(field "$WORK/docx.json" words)
app_words=$(unzip -p "$WORK/a.docx" docProps/app.xml | grep -o '<Words>[0-9]*' | tr -dc 0-9)
[[ -n "$words" && "$words" == "$app_words" ]] || fail "stats 字数 $words, app.xml Words $app_words"
[[ "$(field "$WORK/txt.json" words)" == "$words" ]] || fail "the .txt and the .docx differ in 字数"
[[ "$(field "$WORK/docx.json" pages_method)" == estimate ]] || fail "--no-render must estimate"
[[ "$(field "$WORK/txt.json" rate)" == 200 ]] || fail "--rate ignored"
(( words > 3000 )) || fail "the example has only $words 字"

"$BAOGAO" stats "$WORK/a.docx" --no-render >"$WORK/docx.txt"
grep -q "^字数：$words" "$WORK/docx.txt" || fail "text output: $(cat "$WORK/docx.txt")"
grep -q "^页数：约 .*估算" "$WORK/docx.txt" || fail "the estimate is not labelled: $(cat "$WORK/docx.txt")"
grep -q "^讲话时长：约 " "$WORK/docx.txt" || fail "no speaking time"

if command -v soffice >/dev/null && command -v pdfinfo >/dev/null; then
  "$BAOGAO" stats "$WORK/a.docx" --format json >"$WORK/rendered.json" || fail "stats with LibreOffice failed"
  [[ "$(field "$WORK/rendered.json" pages_method)" == libreoffice ]] || fail "LibreOffice not used: $(cat "$WORK/rendered.json")"
  soffice -env:UserInstallation="file://$WORK/lo-profile" --headless --convert-to pdf --outdir "$WORK" "$WORK/a.docx" \
    >/dev/null 2>&1
  pdf_pages=$(pdfinfo "$WORK/a.pdf" | awk '/^Pages:/ {print $2}')
  [[ "$(field "$WORK/rendered.json" pages)" == "$pdf_pages" ]] || fail "stats pages != pdfinfo $pdf_pages"
else
  echo "note: LibreOffice not installed: rendered page count not checked" >&2
fi

set +e; "$BAOGAO" stats "$WORK/nothing.docx" 2>/dev/null; code=$?; set -e
[[ $code == 2 ]] || fail "a missing file must exit 2, got $code"
set +e; "$BAOGAO" stats "$EXAMPLE" 2>/dev/null; code=$?; set -e
[[ $code == 2 ]] || fail "a .json must exit 2, got $code"
echo ok
