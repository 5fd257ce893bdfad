#!/usr/bin/env bash
# Slow clients must not starve the others.
#
# Starts the release server on loopback, holds at least SLOW_OPEN slowloris connections
# open at once with slowhttptest (each sends a header line every few seconds and never
# finishes its request), and meanwhile times ordinary page requests with curl. Prints
# p50/p99/max latency and fails if any request fails or p99 exceeds LIMIT_MS.
#
# The server gives a client 5 s to send its request head (client_request_timeout), so a
# slow connection lives about 5 s; slowhttptest therefore keeps opening SLOW_RATE new
# ones a second for SLOW_SECONDS, which holds well over 1,000 open at once (about 1,400
# at the default 400 a second). The
# script checks slowhttptest's own per-second count of open connections and only times
# requests in the window where at least SLOW_OPEN were open.
#
#   bash tests/gates/slow-clients.sh      # 1,000+ open for about 20 s
#   SLOW_RATE=600 SLOW_OPEN=2000 bash tests/gates/slow-clients.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

PORT=${PORT:-18181}
SLOW_OPEN=${SLOW_OPEN:-1000}
SLOW_RATE=${SLOW_RATE:-400}
SLOW_SECONDS=${SLOW_SECONDS:-20}
LIMIT_MS=${LIMIT_MS:-50}
URL="http://127.0.0.1:$PORT"

if ! command -v slowhttptest >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends slowhttptest >/dev/null
fi
if (( $(ulimit -n) < SLOW_RATE * 8 )); then
  ulimit -n $((SLOW_RATE * 8)) || { echo "raise the open-file limit (ulimit -n)"; exit 1; }
fi

cargo build --release --quiet
work=$(mktemp -d)
server=""
slow=""
cleanup() {
  [[ -n $slow ]] && kill "$slow" 2>/dev/null || true
  [[ -n $server ]] && kill "$server" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

RUST_LOG=warn "${CARGO_TARGET_DIR:-target}/release/runstrong" serve \
  --addr "127.0.0.1:$PORT" --db "$work/site.db" >"$work/server.out" 2>"$work/server.err" &
server=$!
for _ in $(seq 600); do
  curl -sf -o /dev/null "$URL/healthz" && break
  sleep 0.1
done
curl -sf -o /dev/null "$URL/healthz" || { echo "server did not start"; cat "$work/server.err"; exit 1; }

total=$((SLOW_RATE * SLOW_SECONDS))
(cd "$work" && exec slowhttptest -H -c "$total" -r "$SLOW_RATE" -i 2 -x 24 \
  -l $((SLOW_SECONDS + 10)) -p 3 -g -o slow -u "$URL/" >slow.log 2>&1) &
slow=$!
started=$EPOCHREALTIME

# Time ordinary requests until the slow clients stop being opened.
paths=(/ /exercises/ "/search?q=calf" /articles/ /programs/)
: >"$work/timings"
end=$(awk -v s="$started" -v d="$SLOW_SECONDS" 'BEGIN { printf "%.6f", s + d }')
i=0
while awk -v n="$EPOCHREALTIME" -v e="$end" 'BEGIN { exit !(n < e) }' && (( i < 5000 )); do
  at=$(awk -v n="$EPOCHREALTIME" -v s="$started" 'BEGIN { printf "%.3f", n - s }')
  curl -s -o /dev/null --max-time 5 -w "$at %{http_code} %{time_total}\n" \
    "$URL${paths[i % ${#paths[@]}]}" >>"$work/timings" || echo "$at 000 5" >>"$work/timings"
  i=$((i + 1))
  sleep 0.02
done
wait "$slow" || true
slow=""

csv="$work/slow.csv"
[[ -f $csv ]] || { echo "slowhttptest wrote no statistics"; cat "$work/slow.log"; exit 1; }
# Seconds (from slowhttptest's start) in which at least SLOW_OPEN connections were open.
read -r first last peak < <(awk -F, -v need="$SLOW_OPEN" 'NR > 1 {
    if ($4 > peak) peak = $4
    if ($4 >= need) { if (first == "") first = $1; last = $1 }
  } END { print (first == "" ? -1 : first), (last == "" ? -1 : last), peak + 0 }' "$csv")
echo "slow connections: peak $peak open at once; >= $SLOW_OPEN open from second $first to $last"
if (( first < 0 )); then
  echo "FAILED: never held $SLOW_OPEN slow connections open"
  exit 1
fi

awk -v a="$first" -v b="$last" '$1 >= a && $1 < b + 1' "$work/timings" >"$work/window"
count=$(wc -l <"$work/window")
bad=$(awk '$2 != 200' "$work/window" | wc -l)
sorted=$(awk '{ printf "%.3f\n", $3 * 1000 }' "$work/window" | sort -n)
pick() { echo "$sorted" | awk -v q="$1" -v n="$count" 'NR == (int(n * q) > 0 ? int(n * q) : 1)'; }
p50=$(pick 0.50)
p99=$(pick 0.99)
max=$(echo "$sorted" | tail -1)
echo "normal requests while >= $SLOW_OPEN slow connections were open: $count, failed $bad"
echo "latency ms: p50 $p50  p99 $p99  max $max  (limit $LIMIT_MS)"
if (( count == 0 )) || (( bad > 0 )) || awk -v p="$p99" -v l="$LIMIT_MS" 'BEGIN { exit !(p > l) }'; then
  echo "0 passed, 1 failed"
  exit 1
fi
echo "1 passed, 0 failed"
