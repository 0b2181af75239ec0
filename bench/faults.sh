#!/usr/bin/env bash
# The service as the README starts it, while PostgreSQL is stopped and then frozen (SIGSTOP):
# per path, the status counts, the slowest answer and the log lines written; then the heap after
# GC before and after 100 000 distinct lang and accent variants of a card. Prints; asserts nothing.
# It stops and freezes the machine's PostgreSQL for a while: run it on a machine of its own.
#
#   bench/faults.sh                (DURATION=10s CONNECTIONS=16 VARIANTS=100000 to change)
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-16}
VARIANTS=${VARIANTS:-100000}
APP_PORT=${APP_PORT:-18080}
SLUG=rapidus-investment

. bench/lib.sh
bench_tools wrk:wrk curl:curl jcmd:openjdk-17-jdk-headless
bench_prepare
work=$(mktemp -d)
cluster=$(ls /etc/postgresql)
postgres_pids() { pgrep -u postgres -x postgres || true; }
cleanup() {
  # shellcheck disable=SC2046 # one pid per word
  [ -n "$(postgres_pids)" ] && kill -CONT $(postgres_pids) 2>/dev/null
  pg_ctlcluster --skip-systemctl-redirect "$cluster" main start >/dev/null 2>&1 || true
  [ -n "${app:-}" ] && kill "$app" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

# The README's command (on another port), access log and all.
bench_start "$APP_PORT" "$work/app.log"
base="http://127.0.0.1:$APP_PORT"
curl -sf "$base/embed/$SLUG" >/dev/null   # the cached card

# Counts statuses over every thread; MODE=accent makes each request a new card (a cache miss).
cat >"$work/count.lua" <<'LUA'
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) statuses = {}; n = 0; mode = os.getenv("MODE") or "" end
function request()
  n = n + 1
  if mode == "accent" then
    return wrk.format("GET", wrk.path .. "?accent=" .. string.format("%06x", (n * 7919 + math.random(0, 9999)) % 16777216))
  end
  return wrk.format("GET", wrk.path)
end
function response(status) statuses[status] = (statuses[status] or 0) + 1 end
function done(summary, latency, requests)
  local total = {}
  for _, t in ipairs(threads) do
    for status, count in pairs(t:get("statuses")) do total[status] = (total[status] or 0) + count end
  end
  local parts = {}
  for status, count in pairs(total) do table.insert(parts, status .. "×" .. count) end
  table.sort(parts)
  io.write(string.format("%-24s max %6.0f ms   ", table.concat(parts, " "), latency.max / 1000))
end
LUA

# phase NAME: loads each path for DURATION and prints one line per path.
phase() {
  echo "== $1"
  printf '%-38s %-24s %-18s %s\n' path statuses "slowest answer" "log lines (not access log)"
  for spec in "cached card:/embed/$SLUG:" "new card (accent):/embed/$SLUG:accent" "API figure:/api/stats/$SLUG:" \
      "permalink page:/s/$SLUG:"; do
    IFS=: read -r name path mode <<<"$spec"
    before=$(wc -l <"$work/app.log")
    before_other=$(grep -vc 'access-log' "$work/app.log" || true)
    printf '%-38s ' "$name ($path)"
    MODE=$mode wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout 20s -s "$work/count.lua" "$base$path" | tail -1
    sleep 1
    after=$(wc -l <"$work/app.log")
    after_other=$(grep -vc 'access-log' "$work/app.log" || true)
    echo "$((after - before)) ($((after_other - before_other)))"
  done
  printf 'readiness: HTTP %s\n\n' "$(curl -s -o /dev/null -w '%{http_code}' -m 5 http://127.0.0.1:9000/q/health/ready)"
}

pg_ctlcluster --skip-systemctl-redirect "$cluster" main stop -m fast
phase "PostgreSQL stopped"
pg_ctlcluster --skip-systemctl-redirect "$cluster" main start
bench_wait_ready 30
curl -sf "$base/embed/$SLUG" >/dev/null

# shellcheck disable=SC2046 # one pid per word
kill -STOP $(postgres_pids)
phase "PostgreSQL frozen (SIGSTOP)"
# shellcheck disable=SC2046
kill -CONT $(postgres_pids)
bench_wait_ready 30

heap() { jcmd "$app" GC.run >/dev/null; sleep 1; jcmd "$app" GC.heap_info | awk '/used/ {print; exit}'; }
echo "== heap after GC (embed card cache bound: 64 MB of cards, 16 MB of figures)"
echo "before:               $(heap)"
cat >"$work/variants.lua" <<'LUA'
local id = 0
function setup(thread) thread:set("id", id); id = id + 1 end
function init(args) n = 0; limit = tonumber(os.getenv("PER_THREAD")) end
function request()
  n = n + 1
  if n > limit then wrk.thread:stop() end
  local k = id * 1000000 + n
  return wrk.format("GET", wrk.path .. "?lang=en-x-v" .. k .. "&accent=" .. string.format("%06x", (k * 7919) % 16777216))
end
LUA
# Each of the two threads sends its own distinct variants, VARIANTS in all.
sent=$(PER_THREAD=$((VARIANTS / 2)) wrk -t2 -c"$CONNECTIONS" -d300s --timeout 20s -s "$work/variants.lua" \
  "$base/embed/$SLUG" | awk '/requests in/ {print $1}')
echo "after $sent variants:  $(heap)"
