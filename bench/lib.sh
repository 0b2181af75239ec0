# Shared by the bench scripts (sourced from the project's top folder): Debian tools, the
# service's database and jar, and the packaged service started with demo data.

# bench_tools COMMAND:PACKAGE... installs the Debian packages whose commands are missing.
bench_tools() {
  local missing=() spec
  for spec in "$@"; do
    command -v "${spec%%:*}" >/dev/null || missing+=("${spec#*:}")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

# The JVM options of the README's command (its heap); every script starts the service with them.
SERVICE_JVM_OPTIONS="@src/main/jvm/jvm.options -XX:SharedArchiveFile=target/stat-callouts.jsa"

# bench_prepare: the service's database exists, and the jar and its class-data archive are built
# and fit each other (the README's command and `./mvnw verify` build both; a JVM that cannot use
# the archive would start without it).
bench_prepare() {
  if command -v psql >/dev/null; then
    psql -h 127.0.0.1 -U postgres -tAc "select 1 from pg_database where datname='statcallouts'" | grep -q 1 \
      || createdb -h 127.0.0.1 -U postgres statcallouts
  fi
  java -XX:SharedArchiveFile=target/stat-callouts.jsa -Xshare:on -cp target/stat-callouts-runner.jar -version \
    >/dev/null 2>&1 || ./mvnw -q -B package -DskipTests
}

# bench_wait_free PORT... waits up to 30 s for these ports to be free (a service stopped by an
# earlier script answers on for its shutdown delay); fails if one stays taken.
bench_wait_free() {
  local port
  for port in "$@"; do
    for _ in $(seq 1 60); do
      curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$port/" || continue 2
      sleep 0.5
    done
    echo "port $port stays in use: stop what listens there first" >&2
    return 1
  done
}

# bench_start PORT LOG [NAME=value...] starts the packaged service with demo data and these extra
# settings, sets $app to its pid and waits until it is ready.
bench_start() {
  local port=$1 log=$2
  shift 2
  bench_wait_free "$port" 9000
  env QUARKUS_HTTP_PORT="$port" QUARKUS_DATASOURCE_USERNAME=postgres STATCALLOUTS_DEMO_LOAD=true \
    "$@" java $SERVICE_JVM_OPTIONS -jar target/stat-callouts-runner.jar >"$log" 2>&1 &
  app=$!
  bench_wait_ready 60 || { echo "the service did not become ready; see $log" >&2; return 1; }
}

# bench_wait_ready SECONDS: waits until the service says it is ready (its database answering).
bench_wait_ready() {
  for _ in $(seq 1 "$1"); do
    # Readiness is on the management interface (port 9000), not on the public port.
    curl -sf "http://127.0.0.1:9000/q/health/ready" >/dev/null && return 0
    sleep 1
  done
  return 1
}

# bench_wrk WRK-ARGS... runs wrk with --latency and prints "requests/s p50 p99".
bench_wrk() {
  wrk --latency "$@" | awk '
    /Requests\/sec/ { rps = $2 }
    /^ +50%/ { p50 = $2 } /^ +99%/ { p99 = $2 }
    END { print rps, p50, p99 }'
}

# bench_miss_script FILE [PARAM FORMAT RANGE FIRST] writes a wrk script that asks for a new value
# of PARAM on every request (by default a new accent colour, so that no answer comes from the card
# cache): FIRST + a number below RANGE, written with FORMAT. wrk gives each of its threads a Lua
# state of its own, whose random numbers start from the same seed: unseeded, two threads asked for
# the same values at the same moments, and the second of each pair was a hit or shared the first's
# reading, which doubled the rate at -t2. Each thread is seeded with its own number.
bench_miss_script() {
  local file=$1 param=${2:-accent} format=${3:-%06x} range=${4:-16777215} first=${5:-0}
  cat >"$file" <<LUA
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end
function init(args)
  math.randomseed(id)
end
local n = 0
request = function()
  n = n + 1
  local sep = string.find(wrk.path, "?", 1, true) and "&" or "?"
  local value = $first + (n * 7919 + math.random(0, 999999)) % $range
  return wrk.format("GET", wrk.path .. sep .. string.format("$param=$format", value))
end
LUA
}

# bench_nginx WORK PORT HTTP-DIRECTIVES SERVER-DIRECTIVES starts nginx with one worker serving
# WORK/www on PORT (no access log, pre-gzipped files, ETags), as the reference of every benchmark.
bench_nginx() {
  cat >"$1/nginx.conf" <<CONF
worker_processes 1;
pid $1/nginx.pid;
error_log $1/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  gzip_static on;
  etag on;
  $3
  server {
    listen 127.0.0.1:$2;
    root $1/www;
    $4
  }
}
CONF
  nginx -c "$1/nginx.conf"
}

