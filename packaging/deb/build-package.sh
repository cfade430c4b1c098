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
debs=("$out_dir"/tessera_*.deb "$out_dir"/tessera-broker_*.deb)
for deb in "${debs[@]}"; do
    [ -f "$deb" ] || { echo "CPack made no $deb" >&2; exit 1; }
    dpkg-deb --info "$deb"
    dpkg-deb --contents "$deb"
done

# Every file the build installs is in one of the packages: CPack packs only the components in
# CPACK_COMPONENTS_ALL, so an install() without COMPONENT tessera or broker would be in neither.
staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT
DESTDIR="$staging/root" cmake --install "$build_dir" --prefix /usr >/dev/null
(cd "$staging/root" && find . ! -type d | sort) >"$staging/installed"
for deb in "${debs[@]}"; do
    dpkg-deb --fsys-tarfile "$deb" | tar -t
done | grep -v '/$' | sort -u >"$staging/packaged"
missing="$(comm -23 "$staging/installed" "$staging/packaged")"
if [ -n "$missing" ]; then
    echo "installed by the build but in no package (an install() without COMPONENT?):" >&2
    echo "$missing" >&2
    exit 1
fi
