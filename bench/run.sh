#!/usr/bin/env bash
# The benchmark: runstrong against nginx serving runstrong's own static export.
#
#   bash bench/run.sh
#
# Builds in release mode, exports the site (timed), starts nginx (own config, loopback)
# and runstrong (one worker) both pinned to one core, and drives each in turn with wrk
# pinned to the other core, alternating runstrong, nginx, runstrong, ... on the same
# pages. Prints requests per second, p50 and p99 per page, the ratio runstrong/nginx,
# the start-up time to the first served page, the export time and resident memory, then
# which targets were met. See bench/README.md for the knobs (BENCH_* variables).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
# shellcheck source=tests/lib.sh
. "$ROOT/tests/lib.sh"

DURATION="${BENCH_DURATION:-5s}"
RUNS="${BENCH_RUNS:-3}"
CONNECTIONS="${BENCH_CONNECTIONS:-32}"
SERVER_CORE="${BENCH_SERVER_CORE:-0}"
WRK_CORE="${BENCH_WRK_CORE:-1}"
STARTUP_RUNS="${BENCH_STARTUP_RUNS:-5}"
# The same public URL for the live site and the export, so that both put the same
# canonical links (and so the same bytes) in their pages.
PUBLIC_URL="https://runstrong.example"
ENCODING="gzip"

case "$RUNS" in '' | *[!0-9]*) die "BENCH_RUNS must be a number" ;; esac
[ "$RUNS" -ge 1 ] && [ "$RUNS" -le 20 ] || die "BENCH_RUNS must be between 1 and 20"
case "$DURATION" in [1-9]s | [1-5][0-9]s | 60s) ;; *) die "BENCH_DURATION must be 1s to 60s" ;; esac

# The pages, as name|path. nginx has no query logic: for query URLs it serves the
# exported page for the bare path, so those rows compare different work (marked *).
PAGES=(
  "cached article|/articles/posterior-chain"
  "exercise|/exercises/squat"
  "program week|/programs/home/week/1"
  "filtered list *|/exercises/?muscle=hamstrings&equipment=none"
  "search *|/search?q=hamstring"
  "plan *|/plan?program=home&place=home&equipment=swiss-ball,exercise-bands,resistance-tubes,medicine-ball&days=mon,wed,fri&long_run=sun&hard=tue&start=2026-12-07&sessions=3&minutes=30"
)

ensure_commands wrk:wrk nginx:nginx curl:curl taskset:util-linux

# Other work on the machine (a build, a browser) takes CPU from the server and wrk and
# makes absolute numbers meaningless. As root, the servers and wrk run at a higher
# priority so that background jobs interfere less; the load average is reported so that
# a busy machine shows in the output. Ratios from alternating runs stay comparable.
NICE=()
if [ "$(id -u)" = 0 ] && [ "${BENCH_NICE:-1}" = 1 ]; then
  NICE=(nice -n -10)
