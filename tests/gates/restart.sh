#!/usr/bin/env bash
# Restart under load, longer and busier than `cargo test` runs it: the test
# restart::restart_under_load_fails_no_request (tests/api/restart.rs) on a release build.
# It holds the listening socket as systemd socket activation does, SIGTERMs the running
# instance mid-load, starts the next on the same socket, and fails if any request does.
#
# Usage: bash tests/gates/restart.sh [CLIENTS] [SECONDS] [ROUNDS]   (default 32 5 5:
# 32 clients, 5 restarts, 5 s of load before, between and after them)
set -euo pipefail
cd "$(dirname "$0")/../.."
export RUNSTRONG_RESTART_CLIENTS="${1:-32}"
export RUNSTRONG_RESTART_SECONDS="${2:-5}"
export RUNSTRONG_RESTART_ROUNDS="${3:-5}"
exec cargo test --release --quiet --test api -- --exact \
  restart::restart_under_load_fails_no_request --nocapture
