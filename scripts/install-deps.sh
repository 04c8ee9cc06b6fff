#!/usr/bin/env bash
# Installs every Debian 12 package Huike needs to build and run (and, with --tests, to test).
set -euo pipefail
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
# qt6-charts-dev needs libqt6opengl6-dev for its CMake package (Qt6Charts depends on Qt6OpenGL),
# which Debian does not pull in with it.
PACKAGES=(
  build-essential cmake ninja-build ccache pkg-config git
  qt6-base-dev qt6-charts-dev libqt6opengl6-dev qt6-serialport-dev libqt6sql6-sqlite
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n libgl-dev
  libspdlog-dev catch2 libsodium-dev libsqlite3-dev
  fonts-noto-cjk tzdata
  socat # the demo store's simulated printer, card reader, caller-ID box and display (pty pairs)
)
case "${1:-}" in
  --tests) # Xvfb for screens, clang + its runtime for libFuzzer
    PACKAGES+=(xvfb xauth clang libclang-rt-14-dev) ;;
  --xvfb) # a virtual screen for machines without one, and a VNC server to look at it
    PACKAGES+=(xvfb xauth x11vnc) ;;
esac
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
