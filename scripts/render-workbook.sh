#!/usr/bin/env bash
# Renders a scorecard workbook the way a board member's printer would see it: headless
# LibreOffice to PDF (the Board summary sheet prints on one A4 landscape page), then each page
# to a PNG, so a person can look at the result without Excel.
#
#   scripts/render-workbook.sh output/pan-bedfordshire-sample/2026-03-31/scorecard-pan-bedfordshire-sample-2026-03-31.xlsx
#
# Installs LibreOffice Calc and poppler-utils from Debian's packages if they are missing (needs
# root or sudo). Deliberately not part of .ci/run: it downloads several hundred megabytes.
set -euo pipefail

workbook="${1:?give the workbook to render, e.g. output/<partnership>/<period>/scorecard-....xlsx}"
[ -f "$workbook" ] || { echo "No such workbook: $workbook" >&2; exit 1; }
out="${2:-$(dirname "$workbook")/rendered}"

# Carlito has Calibri's metrics (the workbook's font): without it LibreOffice sets the text in a wider
# font, so columns and wrapped rows print wider and taller than they would from Excel.
if ! command -v soffice >/dev/null || ! command -v pdftoppm >/dev/null || ! fc-list 2>/dev/null | grep -qi carlito; then
  echo "Installing LibreOffice Calc, poppler-utils and the Carlito font (Debian packages)..."
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends libreoffice-calc poppler-utils fonts-dejavu \
    fonts-crosextra-carlito >/dev/null
fi

mkdir -p "$out"
# A profile of its own, so a LibreOffice the user has open is not disturbed.
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
soffice -env:UserInstallation="file://$profile" --headless --calc --convert-to pdf --outdir "$out" "$workbook" >/dev/null
pdf="$out/$(basename "${workbook%.xlsx}").pdf"
pdftoppm -png -r 80 "$pdf" "$out/page"
echo "PDF:   $pdf"
echo "Pages: $(ls "$out"/page*.png | wc -l) PNG files in $out (page-1.png is the cover; the board summary follows the notes)"
