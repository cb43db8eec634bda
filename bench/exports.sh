#!/usr/bin/env bash
# Benchmark: the analysts' event-level export on a loaded database.
#
#   bench/exports.sh <jdbc-url-of-a-database-loaded-by-bench/demo-data.sh-with-roll-ups>
#
# Runs in a JVM held to a 256 MB heap (the goal; BENCH_JVM_ARGS replaces it) and prints RESULT lines: for ranges of
# about 1M and 5M events, the console's export to XLSX and to gzipped CSV beside the floor of a plain buffered CSV write
# of the same query's rows and beside POI's plain SXSSFWorkbook writing the same cells; rows per second and peak heap.
# The database needs the analysts' roll-ups (bench/reports.sh builds them). The encrypted files it builds are left in
# bench/target/bench-exports with their rows in report_export.
set -euo pipefail
cd "$(dirname "$0")/.."
URL=${1:?give the JDBC URL of a loaded database}
source bench/common.sh
./mvnw -B -q -pl bench -am spring-boot:run -Dconsole.run.skip=true -Dbench.run.skip=false \
  -Dbench.main-class=ru.rusoragentai.console.bench.ExportBenchmark \
  -Dspring-boot.run.optimizedLaunch=false -Dspring-boot.run.jvmArguments="${BENCH_JVM_ARGS:--Xmx256m}" \
  -Dspring-boot.run.arguments="--spring.datasource.url=$URL --spring.datasource.username=${BENCH_DB_USER:-root} --spring.datasource.password=${BENCH_DB_PASSWORD:-}" \
  2>&1 | grep --line-buffered -E "RESULT|ERROR|Exception"
