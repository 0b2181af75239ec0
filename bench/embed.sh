#!/usr/bin/env bash
# Serves one card from the packaged service and the same bytes from nginx, and measures both with
# wrk on loopback: same connections, alternating runs, with and without gzip. Also a cache miss
# (every request a new accent, so every one renders from the database). Prints; asserts nothing.
#
#   bench/embed.sh                 (DURATION=10s CONNECTIONS=32 THREADS=2 ROUNDS=3 to change)
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
ROUNDS=${ROUNDS:-3}
APP_PORT=${APP_PORT:-18080}
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
cat >"$work/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  types { text/html html; }
  default_type text/html;
  gzip_static on;
  etag on;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $work/www;
    location /embed/ {
      add_header Cache-Control "public, max-age=60, stale-while-revalidate=600, stale-if-error=86400";
      add_header Content-Security-Policy "$csp";
      add_header Vary Accept-Encoding;
      add_header X-Content-Type-Options nosniff;
    }
  }
}
CONF
nginx -c "$work/nginx.conf"
nginx_url="http://127.0.0.1:$NGINX_PORT/embed/$SLUG"
curl -sf "$nginx_url" >/dev/null

# Warm both (JIT, caches).
wrk -t"$THREADS" -c"$CONNECTIONS" -d5s "$url" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d5s "$nginx_url" >/dev/null

# Prints "requests/s p50 p99" of one wrk run.
measure() {
  bench_wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" "$@"
}

echo "cached card /embed/$SLUG: $(wc -c <"$work/www/embed/$SLUG") bytes, $(wc -c <"$work/www/embed/$SLUG.gz") bytes gzipped"
printf '%-22s %-8s %12s %10s %10s\n' "case" "server" "requests/s" "p50" "p99"
for encoding in identity gzip; do
  header=()
  [ "$encoding" = gzip ] && header=(-H "Accept-Encoding: gzip")
  app_sum=0; nginx_sum=0
  for round in $(seq 1 "$ROUNDS"); do
    read -r a50 a_p50 a_p99 < <(measure "${header[@]}" "$url")
    read -r n50 n_p50 n_p99 < <(measure "${header[@]}" "$nginx_url")
    printf '%-22s %-8s %12s %10s %10s\n' "cached $encoding #$round" service "$a50" "$a_p50" "$a_p99"
    printf '%-22s %-8s %12s %10s %10s\n' "cached $encoding #$round" nginx "$n50" "$n_p50" "$n_p99"
    app_sum=$(echo "$app_sum + $a50" | bc -l); nginx_sum=$(echo "$nginx_sum + $n50" | bc -l)
  done
  printf 'ratio service/nginx, cached, %s: %.2f\n' "$encoding" "$(echo "$app_sum / $nginx_sum" | bc -l)"
done

# Cache miss: each request asks for a new accent colour, so each one renders from PostgreSQL.
bench_miss_script "$work/miss.lua"
wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -s "$work/miss.lua" "$url" >/dev/null   # warm the render path too
read -r m_rps m_p50 m_p99 < <(measure -s "$work/miss.lua" "$url")
read -r n_rps n_p50 n_p99 < <(measure "$nginx_url")
printf '%-22s %-8s %12s %10s %10s\n' "cache miss" service "$m_rps" "$m_p50" "$m_p99"
printf '%-22s %-8s %12s %10s %10s\n' "static" nginx "$n_rps" "$n_p50" "$n_p99"
printf 'ratio service/nginx, cache miss: %.2f\n' "$(echo "$m_rps / $n_rps" | bc -l)"
