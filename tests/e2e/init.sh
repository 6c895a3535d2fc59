# `baogao init` writes the template's workbook: sheets with labels and help, readable by
# `baogao inspect`; it never overwrites a file by mistake and writes .xlsx only.
source "$(dirname "$0")/lib.bash"
cd "$WORK"
"$BAOGAO" init -t cppcc-standing-committee -o data.xlsx 2>err || fail "init: $(cat err)"
[[ -s data.xlsx && ! -s err ]] || fail "init wrote nothing or complained: $(cat err)"
"$BAOGAO" inspect data.xlsx --format json > inspect.json || fail "inspect of the blank workbook"
for sheet in 填写说明 基本信息 工作回顾导语 分项工作 致谢 存在的不足 主要任务 立案提案分类 招商项目 表格行; do
  grep -qF "\"$sheet\"" inspect.json || fail "sheet $sheet missing"
done
grep -qF '"基本信息!A2": {"type": "string", "value": "单位名称"}' inspect.json || fail "labels missing"
grep -qF '"分项工作!U1": {"type": "string", "value": "提案工作·立案件数"}' inspect.json || fail "headers missing"

# The blank workbook drafts (every required value a placeholder) without reading errors.
"$BAOGAO" render data.xlsx -o blank.txt 2>render.err || fail "render of the blank workbook"
grep -q "wrong_type\|unknown_" render.err && fail "a blank workbook reads cleanly: $(cat render.err)"
grep -qF "【待补充：单位名称】" blank.txt || fail "no placeholder in the blank draft"

set +e
"$BAOGAO" init -o data.xlsx 2>err; code=$?
set -e
[[ $code == 2 ]] && grep -q "output_exists\|exists" err || fail "init must refuse an existing file (exit 2), got $code: $(cat err)"
"$BAOGAO" init -o data.xlsx --force || fail "--force replaces"
set +e; "$BAOGAO" init -o data.xls 2>err; code=$?; set -e
[[ $code == 2 ]] || fail "init to .xls must be refused, got $code"

# Same template, same bytes.
"$BAOGAO" init -o again.xlsx && cmp data.xlsx again.xlsx || fail "init is not deterministic"
echo ok
