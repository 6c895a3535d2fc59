#!/usr/bin/env python3
"""Measure the text lint of `baogao check` over plain-text reports.

    scripts/lint-rate.py [--baogao build/cli/baogao] [--restore-fullwidth] FILE.txt ...

Prints, per file and in total: characters scanned (code points, whitespace excluded),
findings by code, and findings per 10,000 characters, with half-width punctuation
(halfwidth_punctuation) counted apart: web copies of official reports often have
their full-width marks turned into ASCII by the site or the crawler, so those are
deviations of the copy, not of the report.

Lines starting with "# " (a corpus file's "# SOURCE: url" and "# TITLE: …" header)
are metadata: they are blanked, not linted or counted (line numbers stay the same).
--show prints every finding other than half-width punctuation, with its line.

--restore-fullwidth first turns the copy's ASCII , ; : ! ? ( ) back into full-width
marks (except between digits) and a line's straight double quotes, in pairs, into
“ ”, as the report was published, and lints that.
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile

FULL = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？", "(": "（", ")": "）"}


def restore(text):
    out = []
    for i, c in enumerate(text):
        between_digits = 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()
        out.append(c if c not in FULL or between_digits or (text[i - 1:i].isascii() and text[i - 1:i].isalpha())
                   else FULL[c])
    # Straight double quotes of a line, in pairs, back to “ ” (the copy turned them to ASCII).
    lines = []
    for line in "".join(out).split("\n"):
        if line.count('"') % 2 == 0 and any("\u4e00" <= ch <= "\u9fff" for ch in line):
            parts = line.split('"')
            line = "".join(p + ("“" if k % 2 == 0 else "”") if k < len(parts) - 1 else p
                           for k, p in enumerate(parts))
        lines.append(line)
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--baogao", default=os.path.join(os.path.dirname(__file__), "..", "build", "cli", "baogao"))
    ap.add_argument("--restore-fullwidth", action="store_true")
    ap.add_argument("--show", action="store_true")
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()

    total_chars, total = 0, collections.Counter()
    with tempfile.TemporaryDirectory() as tmp:
        for path in args.files:
            text = open(path, encoding="utf-8").read()
            text = "\n".join("" if line.startswith("# ") else line for line in text.split("\n"))
            if args.restore_fullwidth:
                text = restore(text)
            path = os.path.join(tmp, os.path.basename(path))
            open(path, "w", encoding="utf-8").write(text)
            chars = sum(1 for c in text if not c.isspace())
            run = subprocess.run([args.baogao, "check", path, "--format", "json", "--fail-on", "never"],
                                 capture_output=True, text=True)
            if run.returncode != 0:
                sys.exit(f"{path}: baogao check failed: {run.stderr or run.stdout}")
            findings = json.loads(run.stdout)["findings"]
            codes = collections.Counter(f["code"] for f in findings)
            if args.show:
                lines = text.split("\n")
                for f in findings:
                    if f["code"] == "halfwidth_punctuation":
                        continue
                    place = f["location"]["place"]
                    line = int(place.split(":")[0]) if place[:1].isdigit() else 0
                    col = int(place.split(":")[1]) if place.count(":") else 1
                    snippet = lines[line - 1][max(0, col - 15):col + 15] if 0 < line <= len(lines) else ""
                    print(f"  {os.path.basename(path)}:{place}: {f['code']}: {f['message']} | …{snippet}…")
            total_chars += chars
            total.update(codes)
            print(f"{os.path.basename(path)}: {chars} characters; " +
                  (", ".join(f"{c} {n}" for c, n in sorted(codes.items())) or "no findings"))
    ascii_marks = total.get("halfwidth_punctuation", 0)
    other = sum(total.values()) - ascii_marks
    per = lambda n: n * 10000 / total_chars if total_chars else 0
    print(f"total: {total_chars} characters; {sum(total.values())} findings "
          f"({per(sum(total.values())):.1f} per 10,000); half-width punctuation {ascii_marks} "
          f"({per(ascii_marks):.1f} per 10,000); other {other} ({per(other):.1f} per 10,000): " +
          ", ".join(f"{c} {n}" for c, n in sorted(total.items()) if c != "halfwidth_punctuation"))


if __name__ == "__main__":
    main()
