#!/usr/bin/env bash
# Installs the Debian 12 packages Baogao needs, only those missing.
#   scripts/install-deps.sh          build: compiler, CMake, libraries
#   scripts/install-deps.sh --test   build + test: GoogleTest, Benchmark, and the
#                                    checkers docx-check uses (LibreOffice, pandoc, …)
set -euo pipefail

packages=(g++ cmake make pkg-config libxml2-dev libzip-dev zipcmp zipmerge ziptool libicu-dev
  libkainjow-mustache-dev libcli11-dev nlohmann-json3-dev libyaml-cpp-dev libxlsxwriter-dev)
if [[ "${1:-}" == "--test" ]]; then
  packages+=(libgtest-dev libbenchmark-dev python3 libxml2-utils python3-docx pandoc
    libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils fontconfig fonts-noto-cjk fonts-dejavu-core
    fonts-liberation2 zip unzip
    clang-14 libclang-rt-14-dev llvm-14)  # fuzzing (libFuzzer) and sanitizer symbolizing
fi

missing=()
for p in "${packages[@]}"; do
  grep -q -- "install ok installed" <(dpkg-query -W -f='${Status}' "$p" 2>/dev/null) || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  echo "Installing: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
