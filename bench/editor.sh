#!/usr/bin/env bash
# How fast the editors' live preview answers, and how fast the heavier editor pages render:
# signs in to the packaged service (demo data), then runs wrk on loopback against
#   - POST /editor/preview  (the form as the script sends it while an editor types: parse, check
#     with the API's rules, render the unsaved card)
#   - GET  /editor/figures/{slug}  (card, snippets, where used, history)
#   - GET  /editor  (the figure list)
# Prints requests/s and latency percentiles; asserts nothing.
#
#   bench/editor.sh            (DURATION=10s CONNECTIONS=4 to change; wrk -t1 and -t2)
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-4}
APP_PORT=8080   # the README's: the service is started exactly as it says
SLUG=rapidus-investment
BENCH_USER="bench-admin-$RANDOM$RANDOM"
ADMIN="$BENCH_USER:bench-password-$RANDOM$RANDOM"

. bench/lib.sh
bench_tools wrk:wrk curl:curl
bench_prepare
work=$(mktemp -d)
cleanup() {
  [ -n "${app:-}" ] && kill "$app" 2>/dev/null
  # The bench's own admin goes again (its sessions with it).
  psql -q -h 127.0.0.1 -U postgres statcallouts -c "delete from editor_account where username = '$BENCH_USER'" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# An admin of this run's own, created at start-up and deleted at the end.
bench_start "$APP_PORT" "$work/app.log" STATCALLOUTS_EDITOR_BOOTSTRAP_ADMIN="$ADMIN" STATCALLOUTS_EDITOR_SECURE_COOKIE=false
base="http://127.0.0.1:$APP_PORT"

jar="$work/cookies"
login_csrf=$(curl -s -c "$jar" -b "$jar" "$base/editor/login" | grep -o 'name="csrf" value="[^"]*"' | cut -d'"' -f4)
curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "username=${ADMIN%%:*}" \
  --data-urlencode "password=${ADMIN#*:}" --data-urlencode "csrf=$login_csrf" "$base/editor/login"
session=$(awk '$6 == "sc_session" { print $7 }' "$jar")
csrf=$(curl -s -b "$jar" "$base/editor" | grep -o 'name="csrf" value="[^"]*"' | head -1 | cut -d'"' -f4)
[ -n "$session" ] && [ -n "$csrf" ] || { echo "could not sign in" >&2; exit 1; }

# The form as the preview script posts it (a figure being typed, with two sources).
body="csrf=$csrf&value=920000000000&display.kind=currency&display.currency=JPY&display.notation=compact"
# A figure written in Japanese: a card is wholly in one language, so the preview in ja is all ja.
body+="&label=%E3%83%A9%E3%83%94%E3%83%80%E3%82%B9%E3%81%B8%E3%81%AE%E7%B4%AF%E8%A8%88%E6%8A%95%E8%B3%87%E9%A1%8D&context=2%E3%83%8A%E3%83%8E%E5%8D%8A%E5%B0%8E%E4%BD%93%E5%B7%A5%E5%A0%B4%E3%81%B8%E3%81%AE%E6%94%BF%E5%BA%9C%E6%94%AF%E6%8F%B4%E3%80%82&asOf=2025-04-01"
body+="&locale=ja&sources%5B0%5D.name=Reuters&sources%5B0%5D.url=https%3A%2F%2Fwww.reuters.com%2Ftechnology%2Frapidus"
body+="&sources%5B1%5D.name=METI&sources%5B1%5D.url=https%3A%2F%2Fwww.meti.go.jp%2Fenglish%2F&tags=japan%2C+chips"
body+="&status=draft&previewTheme=dark&previewLang=ja"
code=$(curl -s -o "$work/preview.html" -w '%{http_code}' -b "$jar" -H 'Content-Type: application/x-www-form-urlencoded' \
  --data "$body" "$base/editor/preview")
grep -q '9200億円' "$work/preview.html" || { echo "the preview did not render ($code)" >&2; exit 1; }
cat >"$work/preview.lua" <<LUA
wrk.method = "POST"
wrk.body = "$body"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = "sc_session=$session"
LUA

run() { # label, wrk arguments…
  local label=$1; shift
  wrk -t"$THREADS" -c"$CONNECTIONS" -d5s "$@" >/dev/null   # warm-up
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@" >"$work/out"
  printf '%-34s %9s req/s   p50 %8s   p99 %8s\n' "$label" "$(awk '/Requests\/sec/ { print $2 }' "$work/out")" \
    "$(awk '$1 == "50%" { print $2 }' "$work/out")" "$(awk '$1 == "99%" { print $2 }' "$work/out")"
  if grep -q 'Non-2xx' "$work/out"; then grep 'Non-2xx' "$work/out"; fi
}

for THREADS in 1 2; do
  echo "editor pages, $CONNECTIONS connections, wrk -t$THREADS, $DURATION per run, $(nproc) cores shared with wrk and PostgreSQL"
  run "POST /editor/preview (unsaved card)" -s "$work/preview.lua" "$base/editor/preview"
  run "GET /editor/figures/$SLUG" -H "Cookie: sc_session=$session" "$base/editor/figures/$SLUG"
  run "GET /editor (figure list)" -H "Cookie: sc_session=$session" "$base/editor"
done
