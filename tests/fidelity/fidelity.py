#!/usr/bin/env python3
"""Layout fidelity of a Baogao .docx, measured on the pages LibreOffice renders.

Usage:
  fidelity.py FILE.docx --work DIR [--png] [--json FILE]

Renders FILE.docx to PDF with LibreOffice headless (a private, throw-away profile:
-env:UserInstallation) and measures it with poppler (pdfinfo, pdftotext -bbox-layout,
pdftohtml -xml, pdffonts). Checks, with the numbers of GB/T 9704-2012 as set out in
../shared/spec/gongwen-format.md ("Verified by rendering" gives the expected values):

  paper     every page A4, 210 x 297 mm (GB 5.1), within 0.5 mm;
  margins   every text line of the body inside the type area 28-184 x 37-262 mm
            (GB 5.2.1: 天头 37 mm, 订口 28 mm, 版心 156 x 225 mm), within 1 mm, and the
            text block fills it: leftmost line at 28 mm and rightmost at 184 mm, +-1 mm;
  lines     a full body page holds 22 lines (GB 5.2.3): no page has more than 22
            body lines, at least one has exactly 22, the line pitch is 28.95 pt
            (579 twips) +-0.2 pt;
  chars     a full body line holds 28 characters (GB 5.2.3): lines made only of
            full-width characters that run from the left margin to the right margin
            hold 28 (26 after the 2-character first-line indent); none holds more;
  sizes     title 22 pt (2号, GB 7.3.1), part and level-1 headings, body, subtitle and
            speaker 16 pt (3号, GB 7.3.3), page numbers 14 pt (4号, GB 7.5), +-0.5 pt;
  fonts     when the Debian stand-ins are installed (scripts/install-fonts.sh): each
            role drawn by its stand-in (title Noto Serif CJK Bold, headings Noto Sans
            CJK, body FandolFang, subtitle/speaker FandolKai, page numbers Noto Serif
            CJK); otherwise reported and skipped;
  folios    page N shows "— N —" (GB 7.5) in its footer: odd pages right-aligned one
            4号 character (4.94 mm) in from the type area's right edge, even pages
            left-aligned one character in from its left edge, +-1 mm; the dash line
            7 mm (+-1.5 mm) below the type area.

Exit status: 0 all checks passed, 1 a check failed, 77 a tool is missing (skipped,
with a message saying which). Prints every measured figure; --json writes them.
--png writes page1.png and page2.png (pdftoppm, 60 dpi) into --work.
Python 3 standard library only.
"""

import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET
import zipfile

MM = 72 / 25.4  # points per millimetre

# GB/T 9704-2012 §5 in mm, and the profile's values (exporters/format_profile.hpp).
PAGE_W, PAGE_H = 210.0, 297.0
TYPE_LEFT, TYPE_TOP = 1588 / 20 / MM, 2098 / 20 / MM      # 28.01, 37.01
TYPE_RIGHT = PAGE_W - 1474 / 20 / MM                     # 184.01
TYPE_BOTTOM = PAGE_H - 1984 / 20 / MM                    # 262.01
LINE_PITCH_PT = 579 / 20                                 # 28.95
FOLIO_INSET = 280 / 20 / MM                              # 4.94 mm, one 4号 character
TOL = 1.0                                                # mm
HANGING = "，。、；：！？）】》」』”’…"  # closing marks that may hang at a line end

W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
X_NS = "{http://www.w3.org/1999/xhtml}"

failures = []
figures = {}


def check(ok, what):
    print(("  ok    " if ok else "  FAIL  ") + what)
    if not ok:
        failures.append(what)


def skip(message):
    print("SKIP: " + message)
    sys.exit(77)


def run(args, timeout=180, **kw):
    """Runs a command in its own process group; on timeout kills only that group."""
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True, **kw)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise RuntimeError("%s timed out after %d s" % (args[0], timeout))
    return proc.returncode, out, err


def wide(ch):
    return unicodedata.east_asian_width(ch) in ("W", "F")


# ------------------------------------------------------------------ the .docx side

