#!/usr/bin/env bash
# Builds Tessera-<version>-x86_64.AppImage with linuxdeploy and linuxdeploy-plugin-qt.
#
#   packaging/appimage/build-appimage.sh [OUT_DIR]
#
# A Release build configured with CMAKE_INSTALL_PREFIX=/usr is installed into an AppDir with
# DESTDIR; linuxdeploy copies the libraries the programs need, its Qt plugin adds Qt's plugins
# (platforms, TLS backends, ...) and qt.conf, and the AppImage output plugin packs the AppDir.
# Written from the tools' documentation; NOT run to the end on the Debian build machine, which
# cannot download linuxdeploy. See packaging/README.md, "AppImage".
#
# Environment (all optional):
#   BUILD_DIR              build tree and AppDir (default: build/appimage)
#   QMAKE                  Qt's qmake (default: qmake6 from PATH)
#   LINUXDEPLOY            linuxdeploy executable or AppImage to use instead of PATH/download
#   LINUXDEPLOY_PLUGIN_QT  the same for linuxdeploy-plugin-qt
#   TESSERA_APPIMAGE_BUNDLE_LIBSECRET=1
#                          also bundle the build machine's libsecret-1.so.0 (see the README)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
app_id=io.github.tessera_banking.Tessera
arch=x86_64
build_dir="${BUILD_DIR:-$root/build/appimage}"
appdir="$build_dir/AppDir"
tools_dir="$build_dir/tools"
out_dir="${1:-$build_dir}"
release_url=https://github.com/linuxdeploy

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
die() {
    printf 'build-appimage.sh: %s\n' "$*" >&2
    exit 1
}

[ "$(uname -m)" = "$arch" ] || die "this recipe makes $arch AppImages on $arch machines only"
command -v cmake >/dev/null || die "cmake is missing"
command -v ninja >/dev/null || die "ninja is missing (Debian: apt-get install ninja-build)"

qmake="${QMAKE:-$(command -v qmake6 || true)}"
if [ -z "$qmake" ] || [ ! -x "$qmake" ]; then
    die "qmake6 not found; set QMAKE (Debian: qt6-base-dev-tools)"
fi
qt_plugins="$("$qmake" -query QT_INSTALL_PLUGINS)"

# 1. Release build, installed into the AppDir as it would be into /usr.
say "Configuring a Release build in $build_dir"
cmake -S "$root" -B "$build_dir" -G Ninja \
    -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr -DTESSERA_BUILD_TESTS=OFF
say "Building"
cmake --build "$build_dir" -j "$(nproc)"
say "Installing into $appdir"
rm -rf "$appdir"
DESTDIR="$appdir" cmake --install "$build_dir"

