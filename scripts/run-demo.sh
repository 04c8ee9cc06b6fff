#!/usr/bin/env bash
# Installs what Huike needs, builds it, and starts it on a demo store.
#   ./scripts/run-demo.sh                  the demo store in ~/.local/share/huike-demo/demo.db (made on first run)
#   HUIKE_DB=/tmp/demo.db ./scripts/run-demo.sh   another demo file
#   HUIKE_XVFB=1 ./scripts/run-demo.sh     no screen here: run inside Xvfb (see below)
#   HUIKE_DEMO_DEVICES=0 ./scripts/run-demo.sh   without the simulated counter devices
# The demo plays a receipt printer, card reader, caller-ID box and customer display on socat pty
# pairs beside the demo file (huike --demo-devices); 系统 → 演示设备 shows the paper and swipes cards.
# The demo lives in a file of its own: the shop's real database (build/default/bin/huike without --db)
# is never filled with demo data; its first start opens the set-up window instead.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${HUIKE_XVFB:-}" = "1" ]; then ./scripts/install-deps.sh --xvfb; else ./scripts/install-deps.sh; fi
cmake --preset default >/dev/null
cmake --build --preset default --target huike huike-cli
BIN=build/default/bin
DB="${HUIKE_DB:-${XDG_DATA_HOME:-$HOME/.local/share}/huike-demo/demo.db}"
mkdir -p "$(dirname "$DB")"
if [ ! -s "$DB" ]; then
  echo "Creating the demo store in $DB (a few seconds)..."
  "$BIN/huike-cli" init --db "$DB" --demo
fi
DB_ARGS=(--db "$DB")
APP_ARGS=("${DB_ARGS[@]}")
if [ "${HUIKE_DEMO_DEVICES:-1}" != "0" ]; then APP_ARGS+=(--demo-devices "$(dirname "$DB")/devices"); fi

if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  echo "Starting Huike. Demo logins: cashier 1001 / PIN 1234, manager 8001 / PIN 8888, admin 9001 / PIN 9999."
  exec "$BIN/huike" "${APP_ARGS[@]}"
fi
if [ "${HUIKE_XVFB:-}" = "1" ]; then
  echo "No display: running Huike inside Xvfb on :99. To see it, run 'x11vnc -display :99 -localhost' here"
  echo "and connect a VNC viewer through an SSH tunnel (ssh -L 5900:localhost:5900 this-machine)."
  exec xvfb-run -n 99 -s "-screen 0 1366x768x24" "$BIN/huike" "${APP_ARGS[@]}"
fi
# No screen and no request for Xvfb: prove the app starts on the demo store, and say how to view it.
echo "No display found (DISPLAY is not set). Starting Huike without a screen to check it and its demo store"
QT_QPA_PLATFORM=offscreen "$BIN/huike" "${APP_ARGS[@]}" --measure-startup 1001:1234 2>/dev/null
"$BIN/huike-cli" verify "${DB_ARGS[@]}"
echo "Huike is built and its demo store is ready. To use it, run this command from a desktop session, or"
echo "HUIKE_XVFB=1 $0 to start it inside Xvfb (view it with x11vnc -display :99 and a VNC viewer)."
echo "Without a screen, huike-cli works on the same store: $BIN/huike-cli --help"
