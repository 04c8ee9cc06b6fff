#!/usr/bin/env bash
# Renders the screens offscreen (through the GUI tests, in Chinese) into docs/screenshots/.
# Run after ./scripts/test.sh has built build/ci.
set -euo pipefail
cd "$(dirname "$0")/.."
QT_QPA_PLATFORM=offscreen HUIKE_SCREENSHOTS="$PWD/docs/screenshots" build/ci/tests/gui/huike_gui_tests >/dev/null
ls -l docs/screenshots
