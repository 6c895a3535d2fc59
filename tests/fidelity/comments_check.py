#!/usr/bin/env python3
"""Every review comment of a .docx, read back by three independent consumers.

Usage: comments_check.py FILE.docx --work DIR

The comments are taken from word/comments.xml (ECMA-376 Part 1 §17.13.4.2); then:
  python-docx  opens the package (python3-docx), finds the comments part through the
               main part's relationships and holds the same comments, and the body holds
               one w:commentReference per comment;
  pandoc       `pandoc -f docx -t markdown --track-changes=all` shows a comment-start
               span for every comment id, with its text;
  LibreOffice  the PDF export with comments (ExportNotes, and ExportNotesInMargin where
               the version has it: LibreOffice 7.5+) shows every comment's text, either
               in the margin (pdftotext) or as a PDF text annotation (7.4 exports them
               as annotations only).
Exit status: 0 all shown, 1 a comment is missing somewhere, 77 a tool is missing.
Python 3 standard library, plus python-docx in its own process.
"""

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def run(args, timeout=180, **kw):
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True, **kw)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise RuntimeError("%s timed out" % args[0])
    return proc.returncode, out.decode("utf-8", "replace"), err.decode("utf-8", "replace")


def squeeze(s):
    return re.sub(r"\s+", "", s)


def plain(s):
    """What survives pandoc's Markdown writer: curly quotes become straight (smart)."""
    return squeeze(s).translate(str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"}))


def comments_of(docx):
    """id → list of paragraph texts (w:br as nothing, w:tab as nothing)."""
    with zipfile.ZipFile(docx) as z:
        if "word/comments.xml" not in z.namelist():
            return {}
        root = ET.fromstring(z.read("word/comments.xml"))
    out = {}
    for c in root.iter(W + "comment"):
        out[c.get(W + "id")] = ["".join(t.text or "" for t in p.iter(W + "t")) for p in c.iter(W + "p")]
    return out


PYTHON_DOCX = r'''
import sys, docx
from docx.oxml.ns import qn
d = docx.Document(sys.argv[1])
parts = [r.target_part for r in d.part.rels.values() if r.reltype.endswith("/comments")]
if len(parts) != 1:
    print("comments parts: %d" % len(parts)); sys.exit(1)
from lxml import etree
root = etree.fromstring(parts[0].blob)
for c in root.iter(qn("w:comment")):
    text = "".join(t.text or "" for t in c.iter(qn("w:t")))
    print("C\t%s\t%s" % (c.get(qn("w:id")), text))
refs = d.element.body.findall(".//" + qn("w:commentReference"))
print("R\t%d" % len(refs))
'''


def pdf_annotation_texts(pdf_bytes):
    """/Contents of every /Annot in an uncompressed PDF, decoded (UTF-16BE with BOM or PDFDocEncoding)."""
    texts = []
    for m in re.finditer(rb"/Contents\s*(<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\))", pdf_bytes):
        raw = m.group(1)
        if raw.startswith(b"<"):
            data = bytes.fromhex(re.sub(rb"\s", b"", raw[1:-1]).decode())
        else:
            body = raw[1:-1]
            data = re.sub(rb"\\([nrtbf()\\]|[0-7]{1,3})", lambda e: {b"n": b"\n", b"r": b"\r", b"t": b"\t",
                          b"b": b"\b", b"f": b"\f", b"(": b"(", b")": b")", b"\\": b"\\"}.get(e.group(1),
                          bytes([int(e.group(1), 8) & 0xFF])), body)
        texts.append(data[2:].decode("utf-16-be", "replace") if data.startswith(b"\xfe\xff")
                     else data.decode("latin-1"))
    return texts


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("docx")
    ap.add_argument("--work", required=True)
    args = ap.parse_args()
    for tool, package in (("pandoc", "pandoc"), ("soffice", "libreoffice-writer-nogui"),
                          ("pdftotext", "poppler-utils")):
        if not shutil.which(tool):
            print("SKIP: %s not found (apt-get install %s)" % (tool, package))
            return 77
    rc, _, _ = run(["/usr/bin/python3", "-c", "import docx"])
    if rc != 0:
        print("SKIP: python-docx not installed (apt-get install python3-docx)")
        return 77

    expected = comments_of(args.docx)
    if not expected:
        print("FAIL: %s has no comments" % args.docx)
        return 1
    failures = []
    print("%d comments in word/comments.xml" % len(expected))

    # python-docx
    rc, out, err = run(["/usr/bin/python3", "-c", PYTHON_DOCX, args.docx])
    if rc != 0:
        failures.append("python-docx: " + (out + err).strip()[-300:])
    else:
        seen = {}
        refs = 0
        for line in out.splitlines():
            fields = line.split("\t")
            if fields[0] == "C":
                seen[fields[1]] = fields[2]
            elif fields[0] == "R":
                refs = int(fields[1])
        for cid, paragraphs in expected.items():
            if seen.get(cid) != "".join(paragraphs):
                failures.append("python-docx: comment %s reads %r" % (cid, seen.get(cid)))
        if refs != len(expected):
            failures.append("python-docx: %d w:commentReference in the body, %d comments" % (refs, len(expected)))
        print("python-docx: %d comments, %d references" % (len(seen), refs))

    # pandoc
    # -s: comments on title and subtitle lines live in pandoc's metadata block.
    rc, out, err = run(["pandoc", "-s", "-f", "docx", "-t", "markdown", "--track-changes=all", args.docx])
    if rc != 0:
        failures.append("pandoc exited %d: %s" % (rc, err[-300:]))
    else:
        flat = plain(out.replace("\\", ""))
        ids = set(re.findall(r'\.comment-start\s+id="(\d+)"', out))
        for cid, paragraphs in expected.items():
            if cid not in ids:
                failures.append("pandoc: no comment-start for id %s" % cid)
            for p in paragraphs:
                if plain(p) not in flat:
                    failures.append("pandoc: comment %s text %r not shown" % (cid, p[:40]))
        print("pandoc: %d comment-start spans" % len(ids))

    # LibreOffice, comments exported with the PDF
    work = os.path.abspath(args.work)
    os.makedirs(work, exist_ok=True)
    options = ('pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"},'
               '"ExportNotesInMargin":{"type":"boolean","value":"true"}}')
    rc, out, err = run(["soffice", "-env:UserInstallation=file://" + os.path.join(work, "lo-profile"), "--headless",
                        "--norestore", "--convert-to", options, "--outdir", work, os.path.abspath(args.docx)])
    pdf = os.path.join(work, os.path.splitext(os.path.basename(args.docx))[0] + ".pdf")
    if rc != 0 or not os.path.exists(pdf):
        failures.append("LibreOffice: no PDF (%s)" % err[-300:])
    else:
        with open(pdf, "rb") as f:
            annotations = squeeze("".join(pdf_annotation_texts(f.read())))
        rc, margin, _ = run(["pdftotext", pdf, "-"])
        margin = squeeze(margin)
        shown = 0
        for cid, paragraphs in expected.items():
            ok = all(squeeze(p) in annotations or squeeze(p) in margin for p in paragraphs)
            shown += ok
            if not ok:
                failures.append("LibreOffice PDF: comment %s %r not shown" % (cid, paragraphs[0][:40]))
        print("LibreOffice PDF: %d of %d comments shown (%s)" % (shown, len(expected),
              "in the margin" if expected and all(squeeze(p[0]) in margin for p in expected.values())
              else "as PDF annotations"))

    for f in failures[:20]:
        print("FAIL: " + f)
    print("comments: %s" % ("PASS" if not failures else "FAIL (%d problems)" % len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
