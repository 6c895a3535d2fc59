#!/usr/bin/env python3
"""Heading numbers as LibreOffice renders them, in both numbering modes.

Usage: numbering_check.py --txt DRAFT.txt --text TEXT.docx --word WORD.docx --work DIR

1. Both .docx files (`--numbering text` and `--numbering word`) render to pages whose
   headings carry the same numbers, in the same order, as the .txt (GB/T 9704-2012
   §7.3.3: 一、（一）1.（1）; drafting/numbering.hpp HeadingCounter).
2. Editing WORD.docx the way a reviewer would, by deleting the second level-1 heading
   paragraph of the first part from word/document.xml, and rendering again gives
   一、二、三、 in that part with no gap, and the next part's headings still start at
   一、 (one w:num instance per part, ECMA-376 Part 1 §17.9.15; docx-bugs F2).
Exit status: 0 pass, 1 fail, 77 LibreOffice or pdftotext missing.
"""

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import zipfile

NUMBER = re.compile(r"^(?:[一二三四五六七八九十百]+、|（[一二三四五六七八九十百]+）|\d+\.|（\d+）)")
HEADING_STYLE = re.compile(r'<w:pStyle w:val="(Heading[1-4]|PartHeading)"/>')


def run(args, timeout=180):
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise RuntimeError("%s timed out" % args[0])
    return proc.returncode, out.decode("utf-8", "replace"), err.decode("utf-8", "replace")


def squeeze(s):
    return re.sub(r"\s+", "", s)


def paragraphs(xml):
    """(start, end, inner) of every top-level w:p of document.xml (ours never nest)."""
    out = []
    for m in re.finditer(r"<w:p(?:\s[^>]*)?>(.*?)</w:p>|<w:p(?:\s[^>]*)?/>", xml, re.S):
        out.append((m.start(), m.end(), m.group(0)))
    return out


def text_of(p):
    return "".join(re.findall(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>", p))


def headings_of(docx):
    """[(style, text)] of the part and numbered headings, in order."""
    with zipfile.ZipFile(docx) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    out = []
    for _, _, p in paragraphs(xml):
        m = HEADING_STYLE.search(p)
        if m:
            out.append((m.group(1), text_of(p)))
    return out


def render(docx, work):
    rc, _, err = run(["soffice", "-env:UserInstallation=file://" + os.path.join(work, "lo-profile"), "--headless",
                      "--norestore", "--convert-to", "pdf", "--outdir", work, os.path.abspath(docx)])
    pdf = os.path.join(work, os.path.splitext(os.path.basename(docx))[0] + ".pdf")
    if rc != 0 or not os.path.exists(pdf):
        raise RuntimeError("LibreOffice could not render %s: %s" % (docx, err[-300:]))
    rc, text, _ = run(["pdftotext", "-layout", pdf, "-"])
    # Page numbers "— 3 —" would sit between a heading split across pages: drop them.
    return squeeze(re.sub(r"—\s*\d+\s*—", "", text))


def in_order(flat, items):
    """The first item not found in `flat` after the previous one, or None."""
    at = 0
    for item in items:
        i = flat.find(squeeze(item), at)
        if i < 0:
            return item
        at = i + len(squeeze(item))
    return None


def numbered(headings, numbers):
    """Heading texts prefixed with their numbers; part headings as they are."""
    out, k = [], 0
    for style, text in headings:
        if style == "PartHeading":
            out.append(text)
        else:
            out.append(numbers[k] + text)
            k += 1
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--txt", required=True)
    ap.add_argument("--text", required=True, help="the .docx with --numbering text")
    ap.add_argument("--word", required=True, help="the .docx with --numbering word")
    ap.add_argument("--work", required=True)
    args = ap.parse_args()
    for tool in ("soffice", "pdftotext"):
        if not shutil.which(tool):
            print("SKIP: %s not found (scripts/install-deps.sh --test): numbers are checked on rendered pages" % tool)
            return 77
    work = os.path.abspath(args.work)
    os.makedirs(work, exist_ok=True)
    failures = []

    # The .txt's numbers, in order: the lines of numbered headings (indented by two U+3000).
    word_headings = headings_of(args.word)
    titles = [t for s, t in word_headings if s != "PartHeading"]
    with open(args.txt, encoding="utf-8") as f:
        lines = [l.strip("\u3000 \n") for l in f]
    txt_numbers = []
    for title in titles:
        line = next((l for l in lines if l.endswith(title) and NUMBER.match(l) and l[:-len(title)]), None)
        if line is None:
            failures.append(".txt has no numbered heading ending in %r" % title)
            continue
        txt_numbers.append(line[:-len(title)])
        lines = lines[lines.index(line) + 1:]
    print(".txt heading numbers: %s" % " ".join(txt_numbers))
    expected = numbered(word_headings, txt_numbers)

    # 1. Both modes on rendered pages.
    for mode, docx in (("text", args.text), ("word", args.word)):
        flat = render(docx, work)
        missing = in_order(flat, expected)
        if missing:
            failures.append("--numbering %s: %r not on the rendered pages in order" % (mode, missing))
        else:
            print("--numbering %s: all %d headings on the rendered pages with the .txt's numbers" % (mode, len(titles)))

    # 2. Delete the second level-1 heading of the first part and render again.
    with zipfile.ZipFile(args.word) as z:
        entries = [(i, z.read(i.filename)) for i in z.infolist()]
    xml = dict((i.filename, d) for i, d in entries)["word/document.xml"].decode("utf-8")
    level1 = [(s, e, p) for s, e, p in paragraphs(xml) if '<w:pStyle w:val="Heading1"/>' in p]
    if len(level1) < 3:
        failures.append("the example needs at least three level-1 headings")
    else:
        start, end, deleted = level1[1]
        edited = xml[:start] + xml[end:]
        target = os.path.join(work, "deleted-heading.docx")
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
            for info, data in entries:
                z.writestr(info, edited.encode("utf-8") if info.filename == "word/document.xml" else data)
        print("deleted the heading paragraph %r" % text_of(deleted))
        after = headings_of(target)
        # Recount as Word would: per part, level 1 restarts at 一、.
        numbers, count = [], 0
        chinese = "一二三四五六七八九十"
        for style, text in after:
            if style == "PartHeading":
                count = 0
            elif style == "Heading1":
                count += 1
                numbers.append(chinese[count - 1] + "、")
            else:
                numbers.append(None)
        expected_after = [t if n is None else n + t for (s, t), n in
                          zip([h for h in after if h[0] != "PartHeading"], numbers)]
        flat = render(target, work)
        missing = in_order(flat, expected_after)
        if missing:
            failures.append("after the deletion: %r not on the rendered pages in order" % missing)
        if squeeze(text_of(deleted)) in flat:
            failures.append("the deleted heading is still rendered")
        parts = [t for s, t in after if s == "PartHeading"]
        first_part = [n + t for (s, t), n in zip([h for h in after if h[0] == "Heading1"],
                      [n for n in numbers if n]) ][:3]
        print("after the deletion: %s" % " / ".join(x[:8] for x in expected_after if NUMBER.match(x)))
        if not missing:
            print("after the deletion: %s … then %s starts again at 一、" % (
                " ".join(x[:2] for x in first_part), parts[1] if len(parts) > 1 else "the next part"))

    for f in failures:
        print("FAIL: " + f)
    print("numbering: %s" % ("PASS" if not failures else "FAIL"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
