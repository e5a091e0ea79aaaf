#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the .deb packages from an existing build (cpack with its CPackConfig.cmake, into a
# temporary folder), unpacks each into a scratch root and checks what they install.
# Usage: check_debs.sh BUILD/CPackConfig.cmake desktop|no-desktop
# Exit codes: 0 pass, 1 fail, 77 skipped (a tool the check needs is missing).
set -uo pipefail

config="$1"
with_desktop="${2:-desktop}"

skip() { echo "SKIP: $*"; exit 77; }
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }
failures=0

for tool in cpack dpkg-deb dpkg-shlibdeps; do
    command -v "$tool" >/dev/null || skip "$tool is missing (Debian packages cpack: cmake; dpkg-deb, dpkg-shlibdeps: dpkg-dev)"
done
if [ "$with_desktop" = desktop ]; then
    for tool in desktop-file-validate appstreamcli; do
        command -v "$tool" >/dev/null || skip "$tool is missing (packages desktop-file-utils, appstream)"
    done
fi
[ -f "$config" ] || { echo "FAIL: no CPack configuration at $config"; exit 1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/threadline-debs.XXXXXX")"
hub_pid=""
cleanup() {
    [ -n "$hub_pid" ] && kill "$hub_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

echo "== cpack --config $config -B $work/out"
if ! cpack --config "$config" -B "$work/out" >"$work/cpack.log" 2>&1; then
    cat "$work/cpack.log"
    echo "FAIL: cpack failed"
    exit 1
fi

deb_of() { ls "$work/out/$1"_*.deb 2>/dev/null | head -n 1; }
hub_deb="$(deb_of threadline-hub)"
desktop_deb="$(deb_of threadline)"
[ -n "$hub_deb" ] || { ls -l "$work/out"; echo "FAIL: no threadline-hub .deb"; exit 1; }
if [ "$with_desktop" = desktop ] && [ -z "$desktop_deb" ]; then
    ls -l "$work/out"; echo "FAIL: no threadline .deb"; exit 1
fi

field() { dpkg-deb -f "$1" "$2"; }
expect_field() { # DEB FIELD PATTERN WHAT
    local value
    value="$(field "$1" "$2")"
    if grep -Eq -- "$3" <<<"$value"; then pass "$4"; else fail "$4 — $2 is: $value"; fi
}
expect_file() { # ROOT PATH
    if [ -f "$1/$2" ]; then pass "installs /$2"; else fail "does not install /$2"; fi
}
# PNG width and height from the IHDR chunk.
png_size() { od -An -tu1 -j16 -N8 "$1" | awk '{ printf "%dx%d", $3*256+$4, $7*256+$8 }'; }

# --- threadline-hub -------------------------------------------------------------------------
echo "== $(basename "$hub_deb")"
expect_field "$hub_deb" Package '^threadline-hub$' "package name threadline-hub"
expect_field "$hub_deb" Version '^0\.' "hub version"
expect_field "$hub_deb" Architecture '^(amd64|arm64|i386|armhf|[a-z0-9]+)$' "hub architecture"
expect_field "$hub_deb" Maintainer '@' "hub maintainer"
expect_field "$hub_deb" Section '^net$' "hub section"
expect_field "$hub_deb" Depends 'libqt6core6' "hub depends on Qt Core (from dpkg-shlibdeps)"
expect_field "$hub_deb" Depends 'libqt6websockets6' "hub depends on Qt WebSockets (from dpkg-shlibdeps)"
expect_field "$hub_deb" Depends 'libqt6httpserver6' "hub depends on Qt HttpServer (from dpkg-shlibdeps)"
expect_field "$hub_deb" Depends 'libqt6sql6-sqlite' "hub depends on the Qt SQLite plugin"
expect_field "$hub_deb" Description 'contact-center' "hub description"

hub_root="$work/root-hub"
dpkg-deb -x "$hub_deb" "$hub_root" || fail "dpkg-deb -x threadline-hub"
expect_file "$hub_root" usr/bin/threadline-hub
expect_file "$hub_root" usr/lib/systemd/system/threadline-hub.service
expect_file "$hub_root" usr/lib/sysusers.d/threadline-hub.conf
expect_file "$hub_root" etc/threadline/hub.conf
expect_file "$hub_root" usr/share/doc/threadline-hub/examples/hub.conf.example
expect_file "$hub_root" usr/share/doc/threadline-hub/copyright
expect_file "$hub_root" usr/share/doc/threadline-hub/protocol.md

dpkg-deb -e "$hub_deb" "$work/control-hub" || fail "dpkg-deb -e threadline-hub"
if grep -qx '/etc/threadline/hub.conf' "$work/control-hub/conffiles" 2>/dev/null; then
    pass "/etc/threadline/hub.conf is a conffile"
else
    fail "/etc/threadline/hub.conf is not listed in conffiles"
fi
for script in postinst prerm postrm; do
    if [ -x "$work/control-hub/$script" ] && sh -n "$work/control-hub/$script"; then
        pass "maintainer script $script is executable shell"
    else
        fail "maintainer script $script missing, not executable or not valid sh"
    fi
done

unit="$hub_root/usr/lib/systemd/system/threadline-hub.service"
if grep -q '^ExecStart=/usr/bin/threadline-hub --config /etc/threadline/hub.conf$' "$unit" &&
   grep -q '^StateDirectory=threadline-hub$' "$unit" && grep -q '^ProtectSystem=strict$' "$unit"; then
    pass "unit runs the hub with /etc/threadline/hub.conf, sandboxed, with a state directory"
else
    fail "unit file content"
fi
# systemd-analyze checks ExecStart against the host, so verify a copy that points at the
# unpacked binary.
sed "s|^ExecStart=/usr/bin/threadline-hub|ExecStart=$hub_root/usr/bin/threadline-hub|" "$unit" \
    >"$work/threadline-hub.service"
if command -v systemd-analyze >/dev/null && [ -d /usr/lib/systemd/system ]; then
    if out="$(systemd-analyze verify "$work/threadline-hub.service" 2>&1)" && [ -z "$out" ]; then
        pass "systemd-analyze verify accepts the unit"
    else
        fail "systemd-analyze verify: $out"
    fi
    # Exposure 0.0 (locked down) .. 10.0 (unprotected); systemd 252 can rate a unit file offline.
    if out="$(systemd-analyze security --offline=yes "$work/threadline-hub.service" 2>&1)"; then
        level="$(sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p' <<<"$out")"
        if [ -n "$level" ] && awk -v l="$level" 'BEGIN { exit !(l < 3.0) }'; then
            pass "systemd-analyze security: exposure $level"
        else
            fail "systemd-analyze security: exposure ${level:-unknown} (want below 3.0)"
        fi
    else
        echo "note: systemd-analyze security --offline does not work here: $(tail -n 1 <<<"$out")"
    fi
else
    echo "note: systemd is not installed; the unit was not verified"
fi

hub_bin="$hub_root/usr/bin/threadline-hub"
if env -u LD_LIBRARY_PATH "$hub_bin" --help >"$work/hub-help.txt" 2>&1 &&
   grep -q -- '--config' "$work/hub-help.txt"; then
    pass "unpacked threadline-hub --help runs (LD_LIBRARY_PATH unset)"
else
    fail "unpacked threadline-hub --help: $(head -c 600 "$work/hub-help.txt")"
fi
if ldd "$hub_bin" | grep -q 'not found'; then
    fail "threadline-hub has unresolved libraries: $(ldd "$hub_bin" | grep 'not found')"
fi

# The shipped /etc/threadline/hub.conf starts the shipped hub (its database, log folder
# and port redirected to the scratch folder by flags, which override the file).
coproc HUB { exec env -u LD_LIBRARY_PATH "$hub_bin" --config "$hub_root/etc/threadline/hub.conf" \
    --db "$work/state/hub.db" --log-dir "$work/state/logs" --listen 127.0.0.1:0 2>&1; }
hub_pid="$HUB_PID"
line=""
IFS= read -r -t 60 line <&"${HUB[0]}" || true
if [[ "$line" =~ ^threadline-hub\ listening\ on\ ws://127\.0\.0\.1:[0-9]+/ws$ ]]; then
    pass "the shipped hub.conf starts the unpacked hub: $line"
else
    fail "the unpacked hub with the shipped hub.conf did not start: $line"
fi
kill "$hub_pid" 2>/dev/null
wait "$hub_pid" 2>/dev/null
hub_pid=""

# --- threadline (desktop) -------------------------------------------------------------------
if [ "$with_desktop" = desktop ]; then
    echo "== $(basename "$desktop_deb")"
    expect_field "$desktop_deb" Package '^threadline$' "package name threadline"
    expect_field "$desktop_deb" Maintainer '@' "desktop maintainer"
    expect_field "$desktop_deb" Section '^net$' "desktop section"
    expect_field "$desktop_deb" Depends 'libqt6widgets6' "desktop depends on Qt Widgets (from dpkg-shlibdeps)"
    expect_field "$desktop_deb" Depends 'libsqlcipher' "desktop depends on SQLCipher (from dpkg-shlibdeps)"
    expect_field "$desktop_deb" Depends 'libqt6keychain' "desktop depends on QtKeychain (from dpkg-shlibdeps)"
    expect_field "$desktop_deb" Depends 'fonts-noto-core' "desktop depends on fonts-noto-core"
    expect_field "$desktop_deb" Recommends 'gnome-keyring' "desktop recommends a Secret Service"
    expect_field "$desktop_deb" Description 'agent desktop' "desktop description"
    if field "$desktop_deb" Depends | grep -q 'libsqlite3'; then
        fail "desktop depends on libsqlite3 (it must never be linked next to SQLCipher)"
    fi

    desktop_root="$work/root-desktop"
    dpkg-deb -x "$desktop_deb" "$desktop_root" || fail "dpkg-deb -x threadline"
    expect_file "$desktop_root" usr/bin/threadline
    expect_file "$desktop_root" usr/share/applications/threadline.desktop
    expect_file "$desktop_root" usr/share/metainfo/io.threadline.Threadline.metainfo.xml
    expect_file "$desktop_root" usr/share/icons/hicolor/scalable/apps/threadline.svg
    expect_file "$desktop_root" usr/share/doc/threadline/copyright
    for size in 16 32 48 64 128 256; do
        png="$desktop_root/usr/share/icons/hicolor/${size}x${size}/apps/threadline.png"
        if [ -f "$png" ] && [ "$(png_size "$png")" = "${size}x${size}" ]; then
            pass "icon ${size}x${size}"
        else
            fail "icon ${size}x${size} missing or of the wrong size"
        fi
    done
    if out="$(desktop-file-validate "$desktop_root/usr/share/applications/threadline.desktop" 2>&1)"; then
        pass "desktop-file-validate threadline.desktop ${out:+($out)}"
    else
        fail "desktop-file-validate: $out"
    fi
    if out="$(appstreamcli validate --no-net "$desktop_root/usr/share/metainfo/io.threadline.Threadline.metainfo.xml" 2>&1)"; then
        pass "appstreamcli validate --no-net"
    else
        fail "appstreamcli validate: $out"
    fi
    if env -u LD_LIBRARY_PATH QT_QPA_PLATFORM=offscreen "$desktop_root/usr/bin/threadline" --help \
        >"$work/desktop-help.txt" 2>&1 && grep -q -- '--server' "$work/desktop-help.txt"; then
        pass "unpacked threadline --help runs (LD_LIBRARY_PATH unset)"
    else
        fail "unpacked threadline --help: $(head -c 600 "$work/desktop-help.txt")"
    fi
fi

echo
if [ "$failures" -ne 0 ]; then
    echo "$failures check(s) failed"
    exit 1
fi
echo "all package checks passed"