# bench_bare_app DIR DEPENDENCIES JAVA builds in DIR a bare application with the service's Quarkus
# version, these quarkus-* extensions and this one resource class (bare.Hello).
bench_bare_app() {
  local dir=$1 deps=$2 java=$3 dependencies="" dep version
  version=$(sed -n 's:.*<quarkus.platform.version>\(.*\)</quarkus.platform.version>.*:\1:p' pom.xml | head -1)
  for dep in $deps; do
    dependencies="$dependencies<dependency><groupId>io.quarkus</groupId><artifactId>$dep</artifactId></dependency>"
  done
  mkdir -p "$dir/src/main/java/bare" "$dir/src/main/resources/templates"
  cat >"$dir/pom.xml" <<POM
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId>
  <artifactId>bare</artifactId>
  <version>1</version>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <dependencyManagement>
    <dependencies>
      <dependency>
        <groupId>io.quarkus</groupId>
        <artifactId>quarkus-bom</artifactId>
        <version>$version</version>
        <type>pom</type>
        <scope>import</scope>
      </dependency>
    </dependencies>
  </dependencyManagement>
  <dependencies>$dependencies</dependencies>
  <build>
    <plugins>
      <plugin>
        <groupId>io.quarkus</groupId>
        <artifactId>quarkus-maven-plugin</artifactId>
        <version>$version</version>
        <executions><execution><goals><goal>build</goal></goals></execution></executions>
      </plugin>
    </plugins>
  </build>
</project>
POM
  echo "$java" >"$dir/src/main/java/bare/Hello.java"
  ./mvnw -q -B -f "$dir/pom.xml" package -DskipTests
}

# bench_bare_stack DIR builds in DIR a bare application on the service's stack (REST, Qute,
# Hibernate ORM with Panache, PostgreSQL in the database bench_bare): GET /hello reads the rows of
# one entity in a transaction and writes them through a template. Its jar is
# DIR/target/quarkus-app/quarkus-run.jar; it listens on 8080.
bench_bare_stack() {
  local dir=$1
  psql -h 127.0.0.1 -U postgres -tAc "select 1 from pg_database where datname='bench_bare'" | grep -q 1 \
    || createdb -h 127.0.0.1 -U postgres bench_bare
  mkdir -p "$dir/src/main/resources/templates"
  cat >"$dir/src/main/resources/application.properties" <<PROPS
quarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:5432/bench_bare
quarkus.datasource.username=postgres
quarkus.hibernate-orm.schema-management.strategy=drop-and-create
quarkus.hibernate-orm.sql-load-script=import.sql
PROPS
  echo "insert into Greeting(id, words) values (1, 'hello'), (2, 'world');" >"$dir/src/main/resources/import.sql"
  echo '<ul>{#for g in greetings}<li>{g.words}</li>{/for}</ul>' >"$dir/src/main/resources/templates/hello.html"
  bench_bare_app "$dir" "quarkus-rest quarkus-rest-qute quarkus-hibernate-orm-panache quarkus-jdbc-postgresql" 'package bare;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.qute.Template;

@jakarta.ws.rs.Path("/hello")
public class Hello {
    @jakarta.persistence.Entity
    public static class Greeting extends PanacheEntityBase {
        @jakarta.persistence.Id
        public Long id;
        public String words;
    }

    @jakarta.inject.Inject
    Template hello;

    @jakarta.ws.rs.GET
    @jakarta.transaction.Transactional
    public String page() {
        return hello.data("greetings", Greeting.listAll()).render();
    }
}'
}
