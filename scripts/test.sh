#!/usr/bin/env bash
# Installs everything, builds with warnings as errors, runs the whole test suite (unit,
# integration with real files and a crash test, offscreen GUI) and a short run of every fuzz target.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh --tests
export QT_QPA_PLATFORM=offscreen
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.ccache}"
# Clones in other folders (CI's fresh clone) still hit the cache: paths are made relative.
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=true
cmake --preset ci >/dev/null
cmake --build --preset ci
ctest --preset ci --timeout 600

# libFuzzer targets for every parser of outside bytes (clang), a short run each.
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz
bash tests/fuzz/run.sh build/fuzz "${HUIKE_FUZZ_SECONDS:-20}"
echo "all tests passed"
