# A wrong value in a workbook (text in a number cell, a date that does not exist) is one
# line naming file:sheet!cell, what was found and what was expected; the draft still
# comes out with a placeholder there; --strict refuses it. Also for a .csv.
source "$(dirname "$0")/lib.bash"
command -v python3 >/dev/null || skip "python3 missing"

# The example with 常委视察次数 written in words and a report date that does not exist,
# made into a workbook the way staff get one (init --from).
python3 - "$EXAMPLE" "$WORK/bad.json" <<'PY'
import json, sys
data = json.load(open(sys.argv[1], encoding="utf-8"))
data["meeting"]["date"] = "2017-02-30"
for section in data["review"]["sections"]:
    for item in section["items"]:
        if "inspections" in item:
            item["inspections"]["standing"] = "四"
json.dump(data, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False, indent=2)
PY
"$BAOGAO" init -o "$WORK/data.xlsx" --from "$WORK/bad.json" 2>/dev/null || fail "init --from"

cd "$WORK"
"$BAOGAO" render data.xlsx -o draft.txt -o draft.docx 2>err || fail "a wrong value must not stop the draft: $(cat err)"
grep -qxF 'data.xlsx:分项工作!O11: error: expected an integer such as 42, found "四" [wrong_type]' err \
  || fail "no one-line finding for the integer: $(cat err)"
grep -qxF 'data.xlsx:基本信息!B5: error: expected a date such as 2017-12-13, found "2017-02-30" [wrong_type]' err \
  || fail "no one-line finding for the date: $(cat err)"
[[ $(grep -c "\[wrong_type\]" err) == 2 ]] || fail "expected exactly two wrong_type findings: $(cat err)"
grep -qF "【待补充：常委视察次数】" draft.txt || fail "no placeholder for the integer in the .txt"
grep -qF "【待补充：报告日期】" draft.txt || fail "no placeholder for the date in the .txt"
grep -qF -- "【待补充：常委视察次数】" <(unzip -p draft.docx word/document.xml) || fail "no placeholder in the .docx"

set +e; "$BAOGAO" render data.xlsx --strict -o strict.txt 2>/dev/null; code=$?; set -e
[[ $code == 1 ]] || fail "--strict with a wrong value must exit 1, got $code"
[[ ! -e strict.txt ]] || fail "--strict wrote an output"

# A .csv (one sheet, named after the file) is read the same way.
printf '项目,内容\r\n单位名称,政协某区委员会\r\n报告日期,明年\r\n' > 基本信息.csv
"$BAOGAO" render 基本信息.csv -o csv.txt 2>csv.err || fail "csv render: $(cat csv.err)"
grep -qxF '基本信息.csv:基本信息!B3: error: expected a date such as 2017-12-13, found "明年" [wrong_type]' csv.err \
  || fail "no one-line finding for the .csv: $(cat csv.err)"
grep -qF "政协某区委员会" csv.txt || fail "the .csv value is not in the draft"
echo ok
