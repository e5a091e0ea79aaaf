#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a command inside a private D-Bus session with a real, unlocked gnome-keyring,
# so the KeychainKeyStore tests talk to a Secret Service instead of skipping.
# The keyring lives in a throwaway HOME that is removed afterwards; the developer's
# own keyring is never touched. Needs gnome-keyring, dbus and libsecret-tools.
#
#   tests/services/cache/run-with-keyring.sh ctest --test-dir build/dev -L cache
#   tests/services/cache/run-with-keyring.sh build/dev/tests/services/cache/tst_keychain_key_store
set -eu

if [ "$#" -eq 0 ]; then
    echo "usage: $0 COMMAND [ARGS...]" >&2
    exit 2
fi
for tool in dbus-run-session gnome-keyring-daemon dbus-send; do
    command -v "$tool" >/dev/null 2>&1 || { echo "$0: $tool is not installed" >&2; exit 2; }
done

scratch=$(mktemp -d "${TMPDIR:-/tmp}/threadline-keyring.XXXXXX")
trap 'rm -rf "$scratch"' EXIT INT TERM
mkdir -m 700 "$scratch/home" "$scratch/runtime"

# Relative command paths keep working: only HOME and the XDG folders change.
HOME="$scratch/home" XDG_RUNTIME_DIR="$scratch/runtime" \
XDG_DATA_HOME="$scratch/home/.local/share" XDG_CACHE_HOME="$scratch/home/.cache" \
dbus-run-session -- sh -c '
    # The newline after the password matters: without it the login keyring stays locked.
    eval "$(printf "threadline-test\n" | gnome-keyring-daemon --unlock --components=secrets)"
    export GNOME_KEYRING_CONTROL
    # Wait (bounded) until the daemon owns the Secret Service name.
    tries=0
    until dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
            org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null |
            grep -q "boolean true"; do
        tries=$((tries + 1))
        if [ "$tries" -gt 50 ]; then
            echo "run-with-keyring: gnome-keyring did not come up" >&2
            exit 3
        fi
        sleep 0.1
    done
    exec "$@"
' sh "$@"
