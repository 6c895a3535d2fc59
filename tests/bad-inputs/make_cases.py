#!/usr/bin/env python3
"""Writes the hostile and broken inputs of tests/bad-inputs/expected.tsv into a folder.

    make_cases.py OUT_DIR

Everything is generated here, at test time (the 50 MB cell and the million rows too):
nothing large is committed. Each .xlsx starts from one small, valid workbook
(ECMA-376: [Content_Types].xml, _rels/.rels, xl/workbook.xml and its rels, one
worksheet, shared strings, styles) and breaks one thing.
"""
import json
import os
import struct
import sys
import zipfile
import zlib

OUT = sys.argv[1]
os.makedirs(OUT, exist_ok=True)

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def parts(sheet_data='<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>42</v></c></row>',
          strings=("单位名称",)):
    si = "".join(f"<si><t>{s}</t></si>" for s in strings)
    return {
        "[Content_Types].xml": DECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '</Types>',
        "_rels/.rels": DECL + f'<Relationships xmlns="{PKG}"><Relationship Id="rId1" '
        f'Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": DECL + f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>'
        '<sheet name="数据" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": DECL + f'<Relationships xmlns="{PKG}">'
        f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
        f'<Relationship Id="rId3" Type="{REL}/styles" Target="styles.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": DECL + f'<worksheet xmlns="{MAIN}"><sheetData>{sheet_data}</sheetData></worksheet>',
        "xl/sharedStrings.xml": DECL + f'<sst xmlns="{MAIN}" count="{len(strings)}" uniqueCount="{len(strings)}">{si}</sst>',
        "xl/styles.xml": DECL + f'<styleSheet xmlns="{MAIN}"><cellXfs count="1"><xf numFmtId="0"/></cellXfs></styleSheet>',
    }


def to_bytes(v):
    return v if isinstance(v, bytes) else v.encode("utf-8")


