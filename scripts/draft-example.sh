#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to the example draft:
# installs what is missing, builds, and writes out/cppcc-2017.docx and out/cppcc-2017.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DBAOGAO_TESTS=OFF -DBAOGAO_BENCH=OFF >/dev/null
cmake --build build -j"$(nproc)" --target baogao
mkdir -p out
build/cli/baogao render examples/cppcc-2017/data.json -t cppcc-standing-committee \
  -o out/cppcc-2017.docx -o out/cppcc-2017.txt
echo "Wrote out/cppcc-2017.docx and out/cppcc-2017.txt"
