#!/usr/bin/env bash
# How the site scales with its library: the bundled content with every exercise copied
# to 1x, 10x and 20x (bench/generate-library.py), and for each size the start-up time,
# resident memory, export time and largest first visit.
#
#   bash bench/scale.sh            # 1x 10x 20x
#   bash bench/scale.sh 1 13       # the sizes to measure (13x is about 1,000 exercises)
#
# Start-up: spawn to the first 200 for / (median of 5). Memory: the server's VmRSS once
# its background compression is done ("idle"), and again after every page it lists
# (`runstrong urls`) has been fetched once with brotli and once with gzip ("every page").
# Export: wall time of `runstrong export` into a new folder on disk (median of 3), and
# into a folder in memory (/dev/shm, when there is one): the export creates three files
# a page, and on some file systems creating them costs more than making them, so the
# second figure is the export's own work. Largest page: the biggest first visit
# (headers, gzipped HTML and CSS) the page budget measures, and whether every page
# passed it. Prints one row per size. Needs python3, curl; builds the release
# binary unless RUNSTRONG_BIN names one.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
# shellcheck source=tests/lib.sh
. "$ROOT/tests/lib.sh"

SIZES=("$@")
[ "${#SIZES[@]}" -gt 0 ] || SIZES=(1 10 20)
STARTUP_RUNS="${BENCH_STARTUP_RUNS:-5}"
EXPORT_RUNS="${BENCH_EXPORT_RUNS:-3}"

command -v python3 >/dev/null 2>&1 || die "python3 is needed to generate the libraries"
command -v curl >/dev/null 2>&1 || ensure_commands curl:curl
if [ -z "${RUNSTRONG_BIN:-}" ]; then
  say "cargo build --release"
  (cd "$ROOT" && cargo build --release --quiet)
fi
BIN="$(runstrong_bin)"
make_workdir scale
SHM=""
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
  SHM="$(mktemp -d /dev/shm/runstrong-scale.XXXXXX)"
  trap 'rm -rf "$SHM"; cleanup_workdir' EXIT
fi

# Starts the server on CONTENT; leaves SERVER_PID and PORT set.
start_server() {
  PORT=$(free_port)
  rm -f "$WORK/site.db"
  "$BIN" serve --addr "127.0.0.1:$PORT" --content "$1" --db "$WORK/site.db" \
    >"$WORK/server.out" 2>"$WORK/server.err" &
  SERVER_PID=$!
}

# The median wall time, in ms, of exporting CONTENT into new folders under BASE. Each
# run writes a folder of its own, and the writes of the one before are flushed first:
# deleting thousands of files and writing them again at once times the file system's
# cleaning up, not the export.
export_time() {
  local base=$1 content=$2 run began times=()
  for run in $(seq "$EXPORT_RUNS"); do
    sync
    began=$(now_ms)
    "$BIN" export "$base/export-$run" --content "$content" >/dev/null
    times+=($(($(now_ms) - began)))
  done
  rm -rf "$base"/export-*
  printf '%s\n' "${times[@]}" | median
}

stop_server() {
  kill "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
}

rows=()
for size in "${SIZES[@]}"; do
  content="$WORK/content-$size"
  python3 "$HERE/generate-library.py" "$content" "$size" --content "$ROOT/content" >/dev/null
  exercises=$(find "$content/exercises" -name '*.md' | wc -l)
  say "${size}x: $exercises exercises"

  startups=()
  for _ in $(seq "$STARTUP_RUNS"); do
    began=$(now_ms)
    start_server "$content"
    first_page "$PORT" 30000 || die "the server did not answer for ${size}x"
    startups+=($(($(now_ms) - began)))
    stop_server
  done
  startup=$(printf '%s\n' "${startups[@]}" | median)

  start_server "$content"
  first_page "$PORT" 30000 || die "the server did not answer for ${size}x"
  wait_idle "$SERVER_PID"
  idle=$(($(rss_kb "$SERVER_PID") / 1024))
  "$BIN" urls --content "$content" >"$WORK/urls"
  pages=$(wc -l <"$WORK/urls")
  for encoding in br gzip; do
    : >"$WORK/curl.config"
    while IFS= read -r url; do
      printf 'url = "http://127.0.0.1:%s%s"\noutput = "/dev/null"\n' "$PORT" "$url" >>"$WORK/curl.config"
    done <"$WORK/urls"
    curl -s --max-time 300 -H "Accept-Encoding: $encoding" --config "$WORK/curl.config" || true
  done
  wait_idle "$SERVER_PID"
  full=$(($(rss_kb "$SERVER_PID") / 1024))
  budget=$(BASE_URL="http://127.0.0.1:$PORT" RUNSTRONG_CONTENT="$content" \
    bash "$ROOT/tests/gates/page-budget.sh" 2>&1 || true)
  largest=$(grep -A1 'largest pages with Accept-Encoding: gzip' <<<"$budget" | tail -1 | awk '{ print $1 }')
  verdict=$(tail -1 <<<"$budget")
  stop_server

  export_ms=$(export_time "$WORK" "$content")
  in_memory="-"
  if [ -n "$SHM" ]; then
    in_memory="$(export_time "$SHM" "$content") ms"
  fi

  rows+=("$(printf '%4sx %6s %6s %8s ms %6s MB %6s MB %9s ms %12s %8s B  %s' \
    "$size" "$exercises" "$pages" "$startup" "$idle" "$full" "$export_ms" "$in_memory" \
    "$largest" "$verdict")")
done

printf '\n%5s %6s %6s %11s %9s %9s %12s %12s %10s  %s\n' \
  size exer. pages start-up "rss idle" "rss all" export "in memory" "largest" "page budget"
printf '%s\n' "${rows[@]}"
