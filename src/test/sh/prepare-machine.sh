#!/usr/bin/env bash
# Prepares this machine for the tests; `./mvnw verify` runs it first, so that command alone works
# on a fresh machine. Installs the Debian packages the browser and WordPress tests use if missing, starts the local
# PostgreSQL if it is not answering, and creates the service's and the tests' databases.
# Each step does nothing when its work is already done.
set -euo pipefail

# Browser tests: Chromium. WordPress tests: Debian's WordPress 6.1 with its twentytwentyone theme,
# run by php-cli against the local MariaDB (nginx satisfies the package's web-server dependency
# without starting Apache; the tests serve WordPress with PHP's built-in server).
browser=""
command -v chromium >/dev/null || browser="$browser chromium"
command -v chromedriver >/dev/null || browser="$browser chromium-driver"
packages=""
[ -f /usr/share/wordpress/wp-settings.php ] || packages="$packages wordpress nginx"
[ -d /usr/share/wordpress/wp-content/themes/twentytwentyone ] || packages="$packages wordpress-theme-twentytwentyone"
command -v php >/dev/null || packages="$packages php-cli"
php -m 2>/dev/null | grep -q mysqli || packages="$packages php-mysql"
command -v mariadb >/dev/null || packages="$packages mariadb-client"
if [ -n "$browser$packages" ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "The browser and WordPress tests need Debian packages: apt-get install$browser$packages" >&2
    exit 1
  fi
  echo "Installing$browser$packages (browser and WordPress tests)..."
  apt-get update -qq
  [ -z "$browser" ] || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $browser >/dev/null
  [ -z "$packages" ] || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $packages >/dev/null
fi

if ! mariadb -h 127.0.0.1 -P 3306 -u root -e "select 1" >/dev/null 2>&1; then
  echo "The WordPress tests need MariaDB on 127.0.0.1:3306 (root, no password)." >&2
  exit 1
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
