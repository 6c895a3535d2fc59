#!/usr/bin/env bash
# Installs the fonts that stand in for the Windows 公文 fonts on Debian 12, so
# LibreOffice renders Baogao's .docx files as Word would (docx-check, layout tests):
#   - fonts-noto-cjk (黑体 → Noto Sans CJK SC, 宋体 and 小标宋 → Noto Serif CJK SC);
#   - the Fandol fonts (仿宋 → FandolFang, 楷体 → FandolKai), taken out of the
#     texlive-lang-chinese package with `apt-get download` + `dpkg-deb -x`, without
#     installing TeX (the package itself pulls in texlive-base and ~17 others);
#   - tools/fontconfig/60-baogao-cjk.conf into /etc/fonts/conf.d.
# Source: ../shared/spec/gongwen-format.md, "Font stand-ins on Debian".
# Idempotent: each step is skipped when already done. Runs as root or through sudo.
# The Fandol fonts are GPL with the font exception (their README).
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
conf_source="$here/tools/fontconfig/60-baogao-cjk.conf"
conf_target=/etc/fonts/conf.d/60-baogao-cjk.conf
fandol_dir=/usr/local/share/fonts/fandol
fandol_files=(FandolFang-Regular.otf FandolKai-Regular.otf FandolHei-Regular.otf FandolHei-Bold.otf
  FandolSong-Regular.otf FandolSong-Bold.otf)

sudo=""
[[ $(id -u) -eq 0 ]] || sudo="sudo"

installed() { grep -q -- "install ok installed" <(dpkg-query -W -f='${Status}' "$1" 2>/dev/null); }

# 1. Packaged fonts and tools.
missing=()
for p in fontconfig fonts-noto-cjk; do installed "$p" || missing+=("$p"); done
if ((${#missing[@]})); then
  echo "install-fonts: installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# 2. Fandol, unpacked from the .deb without installing it.
have_all=1
for f in "${fandol_files[@]}"; do [[ -f "$fandol_dir/$f" ]] || have_all=0; done
if ((!have_all)); then
  echo "install-fonts: extracting the Fandol fonts from texlive-lang-chinese"
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  chmod 755 "$work"  # apt's _apt user downloads into it
  if ! (cd "$work" && apt-get download texlive-lang-chinese >/dev/null 2>&1); then
    $sudo apt-get update -qq
    (cd "$work" && apt-get download texlive-lang-chinese >/dev/null)
  fi
  dpkg-deb -x "$work"/texlive-lang-chinese_*.deb "$work/root"
  src="$work/root/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol"
  $sudo install -d -m 755 "$fandol_dir"
  for f in "${fandol_files[@]}"; do $sudo install -m 644 "$src/$f" "$fandol_dir/$f"; done
  # Keep the licence notice next to the fonts.
  doc="$work/root/usr/share/doc/texlive-doc/fonts/fandol"
  for f in README COPYING.gz; do
    if [[ -f "$doc/$f" ]]; then $sudo install -m 644 "$doc/$f" "$fandol_dir/$f"; fi
  done
fi

# 3. The name mapping.
if ! cmp -s "$conf_source" "$conf_target"; then
  echo "install-fonts: installing $conf_target"
  $sudo install -m 644 "$conf_source" "$conf_target"
fi

$sudo fc-cache -f >/dev/null

# 4. Check: every Windows name must resolve to its stand-in.
status=0
check() {
  local got
  got="$(fc-match -f '%{family[0]}' "$1")"
  if [[ "$got" != "$2" ]]; then
    echo "install-fonts: fc-match '$1' gives '$got', expected '$2'" >&2
    status=1
  fi
}
check 仿宋_GB2312 FandolFang
check 楷体_GB2312 FandolKai
check 黑体 "Noto Sans CJK SC"
check 宋体 "Noto Serif CJK SC"
check 方正小标宋简体 "Noto Serif CJK SC"
((status == 0)) && echo "install-fonts: done (仿宋 → FandolFang, 楷体 → FandolKai, 黑体/宋体/小标宋 → Noto CJK SC)"
exit $status
