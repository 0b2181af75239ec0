#!/usr/bin/env bash
# Every anonymous public read answered from memory, against nginx serving the same bytes (same
# type, pre-gzipped where the service gzips), wrk -t1 and -t2 alternating; a permalink with a new
# tracking parameter on every request, and one with a site's cookies (both still from memory); and
# reads that must go to PostgreSQL (a permalink and a figure from the API, each asked for with a
# token: each asks PostgreSQL for the figure's version, the API's also for the token, and renders
# only a version it has not rendered yet; an API page with a new page number each time, mostly
# past the last; the API's first page, with a token), beside a bare Quarkus page on the same stack
# (REST, Qute, Panache, PostgreSQL) built and measured in the same run as the floor of such a read.
# The service runs as the README starts it, with the first admin token set as docs/api.md says.
# Prints; asserts nothing.
#
#   bench/reads.sh                 (DURATION=8s CONNECTIONS=32 to change)
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-8s}
CONNECTIONS=${CONNECTIONS:-32}
APP_PORT=8080   # the README's: the service is started exactly as it says
NGINX_PORT=${NGINX_PORT:-18081}
TOKEN=bench-admin-token-0123456789abcdef0123456789

. bench/lib.sh
bench_tools wrk:wrk nginx:nginx-light curl:curl
bench_prepare
work=$(mktemp -d)
chmod 755 "$work"
# The app is waited for before its folder goes: a Quarkus app whose jar is deleted while it stops
# hangs in its shutdown, loading a class from the jar.
cleanup() {
  if [ -n "${app:-}" ]; then kill "$app" 2>/dev/null; wait "$app" 2>/dev/null || true; fi
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

base="http://127.0.0.1:$APP_PORT"
# bare_start FILE: starts the bare page on the service's port (as $app), its first answer kept in FILE.
bare_start() {
  bench_wait_free "$APP_PORT"
  java -jar "$work/bare/target/quarkus-app/quarkus-run.jar" >"$work/bare.log" 2>&1 &
  app=$!
  until curl -sf -o "$1" "$base/hello"; do sleep 0.2; done
}

# The bare page first: built, started and its bytes kept for nginx, before the service takes the port.
bench_bare_stack "$work/bare" >/dev/null
mkdir -p "$work/www/r"
bare_start "$work/www/r/bare"
kill "$app"; wait "$app" 2>/dev/null || true

bench_start "$APP_PORT" "$work/app.log" STATCALLOUTS_AUTH_BOOTSTRAP_TOKEN=$TOKEN

reads=(
  "/s/rapidus-investment"
  "/c/ai-by-the-numbers"
  "/oembed?url=http://localhost:8080/s/rapidus-investment"   # the public origin as the README runs it
  "/api/stats/rapidus-investment"
  "/api/stats"
  "/images/s/rapidus-investment.png"
)

# nginx serves each answer's bytes (plain and gzipped as the service sends them) at /r/N.
locations="
    location = /r/bare { default_type \"text/html;charset=UTF-8\"; }"
for i in "${!reads[@]}"; do
  url="$base${reads[$i]}"
  curl -sf "$url" -o "$work/www/r/$i"
  type=$(curl -sfI "$url" | tr -d '\r' | sed -n 's/^Content-Type: //Ip')
  if curl -sfI -H 'Accept-Encoding: gzip' "$url" | grep -qi '^Content-Encoding: gzip'; then
    curl -sf -H 'Accept-Encoding: gzip' "$url" -o "$work/www/r/$i.gz"
  fi
  locations="$locations
    location = /r/$i { default_type \"$type\"; add_header Cache-Control \"public, max-age=60\"; add_header Vary Accept-Encoding; add_header X-Content-Type-Options nosniff; }"
done
bench_nginx "$work" "$NGINX_PORT" 'types { }' "$locations"

measure() { bench_wrk -c"$CONNECTIONS" -d"$DURATION" "$@"; }

# Warm every read first (JIT), so that the first one measured is not the coldest.
for read in "${reads[@]}"; do
  wrk -t2 -c"$CONNECTIONS" -d8s "$base$read" >/dev/null
done

printf '%-44s %-4s %-6s %10s %9s %9s %10s %6s\n' read wrk enc "service/s" p50 p99 "nginx/s" ratio
for i in "${!reads[@]}"; do
  url="$base${reads[$i]}"
  nginx_url="http://127.0.0.1:$NGINX_PORT/r/$i"
  encodings=(identity)
  [ -f "$work/www/r/$i.gz" ] && encodings+=(gzip)
  wrk -t2 -c"$CONNECTIONS" -d3s "$url" >/dev/null; wrk -t2 -c"$CONNECTIONS" -d3s "$nginx_url" >/dev/null
  for threads in 1 2; do
    for encoding in "${encodings[@]}"; do
      header=()
      [ "$encoding" = gzip ] && header=(-H "Accept-Encoding: gzip")
      read -r s_rps s_p50 s_p99 < <(measure -t"$threads" "${header[@]}" "$url")
      read -r n_rps _ _ < <(measure -t"$threads" "${header[@]}" "$nginx_url")
      printf '%-44s %-4s %-6s %10s %9s %9s %10s %6.2f\n' "${reads[$i]:0:44}" "-t$threads" "$encoding" \
        "$s_rps" "$s_p50" "$s_p99" "$n_rps" "$(echo "$s_rps / $n_rps" | bc -l)"
    done
  done
done

# Reads that go to PostgreSQL. A token holder is never answered from memory: the permalink and the
# API's figure asked for with a token ask PostgreSQL for the figure's version each time (the API
# also for the token; each renders only a version not rendered yet); the API refuses an unknown
# parameter, so its misses ask for a new page each time. A reader's cookies change nothing.
# Pages 2 to 999 999 (the API takes up to six digits), all past the last.
bench_miss_script "$work/miss-s.lua" utm_source %d 999998 2
bench_miss_script "$work/miss-api.lua" page %d 999998 2
# miss LABEL URL NGINX-REF WRK-ARGS...: warmed first, for $WARM (60 s unless set by the caller).
# These paths are not the ones warmed above, and a read that goes to PostgreSQL keeps the JIT
# compiling for minutes: on the machine of the latest run, a page past the last of /api/stats
# went from 900 to 3 400 requests/s over its first minute and reached its steady 5 000–6 200 only
# after about two and a half, when the JIT's compile time stopped growing (jstat -compiler).
miss() {
  local label=$1 url=$2 ref=$3 threads s_rps s_p50 s_p99 n_rps
  shift 3
  wrk -t2 -c"$CONNECTIONS" -d"${WARM:-60s}" "$@" "$url" >/dev/null
  for threads in 1 2; do
    read -r s_rps s_p50 s_p99 < <(measure -t"$threads" "$@" "$url")
    read -r n_rps _ _ < <(measure -t"$threads" "http://127.0.0.1:$NGINX_PORT/r/$ref")
    printf '%-44s %-4s %-6s %10s %9s %9s %10s %6.2f\n' "$label" "-t$threads" identity \
      "$s_rps" "$s_p50" "$s_p99" "$n_rps" "$(echo "$s_rps / $n_rps" | bc -l)"
  done
}
# A shared link's tracking parameter, new on every request: still the same page, from memory.
miss "/s/rapidus-investment?utm_source=(new)" "$base/s/rapidus-investment" 0 -s "$work/miss-s.lua"
# A reader on a subdomain of a site that sets analytics and consent cookies: still from memory.
miss "/s/rapidus-investment (site cookies)" "$base/s/rapidus-investment" 0 -H "Cookie: _ga=GA1.2.1111.2222; consent=all"
bearer="Authorization: Bearer $TOKEN"
WARM=150s
miss "/s/rapidus-investment (token, PostgreSQL)" "$base/s/rapidus-investment" 0 -H "$bearer"
miss "/api/stats/rapidus-investment (token, PostgreSQL)" "$base/api/stats/rapidus-investment" 3 -H "$bearer"
miss "/api/stats (new page, PostgreSQL)" "$base/api/stats" 4 -s "$work/miss-api.lua"
miss "/api/stats, page 1 (token, PostgreSQL)" "$base/api/stats" 4 -H "$bearer"

# The bare page on the same stack, the same way, on the same port once the service has stopped.
kill "$app"; wait "$app" 2>/dev/null || true
bare_start /dev/null
miss "bare Quarkus page (PostgreSQL)" "$base/hello" bare
