# `baogao inspect`: what the readers see, as JSON for scripts and as a table for people;
# a broken file is a JSON error with its category and exit code 2.
source "$(dirname "$0")/lib.bash"
CASES="$SHARED/cases/xlsx"
[[ -d "$CASES" ]] || skip "$CASES not found (../shared beside the clone)"

"$BAOGAO" inspect "$CASES/x01_baseline_openpyxl.xlsx" --format json >"$WORK/x01.json" || fail "inspect x01 failed"
python3 - "$WORK/x01.json" <<'PY' || fail "x01 JSON is not as expected"
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
assert d["sheets"] == ["基本信息", "提案", "经费", "明年目标"], d["sheets"]
assert d["cells"]["基本信息!B5"] == {"type": "date", "value": "2024-12-31"}, d["cells"]["基本信息!B5"]
assert d["cells"]["提案!B8"] == {"type": "number", "value": "48"}, d["cells"]["提案!B8"]
PY
"$BAOGAO" inspect "$CASES/x01_baseline_openpyxl.xlsx" >"$WORK/x01.txt" || fail "table output failed"
grep -q "基本信息" "$WORK/x01.txt" || fail "table output lacks the sheet name"

set +e; "$BAOGAO" inspect "$CASES/e04_encrypted_password.xlsx" --format json >"$WORK/e04.json"; code=$?; set -e
[[ $code == 2 ]] || fail "encrypted file: expected exit 2, got $code"
grep -q '"category": *"encrypted"' "$WORK/e04.json" || fail "encrypted category missing: $(cat "$WORK/e04.json")"
echo ok
