#!/usr/bin/env bash
# Restart under load (examples/restart): SIGTERM the release server while clients loop
# requests, start a new one on the same port, and count requests that were accepted but
# not answered (must be 0). Extra arguments go to the checker (--clients N --seconds S).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
exec cargo run --release --quiet --example restart -- \
  --bin "${CARGO_TARGET_DIR:-target}/release/runstrong" "$@"
