#!/usr/bin/env bash
# Checks the Debian package in DIR (made by build-package.sh):
#   check-package.sh lintian DIR   lintian: no errors, and no warnings that are not overridden
#                                  (an override would go in packaging/deb/, with its reason)
#   check-package.sh install DIR   install it with dpkg, run both programs, remove it again
# Exit status 77 means "skipped" (the install check needs root and a machine without Tessera).
set -euo pipefail
mode="$1" dir="$2"
debs=("$dir"/tessera_*.deb)
deb="${debs[0]}"
[ -f "$deb" ] || { echo "no tessera_*.deb in $dir" >&2; exit 1; }

check_lintian() {
    # --pedantic shows the weakest tags too, so nothing is hidden from the log; only errors and
    # warnings fail.
    lintian --pedantic --info --display-experimental --fail-on error,warning "$deb"
    echo "lintian: no errors or warnings on $(basename "$deb")"
}

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi
}

check_install() {
    if [ "$(id -u)" -ne 0 ] && ! sudo -n true 2>/dev/null; then
        echo "SKIPPED: installing a package needs root (or passwordless sudo)"
        exit 77
    fi
    if dpkg-query -W -f='${Status}' tessera 2>/dev/null | grep -q 'install ok installed'; then
        # Never replace or remove a Tessera the machine's owner installed.
        echo "SKIPPED: a tessera package is already installed on this machine"
        exit 77
    fi
    trap 'as_root dpkg --purge tessera >/dev/null 2>&1 || true' EXIT

    as_root dpkg -i "$deb"
    dpkg-query -W -f='${Package} ${Version} ${Status}\n' tessera

    local version expected help
    version="$(/usr/bin/tessera --version)"
    expected="Tessera $(dpkg-deb -f "$deb" Version)"
    echo "tessera --version: $version"
    [ "$version" = "$expected" ] ||
        { echo "expected \"$expected\" from tessera --version" >&2; exit 1; }
    help="$(/usr/bin/tessera-sandbox --help)"
    echo "$help"
    grep -q -- '--org-token-file' <<<"$help" ||
        { echo "tessera-sandbox --help does not list its options" >&2; exit 1; }

    for f in /usr/share/man/man1/tessera.1.gz /usr/share/man/man1/tessera-sandbox.1.gz \
        /usr/share/doc/tessera/copyright /usr/share/doc/tessera/changelog.gz \
        /usr/share/applications/io.github.tessera_banking.Tessera.desktop \
        /usr/share/metainfo/io.github.tessera_banking.Tessera.metainfo.xml \
        /usr/share/icons/hicolor/scalable/apps/io.github.tessera_banking.Tessera.svg \
        /usr/share/icons/hicolor/48x48/apps/io.github.tessera_banking.Tessera.png; do
        [ -s "$f" ] || { echo "missing after install: $f" >&2; exit 1; }
    done
    # The desktop entry's Exec must resolve on PATH.
    command -v tessera >/dev/null || { echo "tessera is not on PATH" >&2; exit 1; }

    as_root dpkg --purge tessera
    trap - EXIT
    if [ -e /usr/bin/tessera ] || [ -e /usr/bin/tessera-sandbox ] || [ -e /usr/share/doc/tessera ]; then
        echo "files left behind after dpkg --purge" >&2
        exit 1
    fi
    echo "installed, ran and removed $(basename "$deb")"
}

case "$mode" in
    lintian) check_lintian ;;
    install) check_install ;;
    *) echo "usage: $0 lintian|install DIR" >&2; exit 2 ;;
esac