# --version answers without a display (see app/main.cpp), so this works headless.
version="$("$appdir/usr/bin/tessera" --version | awk 'NR == 1 { print $NF }')"
[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || die "unexpected version from tessera: '$version'"
say "Tessera $version"

# 2. linuxdeploy and its Qt plugin: from the environment, from PATH, or downloaded. linuxdeploy
# finds plugins named linuxdeploy-plugin-<name> on PATH, so both go into one directory on PATH.
mkdir -p "$tools_dir"
export PATH="$tools_dir:$PATH"
provide_tool() { # provide_tool NAME OVERRIDE REPOSITORY
    local name="$1" override="$2" repo="$3"
    if [ -n "$override" ]; then
        [ -x "$override" ] || die "$override is not executable"
        ln -sf "$(realpath "$override")" "$tools_dir/$name"
    elif [ -x "$tools_dir/$name" ] || command -v "$name" >/dev/null; then
        : # already there
    else
        local url="$release_url/$repo/releases/download/continuous/$name-$arch.AppImage"
        say "Downloading $url"
        curl -fL --connect-timeout 20 --retry 3 -o "$tools_dir/$name.part" "$url" ||
            die "could not download $name; put it on PATH or set the variable named in the header"
        mv "$tools_dir/$name.part" "$tools_dir/$name"
        chmod +x "$tools_dir/$name"
        sha256sum "$tools_dir/$name"
    fi
}
provide_tool linuxdeploy "${LINUXDEPLOY:-}" linuxdeploy
provide_tool linuxdeploy-plugin-qt "${LINUXDEPLOY_PLUGIN_QT:-}" linuxdeploy-plugin-qt

# 3. What the Qt plugin deploys. linuxdeploy copies the libraries tessera links (Qt6Widgets,
# Gui, Network, DBus, HttpServer, WebSockets, Core, qt6keychain, ...); the Qt plugin recognises
# the Qt modules among them and adds their plugins: for Gui the platforms (xcb), input contexts
# and image formats, for Network (Qt >= 6.2) plugins/tls, that is libqopensslbackend.so, which
# loads the host's libssl.so.3 at run time (not bundled), and libqcertonlybackend.so. Network is
# named again so the TLS backends come along even if detection changes. EXTRA_QT_MODULES is the
# plugin's current name for the list; EXTRA_QT_PLUGINS the older, now deprecated one, which
# older plugin builds read instead.
export QMAKE="$qmake"
export EXTRA_QT_MODULES="network"
export EXTRA_QT_PLUGINS="$EXTRA_QT_MODULES"
# The xcb platform plugin is always deployed. Wayland's plugins (and with them the Wayland shell
# integration and decoration plugins) only if this Qt has them (Debian: qt6-wayland).
wayland=()
for plugin in libqwayland-egl.so libqwayland-generic.so; do
    [ -f "$qt_plugins/platforms/$plugin" ] && wayland+=("$plugin")
done
if [ ${#wayland[@]} -gt 0 ]; then
    EXTRA_PLATFORM_PLUGINS="$(IFS=';' && echo "${wayland[*]}")"
    export EXTRA_PLATFORM_PLUGINS
    say "Wayland platform plugins: $EXTRA_PLATFORM_PLUGINS"
else
    say "No Wayland platform plugin in $qt_plugins/platforms: the AppImage runs on X11/XWayland"
fi

# QtKeychain opens libsecret with dlopen (QLibrary "secret-1"), so linuxdeploy does not see it
# and the host's copy is used; on request the build machine's copy goes in as well.
extra_libraries=()
if [ "${TESSERA_APPIMAGE_BUNDLE_LIBSECRET:-0}" = 1 ]; then
    libsecret="$(ldconfig -p | awk '$1 == "libsecret-1.so.0" && /x86-64/ { print $NF; exit }')"
    [ -n "$libsecret" ] || die "libsecret-1.so.0 not found (Debian: libsecret-1-0)"
    extra_libraries+=(--library "$libsecret")
fi

# 4. Bundle and pack. The tools are AppImages themselves; extract-and-run needs no FUSE.
export APPIMAGE_EXTRACT_AND_RUN=1
# linuxdeploy's own strip is older than the build machine's binutils; skipping it costs size only.
export NO_STRIP=1
export LINUXDEPLOY_OUTPUT_VERSION="$version"
output="Tessera-$version-$arch.AppImage"
# The AppImage plugin reads LDAI_OUTPUT (current) or OUTPUT (older builds).
export LDAI_OUTPUT="$output" OUTPUT="$output"
mkdir -p "$out_dir"
out_dir="$(realpath "$out_dir")"
rm -f "$out_dir/$output"
say "Running linuxdeploy"
(
    cd "$out_dir"
    linuxdeploy --appdir "$appdir" \
        --executable "$appdir/usr/bin/tessera" \
        --executable "$appdir/usr/bin/tessera-sandbox" \
        --desktop-file "$root/resources/desktop/$app_id.desktop" \
        --icon-file "$root/resources/icons/$app_id.svg" \
        "${extra_libraries[@]}" \
        --plugin qt \
        --output appimage
)
[ -f "$out_dir/$output" ] || die "linuxdeploy finished but $out_dir/$output is missing"

# 5. Smoke test: the packed program answers --version.
say "Checking $output --version"
"$out_dir/$output" --version
say "AppImage: $out_dir/$output"
