#!/usr/bin/env bash
# Lighthouse, offline, against the live release server on loopback, with Debian's
# chromium: performance, accessibility, best practices and SEO for the home, article,
# exercise, program week and equipment pages. Every score should be 100. Then whether
# Chromium finds the site installable (installable.mjs: Lighthouse 12 no longer checks).
#
#   bash bench/lighthouse.sh                  # starts the release binary on loopback
#   BASE_URL=http://127.0.0.1:8080 bash bench/lighthouse.sh
#   LIGHTHOUSE_PRESET=desktop bash bench/lighthouse.sh   # default: Lighthouse's mobile
#
# Lighthouse is pinned in bench/package.json and installed with npm ci (install scripts
# off; it never downloads a browser). Reports are kept in bench/out/lighthouse/.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
# shellcheck source=tests/lib.sh
. "$ROOT/tests/lib.sh"

PAGES=(/ /articles/posterior-chain /exercises/squat /programs/home/week/1 /equipment/)
PRESET="${LIGHTHOUSE_PRESET:-mobile}"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"

ensure_commands node:nodejs npm:npm
[ -x "$CHROME_PATH" ] || ensure_commands chromium:chromium
[ -x "$CHROME_PATH" ] || die "no Chromium at $CHROME_PATH (set CHROME_PATH)"

cd "$HERE"
lock_hash="$(sha256sum package-lock.json package.json | sha256sum | cut -d' ' -f1)"
stamp="node_modules/.runstrong-lock-hash"
if [ ! -d node_modules ] || [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_hash" ]; then
  say "npm ci (bench)"
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
  echo "$lock_hash" >"$stamp"
fi

make_workdir lighthouse
serve_or_use_base_url

OUT="$HERE/out/lighthouse"
mkdir -p "$OUT"
# Flags that keep Chromium off the network: no component updates, no sync, no QUIC.
CHROME_FLAGS="--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run \
--disable-background-networking --disable-component-update --disable-sync \
--disable-default-apps --disable-dev-shm-usage --user-data-dir=$WORK/profile"
preset=()
[ "$PRESET" = desktop ] && preset=(--preset=desktop)
reports=()
for path in "${PAGES[@]}"; do
  name="${path#/}"
  name="${name%/}"
  name="${name//\//-}"
  name="${name:-home}"
  say "lighthouse ($PRESET) $path"
  rm -rf "$WORK/profile"
  timeout 180 node node_modules/lighthouse/cli/index.js "$BASE_URL$path" \
    --chrome-flags="$CHROME_FLAGS" \
    --only-categories=performance,accessibility,best-practices,seo \
    "${preset[@]+"${preset[@]}"}" \
    --output=json --output=html --output-path="$OUT/$name" \
    --max-wait-for-load=30000 --quiet || say "lighthouse failed on $path"
  reports+=("$path=$OUT/$name.report.json")
done
say "installable? (installable.mjs)"
rm -rf "$WORK/profile"
CHROME_FLAGS="$CHROME_FLAGS" timeout 120 node installable.mjs "$BASE_URL" "$OUT/installable.json" ||
  say "the installability check failed to run"
echo
echo "Lighthouse $(node -p 'require("./node_modules/lighthouse/package.json").version'), $PRESET, $("$CHROME_PATH" --version 2>/dev/null | head -1)"
node lighthouse-report.mjs "${reports[@]}" "installable=$OUT/installable.json"
