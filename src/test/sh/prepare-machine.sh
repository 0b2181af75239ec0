#!/usr/bin/env bash
# Prepares this machine for the tests; `./mvnw verify` runs it first, so that command alone works
# on a fresh machine. Installs Debian's Chromium and chromedriver if missing, starts the local
# PostgreSQL if it is not answering, and creates the service's and the tests' databases.
# Each step does nothing when its work is already done.
set -euo pipefail

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "The browser tests need Debian's chromium and chromium-driver: apt-get install chromium chromium-driver" >&2
    exit 1
  fi
  echo "Installing chromium and chromium-driver (browser tests)..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
fi

if ! pg_isready -h 127.0.0.1 -p 5432 -q; then
  echo "Starting PostgreSQL..."
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start
  for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
fi

for db in statcallouts statcallouts_test; do
  if ! psql -h 127.0.0.1 -U postgres -tAc "select 1 from pg_database where datname = '$db'" | grep -q 1; then
    createdb -h 127.0.0.1 -U postgres "$db"
  fi
done
