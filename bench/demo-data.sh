#!/usr/bin/env bash
# Benchmark: demo data generator throughput. Prints rows/s and usage events/s.
#
#   bench/demo-data.sh [users] [usage-events] [heavy-user-events]
#
# Defaults to the issue's 100k users / 5M usage events. Loads into a fresh database:
#   - with BENCH_DB_URL (e.g. jdbc:mariadb://127.0.0.1:3306/) into a new schema console_bench_<time> there;
#   - otherwise into a new embedded MariaDB under ./data/bench-<time>.
# The 1M-user / 50M-event set for the support and privacy benchmarks is the same command with
# `bench/demo-data.sh 1000000 50000000 1000000`.
set -euo pipefail
cd "$(dirname "$0")/.."
USERS=${1:-100000}
EVENTS=${2:-5000000}
HEAVY=${3:-0}
STAMP=$(date +%Y%m%d%H%M%S)
if [ -z "${JAVA_HOME:-}" ] || ! "${JAVA_HOME}/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
ARGS="--console.demo.users=$USERS --console.demo.usage-events=$EVENTS --console.demo.heavy-user-events=$HEAVY"
if [ -n "${BENCH_DB_URL:-}" ]; then
  DB="console_bench_$STAMP"
  mariadb --protocol=tcp -h 127.0.0.1 -u root -e "CREATE DATABASE $DB CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
  ARGS="$ARGS --spring.datasource.url=${BENCH_DB_URL%/}/$DB --spring.datasource.username=${BENCH_DB_USER:-root} --spring.datasource.password=${BENCH_DB_PASSWORD:-}"
  echo "Loading into $DB on $BENCH_DB_URL"
else
  ARGS="$ARGS --console.embedded-db.data-dir=./data/bench-$STAMP"
  echo "Loading into an embedded MariaDB in ./data/bench-$STAMP"
fi
./mvnw -B -q -pl console -am spring-boot:run \
  -Dconsole.main-class=ru.rusoragentai.console.demo.DemoDataCommand \
  -Dspring-boot.run.arguments="$ARGS" 2>&1 | grep -E "demo data|RESULT|ERROR|Exception"
