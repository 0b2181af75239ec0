#!/usr/bin/env bash
# Part of `./mvnw package`, after the jar: a training run that writes the class-data archive
# target/stat-callouts.jsa, which the README's command hands the JVM
# (-XX:SharedArchiveFile). It starts the packaged service with the demo data in a database of its
# own (statcallouts_archive, created here when missing, so that no other database gets demo data),
# asks once for each kind of public read, and stops it; as it exits, the JVM writes every class it
# loaded (the service's and its libraries', parsed and verified) into the archive, so that a later
# start maps them instead of loading them again.
#
# Why not quarkus.package.jar.aot (AppCDS on Java 17): it stops the application before its
# runtime start, so Hibernate's, Flyway's and the first request's classes stay out; here they made
# the difference (docs/performance.md). An archive only works on the very JVM build that wrote it;
# any other JVM, or a missing file, starts as before, without it.
#
# Settings (Maven properties): class-archive.skip, class-archive.db-url, class-archive.db-user.
# Without a database the build goes on without an archive and says so.
set -uo pipefail
cd "$(dirname "$0")/../../.."

db_url=${1:-jdbc:postgresql://127.0.0.1:5432/statcallouts_archive}
db_user=${2:-postgres}
jar=target/stat-callouts-runner.jar
archive=target/stat-callouts.jsa
log=target/class-archive-training.log
rm -f "$archive"
[ -f "$jar" ] || exit 0

if command -v createdb >/dev/null && [[ $db_url =~ ^jdbc:postgresql://([^:/]+)(:([0-9]+))?/([^?]+) ]]; then
  createdb -h "${BASH_REMATCH[1]}" -p "${BASH_REMATCH[3]:-5432}" -U "$db_user" "${BASH_REMATCH[4]}" 2>/dev/null
fi

warn() { echo "[WARNING] class archive not written ($1); the service starts without it. See $log" >&2; exit 0; }

# free_port FROM: the first port from FROM on that nothing listens on.
free_port() {
  local port=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}
port=$(free_port 18080)
management=$(free_port $((port + 1)))

QUARKUS_HTTP_PORT=$port QUARKUS_MANAGEMENT_PORT=$management QUARKUS_SHUTDOWN_DELAY_ENABLED=false \
  QUARKUS_DATASOURCE_JDBC_URL=$db_url QUARKUS_DATASOURCE_USERNAME=$db_user STATCALLOUTS_DEMO_LOAD=true \
  STATCALLOUTS_SITE_PUBLIC_URL=http://127.0.0.1:$port \
  java @src/main/jvm/jvm.options -XX:ArchiveClassesAtExit="$archive" -jar "$jar" >"$log" 2>&1 &
service=$!
stop() { kill "$service" 2>/dev/null; wait "$service" 2>/dev/null; }

ready=
for _ in $(seq 1 120); do
  kill -0 "$service" 2>/dev/null || warn "the training run stopped: is PostgreSQL up at $db_url?"
  if curl -sf -o /dev/null "http://127.0.0.1:$management/q/health/ready"; then ready=1; break; fi
  sleep 0.5
done
[ -n "$ready" ] || { stop; warn "the training run was not ready in 60 s"; }

base=http://127.0.0.1:$port
for path in /embed/rapidus-investment "/embed/genai-adoption?theme=dark&lang=ja" /s/rapidus-investment \
  /c/ai-by-the-numbers "/oembed?url=$base/s/rapidus-investment" /api/stats /api/stats/rapidus-investment \
  /images/s/rapidus-investment.png /embed/no-such-figure "/oembed?url=$base/s/no-such-figure"; do
  curl -s -o /dev/null "$base$path"
  curl -s -o /dev/null -H 'Accept-Encoding: gzip' "$base$path"
done
stop
java -XX:SharedArchiveFile="$archive" -Xshare:on -cp "$jar" -version >/dev/null 2>&1 || { rm -f "$archive"; warn "the JVM refuses it"; }
echo "class archive: $archive ($(($(stat -c %s "$archive") / 1048576)) MB)"
