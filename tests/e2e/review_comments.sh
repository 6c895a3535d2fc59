# Review drafts (ECMA-376 Part 1 §17.13.4 comments): every figure's source and
# derivation, every placeholder and every finding as a comment, read back by
# python-docx, pandoc and LibreOffice's PDF export; --final has no comments and is
# refused while placeholders remain (unless --force); docx-check (full) passes with
# and without comments.
source "$(dirname "$0")/lib.bash"
command -v python3 >/dev/null || skip "python3 missing"
CHECK="$SHARED/tools/docx-check"
[[ -x "$CHECK" ]] || skip "$CHECK not found (../shared beside the clone)"
command -v xmllint >/dev/null || skip "xmllint missing (scripts/install-deps.sh --test)"

# A draft with everything to say: two missing values (placeholders + findings) and a
# control character (a finding with no place in the text: the first paragraph).
python3 - "$EXAMPLE" "$WORK/data.json" <<'PY'
import json, sys
data = json.load(open(sys.argv[1], encoding="utf-8"))
del data["organization"], data["meeting"]
data["salutation"] = "各位委员\u0001："
json.dump(data, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False, indent=2)
PY

"$BAOGAO" render "$EXAMPLE" -o "$WORK/review.docx" 2>/dev/null || fail "render failed"
"$BAOGAO" render "$EXAMPLE" --review --author "区政协研究室" --comment-date 2017-12-10 \
  -o "$WORK/authored.docx" 2>/dev/null || fail "render --author failed"
"$BAOGAO" render "$EXAMPLE" --final -o "$WORK/final.docx" 2>/dev/null || fail "--final of a complete draft failed"
"$BAOGAO" render "$WORK/data.json" -o "$WORK/gaps.docx" 2>/dev/null || fail "a draft with gaps must come out"

comments() { unzip -p "$1" word/comments.xml 2>/dev/null | grep -o '<w:comment ' | wc -l; }
[[ $(comments "$WORK/review.docx") -gt 20 ]] || fail "the example's figures have no comments"
grep -qF -- "来源：" <(unzip -p "$WORK/review.docx" word/comments.xml) || fail "no source in the comments"
# Derived figures (issue 4's derivation="= 12 + 9 + …" spans) get their derivation.
"$BAOGAO" render "$EXAMPLE" -o "$WORK/review.md" 2>/dev/null
if grep -q 'derivation="= 12 + 9 + 8 + 7 + 6"' "$WORK/review.md"; then
  grep -qF -- "计算：42 = 12 + 9 + 8 + 7 + 6" <(unzip -p "$WORK/review.docx" word/comments.xml) \
    || fail "the derived total has no derivation comment"
fi
grep -qF -- "待补充：单位名称" <(unzip -p "$WORK/gaps.docx" word/comments.xml) || fail "no placeholder comment"
grep -qF -- "dropped_character" <(unzip -p "$WORK/gaps.docx" word/comments.xml) || fail "no finding comment"
grep -qF -- 'w:author="区政协研究室"' <(unzip -p "$WORK/authored.docx" word/comments.xml) || fail "--author ignored"
grep -qF -- 'w:date="2017-12-10T00:00:00Z"' <(unzip -p "$WORK/authored.docx" word/comments.xml) || fail "--comment-date ignored"
grep -q -- "word/comments.xml" <(unzip -l "$WORK/final.docx") && fail "--final has a comments part"
grep -q -- "commentReference" <(unzip -p "$WORK/final.docx" word/document.xml) && fail "--final has comment anchors"

# --final refuses a draft with placeholders (exit 1, nothing written) unless --force.
set +e; "$BAOGAO" render "$WORK/data.json" --final -o "$WORK/refused.docx" 2>"$WORK/refused.err"; code=$?; set -e
[[ $code == 1 ]] || fail "--final with placeholders must exit 1, got $code"
[[ ! -e "$WORK/refused.docx" ]] || fail "--final with placeholders wrote an output"
grep -qF -- "--force" "$WORK/refused.err" || fail "the refusal does not mention --force: $(cat "$WORK/refused.err")"
"$BAOGAO" render "$WORK/data.json" --final --force -o "$WORK/forced.docx" 2>/dev/null || fail "--final --force failed"
grep -q -- "word/comments.xml" <(unzip -l "$WORK/forced.docx") && fail "--final --force has comments"
set +e; "$BAOGAO" render "$EXAMPLE" --final --review -o "$WORK/both.docx" 2>/dev/null; code=$?; set -e
[[ $code == 2 ]] || fail "--final with --review must be a usage error, got $code"
set +e; "$BAOGAO" render "$EXAMPLE" --comment-date yesterday -o "$WORK/bad.docx" 2>/dev/null; code=$?; set -e
[[ $code == 2 ]] || fail "a malformed --comment-date must be a usage error, got $code"

# Deterministic with comments too.
"$BAOGAO" render "$WORK/data.json" -o "$WORK/gaps2.docx" 2>/dev/null
cmp "$WORK/gaps.docx" "$WORK/gaps2.docx" || fail "a review draft differs between two runs"

# Every comment through python-docx, pandoc and LibreOffice (tests/fidelity/comments_check.py).
set +e; python3 "$SRC/tests/fidelity/comments_check.py" "$WORK/gaps.docx" --work "$WORK/readback"; code=$?; set -e
[[ $code == 77 ]] && exit 77
[[ $code == 0 ]] || fail "comments not shown by every reader"

# The independent checker, full (LibreOffice round trip, python-docx, pandoc included).
"$CHECK" -q --outdir "$WORK/check" "$WORK/review.docx" "$WORK/gaps.docx" "$WORK/final.docx" "$WORK/forced.docx" \
  || fail "docx-check failed"
echo ok
