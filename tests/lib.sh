# Shell helpers shared by the benchmarks (bench/) and the CI gates (tests/gates/), the one
# copy both folders source. Sourced, not run; the sourcing script sets ROOT to the
# repository root first.
# shellcheck shell=bash

say() { printf '== %s\n' "$*" >&2; }
die() {
  printf '%s: %s\n' "${0##*/}" "$*" >&2
  exit 2
}

# Milliseconds since the epoch (bash's own clock: no process is started).
now_ms() {
  local t="${EPOCHREALTIME/[.,]/}"
  echo $((t / 1000))
}

# Installs Debian packages for the commands that are missing (as root, with apt-get).
# Usage: ensure_commands command:package ...
ensure_commands() {
  local missing=() pair
  for pair in "$@"; do
    command -v "${pair%%:*}" >/dev/null 2>&1 || missing+=("${pair#*:}")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    say "installing ${missing[*]} (apt-get)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    die "missing packages: ${missing[*]} (Debian: apt-get install -y ${missing[*]})"
  fi
}

# A loopback TCP port nobody is listening on, starting from a random point so that two
# runs side by side rarely collide. Tries at most 200 ports.
free_port() {
  local port=$((20000 + RANDOM % 20000)) tries=0
  while [ "$tries" -lt 200 ]; do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
    port=$((port + 1))
    tries=$((tries + 1))
  done
  die "no free loopback port found"
}

# Waits until URL answers 200, at most SECONDS seconds (default 10). Prints the status.
wait_for_200() {
  local url="$1" limit_ms=$((${2:-10} * 1000)) start code
  start=$(now_ms)
  while [ $(($(now_ms) - start)) -lt "$limit_ms" ]; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$url" || true)
    if [ "$code" = "200" ]; then
      return 0
    fi
    sleep 0.002
  done
  return 1
}

# Asks for / on 127.0.0.1:PORT over bash's /dev/tcp (no process start per try, so the
# polling adds well under a millisecond) until the answer is 200, for at most LIMIT_MS.
first_page() {
  local port="$1" limit="$2" start line
  start=$(now_ms)
  while [ $(($(now_ms) - start)) -lt "$limit" ]; do
    if exec 3<>"/dev/tcp/127.0.0.1/$port"; then
      printf 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' >&3
      line=""
      IFS= read -r -t 10 line <&3 || true
      exec 3<&- 3>&-
      [[ "$line" == "HTTP/1.1 200"* ]] && return 0
    fi 2>/dev/null
    sleep 0.001
  done
  return 1
}

# Median of the numbers on standard input (one per line).
median() {
  sort -g | awk '{ v[NR] = $1 } END {
    if (NR == 0) { print "nan"; exit }
    if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2
  }'
}

# Sum of user and system CPU ticks a process has used so far.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; }

# Waits until process PID has used no CPU for a quarter of a second (its background
# work, such as compressing every page after start-up, is done), at most 15 s.
wait_idle() {
  local pid="$1" before after tries=0
  while [ "$tries" -lt 60 ]; do
    before=$(cpu_ticks "$pid")
    sleep 0.25
    after=$(cpu_ticks "$pid")
    [ "$before" = "$after" ] && return 0
    tries=$((tries + 1))
  done
  say "process $pid still busy after 15 s; going on"
}

# Resident memory of a process in kB (VmRSS), or 0 if it is gone.
rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0; }

# Makes a private work folder, removed on exit together with any server whose pid is in
# SERVER_PID. NAME labels the folder.
make_workdir() {
  WORK="$(mktemp -d "${TMPDIR:-/tmp}/runstrong-$1.XXXXXX")"
  SERVER_PID=""
  trap cleanup_workdir EXIT
  trap 'exit 130' INT TERM
}

cleanup_workdir() {
  if [ -n "$SERVER_PID" ]; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}

# The release binary (or RUNSTRONG_BIN), which must exist.
runstrong_bin() {
  local bin="${RUNSTRONG_BIN:-${CARGO_TARGET_DIR:-$ROOT/target}/release/runstrong}"
  case "$bin" in /*) ;; *) bin="$ROOT/$bin" ;; esac
  [ -x "$bin" ] || die "no runstrong binary at $bin: run cargo build --release first (or set RUNSTRONG_BIN)"
  echo "$bin"
}

# The content folder served: RUNSTRONG_CONTENT, or the bundled one.
content_dir() {
  local dir="${RUNSTRONG_CONTENT:-$ROOT/content}"
  case "$dir" in /*) ;; *) dir="$ROOT/$dir" ;; esac
  echo "$dir"
}

# Leaves BASE_URL pointing at a loopback runstrong: the one given, or the release binary
# started here (its logs in WORK). Call after make_workdir.
serve_or_use_base_url() {
  if [ -z "${BASE_URL:-}" ]; then
    local bin port
    bin="$(runstrong_bin)"
    port=$(free_port)
    BASE_URL="http://127.0.0.1:$port"
    "$bin" serve --addr "127.0.0.1:$port" --content "$(content_dir)" --db "$WORK/site.db" \
      >"$WORK/server.out" 2>"$WORK/server.err" &
    SERVER_PID=$!
    if ! wait_for_200 "$BASE_URL/healthz" 30; then
      cat "$WORK/server.err" >&2
      die "runstrong did not start"
    fi
  fi
  BASE_URL="${BASE_URL%/}"
  case "$BASE_URL" in
    http://127.0.0.1:* | http://localhost:* | http://\[::1\]:*) ;;
    *) die "BASE_URL must be a loopback address (http://127.0.0.1:PORT)" ;;
  esac
}
