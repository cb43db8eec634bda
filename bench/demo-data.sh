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
source bench/common.sh
ARGS="--console.demo.users=$USERS --console.demo.usage-events=$EVENTS --console.demo.heavy-user-events=$HEAVY"
ARGS="$ARGS $(bench_database console_bench)"
./mvnw -B -q -pl console -am spring-boot:run \
  -Dconsole.main-class=ru.rusoragentai.console.demo.DemoDataCommand \
  -Dspring-boot.run.arguments="$ARGS" 2>&1 | grep -E "demo data|RESULT|ERROR|Exception"