def docx_paragraphs(path):
    """(style, text) of every body paragraph, and the footer styles' presence."""
    with zipfile.ZipFile(path) as z:
        root = ET.fromstring(z.read("word/document.xml"))
    out = []
    for p in root.iter(W_NS + "p"):
        style = p.find(W_NS + "pPr/" + W_NS + "pStyle")
        text = "".join(t.text or "" for t in p.iter(W_NS + "t"))
        out.append((style.get(W_NS + "val") if style is not None else "", text))
    return out


# ------------------------------------------------------------------ the PDF side

def bbox_pages(pdf):
    """pdftotext -bbox-layout: per page, a list of lines (xMin, yMin, xMax, yMax, text) in points."""
    rc, out, err = run(["pdftotext", "-bbox-layout", pdf, "-"])
    if rc != 0:
        raise RuntimeError("pdftotext failed: " + err.decode("utf-8", "replace"))
    root = ET.fromstring(out)
    pages = []
    for page in root.iter(X_NS + "page"):
        lines = []
        for line in page.iter(X_NS + "line"):
            words = [w.text or "" for w in line.iter(X_NS + "word")]
            lines.append((float(line.get("xMin")), float(line.get("yMin")), float(line.get("xMax")),
                          float(line.get("yMax")), "".join(words)))
        pages.append({"width": float(page.get("width")), "height": float(page.get("height")), "lines": lines})
    return pages


def html_fragments(pdf):
    """pdftohtml -xml at zoom 1: text fragments (page, font size, font family, text)."""
    rc, out, err = run(["pdftohtml", "-xml", "-i", "-zoom", "1", "-stdout", "-q", pdf])
    if rc != 0:
        raise RuntimeError("pdftohtml failed: " + err.decode("utf-8", "replace"))
    text = out.decode("utf-8", "replace")
    text = re.sub(r"<!DOCTYPE[^>]*>", "", text)
    root = ET.fromstring(text)
    fonts = {}
    fragments = []
    for page in root.iter("page"):
        number = int(page.get("number"))
        for el in page:
            if el.tag == "fontspec":
                fonts[el.get("id")] = (float(el.get("size")), el.get("family"))
            elif el.tag == "text":
                size, family = fonts.get(el.get("font"), (0.0, "?"))
                fragments.append((number, size, family, "".join(el.itertext())))
    return fragments


def squeeze(s):
    return re.sub(r"\s+", "", s)


