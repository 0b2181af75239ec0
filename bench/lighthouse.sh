#!/usr/bin/env bash
# Lighthouse (pinned 12.2.3, installed from npm into a temporary folder; it drives the Debian
# Chromium, never a browser of its own) on the permalink pages of the packaged service with demo
# data: a figure, a figure with a series, a collection; mobile and desktop. Prints the four
# category scores of each; asserts nothing.
#
#   bench/lighthouse.sh
set -euo pipefail
cd "$(dirname "$0")/.."

APP_PORT=${APP_PORT:-18080}
. bench/lib.sh
bench_tools chromium:chromium curl:curl node:nodejs npm:npm
bench_prepare
work=$(mktemp -d)
cleanup() { [ -n "${app:-}" ] && kill "$app" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
(cd "$work" && npm init -y >/dev/null && npm i -E --no-audit --no-fund --silent lighthouse@12.2.3 >/dev/null)

# shellcheck disable=SC2086 # BENCH_JAVA_ENV holds several NAME=value words
bench_start "$APP_PORT" "$work/app.log" ${BENCH_JAVA_ENV:-}
flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run"
printf '%-8s %-28s %12s %14s %15s %5s\n' form page performance accessibility best-practices seo
for form in mobile desktop; do
  for page in s/rapidus-investment s/genai-adoption c/ai-by-the-numbers; do
    preset=(); [ "$form" = desktop ] && preset=(--preset=desktop)
    report="$work/report.json"
    CHROME_PATH=$(command -v chromium) "$work/node_modules/.bin/lighthouse" "http://127.0.0.1:$APP_PORT/$page" \
      "${preset[@]}" --quiet --output=json --output-path="$report" --chrome-flags="$flags" >/dev/null 2>&1
    node -e '
      const r = require(process.argv[1]);
      const s = id => Math.round(r.categories[id].score * 100);
      console.log([process.argv[2].padEnd(8), process.argv[3].padEnd(28), String(s("performance")).padStart(12),
        String(s("accessibility")).padStart(14), String(s("best-practices")).padStart(15), String(s("seo")).padStart(5)].join(" "));
    ' "$report" "$form" "$page"
  done
done
