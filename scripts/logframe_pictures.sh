#!/usr/bin/env bash
# The pictures of docs/logframes.md: the VVSG model (models/vvsg_2017_2019.yaml) exported in each
# logframe layout, printed to PDF by LibreOffice (headless) and its first page turned into a PNG
# by pdftoppm. Needs: apt-get install -y libreoffice-calc-nogui poppler-utils.
# Run from the repository root: bash scripts/logframe_pictures.sh
set -euo pipefail
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for layout in eu fcdo matrix; do
  toc convert models/vvsg_2017_2019.yaml -o "$work/logframe-$layout.xlsx" --layout "$layout" --lang en 2>/dev/null
  soffice --headless --convert-to pdf --outdir "$work" "$work/logframe-$layout.xlsx" >/dev/null
  pdftoppm -png -r 70 -singlefile -f 1 -l 1 "$work/logframe-$layout.pdf" "docs/img/logframe-$layout"
done
ls -l docs/img/logframe-*.png
