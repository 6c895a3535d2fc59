# `baogao check`: the example is clean (exit 0, no output); a mutated copy gives its
# finding as a line and as JSON (docs/figures.md), exit 1 at --fail-on, 2 on input
# errors; `baogao render` prints the same lines and still drafts; a .txt draft is linted.
source "$(dirname "$0")/lib.bash"
command -v python3 >/dev/null || skip "python3 missing"

out=$("$BAOGAO" check "$EXAMPLE") || fail "the example must pass check (exit $?): $out"
[[ -z "$out" ]] || fail "the example gave findings: $out"

# One category changed and a half-width comma.
python3 - "$EXAMPLE" "$WORK/data.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
d["review"]["sections"][1]["items"][3]["table"]["rows"][0]["count"] = 10
d["closing"] = d["closing"].replace("各位委员！", "各位委员,", 1)
json.dump(d, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False, indent=2)
PY

set +e
"$BAOGAO" check "$WORK/data.json" >"$WORK/lines" 2>"$WORK/err"; code=$?
set -e
[[ $code == 1 ]] || fail "an error finding must exit 1, got $code: $(cat "$WORK/err")"
[[ $(wc -l <"$WORK/lines") == 2 ]] || fail "expected 2 lines: $(cat "$WORK/lines")"
grep -qF "$WORK/data.json:/review/sections/1/items/3/proposals/filed: error: " "$WORK/lines" \
  || fail "no sum error at the total: $(cat "$WORK/lines")"
grep -qF "[sum_mismatch]" "$WORK/lines" && grep -qF "民生保障10" "$WORK/lines" || fail "the sum error names no parts"
grep -qF "$WORK/data.json:/closing: warning: " "$WORK/lines" && grep -qF "[halfwidth_punctuation]" "$WORK/lines" \
  || fail "no half-width comma warning: $(cat "$WORK/lines")"

"$BAOGAO" check "$WORK/data.json" --fail-on never >/dev/null || fail "--fail-on never must exit 0"
set +e; "$BAOGAO" check "$WORK/data.json" --fail-on warning >/dev/null; code=$?; set -e
[[ $code == 1 ]] || fail "--fail-on warning must exit 1, got $code"

# JSON: the documented shape.
set +e; "$BAOGAO" check "$WORK/data.json" --format json --lang en >"$WORK/findings.json"; code=$?; set -e
[[ $code == 1 ]] || fail "--format json must keep the exit code, got $code"
python3 - "$WORK/findings.json" "$WORK/data.json" <<'PY' || fail "JSON shape"
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
assert list(doc) == ["findings", "counts"], list(doc)
assert doc["counts"] == {"error": 1, "warning": 1, "note": 0}, doc["counts"]
codes = [f["code"] for f in doc["findings"]]
assert codes == ["sum_mismatch", "halfwidth_punctuation"], codes
for f in doc["findings"]:
    assert list(f) == ["severity", "code", "location", "message"], list(f)
    assert list(f["location"]) == ["file", "place"] and f["location"]["file"] == sys.argv[2], f["location"]
first = doc["findings"][0]
assert first["severity"] == "error" and first["location"]["place"] == "/review/sections/1/items/3/proposals/filed"
assert "add up to" in first["message"], first["message"]   # --lang en
PY

# Input errors: exit 2; JSON says so on stdout.
set +e
"$BAOGAO" check "$WORK/missing.json" 2>"$WORK/err" >/dev/null; code=$?
"$BAOGAO" check "$WORK/missing.json" --format json >"$WORK/error.json" 2>/dev/null; jcode=$?
"$BAOGAO" check "$EXAMPLE" --fail-on sometimes >/dev/null 2>&1; ucode=$?
set -e
[[ $code == 2 && $jcode == 2 && $ucode == 2 ]] || fail "input and usage errors must exit 2 (got $code, $jcode, $ucode)"
python3 -c 'import json,sys; e=json.load(open(sys.argv[1]))["error"]; assert e["category"] and e["message"]' \
  "$WORK/error.json" || fail "no JSON error object: $(cat "$WORK/error.json")"

# render: the same lines on stderr; the draft is still written; --strict refuses.
"$BAOGAO" render "$WORK/data.json" -o "$WORK/draft.txt" 2>"$WORK/render.err" || fail "findings must not stop a draft"
[[ -s "$WORK/draft.txt" ]] || fail "no draft written"
diff <(sort "$WORK/lines") <(sort "$WORK/render.err") || fail "render and check print different lines"
set +e; "$BAOGAO" render "$WORK/data.json" --strict -o "$WORK/strict.txt" 2>/dev/null; code=$?; set -e
[[ $code == 1 && ! -e "$WORK/strict.txt" ]] || fail "--strict with an error finding must exit 1 and write nothing"

# A plain-text draft: lint only, places line:column.
printf '各位委员:\n\n现在，我代表常务委员会向大会报告工作……\n' >"$WORK/draft-in.txt"
set +e; "$BAOGAO" check "$WORK/draft-in.txt" --fail-on warning >"$WORK/txt.lines"; code=$?; set -e
[[ $code == 1 ]] || fail "a warning under --fail-on warning must exit 1"
[[ $(cat "$WORK/txt.lines") == "$WORK/draft-in.txt:1:5: warning: "*"[halfwidth_punctuation]" ]] \
  || fail "text draft: $(cat "$WORK/txt.lines")"
echo ok