# ------------------------------------------------------------------ checks

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("docx")
    ap.add_argument("--work", required=True)
    ap.add_argument("--png", action="store_true")
    ap.add_argument("--json")
    args = ap.parse_args()

    for tool, package in (("soffice", "libreoffice-writer-nogui"), ("pdfinfo", "poppler-utils"),
                          ("pdftotext", "poppler-utils"), ("pdftohtml", "poppler-utils"),
                          ("pdffonts", "poppler-utils")):
        if not shutil.which(tool):
            skip("%s not found (apt-get install %s, or scripts/install-deps.sh --test): "
                 "layout fidelity is measured on LibreOffice's rendering" % (tool, package))
    if shutil.which("fc-list"):
        rc, out, _ = run(["fc-list", ":lang=zh-cn", "family"])
        if not out.strip():
            skip("no Chinese font installed (scripts/install-fonts.sh): LibreOffice would draw boxes")

    os.makedirs(args.work, exist_ok=True)
    work = os.path.abspath(args.work)
    profile = os.path.join(work, "lo-profile")
    rc, out, err = run(["soffice", "-env:UserInstallation=file://" + profile, "--headless", "--norestore",
                        "--convert-to", "pdf", "--outdir", work, os.path.abspath(args.docx)])
    pdf = os.path.join(work, os.path.splitext(os.path.basename(args.docx))[0] + ".pdf")
    if rc != 0 or not os.path.exists(pdf):
        print("LibreOffice could not convert %s: %s" % (args.docx, err.decode("utf-8", "replace")))
        return 1
    print("rendered %s -> %s" % (args.docx, pdf))

    paragraphs = docx_paragraphs(args.docx)
    pages = bbox_pages(pdf)
    fragments = html_fragments(pdf)
    figures["pages"] = len(pages)

    # ---- paper
    print("paper (GB/T 9704-2012 §5.1: A4)")
    sizes = sorted({(round(p["width"] / MM, 2), round(p["height"] / MM, 2)) for p in pages})
    figures["page_size_mm"] = sizes
    check(all(abs(w - PAGE_W) <= 0.5 and abs(h - PAGE_H) <= 0.5 for w, h in sizes),
          "page size %s mm on all %d pages (A4 210 x 297)" % (" / ".join("%.2f x %.2f" % s for s in sizes),
                                                             len(pages)))

    # Lines below the type area are the footer; everything else is body.
    def is_footer(line):
        return line[1] / MM > TYPE_BOTTOM + TOL

    body = [[l for l in p["lines"] if not is_footer(l)] for p in pages]
    footers = [[l for l in p["lines"] if is_footer(l)] for p in pages]

    # ---- margins
    print("type area (GB/T 9704-2012 §5.2.1: 天头 37 mm, 订口 28 mm, 版心 156 x 225 mm)")
    # Hanging punctuation: ECMA-376 §17.3.1.21 overflowPunct, omitted = on, the default
    # of Word and of LibreOffice alike: a closing mark (，。、；：！？）”’》…) that would
    # start a line is drawn past the right edge instead, at most one character wide.
    # It is measured apart: the text block is the line without it.
    hung = []

    def measure(line):
        x0, y0, x1, y1, text = line
        t = squeeze(text)
        if t and t[-1] in HANGING and x1 / MM > TYPE_RIGHT + TOL:
            width = (x1 - x0) / len(t)
            hung.append((round(x1 / MM - TYPE_RIGHT, 2), t[-1]))
            return (x0, y0, x1 - width, y1, t[:-1])
        return line

    body = [[measure(l) for l in p] for p in body]
    figures["hanging_punctuation"] = {"lines": len(hung), "max_past_type_area_mm": max((h[0] for h in hung), default=0),
                                      "marks": "".join(sorted({h[1] for h in hung}))}
    all_lines = [l for p in body for l in p]
    left = min(l[0] for l in all_lines) / MM
    right = max(l[2] for l in all_lines) / MM
    top = min(l[1] for l in all_lines) / MM
    bottom = max(l[3] for l in all_lines) / MM
    figures.update(text_left_mm=round(left, 2), text_right_mm=round(right, 2), text_top_mm=round(top, 2),
                   text_bottom_mm=round(bottom, 2))
    outside = [(i + 1, l[4][:12]) for i, p in enumerate(body) for l in p
               if l[0] / MM < TYPE_LEFT - TOL or l[2] / MM > TYPE_RIGHT + TOL or l[1] / MM < TYPE_TOP - TOL
               or l[3] / MM > TYPE_BOTTOM + TOL]
    check(not outside, "every body line inside %.2f-%.2f x %.2f-%.2f mm +-1 mm (text block %.2f-%.2f x %.2f-%.2f mm)%s"
          % (TYPE_LEFT, TYPE_RIGHT, TYPE_TOP, TYPE_BOTTOM, left, right, top, bottom,
             "" if not outside else "; outside: %s" % outside[:5]))
    check(abs(left - TYPE_LEFT) <= TOL, "text block starts at the left margin: %.2f mm (28.01 +-1)" % left)
    check(abs(right - TYPE_RIGHT) <= TOL, "full lines reach the right margin: %.2f mm (184.01 +-1)" % right)
    check(all(h[0] <= 16 / MM + TOL for h in hung),
          "hanging punctuation at most one character past the type area: %d lines (%s), up to %.2f mm"
          % (len(hung), figures["hanging_punctuation"]["marks"], figures["hanging_punctuation"]["max_past_type_area_mm"]))

    # ---- lines per page. Rows = distinct line tops; tables (other pitches) excluded.
    print("lines per page (GB/T 9704-2012 §5.2.3: 22)")
    rows_per_page = []
    pitches = []
    spans = []  # (last top - first top) / 21 on full pages
    for i, p in enumerate(body):
        tops = sorted({round(l[1], 1) for l in p})
        merged = []
        for t in tops:
            if not merged or t - merged[-1] > 3:
                merged.append(t)
        gaps = [b - a for a, b in zip(merged, merged[1:])]
        # On the grid every gap is a whole number of pitches; a line in another font
        # (a 黑体 heading) has its box shifted by its ascent, < 1 pt. Table rows are not.
        grid = all(round(g / LINE_PITCH_PT) >= 1 and abs(g - LINE_PITCH_PT * round(g / LINE_PITCH_PT)) < 1.0
                   for g in gaps)
        rows_per_page.append((i + 1, len(merged), grid))
        if grid:
            pitches += [g for g in gaps if abs(g - LINE_PITCH_PT) < 1.0]
            if len(merged) == 22:
                spans.append((merged[-1] - merged[0]) / 21)
    grid_pages = [(n, rows) for n, rows, grid in rows_per_page if grid]
    figures["lines_per_page"] = {n: rows for n, rows, _ in rows_per_page}
    figures["off_grid_pages"] = [n for n, _, grid in rows_per_page if not grid]
    most = max((rows for _, rows in grid_pages), default=0)
    full = [n for n, rows in grid_pages if rows == 22]
    check(most == 22 and full, "full body pages hold 22 lines: pages %s (lines per page %s; pages with lines "
          "off the 579 grid, the title block or a table, not counted: %s)"
          % (full, figures["lines_per_page"], figures["off_grid_pages"]))
    pitch = sum(pitches) / len(pitches) if pitches else 0
    span = sum(spans) / len(spans) if spans else 0
    figures["line_pitch_pt"] = round(pitch, 3)
    figures["full_page_pitch_pt"] = round(span, 3)
    check(abs(pitch - LINE_PITCH_PT) <= 0.05 and (not spans or abs(span - LINE_PITCH_PT) <= 0.05),
          "line pitch %.3f pt over %d gaps, %.3f pt first to 22nd line of full pages (%.2f mm); expected 28.95 pt"
          % (pitch, len(pitches), span, span / MM))

    # ---- characters per line
    print("characters per line (GB/T 9704-2012 §5.2.3: 28)")
    indent = 2 * 16 / MM  # 2 characters of 16 pt
    counts = {}
    for p in body:
        for l in p:
            text = squeeze(l[4])
            if not text or not all(wide(c) for c in text):
                continue
            x0, x1 = l[0] / MM, l[2] / MM
            if x1 < TYPE_RIGHT - TOL:
                continue  # a paragraph's last line, or centred text
            if abs(x0 - TYPE_LEFT) <= 0.5:
                counts.setdefault("flush", []).append(len(text))
            elif abs(x0 - TYPE_LEFT - indent) <= 0.5:
                counts.setdefault("indented", []).append(len(text))
    flush = counts.get("flush", [])
    indented = counts.get("indented", [])
    histogram = {k: {n: v.count(n) for n in sorted(set(v))} for k, v in counts.items()}
    figures["chars_per_full_line"] = histogram
    # A line may hold 27 when the break rules (GB/T 15834 禁则) move a character down
    # with an opening mark (对照 / “懂…); never more than 28.
    check(len(flush) >= 5 and max(flush) == 28 and flush.count(28) >= 0.8 * len(flush),
          "full lines from the left margin hold 28 characters: %s (count: lines)" % histogram.get("flush"))
    check(not indented or (max(indented) == 26 and indented.count(26) >= 0.8 * len(indented)),
          "full first lines after the 2-character indent hold 26: %s" % histogram.get("indented"))
    widths = [(l[2] - l[0]) / len(squeeze(l[4])) for p in body for l in p
              if len(squeeze(l[4])) == 28 and all(wide(c) for c in squeeze(l[4]))]
    if widths:
        figures["character_pitch_pt"] = round(sum(widths) / len(widths), 3)
        check(abs(figures["character_pitch_pt"] - 15.75) <= 0.1,
              "character pitch %.3f pt on 28-character lines (16 pt - 0.25 pt run spacing = 15.75)"
              % figures["character_pitch_pt"])

    # ---- sizes and fonts by role
    print("sizes and fonts (GB/T 9704-2012 §7.3, §7.5)")
    rc, out, _ = run(["fc-match", "-f", "%{family[0]}", "仿宋_GB2312"]) if shutil.which("fc-match") else (1, b"", b"")
    stand_ins = out.decode() == "FandolFang"
    roles = {"Title": (22, "NotoSerifCJK", "Bold"), "Subtitle": (16, "FandolKai", ""),
             "Speaker": (16, "FandolKai", ""), "PartHeading": (16, "NotoSansCJK", ""),
             "Heading1": (16, "NotoSansCJK", ""), "Heading2": (16, "FandolKai", ""),
             "Heading3": (16, "FandolFang", ""), "Heading4": (16, "FandolFang", ""),
             "BodyText": (16, "FandolFang", ""), "Salutation": (16, "FandolFang", "")}
    rc, out, _ = run(["pdffonts", pdf])
    full_names = {}
    for line in out.decode("utf-8", "replace").splitlines()[2:]:
        name = line.split()[0] if line.split() else ""
        full_names[name.split("+")[-1].split("-")[0]] = full_names.get(name.split("+")[-1].split("-")[0], []) + [name]
    figures["sizes_pt"] = {}
    seen = set()
    for style, text in paragraphs:
        if style not in roles or not squeeze(text) or style in seen and style != "Title":
            continue
        key = squeeze(text)[:6]
        match = next((f for f in fragments if key and key in squeeze(f[3])), None)
        if not match:
            continue
        seen.add(style)
        size, face, weight = roles[style]
        figures["sizes_pt"].setdefault(style, match[1])
        check(abs(match[1] - size) <= 0.5, "%s “%s…” drawn at %.1f pt (expected %d pt)" % (style, key, match[1], size))
        if stand_ins:
            family = match[2].split("+")[-1]
            ok = face in family.replace("jp", "").replace("sc", "") or face in family
            if weight:
                ok = ok and any(weight in n for n in full_names.get(family.split("-")[0], [family]))
            check(ok, "%s drawn in %s (expected the %s%s stand-in)" % (style, family, face, " " + weight if weight else ""))
    if not stand_ins:
        print("  note  font stand-ins not installed (fc-match 仿宋_GB2312 is not FandolFang): "
              "font families not checked; run scripts/install-fonts.sh")
    missing_roles = {"Title", "PartHeading", "Heading1", "BodyText"} - seen
    check(not missing_roles, "title, part heading, level-1 heading and body found in the PDF%s"
          % ("" if not missing_roles else " (missing: %s)" % sorted(missing_roles)))

    # ---- page numbers
    print("page numbers (GB/T 9704-2012 §7.5: — N —, odd right, even left, one character in, 7 mm below)")
    folio_figures = {}
    for i, lines in enumerate(footers):
        n = i + 1
        folio = [l for l in lines if squeeze(l[4]) == "—%d—" % n]
        if not folio:
            check(False, "page %d: footer shows “— %d —” (found %s)" % (n, n, [l[4] for l in lines]))
            continue
        x0, y0, x1, y1, _ = folio[0]
        centre_below = ((y0 + y1) / 2) / MM - TYPE_BOTTOM
        size = next((f[1] for f in fragments if f[0] == n and squeeze(f[3]) == "—%d—" % n), 0.0)
        if n % 2:
            inset = TYPE_RIGHT - x1 / MM
            where = "right"
        else:
            inset = x0 / MM - TYPE_LEFT
            where = "left"
        folio_figures[n] = {"side": where, "inset_mm": round(inset, 2), "centre_below_type_area_mm":
                            round(centre_below, 2), "size_pt": size}
        check(abs(inset - FOLIO_INSET) <= TOL and abs(centre_below - 7.0) <= 1.5 and abs(size - 14) <= 0.5,
              "page %d: “— %d —” %s, %.2f mm in from the type area (4.94 +-1), centre %.2f mm below it "
              "(7 +-1.5), %.1f pt" % (n, n, where, inset, centre_below, size))
    figures["folios"] = folio_figures

    if args.png and shutil.which("pdftoppm"):
        for n in (1, 2):
            if n <= len(pages):
                run(["pdftoppm", "-png", "-r", "60", "-f", str(n), "-l", str(n), "-singlefile", pdf,
                     os.path.join(work, "page%d" % n)])
        print("wrote %s/page1.png, page2.png" % work)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"figures": figures, "failures": failures}, f, ensure_ascii=False, indent=2)

    print("fidelity: %s (%d pages, %d failed checks)" % ("PASS" if not failures else "FAIL", len(pages),
                                                          len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