def write_zip(name, files, extra=()):
    """files: name → str/bytes, in order; extra: (entry name, bytes) appended as is."""
    path = os.path.join(OUT, name)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in list(files.items()) + list(extra):
            info = zipfile.ZipInfo(n, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            import warnings
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # duplicate names are the point of one case
                z.writestr(info, to_bytes(data))
    return path


def patch(path, fn):
    with open(path, "rb") as f:
        b = bytearray(f.read())
    fn(b)
    with open(path, "wb") as f:
        f.write(b)


# --- zip damage ---------------------------------------------------------------
p = write_zip("valid.xlsx", parts())

with open(p, "rb") as f:
    whole = f.read()
with open(os.path.join(OUT, "truncated_zip.xlsx"), "wb") as f:
    f.write(whole[: len(whole) // 2])


def bad_crc(b):
    # The worksheet's CRC-32, in its local header (offset 14) and its central directory
    # entry (offset 16): both agree, and both are wrong for the data.
    name = b"xl/worksheets/sheet1.xml"
    local = b.find(b"PK\x03\x04")
    while local >= 0:
        n = struct.unpack_from("<H", b, local + 26)[0]
        if b[local + 30: local + 30 + n] == name:
            crc = struct.unpack_from("<I", b, local + 14)[0] ^ 0xDEADBEEF
            struct.pack_into("<I", b, local + 14, crc)
            break
        local = b.find(b"PK\x03\x04", local + 4)
    central = b.find(b"PK\x01\x02")
    while central >= 0:
        n = struct.unpack_from("<H", b, central + 28)[0]
        if b[central + 46: central + 46 + n] == name:
            struct.pack_into("<I", b, central + 16, crc)
            break
        central = b.find(b"PK\x01\x02", central + 4)


write_zip("bad_crc.xlsx", parts())
patch(os.path.join(OUT, "bad_crc.xlsx"), bad_crc)


def lying_directory(b):
    # The central directory claims the worksheet is 4 bytes bigger (compressed and
    # uncompressed) than its local header and its data say.
    name = b"xl/worksheets/sheet1.xml"
    central = b.find(b"PK\x01\x02")
    while central >= 0:
        n = struct.unpack_from("<H", b, central + 28)[0]
        if b[central + 46: central + 46 + n] == name:
            for off in (20, 24):
                struct.pack_into("<I", b, central + off, struct.unpack_from("<I", b, central + off)[0] + 4)
            return
        central = b.find(b"PK\x01\x02", central + 4)


write_zip("lying_central_directory.xlsx", parts())
patch(os.path.join(OUT, "lying_central_directory.xlsx"), lying_directory)

write_zip("dotdot_entry.xlsx", parts(), extra=[("../../evil.xml", "<x/>")])
write_zip("absolute_entry.xlsx", parts(), extra=[("/etc/evil.xml", "<x/>")])
write_zip("duplicate_entry.xlsx", parts(), extra=[("xl/workbook.xml", parts()["xl/workbook.xml"])])
# The same part twice under names that differ only in case (OPC part names ignore case).
write_zip("duplicate_entry_case.xlsx", parts(), extra=[("XL/Workbook.xml", parts()["xl/workbook.xml"])])

# --- entities in every XML part ------------------------------------------------
XXE = '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
LAUGHS = ('<!DOCTYPE x [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
          '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">'
          '<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">'
          '<!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">'
          '<!ENTITY i "&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;">]>\n')
SLUG = {"[Content_Types].xml": "content_types", "_rels/.rels": "package_rels", "xl/workbook.xml": "workbook",
        "xl/_rels/workbook.xml.rels": "workbook_rels", "xl/worksheets/sheet1.xml": "sheet",
        "xl/sharedStrings.xml": "shared_strings", "xl/styles.xml": "styles"}
for kind, doctype, ref in (("xxe", XXE, "&xxe;"), ("billion_laughs", LAUGHS, "&i;")):
    for part, slug in SLUG.items():
        files = parts()
        text = files[part]
        body = text[len(DECL):]
        close = body.index(">") + 1  # the entity is used as the root element's first text
        body = body[:close] + ref + body[close:]
        files[part] = DECL + doctype + body
        write_zip(f"{kind}_{slug}.xlsx", files)

# --- encodings and characters --------------------------------------------------
files = parts()
files["xl/worksheets/sheet1.xml"] = ('<?xml version="1.0" encoding="UTF-16"?>\n' +
                                     files["xl/worksheets/sheet1.xml"][len(DECL):]).encode("utf-16")
write_zip("utf16_sheet.xlsx", files)

files = parts()
files["xl/worksheets/sheet1.xml"] = ('<?xml version="1.0" encoding="UTF-16"?>\n' + XXE +
                                     files["xl/worksheets/sheet1.xml"][len(DECL):]).encode("utf-16")
write_zip("utf16_xxe_sheet.xlsx", files)

# A part that declares GB2312 but whose bytes are not GB2312: libxml2 reports this
# through its global handlers (once printed "encoding error : …" to stderr).
files = parts()
files["xl/sharedStrings.xml"] = to_bytes(files["xl/sharedStrings.xml"].replace(
    'encoding="UTF-8"', 'encoding="GB2312"', 1)).replace("单位名称".encode(), b"\xff\xfe\xa1")
write_zip("gb2312_declared_bad_bytes.xlsx", files)

files = parts()
files["xl/sharedStrings.xml"] = to_bytes(files["xl/sharedStrings.xml"]).replace("单位名称".encode(), b"bad \xff\xfe utf8")
write_zip("invalid_utf8_shared_string.xlsx", files)

write_zip("nul_char_ref_shared_string.xlsx", parts(strings=("a&#0;b",)))
write_zip("ufffe_shared_string.xlsx", parts(strings=("a\ufffeb",)))

with open(os.path.join(OUT, "invalid_utf8.json"), "wb") as f:
    f.write(b'{"organization": "bad \xff\xfe utf8"}')
with open(os.path.join(OUT, "nul_ufffe.json"), "w") as f:
    json.dump({"organization": "政协\u0000某区\ufffe委员会", "salutation": "各位委员\u0000："}, f)
with open(os.path.join(OUT, "invalid_utf8.csv"), "wb") as f:
    f.write(b"\xef\xbb\xbfname,value\nok,1\nbad \xff\xfe,2\n")

# --- size ----------------------------------------------------------------------
BIG = 50 * 1000 * 1000
write_zip("cell_50mb_shared_string.xlsx", parts(strings=("x" * BIG,)))
write_zip("cell_50mb_inline_string.xlsx",
          parts(sheet_data=f'<row r="1"><c r="A1" t="inlineStr"><is><t>{"y" * BIG}</t></is></c></row>'))
with open(os.path.join(OUT, "cell_50mb.csv"), "w") as f:
    f.write("name,value\n\"" + "z" * BIG + "\",1\n")

rows = "".join(f'<row r="{r}"/>' for r in range(1, 1_000_001))
write_zip("empty_rows_1m.xlsx", parts(sheet_data=rows + '<row r="1000001"><c r="A1000001"><v>7</v></c></row>'))

files = parts()
files["xl/worksheets/sheet1.xml"] = DECL + f'<worksheet xmlns="{MAIN}"><sheetData/>' + "<x>" * 200 + "</x>" * 200 + "</worksheet>"
write_zip("deep_xml.xlsx", files)

files = parts()
files["xl/workbook.xml"] = DECL + f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>' + "".join(
    f'<sheet name="s{i}" sheetId="{i}" r:id="rId1"/>' for i in range(1, 2001)) + "</sheets></workbook>"
write_zip("sheets_2000.xlsx", files)

with open(os.path.join(OUT, "deep_nesting.json"), "w") as f:
    f.write('{"organization": ' + "[" * 100000 + "]" * 100000 + "}")

# --- templates -------------------------------------------------------------------
def template(name, files):
    d = os.path.join(OUT, name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "manifest.yaml"), "w") as f:
        f.write("title: 测试模板\nfields:\n  - key: organization\n    label: 单位名称\n")
    for n, text in files.items():
        with open(os.path.join(d, n), "w") as f:
            f.write(text)


template("tpl_unclosed_section", {"report.mustache": "::title 标题\n{{#review}}\n正文{{organization}}\n"})
template("tpl_partial_cycle", {"report.mustache": "::title 标题\n{{> a}}\n", "a.mustache": "甲{{> b}}\n",
                               "b.mustache": "乙{{> a}}\n"})
template("tpl_data_recursion", {"report.mustache": "::title 标题\n{{#tree}}{{> node}}{{/tree}}\n",
                                "node.mustache": "节点{{#children}}{{> node}}{{/children}}\n"})
with open(os.path.join(OUT, "tree_children_true.json"), "w") as f:
    json.dump({"organization": "x", "tree": {"children": True}}, f)

# --- many sections -----------------------------------------------------------------
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "examples", "cppcc-2017",
                       "data.json")) as f:
    data = json.load(f)
section = {"title": "分项工作", "items": [{"text": "本段说明该项工作的做法和成效。"}]}
data["review"]["sections"] = [dict(section, title=f"第{i}项工作") for i in range(1, 10001)]
with open(os.path.join(OUT, "sections_10000.json"), "w") as f:
    json.dump(data, f, ensure_ascii=False)
