#!/usr/bin/env bash
# Checks the Debian packages in DIR (made by build-package.sh): tessera and tessera-broker.
#   check-package.sh lintian DIR          lintian on both: no errors, and no warnings that are
#                                         not overridden (an override would go in
#                                         packaging/deb/, with its reason)
#   check-package.sh install DIR          install tessera with dpkg, run both programs, purge it
#   check-package.sh install-broker DIR   install tessera-broker with dpkg, check its files and
#                                         unit, run the broker as its unit would, purge it
# Exit status 77 means "skipped" (the install checks need root and a machine without the
# package).
set -euo pipefail
mode="$1" dir="$2"
debs=("$dir"/tessera_*.deb)
deb="${debs[0]}"
[ -f "$deb" ] || { echo "no tessera_*.deb in $dir" >&2; exit 1; }
broker_debs=("$dir"/tessera-broker_*.deb)
broker_deb="${broker_debs[0]}"
[ -f "$broker_deb" ] || { echo "no tessera-broker_*.deb in $dir" >&2; exit 1; }

check_lintian() {
    # --pedantic shows the weakest tags too, so nothing is hidden from the log; only errors and
    # warnings fail.
    lintian --pedantic --info --display-experimental --fail-on error,warning "$deb" "$broker_deb"
    echo "lintian: no errors or warnings on $(basename "$deb") and $(basename "$broker_deb")"
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

# tessera-broker, installed, then started the way its systemd unit starts it: this check does
# not need systemd as PID 1 (a container has none). The credential is a private directory
# holding unit-org-token, as systemd's LoadCredential= makes it; the broker runs as nobody with
# no capabilities and no new privileges (DynamicUser=, CapabilityBoundingSet=, NoNewPrivileges=)
# and, where the kernel has PR_SET_MDWE (Linux 6.3), with writable-and-executable memory
# refused as MemoryDenyWriteExecute= does, so a Qt feature that needs it would show here.
broker_pid="" broker_tmp=""
stop_broker() {
    if [ -n "$broker_pid" ] && kill -0 "$broker_pid" 2>/dev/null; then
        kill -TERM "$broker_pid"
        wait "$broker_pid" 2>/dev/null || true
    fi
    broker_pid=""
}
cleanup_broker() {
    stop_broker
    [ -z "$broker_tmp" ] || rm -rf "$broker_tmp"
    as_root dpkg --purge tessera-broker >/dev/null 2>&1 || true
}
fail() {
    echo "$*" >&2
    exit 1
}

check_install_broker() {
    if [ "$(id -u)" -ne 0 ]; then
        # Running the broker as another user (setpriv) needs root itself, not sudo.
        echo "SKIPPED: installing and running the broker as its unit would needs root"
        exit 77
    fi
    if dpkg-query -W -f='${Status}' tessera-broker 2>/dev/null | grep -q 'install ok installed' ||
        [ -e /etc/tessera-broker ]; then
        # Never replace or remove a broker, or an org token, that the machine's owner installed.
        echo "SKIPPED: tessera-broker or /etc/tessera-broker is already on this machine"
        exit 77
    fi
    trap cleanup_broker EXIT

    local depends
    depends="$(dpkg-deb -f "$broker_deb" Depends)"
    echo "Depends: $depends"
    ! grep -Eq 'libqt6(gui|widgets|dbus|networkauth)|qt6-qpa|keychain' <<<"$depends" ||
        fail "tessera-broker must not depend on Qt's GUI, widgets, D-Bus, the desktop's sign-in (NetworkAuth) or a keychain"

    dpkg -i "$broker_deb"
    dpkg-query -W -f='${Package} ${Version} ${Status}\n' tessera-broker
    for f in /usr/bin/tessera-broker /lib/systemd/system/tessera-broker.service \
        /etc/tessera-broker/broker.conf /usr/share/man/man8/tessera-broker.8.gz \
        /usr/share/doc/tessera-broker/copyright /usr/share/doc/tessera-broker/changelog.gz; do
        [ -s "$f" ] || fail "missing after install: $f"
    done
    # Every key is commented out, with ";": QSettings reads "#key = value" as a key named "#key".
    if grep -Evq '^(;.*|\[[A-Za-z]+\]|)$' /etc/tessera-broker/broker.conf; then
        grep -Ev '^(;.*|\[[A-Za-z]+\]|)$' /etc/tessera-broker/broker.conf >&2
        fail "/etc/tessera-broker/broker.conf has lines that are neither ; comments nor sections"
    fi
    ! dpkg -L tessera-broker | grep -Eq '^/usr/bin/tessera(-sandbox)?$|/applications/' ||
        fail "tessera-broker ships part of the desktop client"
    dpkg-query -W -f='${Conffiles}\n' tessera-broker | grep -q '^ /etc/tessera-broker/broker.conf ' ||
        fail "/etc/tessera-broker/broker.conf is not a conffile"
    # The postinst enabled the unit (deb-systemd-helper), and started nothing: there is no org
    # token yet, and ConditionPathExists= skips the start under systemd.
    [ -L /etc/systemd/system/multi-user.target.wants/tessera-broker.service ] ||
        fail "the postinst did not enable tessera-broker.service"
    # Only the installed program: other brokers may run from build trees on this machine.
    ! pgrep -f '^/usr/bin/tessera-broker( |$)' >/dev/null || fail "installing started a broker"
    if command -v systemd-analyze >/dev/null; then
        systemd-analyze verify /lib/systemd/system/tessera-broker.service
        # Exposure 0 (locked down) to 10 (unprotected): fail if the hardening is lost.
        systemd-analyze security --offline=yes --threshold=20 \
            /lib/systemd/system/tessera-broker.service | tail -n 1
    fi

    broker_tmp="$(mktemp -d)"
    chmod 0755 "$broker_tmp"
    local credentials="$broker_tmp/credentials" token config
    # A made-up org token, only to see that it never shows up in the process list or the log.
    token="v2.public.check-package.$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
    install -d -m 0700 -o nobody "$credentials"
    printf '%s\n' "$token" | install -m 0600 -o nobody /dev/stdin "$credentials/unit-org-token"
    # The packaged configuration, whose every key is commented out, holds good defaults.
    CREDENTIALS_DIRECTORY="$credentials" /usr/bin/tessera-broker --check-config
    if env -u CREDENTIALS_DIRECTORY /usr/bin/tessera-broker --check-config 2>/dev/null; then
        fail "--check-config accepted a broker without an org token"
    fi
    # Unit on loopback (nothing answers there: only /healthz is asked), any free port.
    config="$broker_tmp/broker.conf"
    printf '[unit]\napiUrl = http://127.0.0.1:9/\n[listen]\naddress = 127.0.0.1\nport = 0\n' \
        >"$config"
    chmod 0644 "$config"
    CREDENTIALS_DIRECTORY="$credentials" /usr/bin/tessera-broker --config "$config" --check-config

    local run=(setpriv --reuid=nobody --regid=nogroup --clear-groups --no-new-privs
        --inh-caps=-all --bounding-set=-all
        env -i CREDENTIALS_DIRECTORY="$credentials" /usr/bin/tessera-broker --config "$config")
    # prctl(PR_SET_MDWE = 65, PR_MDWE_REFUSE_EXEC_GAIN = 1) holds across execve.
    local mdwe='import ctypes, os, sys
libc = ctypes.CDLL(None, use_errno=True)
if libc.prctl(65, 1, 0, 0, 0) != 0:
    print("no PR_SET_MDWE in this kernel: MemoryDenyWriteExecute= not emulated", file=sys.stderr)
os.execvp(sys.argv[1], sys.argv[1:])'
    # Debian's own Python (a python3 earlier on PATH may be a slow-starting pyenv shim).
    local python=python3
    [ ! -x /usr/bin/python3 ] || python=/usr/bin/python3
    "$python" -c "$mdwe" "${run[@]}" >"$broker_tmp/stdout" 2>"$broker_tmp/stderr" &
    broker_pid=$!
    local url=""
    for _ in $(seq 1 200); do
        url="$(sed -n 's/^tessera-broker: listening on //p' "$broker_tmp/stdout")"
        [ -z "$url" ] || break
        kill -0 "$broker_pid" 2>/dev/null || break
        sleep 0.1
    done
    [ -n "$url" ] || { cat "$broker_tmp/stderr" >&2; fail "tessera-broker did not start listening"; }
    echo "tessera-broker (as nobody, pid $broker_pid) is listening on $url"
    grep -Eq '^Uid:\s+65534\s' "/proc/$broker_pid/status" || fail "the broker does not run as nobody"
    local health
    health="$(curl -fsS --max-time 10 "$url/healthz")"
    echo "GET /healthz: $health"
    [ "$(jq -c . <<<"$health")" = '{"status":"ok"}' ] || fail "unexpected /healthz answer"
    # Compared in the shell: a grep for the token would put it on a command line itself.
    local processes cmdline environment
    processes="$(ps -eo args)"
    cmdline="$(tr '\0' ' ' <"/proc/$broker_pid/cmdline")"
    environment="$(tr '\0' ' ' <"/proc/$broker_pid/environ")"
    [[ $processes != *"$token"* ]] || fail "the org token is in the process list"
    [[ $cmdline != *"$token"* ]] || fail "the org token is on the broker's command line"
    [[ $environment != *"$token"* ]] || fail "the org token is in the broker's environment"
    stop_broker
    local output
    output="$(cat "$broker_tmp/stdout" "$broker_tmp/stderr")"
    [[ $output != *"$token"* ]] || fail "the org token is in the broker's output"

    dpkg --purge tessera-broker
    local left
    for left in /usr/bin/tessera-broker /etc/tessera-broker /lib/systemd/system/tessera-broker.service \
        /usr/share/man/man8/tessera-broker.8.gz /usr/share/doc/tessera-broker \
        /etc/systemd/system/multi-user.target.wants/tessera-broker.service \
        /var/lib/systemd/deb-systemd-helper-enabled/tessera-broker.service \
        /var/lib/systemd/deb-systemd-helper-masked/tessera-broker.service; do
        if [ -e "$left" ] || [ -L "$left" ]; then
            fail "left behind after dpkg --purge: $left"
        fi
    done
    if dpkg-query -W tessera-broker >/dev/null 2>&1; then
        fail "dpkg still knows tessera-broker after --purge"
    fi
    rm -rf "$broker_tmp"
    broker_tmp=""
    trap - EXIT
    echo "installed, ran as its unit would and purged $(basename "$broker_deb")"
}

case "$mode" in
    lintian) check_lintian ;;
    install) check_install ;;
    install-broker) check_install_broker ;;
    *) echo "usage: $0 lintian|install|install-broker DIR" >&2; exit 2 ;;
esac
