#!/usr/bin/env bash
# Browser test gate for runstrong. From the repo root:  bash tests/browser/run.sh
#
# 1. installs the pinned npm packages (npm ci) when node_modules is missing or the lock changed,
# 2. runs the self-test on the fixture sites,
# 3. runs the training tests (training.mjs), then the suite, against
#    target/release/runstrong (or $RUNSTRONG_BIN, or $BASE_URL).
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
training_rc=0
node training.mjs || training_rc=$?

say "suite against ${BASE_URL:-$bin}"
suite_rc=0
node suite.mjs || suite_rc=$?
# The suite's own last line ("N passed, M failed") stays the last line on stdout.
echo "browser tests: self-test, training tests and suite took $(($(date +%s) - start)) s" >&2
if [ "$training_rc" -ne 0 ]; then
  echo "browser tests: the training tests failed (see \"training tests\" above)" >&2
  [ "$suite_rc" -ne 0 ] || suite_rc="$training_rc"
fi
exit "$suite_rc"
