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
source bench/common.sh
if [ ! -f plugins/dist/pay-tribute.jar ]; then
  ./mvnw -B -q -DskipTests package -pl plugins/pay-tribute -am
fi
ARGS="--bench.webhooks=$WEBHOOKS --bench.clients=$CLIENTS --console.plugins.dir=$PWD/plugins/dist"
ARGS="$ARGS $(bench_database console_webhooks)"
./mvnw -B -q -pl bench -am spring-boot:run -Dconsole.run.skip=true -Dbench.run.skip=false \
  -Dbench.main-class=ru.rusoragentai.console.bench.WebhookBenchmark \
  -Dspring-boot.run.optimizedLaunch=false -Dspring-boot.run.jvmArguments="${BENCH_JVM_ARGS:-}" \
  -Dspring-boot.run.arguments="$ARGS" 2>&1 | grep -E "RESULT|ERROR|Exception"
