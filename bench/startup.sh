#!/usr/bin/env bash
# Start-up and memory of the packaged service, started exactly as the README starts it, against
# bare Quarkus applications built here with the same Quarkus version: one with quarkus-rest only,
# and one with the service's stack (REST + Qute + Hibernate ORM with Panache + PostgreSQL, one
# entity read on its page), the latter also with a class-data archive of its own made the way the
# service's build makes its own (a training run to its first answer, src/main/sh/class-archive.sh),
# so that what the archive brings is told apart from the rest, the same packaged as the service is
# (one jar, which the JVM's own class loader reads) with an archive of its own, so that what the
# packaging brings is told apart too, and once more with the service's own JVM options
# (src/main/jvm/jvm.options), so that the JVM's settings are told apart from the service's work.
# Time from launch to the first answer and RSS then, alternating runs; then RSS after a 60 s load
# of public reads, on three fresh starts. Prints; asserts nothing.
#
#   bench/startup.sh                (RUNS=5 LOAD=60s LOAD_RUNS=3 to change)
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-5}
LOAD=${LOAD:-60s}
LOAD_RUNS=${LOAD_RUNS:-3}

. bench/lib.sh
bench_tools wrk:wrk curl:curl jcmd:openjdk-17-jdk-headless
bench_prepare
bench_wait_free 8080 9000
work=$(mktemp -d)
# The bare apps are waited for before their folder goes: a Quarkus app whose jar is deleted while
# it stops hangs in its shutdown, loading a class from the jar.
cleanup() {
  local bare="$work/.*/target/(quarkus-app/quarkus-run|bare-1-runner).jar"
  pkill -f "$bare" 2>/dev/null || true
  [ -z "${app:-}" ] || kill "$app" 2>/dev/null || true
  for _ in $(seq 1 150); do pgrep -f "$bare" >/dev/null || break; sleep 0.2; done
  rm -rf "$work"
}
trap cleanup EXIT

bench_bare_app "$work/rest" "quarkus-rest" 'package bare;

@jakarta.ws.rs.Path("/hello")
public class Hello {
    @jakarta.ws.rs.GET
    public String hello() {
        return "hello";
    }
}'
bench_bare_stack "$work/stack"
cp -r "$work/stack" "$work/stack_one_jar"
./mvnw -q -B -f "$work/stack_one_jar/pom.xml" package -DskipTests -Dquarkus.package.jar.type=uber-jar
if [ -f target/stat-callouts.jsa ]; then
  echo "the service's class-data archive: $(($(stat -c %s target/stat-callouts.jsa) / 1048576)) MB"
else
  echo "the service's class-data archive is missing: the build could not train it (see target/class-archive-training.log)"
fi

