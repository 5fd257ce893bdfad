#!/usr/bin/env bash
# The bounded fuzzer (tests/fuzz, the workspace crate runstrong-fuzz): starts the server
# in-process on loopback and sends SEEDS x REQUESTS hostile requests. Defaults give the
# full 100,000-request run; CI runs `bash tests/gates/fuzz.sh 1 5000`. Extra arguments
# go to the fuzzer (see tests/fuzz/src/main.rs).
#
#   bash tests/gates/fuzz.sh           # seeds 1-4, 25,000 requests each
#   bash tests/gates/fuzz.sh 1 5000    # the short pass
set -euo pipefail
cd "$(dirname "$0")/../.."
SEEDS=${1:-4}
REQUESTS=${2:-25000}
shift $(( $# < 2 ? $# : 2 ))
exec cargo run --release --quiet -p runstrong-fuzz -- \
  --seed 1 --seeds "$SEEDS" --requests "$REQUESTS" --max-seconds 1200 "$@"
