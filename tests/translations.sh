#!/usr/bin/env bash
# Every user-visible string has its Simplified Chinese translation: lupdate is run over the sources
# into a copy of the .ts, and any string still unfinished (new, or changed since) fails the test.
# To fix: /usr/lib/qt6/bin/lupdate -no-obsolete -locations none src ui drivers \
#           -ts resources/translations/huike_zh_CN.ts   and translate what it marks unfinished.
set -euo pipefail
root="$1"
lupdate="${LUPDATE:-/usr/lib/qt6/bin/lupdate}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cp "$root/resources/translations/huike_zh_CN.ts" "$tmp/huike_zh_CN.ts"
(cd "$root" && "$lupdate" -silent -no-obsolete -locations none src ui drivers -ts "$tmp/huike_zh_CN.ts")
missing=$(grep -c 'type="unfinished"' "$tmp/huike_zh_CN.ts" || true)
if [ "$missing" -ne 0 ]; then
  echo "$missing string(s) have no zh_CN translation:"
  grep -B2 'type="unfinished"' "$tmp/huike_zh_CN.ts" | grep '<source>' | sed 's/^ *//'
  exit 1
fi
echo "all strings translated"
