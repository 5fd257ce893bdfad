#!/usr/bin/env bash
# The page budget: every page's HTML plus its CSS, compressed, response headers included,
# must stay under 14,000 bytes, so that a first visit can render after one round trip
# (a new TCP connection may send about ten segments, some 14 KB, before it must wait
# for an acknowledgement). Also checks that no page depends on JavaScript: a page may
# link only the site's own enhancing scripts (the sort enhancement and the modules in
# static/js/, which must be type="module": deferred, never holding up the page), the
# only inline script allowed is JSON-LD structured data, and all the script a page loads
# (the modules it links and every module they import), gzipped, must stay under 8,000
# bytes. And the service worker, /sw.js, must stay under 4,000 bytes gzipped.
#
#   bash tests/gates/page-budget.sh      # starts the release binary on loopback
#   BASE_URL=http://127.0.0.1:8080 bash tests/gates/page-budget.sh   # a running server
#   RUNSTRONG_CONTENT=/tmp/big bash tests/gates/page-budget.sh       # other content
#
# Every page `runstrong urls` lists is checked (the sitemap's pages and example queries
# of every page rendered per request), each with Accept-Encoding: br and with
# Accept-Encoding: gzip (plain-HTTP browsers only send gzip). The last line is
# "N passed, M failed"; the exit status is 1 when any page fails.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
# shellcheck source=tests/lib.sh
. "$ROOT/tests/lib.sh"

BUDGET="${PAGE_BUDGET:-14000}"
SHOW="${PAGE_BUDGET_SHOW:-10}"
SCRIPT_BUDGET="${SCRIPT_BUDGET:-8000}"
WORKER_BUDGET="${WORKER_BUDGET:-4000}"
# Scripts a page may link, fingerprinted: the sort enhancement of the equipment table and
# the modules of static/js/ (training on week pages and plans, "Your training", offline).
ALLOWED_SCRIPT='^/static/(sort|js/[a-z0-9-]+)(\.[0-9a-f]+)?\.js$'

command -v curl >/dev/null 2>&1 || ensure_commands curl:curl

make_workdir budget
serve_or_use_base_url

# Every page, as the site itself lists it for its checks.
"$(runstrong_bin)" urls --content "$(content_dir)" >"$WORK/urls" || die "runstrong urls failed"
[ -s "$WORK/urls" ] || die "runstrong urls listed no pages"

# One curl process per pass over every URL (a keep-alive connection, and no process
# start per request): fetches each URL of the file $1 with Accept-Encoding $2 and prints
# one line per URL: "status header_bytes body_bytes content-encoding content-type".
# With a third argument, bodies are saved as $3/1, $3/2, ... in the order of the URLs.
fetch_all() {
  local list="$1" encoding="$2" save="${3:-}" config="$WORK/curl.config" i=0 url
  : >"$config"
  while IFS= read -r url; do
    i=$((i + 1))
    printf 'url = "%s"\n' "$BASE_URL$url" >>"$config"
    if [ -n "$save" ]; then
      printf 'output = "%s/%d"\n' "$save" "$i" >>"$config"
    else
      printf 'output = "/dev/null"\n' >>"$config"
    fi
  done <"$list"
  local accept=()
  [ "$encoding" = identity ] || accept=(-H "Accept-Encoding: $encoding")
  curl -s --max-time 120 --config "$config" "${accept[@]+"${accept[@]}"}" \
    -w '%{http_code} %{size_header} %{size_download} [%header{content-encoding}] [%header{content-type}]\n' || true
}

mkdir -p "$WORK/html"
mapfile -t URLS <"$WORK/urls"
mapfile -t PLAIN < <(fetch_all "$WORK/urls" identity "$WORK/html")
mapfile -t BR < <(fetch_all "$WORK/urls" br)
mapfile -t GZIP < <(fetch_all "$WORK/urls" gzip)

