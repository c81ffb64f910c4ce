#!/usr/bin/env bash
# Fetches the previous Debian builds of Chromium and Firefox ESR side by side with the installed
# ones (never replacing them): `apt-get download` the .debs, `dpkg -x` them into a cache folder.
# The installed current versions' system libraries serve the old binaries. Idempotent: a version
# already unpacked is kept. Needs apt (root) only the first time.
#
#   scripts/old-browsers.sh            fetch both
#   scripts/old-browsers.sh --print    print the binaries' paths as shell assignments
#
# The e2e harness picks a browser from $WHY403_CHROMIUM (and $WHY403_FIREFOX for Firefox).
set -euo pipefail

CACHE="${WHY403_BROWSER_CACHE:-/var/cache/why403-browsers}"
CHROMIUM_VERSION="${WHY403_CHROMIUM_OLD_VERSION:-150.0.7871.100-1~deb12u1}"
FIREFOX_VERSION="${WHY403_FIREFOX_OLD_VERSION:-140.12.0esr-1~deb12u1}"
CHROMIUM_DIR="$CACHE/chromium-${CHROMIUM_VERSION%%.*}"
FIREFOX_DIR="$CACHE/firefox-esr-${FIREFOX_VERSION%%.*}"
CHROMIUM_BIN="$CHROMIUM_DIR/usr/lib/chromium/chromium"
FIREFOX_BIN="$FIREFOX_DIR/usr/lib/firefox-esr/firefox-esr"

if [ "${1:-}" = "--print" ]; then
  echo "WHY403_CHROMIUM_150=$CHROMIUM_BIN"
  echo "WHY403_FIREFOX_140=$FIREFOX_BIN"
  exit 0
fi

# fetch <dir> <binary> <package=version>...: download into a scratch folder, unpack, then move
# into place in one rename so an interrupted run never leaves a half-unpacked browser behind.
fetch() {
  local dir="$1" bin="$2"
  shift 2
  if [ -x "$bin" ] && [ -f "$dir/.complete" ]; then
    echo "old-browsers: $(basename "$dir") already in $dir"
    return 0
  fi
  local tmp
  tmp="$(mktemp -d "$CACHE/.fetch.XXXXXX")"
  # apt drops privileges to _apt for downloads: give it the scratch folder.
  chmod 755 "$tmp"
  if id _apt >/dev/null 2>&1; then chown _apt "$tmp"; fi
  (cd "$tmp" && apt-get download -qq "$@")
  mkdir -p "$tmp/root"
  for deb in "$tmp"/*.deb; do dpkg -x "$deb" "$tmp/root"; done
  touch "$tmp/root/.complete"
  rm -rf "$dir"
  mv "$tmp/root" "$dir"
  rm -rf "$tmp"
  echo "old-browsers: unpacked $* into $dir"
}

mkdir -p "$CACHE"
# One run at a time (CI and several engineers may share the cache).
exec 9>"$CACHE/.lock"
flock 9

if ! apt-cache show "chromium=$CHROMIUM_VERSION" >/dev/null 2>&1 || ! apt-cache show "firefox-esr=$FIREFOX_VERSION" >/dev/null 2>&1; then
  apt-get update -qq
fi
fetch "$CHROMIUM_DIR" "$CHROMIUM_BIN" "chromium=$CHROMIUM_VERSION" "chromium-common=$CHROMIUM_VERSION"
fetch "$FIREFOX_DIR" "$FIREFOX_BIN" "firefox-esr=$FIREFOX_VERSION"
