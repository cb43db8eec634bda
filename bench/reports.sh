#!/usr/bin/env bash
# Benchmark: analyst reports on a loaded database.
#
#   bench/reports.sh <jdbc-url-of-a-database-loaded-by-bench/demo-data.sh>
#
# Starts the console on it (which backfills the analysts' roll-ups if they are empty, and says how long the start
# took), then prints RESULT lines: each report over 13 months, three rounds, beside the floor of reading the same
# roll-up rows once. BENCH_ARGS="--bench.reports.rebuild-days=30" also times a rebuild of the last 30 days. The
# roll-ups stay in that database.
set -euo pipefail
cd "$(dirname "$0")/.."
URL=${1:?give the JDBC URL of a loaded database}
source bench/common.sh
./mvnw -B -q -pl bench -am spring-boot:run -Dconsole.run.skip=true -Dbench.run.skip=false \
  -Dbench.main-class=ru.rusoragentai.console.bench.ReportBenchmark \
  -Dspring-boot.run.optimizedLaunch=false -Dspring-boot.run.jvmArguments="${BENCH_JVM_ARGS:-}" \
  -Dspring-boot.run.arguments="--spring.datasource.url=$URL --spring.datasource.username=${BENCH_DB_USER:-root} --spring.datasource.password=${BENCH_DB_PASSWORD:-} ${BENCH_ARGS:-}" \
  2>&1 | grep --line-buffered -E "RESULT|ERROR|Exception"
