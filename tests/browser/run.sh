#!/usr/bin/env bash
# Browser test gate for runstrong. From the repo root:  bash tests/browser/run.sh
#
# 1. installs the pinned npm packages (npm ci) when node_modules is missing or the lock changed,
# 2. runs the self-test on the fixture sites,
# 3. runs the training tests (training.mjs), then the suite, against
#    target/release/runstrong (or $RUNSTRONG_BIN, or $BASE_URL),
# 4. runs the offline checks (offline.mjs) on the same binary, with a second build made by
#    second-deploy.sh as the new deploy (not with $BASE_URL: they start their own servers).
# Building runstrong is the caller's job. See tests/browser/README.md.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
cd "$HERE"

say() { printf '== %s\n' "$*"; }
die() {
  printf 'browser tests: %s\n' "$*" >&2
  echo "0 passed, 1 failed"
  exit 2
}

# --- system tools --------------------------------------------------------------------
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
export CHROMIUM
missing=()
[ -x "$CHROMIUM" ] || missing+=(chromium)
command -v "${PDFINFO:-pdfinfo}" >/dev/null 2>&1 || missing+=(poppler-utils)
command -v "${JAVA:-java}" >/dev/null 2>&1 || missing+=(default-jre-headless)
command -v node >/dev/null 2>&1 || die "node (v20 or newer) is not installed"
command -v npm >/dev/null 2>&1 || die "npm is not installed"
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "${BROWSER_TESTS_NO_INSTALL:-0}" != "1" ] && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    say "installing missing system packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    die "missing system packages: ${missing[*]} (Debian: apt-get install -y ${missing[*]}; or set CHROMIUM / PDFINFO / JAVA)"
  fi
fi
[ -x "$CHROMIUM" ] || die "Chromium not found at $CHROMIUM (set CHROMIUM to a Chromium binary)"

# --- npm packages (pinned; install scripts disabled by .npmrc) -------------------------
lock_hash="$(sha256sum package-lock.json package.json | sha256sum | cut -d' ' -f1)"
stamp="node_modules/.runstrong-lock-hash"
if [ ! -d node_modules ] || [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_hash" ]; then
  say "npm ci (tests/browser)"
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
  echo "$lock_hash" >"$stamp"
fi

# --- the binary under test -------------------------------------------------------------
if [ -z "${BASE_URL:-}" ]; then
  bin="${RUNSTRONG_BIN:-target/release/runstrong}"
  case "$bin" in /*) ;; *) bin="$ROOT/$bin" ;; esac
  [ -x "$bin" ] || die "runstrong binary not found at $bin - build it first: cargo build --release (or set RUNSTRONG_BIN, or BASE_URL for a running server)"
fi

start=$(date +%s)
say "self-test (fixture sites)"
selftest_rc=0
node selftest.mjs || selftest_rc=$?
if [ "$selftest_rc" -ne 0 ]; then
  echo "browser tests: the self-test failed, so the suite itself is broken; not running it against runstrong" >&2
  exit "$selftest_rc"
fi

# The training tools (static/js/) used as a runner uses them; about 25 s.
say "training tests against ${BASE_URL:-$bin}"
mkdir -p out
training_rc=0
node training.mjs | tee out/training.txt || training_rc=$?

say "suite against ${BASE_URL:-$bin}"
suite_rc=0
node suite.mjs | tee out/suite.txt || suite_rc=$?

# --- installable and offline ---------------------------------------------------------
offline_rc=0
: >out/offline.txt
if [ -z "${BASE_URL:-}" ]; then
  if [ -z "${RUNSTRONG_DEPLOY_BIN:-}" ]; then
    say "second build, the offline checks' new deploy (second-deploy.sh)"
    RUNSTRONG_DEPLOY_BIN="$(bash second-deploy.sh)" || RUNSTRONG_DEPLOY_BIN=""
    export RUNSTRONG_DEPLOY_BIN
  fi
  say "installable and offline (offline.mjs)"
  node offline.mjs | tee out/offline.txt || offline_rc=$?
else
  say "offline checks skipped: they start their own servers, so not with BASE_URL"
fi

# The last line counts all three: "N passed, M failed".
passed=0
failed=0
for result in out/training.txt out/suite.txt out/offline.txt; do
  line="$(grep -Eo '[0-9]+ passed, [0-9]+ failed' "$result" | tail -n 1 || true)"
  [ -n "$line" ] || continue
  read -r p _ f _ <<<"${line//,/}"
  passed=$((passed + p))
  failed=$((failed + f))
done
[ "$training_rc" -eq 0 ] && [ "$suite_rc" -eq 0 ] && [ "$offline_rc" -eq 0 ] || [ "$failed" -gt 0 ] || failed=1
echo "browser tests: training tests, suite and offline checks took $(($(date +%s) - start)) s" >&2
echo
echo "$passed passed, $failed failed"
[ "$training_rc" -eq 0 ] || exit "$training_rc"
[ "$suite_rc" -eq 0 ] || exit "$suite_rc"
exit "$offline_rc"
