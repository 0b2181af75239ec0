#!/usr/bin/env bash
# Serves one card from the packaged service and the same bytes from nginx, and measures both with
# wrk on loopback: same connections, alternating runs, with and without gzip. Also a cache miss
# (every request a new accent, so every one renders from the database). Prints; asserts nothing.
#
#   bench/embed.sh                 (DURATION=10s CONNECTIONS=32 ROUNDS=3 to change; wrk -t1 and -t2)
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-32}
ROUNDS=${ROUNDS:-3}
APP_PORT=8080   # the README's: the service is started exactly as it says
NGINX_PORT=${NGINX_PORT:-18081}
SLUG=rapidus-investment

. bench/lib.sh
bench_tools wrk:wrk nginx:nginx-light curl:curl
bench_prepare
work=$(mktemp -d)
chmod 755 "$work"   # nginx workers read it as another user
cleanup() { [ -n "${app:-}" ] && kill "$app" 2>/dev/null; [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

# shellcheck disable=SC2086 # BENCH_JAVA_ENV holds several NAME=value words
bench_start "$APP_PORT" "$work/app.log" ${BENCH_JAVA_ENV:-}
url="http://127.0.0.1:$APP_PORT/embed/$SLUG"

# nginx serves the very same bytes, plain and pre-gzipped, with the same headers the service sends.
mkdir -p "$work/www/embed"
curl -sf "$url" -o "$work/www/embed/$SLUG"
curl -sf -H 'Accept-Encoding: gzip' "$url" -o "$work/www/embed/$SLUG.gz"
csp=$(curl -sfI "$url" | tr -d '\r' | sed -n 's/^Content-Security-Policy: //Ip')
bench_nginx "$work" "$NGINX_PORT" 'types { text/html html; } default_type text/html;' "location /embed/ {
      add_header Cache-Control \"public, max-age=60, stale-while-revalidate=600, stale-if-error=86400\";
      add_header Content-Security-Policy \"$csp\";
      add_header Vary Accept-Encoding;
      add_header X-Content-Type-Options nosniff;
    }"
nginx_url="http://127.0.0.1:$NGINX_PORT/embed/$SLUG"
curl -sf "$nginx_url" >/dev/null

# Warm both (JIT, caches); the service's JIT takes a while on two cores.
wrk -t2 -c"$CONNECTIONS" -d20s "$url" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d5s "$nginx_url" >/dev/null

# Prints "requests/s p50 p99" of one wrk run.
measure() {
  bench_wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" "$@"
}

echo "cached card /embed/$SLUG: $(wc -c <"$work/www/embed/$SLUG") bytes, $(wc -c <"$work/www/embed/$SLUG.gz") bytes gzipped"
printf '%-22s %-8s %12s %10s %10s\n' "case" "server" "requests/s" "p50" "p99"
for THREADS in 1 2; do
for encoding in identity gzip; do
  header=()
  [ "$encoding" = gzip ] && header=(-H "Accept-Encoding: gzip")
  app_sum=0; nginx_sum=0
  for round in $(seq 1 "$ROUNDS"); do
    read -r a50 a_p50 a_p99 < <(measure "${header[@]}" "$url")
    read -r n50 n_p50 n_p99 < <(measure "${header[@]}" "$nginx_url")
    printf '%-22s %-8s %12s %10s %10s\n' "-t$THREADS $encoding #$round" service "$a50" "$a_p50" "$a_p99"
    printf '%-22s %-8s %12s %10s %10s\n' "-t$THREADS $encoding #$round" nginx "$n50" "$n_p50" "$n_p99"
    app_sum=$(echo "$app_sum + $a50" | bc -l); nginx_sum=$(echo "$nginx_sum + $n50" | bc -l)
  done
  printf 'ratio service/nginx, cached, wrk -t%s, %s: %.2f\n' "$THREADS" "$encoding" "$(echo "$app_sum / $nginx_sum" | bc -l)"
done
done

# Cache miss: each request asks for a new accent colour, so each one renders from PostgreSQL.
bench_miss_script "$work/miss.lua"
wrk -t2 -c"$CONNECTIONS" -d5s -s "$work/miss.lua" "$url" >/dev/null   # warm the render path too
for THREADS in 1 2; do
  read -r m_rps m_p50 m_p99 < <(measure -s "$work/miss.lua" "$url")
  read -r n_rps n_p50 n_p99 < <(measure "$nginx_url")
  printf '%-22s %-8s %12s %10s %10s\n' "-t$THREADS cache miss" service "$m_rps" "$m_p50" "$m_p99"
  printf '%-22s %-8s %12s %10s %10s\n' "-t$THREADS static" nginx "$n_rps" "$n_p50" "$n_p99"
  printf 'ratio service/nginx, cache miss, wrk -t%s: %.2f\n' "$THREADS" "$(echo "$m_rps / $n_rps" | bc -l)"
done
