#!/usr/bin/env bash
# Installs the Debian 12 packages Threadline builds, tests and demos with.
# Sourced by scripts/demo and scripts/test; does nothing when all are present.
set -euo pipefail

THREADLINE_PACKAGES=(
  cmake ninja-build g++ pkg-config
  qt6-base-dev qt6-websockets-dev qt6-httpserver-dev qt6-charts-dev libqt6opengl6-dev
  qt6-tools-dev qt6-l10n-tools qt6-translations-l10n libqt6sql6-sqlite
  libqt6sql6-psql postgresql
  libsqlcipher-dev libssl-dev sqlcipher libjemalloc-dev libboost-log-dev libboost-dev qtkeychain-qt6-dev
  libphonenumber-dev libgmime-3.0-dev libicu-dev libxml2-dev
  fonts-noto-core fonts-noto-color-emoji xvfb xauth curl
  unicode-data
  gnome-keyring dbus dbus-x11 libsecret-tools
  dpkg-dev desktop-file-utils appstream openssl systemd
  clang libclang-rt-14-dev
  python3-aiosmtpd
  chromium nodejs
)
# The web chat's browser test (tests/webchat) runs playwright-core from npm. A nodejs
# that ships its own npm (e.g. NodeSource's) needs no Debian npm package.
command -v npm >/dev/null 2>&1 || THREADLINE_PACKAGES+=(npm)

threadline_install_deps() {
  local missing=()
  for p in "${THREADLINE_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing: ${missing[*]}" >&2
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# Runs a command inside a private D-Bus session with an unlocked gnome-keyring,
# so the OS keychain path (QtKeychain over Secret Service) is real even headless.
threadline_with_keyring() {
  dbus-run-session -- bash -c '
    eval "$(printf "threadline\n" | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null)"
    export GNOME_KEYRING_CONTROL
    exec "$@"' threadline-keyring "$@"
}
