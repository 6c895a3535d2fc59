# Golden end-to-end test: the example's report markup and .txt (plain and wrapped at
# 40 columns) must equal the reviewed files in tests/golden/. After an intended change,
# regenerate with UPDATE_GOLDEN=1 ctest -R e2e.golden and review the diff before committing.
source "$(dirname "$0")/lib.bash"
GOLDEN="$SRC/tests/golden"

# Sources in the markup name the data file as given: run from the source folder.
cd "$SRC"
"$BAOGAO" render examples/cppcc-2017/data.json -o "$WORK/cppcc-2017.md" -o "$WORK/cppcc-2017.txt"
"$BAOGAO" render examples/cppcc-2017/data.json -o "$WORK/cppcc-2017.wrap40.txt" --wrap 40

status=0
for name in cppcc-2017.md cppcc-2017.txt cppcc-2017.wrap40.txt; do
  if [[ "${UPDATE_GOLDEN:-}" == 1 ]]; then
    cp "$WORK/$name" "$GOLDEN/$name"
  elif ! diff -u "$GOLDEN/$name" "$WORK/$name"; then
    echo "FAIL: $name differs from tests/golden/$name" >&2
    status=1
  fi
done
exit $status
