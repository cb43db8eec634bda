#!/usr/bin/env bash
# Benchmark: payment intake. Starts the console (web server on a free port, bundled pay-tribute plugin from
# plugins/dist) on a fresh database, sends signed distinct Tribute purchase webhooks over loopback from
# concurrent clients, and prints applied webhooks/s and latency p50/p95/p99, then a ledger check.
#
#   bench/webhooks.sh [webhooks] [clients]
#
# Defaults: 20,000 webhooks, 16 clients, 2,000 users. Database as in bench/demo-data.sh: a new schema on
# BENCH_DB_URL (e.g. jdbc:mariadb://127.0.0.1:3306/) or else a new embedded MariaDB under ./data.
set -euo pipefail
cd "$(dirname "$0")/.."
WEBHOOKS=${1:-20000}
CLIENTS=${2:-16}
STAMP=$(date +%Y%m%d%H%M%S)
if [ -z "${JAVA_HOME:-}" ] || ! "${JAVA_HOME}/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
if [ ! -f plugins/dist/pay-tribute.jar ]; then
  ./mvnw -B -q -DskipTests package -pl plugins/pay-tribute -am
fi
ARGS="--bench.webhooks=$WEBHOOKS --bench.clients=$CLIENTS --console.plugins.dir=$PWD/plugins/dist"
if [ -n "${BENCH_DB_URL:-}" ]; then
  DB="console_webhooks_$STAMP"
  mariadb --protocol=tcp -h 127.0.0.1 -u root -e "CREATE DATABASE $DB CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
  ARGS="$ARGS --spring.datasource.url=${BENCH_DB_URL%/}/$DB --spring.datasource.username=${BENCH_DB_USER:-root} --spring.datasource.password=${BENCH_DB_PASSWORD:-}"
  echo "Using $DB on $BENCH_DB_URL"
else
  ARGS="$ARGS --console.embedded-db.data-dir=./data/bench-$STAMP"
  echo "Using an embedded MariaDB in ./data/bench-$STAMP"
fi
./mvnw -B -q -pl console -am spring-boot:run \
  -Dconsole.main-class=ru.rusoragentai.console.bench.WebhookBenchmark \
  -Dspring-boot.run.arguments="$ARGS" 2>&1 | grep -E "RESULT|ERROR|Exception"
