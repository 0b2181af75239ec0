#!/usr/bin/env bash
# SSE fan-out: N live readers (default 2000) of one figure on one instance, one update through the
# API; prints when the last reader had it (p50/p99) and the service's RSS before and after.
#
#   bench/sse.sh            (READERS=5000 bench/sse.sh to change)
set -euo pipefail
cd "$(dirname "$0")/.."
READERS=${READERS:-2000}
PORT=${PORT:-18090}
TOKEN=bench-admin-token-0123456789abcdef0123456789
ulimit -n 65535 2>/dev/null || true

psql -h 127.0.0.1 -U postgres -tAc "select 1 from pg_database where datname='statcallouts'" | grep -q 1 \
  || createdb -h 127.0.0.1 -U postgres statcallouts
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -q -B package -DskipTests
log=$(mktemp)
QUARKUS_HTTP_PORT=$PORT QUARKUS_DATASOURCE_USERNAME=postgres STATCALLOUTS_DEMO_LOAD=true \
  STATCALLOUTS_AUTH_BOOTSTRAP_TOKEN=$TOKEN QUARKUS_HTTP_ACCESS_LOG_ENABLED=false \
  java -jar target/quarkus-app/quarkus-run.jar >"$log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null && break; sleep 1; done
rss() { awk '/VmRSS/ { printf "%.0f MiB", $2 / 1024 }' "/proc/$app/status"; }

echo "readers: $READERS"
echo "service RSS before: $(rss)"
node bench/sse-fanout.mjs "http://127.0.0.1:$PORT" genai-adoption "$READERS" "$TOKEN" &
client=$!
wait $client
echo "service RSS after: $(rss)"
