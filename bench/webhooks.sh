#!/usr/bin/env bash
# Webhooks: the packaged service with a receiver on loopback; 1000 changes (10 figures in
# parallel), delivery latency p50/p99, duplicates, missing and out-of-order events. The only
# setting changed lets webhooks go to a loopback address (refused as shipped; see docs/api.md).
# Prints; asserts nothing.
#
#   bench/webhooks.sh            (CHANGES=1000 FIGURES=10 to change)
set -euo pipefail
cd "$(dirname "$0")/.."
CHANGES=${CHANGES:-1000}
FIGURES=${FIGURES:-10}
PORT=${PORT:-18095}
TOKEN=bench-admin-token-0123456789abcdef0123456789

. bench/lib.sh
bench_tools curl:curl
bench_prepare
log=$(mktemp)
trap 'kill ${app:-} 2>/dev/null; rm -f "$log"' EXIT
bench_start "$PORT" "$log" STATCALLOUTS_AUTH_BOOTSTRAP_TOKEN=$TOKEN STATCALLOUTS_WEBHOOKS_ALLOW_PRIVATE_TARGETS=true
node bench/webhooks.mjs "http://127.0.0.1:$PORT" "$TOKEN" "$CHANGES" "$FIGURES"
