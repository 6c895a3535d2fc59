# Shared helpers for the end-to-end scripts (sourced, not a test itself).
# Every script gets: $1 = baogao binary, $2 = source dir, $3 = work dir.
set -euo pipefail
# Under pipefail, `producer | grep -q x` fails at random: grep exits at the first match
# and the producer dies of SIGPIPE. Write `grep -q x <(producer)` instead.
BAOGAO="$1"; SRC="$2"; WORK="$3"
rm -rf "$WORK"; mkdir -p "$WORK"
EXAMPLE="$SRC/examples/cppcc-2017/data.json"
SHARED="$SRC/../shared"
fail() { echo "FAIL: $*" >&2; exit 1; }
skip() { echo "SKIP: $*" >&2; exit 77; }
