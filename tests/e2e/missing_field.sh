# A required value removed from the data: the draft still comes out, with a visible
# placeholder and a warning naming the field; --strict refuses (exit 1, nothing written).
source "$(dirname "$0")/lib.bash"
command -v python3 >/dev/null || skip "python3 missing"

python3 - "$EXAMPLE" "$WORK/data.json" <<'PY'
import json, sys
data = json.load(open(sys.argv[1], encoding="utf-8"))
del data["organization"]
json.dump(data, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False, indent=2)
PY

"$BAOGAO" render "$WORK/data.json" -o "$WORK/draft.txt" -o "$WORK/draft.docx" 2>"$WORK/err" \
  || fail "a missing value must not stop the draft"
grep -qF "【待补充：单位名称】" "$WORK/draft.txt" || fail "no placeholder in the .txt"
grep -q "warning" "$WORK/err" && grep -q "organization" "$WORK/err" && grep -qF "单位名称" "$WORK/err" \
  || fail "the warning does not name the field: $(cat "$WORK/err")"
grep -qF -- "【待补充：单位名称】" <(unzip -p "$WORK/draft.docx" word/document.xml) \
  || fail "no placeholder in the .docx"

set +e; "$BAOGAO" render "$WORK/data.json" --strict -o "$WORK/strict.docx" 2>/dev/null; code=$?; set -e
[[ $code == 1 ]] || fail "--strict with a missing value must exit 1, got $code"
[[ ! -e "$WORK/strict.docx" ]] || fail "--strict wrote an output"
echo ok
