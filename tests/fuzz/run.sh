#!/usr/bin/env bash
# Runs every libFuzzer target for SECONDS each and fails if any of them finds a crash, a sanitizer
# report, a leak or a hang. Build them first:
#   cmake --preset fuzz && cmake --build build/fuzz
#   tests/fuzz/run.sh build/fuzz 60
# The checked-in seeds (tests/fuzz/corpus/<target>) are read, never written; what the fuzzer
# learns goes to BUILD_DIR/fuzz-corpus/<target>, and a crashing input to BUILD_DIR/fuzz-artifacts/.
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 BUILD_DIR SECONDS" >&2
  exit 2
fi
build=$(cd "$1" && pwd)
seconds=$2
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

declare -A max_len=([fuzz_csv]=65536 [fuzz_barcode]=256 [fuzz_wedge]=8192 [fuzz_history]=16384 [fuzz_escpos]=16384 [fuzz_cardreader]=4096 [fuzz_callerid]=4096 [fuzz_display]=4096)
failed=()
for target in fuzz_csv fuzz_barcode fuzz_wedge fuzz_history fuzz_escpos fuzz_cardreader fuzz_callerid fuzz_display; do
  bin="$build/tests/fuzz/$target"
  if [[ ! -x "$bin" ]]; then
    echo "missing $bin: configure with 'cmake --preset fuzz' and build first" >&2
    exit 2
  fi
  corpus="$build/fuzz-corpus/$target"
  artifacts="$build/fuzz-artifacts/$target"
  log="$build/fuzz-$target.log"
  mkdir -p "$corpus" "$artifacts"
  echo "== $target: ${seconds}s"
  if "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="${max_len[$target]}" \
      -print_final_stats=1 -artifact_prefix="$artifacts/" "$corpus" "$here/corpus/$target" >"$log" 2>&1; then
    runs=$(grep -m1 -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 || true)
    echo "   ok: $runs runs, $cov, corpus $(find "$corpus" -type f | wc -l) inputs"
  else
    echo "   FAILED: see $log and $artifacts" >&2
    tail -n 40 "$log" >&2
    failed+=("$target")
  fi
done

if [[ ${#failed[@]} -gt 0 ]]; then
  echo "fuzzing found problems in: ${failed[*]}" >&2
  exit 1
fi
echo "all fuzz targets ran ${seconds}s without a finding"
