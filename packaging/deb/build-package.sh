#!/usr/bin/env bash
# Builds the Debian packages (tessera and tessera-broker) from a configured and built tree:
# build-package.sh BUILD_DIR OUT_DIR
set -euo pipefail
build_dir="$1" out_dir="$2"
rm -rf "$out_dir"
mkdir -p "$out_dir"
cpack -G DEB --config "$build_dir/CPackConfig.cmake" -B "$out_dir"
# CPack's staging tree is not part of the result.
rm -rf "$out_dir/_CPack_Packages"
for deb in "$out_dir"/tessera_*.deb "$out_dir"/tessera-broker_*.deb; do
    [ -f "$deb" ] || { echo "CPack made no $deb" >&2; exit 1; }
    dpkg-deb --info "$deb"
    dpkg-deb --contents "$deb"
done