# Every stylesheet any page links for the screen, measured once per encoding. Print
# stylesheets (media="print") never hold up the first render, so they are not counted.
grep -oh '<link[^>]*rel="stylesheet"[^>]*>' "$WORK/html"/* 2>/dev/null |
  grep -v 'media="print"' |
  grep -o 'href="[^"]*"' | sed -e 's|^href="||' -e 's|"$||' -e 's|^[a-z]*://[^/]*||' |
  sort -u >"$WORK/css" || true
mapfile -t CSS <"$WORK/css"
declare -A CSS_BYTES=()
for encoding in br gzip; do
  i=0
  while read -r status head body _; do
    [ "$status" = 200 ] || echo "stylesheet ${CSS[$i]} answered $status" >&2
    CSS_BYTES["$encoding ${CSS[$i]}"]=$((head + body))
    i=$((i + 1))
  done < <(fetch_all "$WORK/css" "$encoding")
done

# Every script any page links and every module those import, each fetched once: its
# gzipped body size, and the modules it imports (rewritten to "/static/....js").
grep -oh '<script[^>]*src="[^"]*"' "$WORK/html"/* 2>/dev/null |
  sed -e 's|.*src="||' -e 's|"$||' -e 's|^[a-z]*://[^/]*||' | sort -u >"$WORK/scripts" || true
declare -A JS_GZIP=() JS_IMPORTS=()
mapfile -t queue <"$WORK/scripts"
while [ "${#queue[@]}" -gt 0 ]; do
  js="${queue[0]}"
  queue=("${queue[@]:1}")
  [ -z "${JS_GZIP[$js]+x}" ] || continue
  read -r code gz < <(curl -s --max-time 30 -H 'Accept-Encoding: gzip' -o /dev/null \
    -w '%{http_code} %{size_download}\n' "$BASE_URL$js" || echo "000 0")
  [ "$code" = 200 ] || echo "script $js answered $code" >&2
  JS_GZIP["$js"]="$gz"
  JS_IMPORTS["$js"]="$(curl -s --max-time 30 "$BASE_URL$js" | { grep -o '"/static/[^"]*\.js"' || true; } | tr -d '"' | sort -u | tr '\n' ' ')"
  for module in ${JS_IMPORTS["$js"]}; do queue+=("$module"); done
done

# Sets JS_TOTAL to the gzipped bytes of the scripts $@ and everything they import, each
# module counted once, and JS_MODULES to their names.
declare -A SEEN=()
script_bytes() {
  local js
  local -a todo=("$@")
  SEEN=()
  JS_TOTAL=0
  while [ "${#todo[@]}" -gt 0 ]; do
    js="${todo[0]}"
    todo=("${todo[@]:1}")
    [ -z "${SEEN[$js]+x}" ] || continue
    SEEN["$js"]=1
    JS_TOTAL=$((JS_TOTAL + ${JS_GZIP["$js"]:-0}))
    for module in ${JS_IMPORTS["$js"]:-}; do todo+=("$module"); done
  done
  JS_MODULES=$(printf '%s\n' "${!SEEN[@]}" | sed -e 's|^/static/||' -e 's|\.[0-9a-f]*\.js$|.js|' | sort | paste -sd, -)
}

passed=0
failed=0
skipped=0
SCRIPT_ROWS="$WORK/script-rows"
: >"$SCRIPT_ROWS"
ROWS="$WORK/rows"
: >"$ROWS"
for i in "${!URLS[@]}"; do
  path="${URLS[$i]}"
  page="$WORK/html/$((i + 1))"
  read -r code _ _ _ type <<<"${PLAIN[$i]:-000}"
  if [ "$code" = 404 ] && [[ "$path" == /plan* ]]; then
    echo "skip /plan: not available in this build (404)"
    skipped=$((skipped + 1))
    continue
  fi
  if [ "$code" != 200 ]; then
    echo "FAIL $path: status $code"
    failed=$((failed + 1))
    continue
  fi
  [[ "$type" == "[text/html"* ]] || continue # the sitemap lists pages only, but stay safe
  problems=()
  mapfile -t sheets < <(grep -o '<link[^>]*rel="stylesheet"[^>]*>' "$page" |
    grep -v 'media="print"' | grep -o 'href="[^"]*"' | sed -e 's|^href="||' -e 's|"$||' -e 's|^[a-z]*://[^/]*||')
  totals=()
  detail=""
  for encoding in br gzip; do
    if [ "$encoding" = br ]; then line="${BR[$i]}"; else line="${GZIP[$i]}"; fi
    read -r s h b coding _ <<<"$line"
    coding="${coding#[}"
    coding="${coding%]}"
    [ "$s" = 200 ] || problems+=("$encoding: status $s")
    [ "$coding" = "$encoding" ] || problems+=("asked for $encoding, got ${coding:-identity}")
    css_total=0
    for sheet in "${sheets[@]+"${sheets[@]}"}"; do
      css_total=$((css_total + ${CSS_BYTES["$encoding $sheet"]:-0}))
    done
    total=$((h + b + css_total))
    totals+=("$total")
    detail+=" $encoding: html $h+$b css $css_total total $total;"
    [ "$total" -lt "$BUDGET" ] || problems+=("$encoding total $total bytes >= $BUDGET")
  done
  # Scripts: linked ones must be the site's enhancements, together under the script
  # budget; inline ones must be JSON-LD.
  linked=()
  while IFS= read -r tag; do
    [ -n "$tag" ] || continue
    src=$(grep -o 'src="[^"]*"' <<<"$tag" | sed -e 's|^src="||' -e 's|"$||' -e 's|^[a-z]*://[^/]*||' || true)
    if [ -n "$src" ]; then
      [[ "$src" =~ $ALLOWED_SCRIPT ]] || problems+=("links script $src")
      linked+=("$src")
      [[ "$src" != /static/js/* ]] || grep -q 'type="module"' <<<"$tag" ||
        problems+=("links $src as a classic script, not a module")
    elif ! grep -q 'type="application/ld+json"' <<<"$tag"; then
      problems+=("inline script that is not JSON-LD: $tag")
    fi
  done < <(grep -o '<script[^>]*>' "$page" || true)
  if [ "${#linked[@]}" -gt 0 ]; then
    script_bytes "${linked[@]}"
    detail+=" scripts $JS_TOTAL;"
    [ "$JS_TOTAL" -lt "$SCRIPT_BUDGET" ] || problems+=("scripts total $JS_TOTAL bytes gzipped >= $SCRIPT_BUDGET")
    printf '%s %s %s\n' "$JS_TOTAL" "$path" "$JS_MODULES" >>"$SCRIPT_ROWS"
  fi
  printf '%s %s %s\n' "${totals[0]}" "${totals[1]}" "$path" >>"$ROWS"
  if [ "${#problems[@]}" -eq 0 ]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    printf 'FAIL %s:%s %s\n' "$path" "$detail" "$(printf '%s; ' "${problems[@]}")"
  fi
done

echo
echo "budget: $BUDGET bytes for HTML + CSS, compressed, response headers included"
for encoding in br gzip; do
  col=1
  [ "$encoding" = gzip ] && col=2
  echo "largest pages with Accept-Encoding: $encoding (bytes, share of the budget):"
  # awk stops printing rather than head closing the pipe, which under pipefail could end
  # the script with SIGPIPE from sort.
  sort -k"$col,$col"nr "$ROWS" |
    awk -v c="$col" -v b="$BUDGET" -v n="$SHOW" 'NR <= n { printf "  %6d  %3.0f%%  %s\n", $c, 100 * $c / b, $3 }'
done
for sheet in "${CSS[@]+"${CSS[@]}"}"; do
  echo "stylesheet $sheet: br ${CSS_BYTES["br $sheet"]} bytes, gzip ${CSS_BYTES["gzip $sheet"]} bytes (headers included)"
done
if [ -s "$SCRIPT_ROWS" ]; then
  echo "script budget: $SCRIPT_BUDGET bytes a page, gzipped bodies of every module it loads"
  echo "script per page, largest first, one page for each set of modules (bytes, share of the budget):"
  sort -k1,1nr "$SCRIPT_ROWS" |
    awk -v b="$SCRIPT_BUDGET" '!seen[$3]++ { printf "  %6d  %3.0f%%  %s (%s)\n", $1, 100 * $1 / b, $2, $3 }'
fi

# The service worker: fetched by every visitor, gzipped body only (there is no brotli
# over plain HTTP), against its own budget.
read -r status worker_bytes < <(curl -s --max-time 30 -H 'Accept-Encoding: gzip' -o /dev/null \
  -w '%{http_code} %{size_download}\n' "$BASE_URL/sw.js" || echo "000 0")
if [ "$status" = 200 ] && [ "$worker_bytes" -lt "$WORKER_BUDGET" ]; then
  echo "service worker /sw.js: $worker_bytes bytes gzipped (budget $WORKER_BUDGET)"
  passed=$((passed + 1))
else
  echo "FAIL /sw.js: status $status, $worker_bytes bytes gzipped (budget $WORKER_BUDGET)"
  failed=$((failed + 1))
fi
[ "$skipped" -eq 0 ] || echo "$skipped skipped"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
