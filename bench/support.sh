#!/usr/bin/env bash
# Benchmark: support desk lookups, user page load and adjustment throughput on a loaded database.
#
#   bench/support.sh <jdbc-url-of-a-database-loaded-by-bench/demo-data.sh>
#
# e.g. bench/support.sh jdbc:mariadb://127.0.0.1:3306/console_bench_20261127044620
# Prints RESULT lines: exact lookup p50/p95, payment id lookup, name-prefix and surname search p95, heaviest user's
# page data, adjustments/s with 16 writers. It writes adjustments (and audit events) into that database.
set -euo pipefail
cd "$(dirname "$0")/.."
URL=${1:?give the JDBC URL of a loaded database}
source bench/common.sh
./mvnw -B -q -pl bench -am spring-boot:run -Dconsole.run.skip=true -Dbench.run.skip=false \
  -Dbench.main-class=ru.rusoragentai.console.bench.SupportBenchmark \
  -Dspring-boot.run.optimizedLaunch=false -Dspring-boot.run.jvmArguments="${BENCH_JVM_ARGS:-}" \
  -Dspring-boot.run.arguments="--spring.datasource.url=$URL --spring.datasource.username=${BENCH_DB_USER:-root} --spring.datasource.password=${BENCH_DB_PASSWORD:-} ${BENCH_ARGS:-}" \
  2>&1 | grep --line-buffered -E "RESULT|ERROR|Exception"
