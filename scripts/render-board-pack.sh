#!/usr/bin/env bash
# Renders the board pack to PNG pages, one a page, so a person can look at it as the board will,
# without a PDF viewer:
#
#   scripts/render-board-pack.sh output/pan-bedfordshire-sample/2026-03-31/board-pack-pan-bedfordshire-sample-2026-03-31.pdf
#
# Installs poppler-utils (pdftoppm) from Debian's packages if it is missing (needs root or sudo).
# Not part of .ci/run: the tests read the PDF back themselves (BoardPackTest).
set -euo pipefail

pack="${1:?give the board pack to render, e.g. output/<partnership>/<period>/board-pack-....pdf}"
[ -f "$pack" ] || { echo "No such board pack: $pack" >&2; exit 1; }
out="${2:-$(dirname "$pack")/rendered-board-pack}"
resolution="${RESOLUTION:-80}"

if ! command -v pdftoppm >/dev/null; then
  echo "Installing poppler-utils (Debian package)..."
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends poppler-utils >/dev/null
fi

mkdir -p "$out"
rm -f "$out"/page-*.png
pdftoppm -png -r "$resolution" "$pack" "$out/page"
echo "Pages: $(ls "$out"/page-*.png | wc -l) PNG files in $out (page-1.png is the cover, page-2.png the summary)"