fi
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
[ "$(nproc)" -ge 2 ] || say "only one core: server and wrk will share it, ratios still hold roughly"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/runstrong-bench.XXXXXX")"
# nginx's worker drops root for an unprivileged user, which must be able to read the export.
chmod 755 "$WORK"
SERVER_PID=""
NGINX_PID=""
cleanup() {
  local pid
  for pid in $SERVER_PID $NGINX_PID; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in $SERVER_PID $NGINX_PID; do
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- build ------------------------------------------------------------------------------
say "cargo build --release"
(cd "$ROOT" && cargo build --release --quiet)
BIN="${CARGO_TARGET_DIR:-$ROOT/target}/release/runstrong"
case "$BIN" in /*) ;; *) BIN="$ROOT/$BIN" ;; esac
[ -x "$BIN" ] || die "no binary at $BIN after the build"

# --- export (three times; the median wall time, process start included) -----------------
say "runstrong export"
export_times=()
for i in 1 2 3; do
  rm -rf "$WORK/site"
  start=$(now_ms)
  export_line=$(timeout 60 "$BIN" export "$WORK/site" --content "$ROOT/content" --public-url "$PUBLIC_URL")
  export_times+=($(($(now_ms) - start)))
done
EXPORT_MS=$(printf '%s\n' "${export_times[@]}" | median)
EXPORT_FILES=$(find "$WORK/site" -type f | wc -l)
EXPORT_KB=$(du -sk "$WORK/site" | cut -f1)

# --- start-up: spawn, then ask for the home page until it answers 200 --------------------
# The listener is bound before the pages are rendered, so an early request waits in the
# backlog and is answered as soon as the site is ready.
say "start-up time (${STARTUP_RUNS} runs)"
startup_times=()
for i in $(seq 1 "$STARTUP_RUNS"); do
  port=$(free_port)
  start=$(now_ms)
  "${NICE[@]+"${NICE[@]}"}" taskset -c "$SERVER_CORE" "$BIN" serve --addr "127.0.0.1:$port" --workers 1 \
    --content "$ROOT/content" --db "$WORK/startup.db" --public-url "$PUBLIC_URL" \
    >"$WORK/startup.out" 2>"$WORK/startup.err" &
  SERVER_PID=$!
  if first_page "$port" 20000; then
    startup_times+=($(($(now_ms) - start)))
  else
    cat "$WORK/startup.err" >&2
    die "runstrong did not serve / within 20 s"
  fi
  kill "$SERVER_PID" && wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
done
STARTUP_MS=$(printf '%s\n' "${startup_times[@]}" | median)
# The server's own account of where start-up time goes (the last run's).
PREPARED=$(grep -o 'site prepared.*' "$WORK/startup.err" | tail -1 | sed 's/\x1b\[[0-9;]*m//g' || true)

# --- nginx ------------------------------------------------------------------------------
NGINX_PORT=$(free_port)
mkdir -p "$WORK/nginx"
sed -e "s|@TMP@|$WORK/nginx|g" -e "s|@PORT@|$NGINX_PORT|g" -e "s|@ROOT@|$WORK/site|g" \
  "$HERE/nginx.conf.template" >"$WORK/nginx/nginx.conf"
nginx -t -q -p "$WORK/nginx" -e "$WORK/nginx/nginx-error.log" -c "$WORK/nginx/nginx.conf" ||
  die "nginx rejected the generated configuration"
"${NICE[@]+"${NICE[@]}"}" taskset -c "$SERVER_CORE" nginx -p "$WORK/nginx" -e "$WORK/nginx/nginx-error.log" \
  -c "$WORK/nginx/nginx.conf" &
NGINX_PID=$!
wait_for_200 "http://127.0.0.1:$NGINX_PORT/" 10 || die "nginx did not start (see its error log)"

# --- runstrong ----------------------------------------------------------------------------
RS_PORT=$(free_port)
# nginx runs without an access log, so runstrong runs without its per-request log lines
# (RUST_LOG=warn keeps warnings and errors) to compare the same work.
RUST_LOG=warn "${NICE[@]+"${NICE[@]}"}" taskset -c "$SERVER_CORE" "$BIN" serve --addr "127.0.0.1:$RS_PORT" --workers 1 \
  --content "$ROOT/content" --db "$WORK/bench.db" --public-url "$PUBLIC_URL" \
  >"$WORK/server.out" 2>"$WORK/server.err" &
SERVER_PID=$!
wait_for_200 "http://127.0.0.1:$RS_PORT/healthz" 20 || die "runstrong did not start"
# Let the background compression of every page finish before measuring.
wait_idle "$SERVER_PID"

# --- load -------------------------------------------------------------------------------
# One wrk run; prints "requests_per_s p50_ms p99_ms non2xx errors".
load() {
  local url="$1" duration="$2" out="$WORK/wrk.out"
  timeout 90 "${NICE[@]+"${NICE[@]}"}" taskset -c "$WRK_CORE" wrk -t1 -c"$CONNECTIONS" -d"$duration" --latency \
    -H "Accept-Encoding: $ENCODING" "$url" >"$out" 2>&1 || true
  awk '
    function ms(v) {
      if (v ~ /us$/) return substr(v, 1, length(v) - 2) / 1000
      if (v ~ /ms$/) return substr(v, 1, length(v) - 2) + 0
      if (v ~ /m$/) return substr(v, 1, length(v) - 1) * 60000
      if (v ~ /s$/) return substr(v, 1, length(v) - 1) * 1000
      return v + 0
    }
    /Requests\/sec:/ { rps = $2 }
    $1 == "50%" { p50 = ms($2) }
    $1 == "99%" { p99 = ms($2) }
    /Non-2xx or 3xx responses:/ { bad = $NF }
    /Socket errors:/ { err = $4 + $6 + $8 + $10; gsub(",", "", err) }
    END { printf "%s %s %s %d %d\n", (rps == "" ? 0 : rps), (p50 == "" ? 0 : p50), (p99 == "" ? 0 : p99), bad, err }
  ' "$out"
}

# Response size as "header_bytes body_bytes status" for the benchmark's encoding.
wire_size() {
  curl -s -o /dev/null --max-time 5 -H "Accept-Encoding: $ENCODING" \
    -w '%{size_header} %{size_download} %{http_code}' "$1" || echo "0 0 000"
}

say "load: ${RUNS} alternating runs of ${DURATION} per server and page, wrk -t1 -c${CONNECTIONS}, Accept-Encoding: ${ENCODING}"
RESULTS="$WORK/results"
: >"$RESULTS"
NOTES=()
for entry in "${PAGES[@]}"; do
  name="${entry%%|*}"
  path="${entry#*|}"
  rs_url="http://127.0.0.1:$RS_PORT$path"
  ng_url="http://127.0.0.1:$NGINX_PORT$path"
  read -r rs_head rs_body rs_code <<<"$(wire_size "$rs_url")"
  read -r ng_head ng_body ng_code <<<"$(wire_size "$ng_url")"
  if [ "$rs_code" = "404" ] && [ "${name%% *}" = "plan" ]; then
    NOTES+=("plan: not available in this build (runstrong answered 404)")
    continue
  fi
  if [ "$rs_code" != "200" ]; then
    NOTES+=("$name: runstrong answered $rs_code for $path; skipped")
    continue
  fi
  [ "$ng_code" = "200" ] || NOTES+=("$name: nginx answered $ng_code for $path")
  say "$name: $path"
  # Warm-up: fills runstrong's cache for parameterised pages and the kernel's page cache.
  load "$rs_url" 1s >/dev/null
  load "$ng_url" 1s >/dev/null
  for run in $(seq 1 "$RUNS"); do
    for server in runstrong nginx; do
      if [ "$server" = runstrong ]; then url="$rs_url"; else url="$ng_url"; fi
      read -r rps p50 p99 bad err <<<"$(load "$url" "$DURATION")"
      printf '   run %d %-9s %10.0f req/s  p50 %6.2f ms  p99 %6.2f ms' "$run" "$server" "$rps" "$p50" "$p99" >&2
      [ "$bad" -gt 0 ] && printf '  non-2xx: %d' "$bad" >&2
      [ "$err" -gt 0 ] && printf '  socket errors: %d' "$err" >&2
      printf '\n' >&2
      printf '%s|%s|%s|%s|%s|%s\n' "$name" "$server" "$rps" "$p50" "$p99" "$bad" >>"$RESULTS"
    done
  done
  printf '%s|sizes|%s|%s|%s|%s\n' "$name" "$rs_head" "$rs_body" "$ng_head" "$ng_body" >>"$RESULTS"
done

RSS_KB=$(rss_kb "$SERVER_PID")
NGINX_RSS_KB=0
for pid in "$NGINX_PID" $(cat "/proc/$NGINX_PID/task/$NGINX_PID/children" 2>/dev/null || true); do
  NGINX_RSS_KB=$((NGINX_RSS_KB + $(rss_kb "$pid")))
done

# --- report -----------------------------------------------------------------------------
stat_of() { # name server column
  awk -F'|' -v n="$1" -v s="$2" -v c="$3" '$1 == n && $2 == s { print $c }' "$RESULTS" | median
}
echo
echo "runstrong $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?') against nginx $(nginx -v 2>&1 | sed 's|.*nginx/||'), $(nproc) cores, $(uname -m)"
echo "server on core $SERVER_CORE (runstrong --workers 1; nginx worker_processes 1), wrk on core $WRK_CORE"
echo "wrk -t1 -c$CONNECTIONS -d$DURATION --latency, Accept-Encoding: $ENCODING; median of $RUNS alternating runs each"
echo "load average before: $LOAD_BEFORE; after: $(cut -d' ' -f1-3 /proc/loadavg)${NICE[*]:+; servers and wrk at ${NICE[*]}}"
awk -v l="${LOAD_BEFORE%% *}" 'BEGIN { if (l > 0.5) print "warning: the machine was busy before the run; absolute numbers are low and noisy, ratios less so" }'
echo
printf '%-16s %13s %12s %9s %9s %12s %9s %9s %7s\n' \
  page "bytes rs/ngx" "runstrong/s" "p50 ms" "p99 ms" "nginx/s" "p50 ms" "p99 ms" ratio
TARGET_LINES=()
cached_ok=1
dynamic_ok=1
cached_rows=0
dynamic_rows=0
for entry in "${PAGES[@]}"; do
  name="${entry%%|*}"
  grep -qF "$name|sizes|" "$RESULTS" || continue
  rs_rps=$(stat_of "$name" runstrong 3)
  rs_p50=$(stat_of "$name" runstrong 4)
  rs_p99=$(stat_of "$name" runstrong 5)
  ng_rps=$(stat_of "$name" nginx 3)
  ng_p50=$(stat_of "$name" nginx 4)
  ng_p99=$(stat_of "$name" nginx 5)
  sizes=$(awk -F'|' -v n="$name" '$1 == n && $2 == "sizes" { printf "%d/%d", $3 + $4, $5 + $6 }' "$RESULTS")
  ratio=$(awk -v a="$rs_rps" -v b="$ng_rps" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }')
  printf '%-16s %13s %12.0f %9.2f %9.2f %12.0f %9.2f %9.2f %7s\n' \
    "$name" "$sizes" "$rs_rps" "$rs_p50" "$rs_p99" "$ng_rps" "$ng_p50" "$ng_p99" "$ratio"
  case "$name" in
    *'*')
      ok=$(awk -v r="$rs_rps" -v p="$rs_p99" 'BEGIN { print (r >= 25000 && p < 2) ? 1 : 0 }')
      [ "$ok" = 1 ] || dynamic_ok=0
      dynamic_rows=$((dynamic_rows + 1))
      ;;
    *)
      ok=$(awk -v x="$ratio" 'BEGIN { print (x >= 1.2) ? 1 : 0 }')
      [ "$ok" = 1 ] || cached_ok=0
      cached_rows=$((cached_rows + 1))
      ;;
  esac
done
echo "bytes: response headers + body as sent with Accept-Encoding: $ENCODING, runstrong/nginx"
echo "* query URLs: nginx has no query logic and serves the exported page for the bare path"
echo "  (the unfiltered library, the saved search page), so those ratios compare different work"
for note in "${NOTES[@]+"${NOTES[@]}"}"; do echo "$note"; done
echo
echo "start-up to first served page: ${STARTUP_MS} ms (median of ${STARTUP_RUNS}: ${startup_times[*]} ms; spawn to a 200 for /)"
[ -n "$PREPARED" ] && echo "  server log: $PREPARED"
echo "export: ${EXPORT_MS} ms (median of 3 wall times: ${export_times[*]} ms; ${EXPORT_FILES} files, ${EXPORT_KB} KiB)"
echo "  runstrong says: $export_line"
echo "resident memory after the run: runstrong $((RSS_KB / 1024)) MiB (${RSS_KB} kB VmRSS); nginx master + worker $((NGINX_RSS_KB / 1024)) MiB"
echo

[ "$cached_rows" -gt 0 ] || cached_ok=0
[ "$dynamic_rows" -gt 0 ] || dynamic_ok=0
verdict() { if [ "$1" = 1 ]; then echo met; else echo MISSED; fi; }
below() { awk -v a="$1" -v b="$2" 'BEGIN { print (a < b) ? 1 : 0 }'; }
echo "targets:"
echo "  cached pages >= 1.2 x nginx:                      $(verdict "$cached_ok")"
echo "  dynamic pages >= 25,000 req/s with p99 < 2 ms:    $(verdict "$dynamic_ok")"
echo "  start-up < 150 ms:                                $(verdict "$(below "$STARTUP_MS" 150)")"
echo "  export < 1 s:                                     $(verdict "$(below "$EXPORT_MS" 1000)")"
echo "  resident memory < 40 MB:                          $(verdict "$(below $((RSS_KB * 1024)) 40000000)")"
