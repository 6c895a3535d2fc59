# The command's contract: exit codes, --strict, never overwriting an input, clear errors.
source "$(dirname "$0")/lib.bash"

expect_exit() {  # expect_exit CODE command...
  local want=$1; shift
  set +e; "$@" >"$WORK/out" 2>"$WORK/err"; local got=$?; set -e
  [[ $got == "$want" ]] || fail "expected exit $want, got $got from: $* ($(cat "$WORK/err"))"
}

expect_exit 0 "$BAOGAO" --version
expect_exit 0 "$BAOGAO" --help
expect_exit 0 "$BAOGAO" templates
grep -q cppcc-standing-committee "$WORK/out" || fail "templates does not list cppcc-standing-committee"
expect_exit 2 "$BAOGAO" render
expect_exit 2 "$BAOGAO" render "$WORK/nope.json" -o "$WORK/x.docx"
grep -q "nope.json" "$WORK/err" || fail "missing-file error does not name the file"
expect_exit 2 "$BAOGAO" render "$EXAMPLE" -o "$WORK/x.pdf"
expect_exit 2 "$BAOGAO" render "$EXAMPLE" -t no-such-template -o "$WORK/x.docx"

# Never onto an input; a missing folder is a clear error; nothing is left behind.
cp "$EXAMPLE" "$WORK/data.json"
expect_exit 2 "$BAOGAO" render "$WORK/data.json" -o "$WORK/data.json"
cmp "$EXAMPLE" "$WORK/data.json" || fail "the input was changed"
expect_exit 2 "$BAOGAO" render "$EXAMPLE" -o "$WORK/no/such/folder/x.docx"
grep -q "does not exist" "$WORK/err" || fail "missing folder not explained"

# Several outputs are all or nothing; the same output twice is a usage error.
expect_exit 2 "$BAOGAO" render "$EXAMPLE" -o "$WORK/first.docx" -o "$WORK/no/such/second.txt"
[[ -e "$WORK/first.docx" ]] && fail "one output was written although another could not be"
expect_exit 2 "$BAOGAO" render "$EXAMPLE" -o "$WORK/twice.txt" -o "$WORK/./twice.txt"
expect_exit 2 "$BAOGAO" render "$EXAMPLE" -o "$WORK/w.txt" --wrap abc
expect_exit 2 "$BAOGAO" render "$EXAMPLE" -o "$WORK/w.txt" --wrap 99999999999

# Malformed JSON names the file and line:column.
printf '{\n  "organization": "x",\n  oops\n}\n' >"$WORK/bad.json"
expect_exit 2 "$BAOGAO" render "$WORK/bad.json" -o "$WORK/x.docx"
grep -q "bad.json:3:" "$WORK/err" || fail "malformed JSON error lacks line:column: $(cat "$WORK/err")"
grep -q -- '^\.' <(ls "$WORK") && fail "a temporary file was left behind"

# Each error is one line: the English message and [category] for scripts, then advice
# in Chinese for the staff who run it (cli/error_text.cpp) — every category has some.
grep -qF '[malformed_json] — 数据文件不是有效的 JSON：请按所指行列修改' "$WORK/err" ||
  fail "no Chinese advice after the category: $(cat "$WORK/err")"
[[ $(wc -l <"$WORK/err") == 1 ]] || fail "the error takes more than one line"
expect_exit 2 "$BAOGAO" render --no-such-option
grep -qF '命令写法有误' "$WORK/err" || fail "a CLI usage error has no Chinese advice: $(cat "$WORK/err")"
for category in $(grep -rhoE '(InputError\(|emplace\()\s*"[a-z_]+"' "$SRC"/drafting "$SRC"/exporters "$SRC"/cli |
                  sed -E 's/.*"([a-z_]+)"/\1/' | sort -u); do
  grep -qF "{\"$category\"," "$SRC/cli/error_text.cpp" || fail "no Chinese advice for the error category $category"
done
# An unknown command is named (CLI11 alone says "A subcommand is required"); `help` helps.
expect_exit 2 "$BAOGAO" rendr "$EXAMPLE"
grep -qF "found the command 'rendr'; expected one of render," "$WORK/err" || fail "unknown command: $(cat "$WORK/err")"
expect_exit 0 "$BAOGAO" help
grep -q "render" "$WORK/out" || fail "baogao help printed no help"

# check --strict fails exactly where render --strict refuses: a required value missing.
sed 's/"name": "陈立新"/"name": ""/' "$EXAMPLE" >"$WORK/no-name.json"
grep -q '陈立新' "$WORK/no-name.json" && fail "the example's speaker name moved; update this test"
expect_exit 0 "$BAOGAO" check "$WORK/no-name.json"
expect_exit 1 "$BAOGAO" check "$WORK/no-name.json" --strict
expect_exit 1 "$BAOGAO" render "$WORK/no-name.json" --strict -o "$WORK/strict.txt"

# An option for an output not asked for is named, not silently ignored.
expect_exit 0 "$BAOGAO" render "$EXAMPLE" -o "$WORK/only.docx" --wrap 56
grep -qF -- "--wrap applies to a .txt output" "$WORK/err" || fail "--wrap without .txt: $(cat "$WORK/err")"
echo ok
