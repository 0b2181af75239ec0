#!/usr/bin/env bash
# Pictures of figures: a cached card PNG from the packaged service against nginx serving the same
# bytes (wrk on loopback, same connections, alternating runs), the time to draw one (every request
# a new accent, so none comes from the cache), and the sizes against their budgets. Prints;
# asserts nothing.
#
#   bench/images.sh                (DURATION=10s CONNECTIONS=32 THREADS="1 2" ROUNDS=3 to change)
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-1 2}
ROUNDS=${ROUNDS:-3}
APP_PORT=8080   # the README's: the service is started exactly as it says
NGINX_PORT=${NGINX_PORT:-18081}
SLUG=rapidus-investment

. bench/lib.sh
bench_tools wrk:wrk nginx:nginx-light curl:curl bc:bc
bench_prepare
work=$(mktemp -d)
chmod 755 "$work"   # nginx workers read it as another user
cleanup() { [ -n "${app:-}" ] && kill "$app" 2>/dev/null; [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

# shellcheck disable=SC2086 # BENCH_JAVA_ENV holds several NAME=value words
bench_start "$APP_PORT" "$work/app.log" ${BENCH_JAVA_ENV:-}
base="http://127.0.0.1:$APP_PORT/images/s/$SLUG"
url="$base.png"

mkdir -p "$work/www/images"
curl -sf "$url" -o "$work/www/images/$SLUG.png"
curl -sf "$base/social.png" -o "$work/social.png"
curl -sf "$base.png?w=600&dpr=2" -o "$work/card2x.png"
bench_nginx "$work" "$NGINX_PORT" 'types { image/png png; }' 'location /images/ {
      add_header Cache-Control "public, max-age=60, stale-while-revalidate=600, stale-if-error=86400";
      add_header X-Content-Type-Options nosniff;
    }'
nginx_url="http://127.0.0.1:$NGINX_PORT/images/$SLUG.png"
curl -sf "$nginx_url" >/dev/null

measure() {
  bench_wrk -t"$1" -c"$CONNECTIONS" -d"$DURATION" "$2"
}

echo "sizes: card PNG (600 px) $(wc -c <"$work/www/images/$SLUG.png") bytes, at 2x $(wc -c <"$work/card2x.png") bytes (budget 40960); social PNG $(wc -c <"$work/social.png") bytes (budget 122880)"

# Warm both (JIT, caches); the service's JIT takes a while on two cores.
wrk -t2 -c"$CONNECTIONS" -d20s "$url" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d5s "$nginx_url" >/dev/null
printf '%-22s %-8s %12s %10s %10s\n' "case" "server" "requests/s" "p50" "p99"
for threads in $THREADS; do
  app_sum=0; nginx_sum=0
  for round in $(seq 1 "$ROUNDS"); do
    read -r a_rps a_p50 a_p99 < <(measure "$threads" "$url")
    read -r n_rps n_p50 n_p99 < <(measure "$threads" "$nginx_url")
    printf '%-22s %-8s %12s %10s %10s\n' "cached PNG -t$threads #$round" service "$a_rps" "$a_p50" "$a_p99"
    printf '%-22s %-8s %12s %10s %10s\n' "cached PNG -t$threads #$round" nginx "$n_rps" "$n_p50" "$n_p99"
    app_sum=$(echo "$app_sum + $a_rps" | bc -l); nginx_sum=$(echo "$nginx_sum + $n_rps" | bc -l)
  done
  printf 'ratio service/nginx, cached PNG, wrk -t%s: %.2f (target 0.8)\n' "$threads" "$(echo "$app_sum / $nginx_sum" | bc -l)"
done

# Drawing: each request a new accent colour, so each one is drawn (one connection per core, so
# the latency is the drawing's, not a queue's).
bench_miss_script "$work/miss.lua"
wrk -t2 -c2 -d5s -s "$work/miss.lua" "$url" >/dev/null
for shape in card social; do
  target=$url; [ "$shape" = social ] && target="$base/social.png"
  read -r r_rps r_p50 r_p99 < <(bench_wrk -t2 -c2 -d"$DURATION" -s "$work/miss.lua" "$target")
  printf 'drawn %-6s PNG: %s per second, p50 %s, p99 %s (targets p50 50ms, p99 150ms)\n' "$shape" "$r_rps" "$r_p50" "$r_p99"
done