# first_answer URL CMD... launches CMD, waits for its first 200 and sets $ms (from launch), $rss
# (kB, then) and $started (its pid, left running).
first_answer() {
  local url=$1 start end
  shift
  start=$(date +%s%N)
  "$@" >"$work/run.log" 2>&1 &
  started=$!
  until curl -sf -o /dev/null "$url"; do
    kill -0 "$started" 2>/dev/null || { echo "did not start; see:" >&2; tail -20 "$work/run.log" >&2; exit 1; }
    sleep 0.02
  done
  end=$(date +%s%N)
  ms=$(( (end - start) / 1000000 ))
  rss=$(ps -o rss= -p "$started" | tr -d ' ')
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# The README's command (the jar already built): its heap, demo data, the database user, nothing else.
# service [JVM-OPTION...]: the service as the README starts it (options only for the line after the target).
service() { exec env QUARKUS_DATASOURCE_USERNAME=postgres STATCALLOUTS_DEMO_LOAD=true java $SERVICE_JVM_OPTIONS "$@" -jar target/stat-callouts-runner.jar; }
rest() { exec java -jar "$work/rest/target/quarkus-app/quarkus-run.jar"; }
stack() { exec java -jar "$work/stack/target/quarkus-app/quarkus-run.jar"; }
stack_archived() { exec java -XX:SharedArchiveFile="$work/stack.jsa" -jar "$work/stack/target/quarkus-app/quarkus-run.jar"; }
stack_one_jar() { exec java -XX:SharedArchiveFile="$work/stack_one_jar.jsa" -jar "$work/stack_one_jar/target/bare-1-runner.jar"; }
# The bare stack with the service's own JVM options (heap, collector): the same JVM on both sides.
stack_options() { exec java @src/main/jvm/jvm.options -jar "$work/stack/target/quarkus-app/quarkus-run.jar"; }

# The bare stack's own archive: one training run to its first answer, as the service's build does.
first_answer http://127.0.0.1:8080/hello java -XX:ArchiveClassesAtExit="$work/stack.jsa" -jar "$work/stack/target/quarkus-app/quarkus-run.jar"
kill "$started"; wait "$started" 2>/dev/null || true
first_answer http://127.0.0.1:8080/hello java -XX:ArchiveClassesAtExit="$work/stack_one_jar.jsa" -jar "$work/stack_one_jar/target/bare-1-runner.jar"
kill "$started"; wait "$started" 2>/dev/null || true

names="service rest stack stack_archived stack_one_jar stack_options"
for name in $names; do : >"$work/$name.txt"; done
printf '%-5s %-14s %14s %10s\n' run app "first answer" "RSS"
for run in $(seq 1 "$RUNS"); do
  for name in $names; do
    path=/hello
    [ "$name" = service ] && path=/embed/rapidus-investment
    first_answer "http://127.0.0.1:8080$path" "$name"
    kill "$started"; wait "$started" 2>/dev/null || true
    echo "$ms $rss" >>"$work/$name.txt"
    printf '%-5s %-14s %11s ms %7s MB\n' "$run" "$name" "$ms" "$((rss / 1024))"
  done
done
s_ms=$(cut -d' ' -f1 "$work/service.txt" | median); s_rss=$(cut -d' ' -f2 "$work/service.txt" | median)
for name in ${names#service }; do
  ms=$(cut -d' ' -f1 "$work/$name.txt" | median); rss=$(cut -d' ' -f2 "$work/$name.txt" | median)
  printf 'median first answer: service %s ms, bare %s %s ms: ratio %.2f; RSS then: service %.0f MB, bare %s %.0f MB\n' \
    "$s_ms" "$name" "$ms" "$(echo "$s_ms / $ms" | bc -l)" "$(echo "$s_rss / 1024" | bc -l)" "$name" "$(echo "$rss / 1024" | bc -l)"
done

# RSS after a load of public reads: cards, permalinks, oEmbed, the API, pictures, on LOAD_RUNS fresh
# starts, the load beginning as soon as the first card is answered (the heap G1 keeps varies from one
# start to the next). Every read answers 200 (the oEmbed URL names the public origin as the README
# runs it); each run checks that after its load, so as not to warm the service before it.
mix=(/embed/rapidus-investment /s/rapidus-investment /api/stats /api/stats/rapidus-investment
  "/oembed?url=http://localhost:8080/s/rapidus-investment" /c/ai-by-the-numbers
  /images/s/rapidus-investment.png "/embed/genai-adoption?theme=dark")
{
  echo 'local paths = {'
  printf '  "%s",\n' "${mix[@]}"
  echo '}'
  echo 'local n = 0'
  echo 'request = function()'
  echo '  n = n + 1'
  echo '  return wrk.format("GET", paths[(n % #paths) + 1])'
  echo 'end'
} >"$work/mix.lua"
: >"$work/load.txt"
for run in $(seq 1 "$LOAD_RUNS"); do
  first_answer http://127.0.0.1:8080/embed/rapidus-investment service
  app=$started
  rps=$(wrk -t2 -c32 -d"$LOAD" -s "$work/mix.lua" http://127.0.0.1:8080 | sed -n 's/^Requests\/sec: *//p')
  rss=$(ps -o rss= -p "$app" | tr -d ' ')
  # The heap G1 has committed then (read after the RSS, as asking the JVM costs memory too): what
  # varies from start to start (docs/operations.md, "Memory").
  heap=$(jcmd "$app" GC.heap_info 2>/dev/null | sed -n 's/.*garbage-first heap *total \([0-9]*\)K.*/\1/p')
  for path in "${mix[@]}"; do
    status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:8080$path")
    [ "$status" = 200 ] || echo "note: $path answers $status, not 200: the load was not all reads"
  done
  kill "$app"; wait "$app" 2>/dev/null || true
  echo "$rss" >>"$work/load.txt"
  heap_text="not read"
  [ -z "$heap" ] || heap_text="$((heap / 1024)) MB"
  printf 'load %s: %s requests/s over %s; RSS after the load: %.0f MB (the heap committed: %s)\n' "$run" "$rps" "$LOAD" \
    "$(echo "$rss / 1024" | bc -l)" "$heap_text"
done
printf 'RSS after the load, median of %s: %.0f MB (%.0f-%.0f)\n' "$LOAD_RUNS" \
  "$(echo "$(median <"$work/load.txt") / 1024" | bc -l)" \
  "$(echo "$(sort -n "$work/load.txt" | head -1) / 1024" | bc -l)" "$(echo "$(sort -n "$work/load.txt" | tail -1) / 1024" | bc -l)"
