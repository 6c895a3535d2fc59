#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to a full test run:
# installs what is missing (build, test and docx-check tools, fonts), builds, runs ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test
scripts/install-fonts.sh
cmake -S . -B build-test -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build-test -j"$(nproc)"
ctest --test-dir build-test --output-on-failure -j"$(nproc)"
