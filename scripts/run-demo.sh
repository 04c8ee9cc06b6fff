#!/usr/bin/env bash
# Installs what Huike needs, builds it, and starts it on a demo store.
#   ./scripts/run-demo.sh                  the shop's own data folder (a demo store on first start)
#   HUIKE_DB=/tmp/demo.db ./scripts/run-demo.sh   another database file
#   HUIKE_XVFB=1 ./scripts/run-demo.sh     no screen here: run inside Xvfb (see below)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${HUIKE_XVFB:-}" = "1" ]; then ./scripts/install-deps.sh --xvfb; else ./scripts/install-deps.sh; fi
cmake --preset default >/dev/null
cmake --build --preset default --target huike huike-cli
BIN=build/default/bin
DB_ARGS=()
if [ -n "${HUIKE_DB:-}" ]; then DB_ARGS=(--db "$HUIKE_DB"); fi

if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  echo "Starting Huike. Demo logins: cashier 1001 / PIN 1234, manager 8001 / PIN 8888, admin 9001 / PIN 9999."
  exec "$BIN/huike" "${DB_ARGS[@]}"
fi
if [ "${HUIKE_XVFB:-}" = "1" ]; then
  echo "No display: running Huike inside Xvfb on :99. To see it, run 'x11vnc -display :99 -localhost' here"
  echo "and connect a VNC viewer through an SSH tunnel (ssh -L 5900:localhost:5900 this-machine)."
  exec xvfb-run -n 99 -s "-screen 0 1366x768x24" "$BIN/huike" "${DB_ARGS[@]}"
fi
# No screen and no request for Xvfb: prove the app starts on the demo store, and say how to view it.
echo "No display found (DISPLAY is not set). Starting Huike without a screen to check it and its demo store"
echo "(the first start creates the demo store, which takes a few seconds)..."
QT_QPA_PLATFORM=offscreen "$BIN/huike" "${DB_ARGS[@]}" --measure-startup 1001:1234 2>/dev/null
"$BIN/huike-cli" verify "${DB_ARGS[@]}"
echo "Huike is built and its demo store is ready. To use it, run this command from a desktop session, or"
echo "HUIKE_XVFB=1 $0 to start it inside Xvfb (view it with x11vnc -display :99 and a VNC viewer)."
echo "Without a screen, huike-cli works on the same store: $BIN/huike-cli --help"
