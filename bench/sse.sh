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

. bench/lib.sh
bench_tools curl:curl
bench_prepare
log=$(mktemp)
trap 'kill ${app:-} 2>/dev/null; rm -f "$log"' EXIT
bench_start "$PORT" "$log" STATCALLOUTS_AUTH_BOOTSTRAP_TOKEN=$TOKEN
rss() { awk '/VmRSS/ { printf "%.0f MiB", $2 / 1024 }' "/proc/$app/status"; }

echo "readers: $READERS"
echo "service RSS before: $(rss)"
node bench/sse-fanout.mjs "http://127.0.0.1:$PORT" genai-adoption "$READERS" "$TOKEN" &
client=$!
wait $client
echo "service RSS after: $(rss)"
