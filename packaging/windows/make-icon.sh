#!/usr/bin/env bash
# Renders packaging/windows/tessera.ico from the app's SVG icon (16 to 256 px; the 256 px image is
# stored as PNG, as Windows expects). Needs rsvg-convert (librsvg2-bin) and icotool (icoutils).
# The result is committed, so a Windows build needs neither; run this again when the SVG changes.
# Same tool versions give the same bytes (checked with rsvg-convert 2.54.7 and icotool 0.32.3).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
svg="$here/../../resources/icons/io.github.tessera_banking.Tessera.svg"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
pngs=()
for size in 16 20 24 32 40 48 64 128; do
    rsvg-convert -w "$size" -h "$size" "$svg" -o "$work/$size.png"
    pngs+=("$work/$size.png")
done
rsvg-convert -w 256 -h 256 "$svg" -o "$work/256.png"
icotool -c -o "$here/tessera.ico" "${pngs[@]}" -r "$work/256.png"
icotool -l "$here/tessera.ico"
