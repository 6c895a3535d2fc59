# A cover (the title block alone before the first page break) carries no page number;
# the pages after it keep their physical numbers, odd right and even left (GB/T
# 9704-2012 §7.5), as LibreOffice renders them. The template is made up on the spot.
source "$(dirname "$0")/lib.bash"
command -v python3 >/dev/null || skip "python3 missing"
command -v soffice >/dev/null || skip "LibreOffice (soffice) missing: scripts/install-deps.sh --test"
command -v pdftotext >/dev/null || skip "poppler-utils missing: scripts/install-deps.sh --test"

mkdir -p "$WORK/template"
cat >"$WORK/template/manifest.yaml" <<'YAML'
name: cover-test
title: 封面测试
entry: report.mustache
fields:
  - key: body
    label: 正文
    type: text
YAML
python3 - >"$WORK/template/report.mustache" <<'PY'
print("::title 封面测试报告\n::subtitle ——2018年1月15日\n::pagebreak\n")
for i in range(60):
    print("第%d段正文，写得长一些，好让正文排满几页，看页码是否从第二页起出现。{{body}}\n" % (i + 1))
PY
echo '{"body": "内容。"}' >"$WORK/data.json"
"$BAOGAO" render "$WORK/data.json" -t "$WORK/template" -o "$WORK/cover.docx" 2>/dev/null || fail "render failed"
grep -q -- "<w:titlePg/>" <(unzip -p "$WORK/cover.docx" word/document.xml) || fail "no w:titlePg"
soffice -env:UserInstallation="file://$WORK/lo-profile" --headless --convert-to pdf --outdir "$WORK" \
  "$WORK/cover.docx" >/dev/null 2>&1 || fail "LibreOffice could not render the cover draft"
pdftotext -bbox-layout "$WORK/cover.pdf" "$WORK/cover.html"
python3 - "$WORK/cover.html" <<'PY' || fail "page numbers on the cover draft are wrong"
import re, sys, xml.etree.ElementTree as ET
X = "{http://www.w3.org/1999/xhtml}"
MM = 72 / 25.4
pages = list(ET.parse(sys.argv[1]).getroot().iter(X + "page"))
assert len(pages) >= 3, "expected at least 3 pages, got %d" % len(pages)
for n, page in enumerate(pages, 1):
    footer = [l for l in page.iter(X + "line") if float(l.get("yMin")) / MM > 263]
    text = ["".join(w.text or "" for w in l.iter(X + "word")) for l in footer]
    if n == 1:
        assert not text, "the cover shows %s" % text
        continue
    assert text == ["—%d—" % n], "page %d shows %s" % (n, text)
    x0, x1 = float(footer[0].get("xMin")) / MM, float(footer[0].get("xMax")) / MM
    if n % 2:
        assert abs(x1 - 179.07) < 1, "page %d: right end at %.2f mm" % (n, x1)
    else:
        assert abs(x0 - 32.95) < 1, "page %d: left end at %.2f mm" % (n, x0)
print("cover: no page number on page 1; — 2 — left … — %d — on %d pages" % (len(pages), len(pages)))
PY
echo ok
