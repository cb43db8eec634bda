#!/usr/bin/env bash
# Benchmark: abuse monitoring on a loaded database.
#
#   bench/abuse.sh <jdbc-url-of-a-database-loaded-by-bench/demo-data.sh>
#
# e.g. after BENCH_DB_URL=jdbc:mariadb://127.0.0.1:3306/ bench/demo-data.sh 1000000 50000000 1000000
# Prints RESULT lines: a full evaluation of the last 30 days per rule and in all, beside the floor of reading those
# 30 days once; incremental runs after 1,000, 10,000 and 100,000 new usage events; the queue's first page and count
# with 100,000 more open flags in the table, beside a raw query of the page. It leaves the flags of the full
# evaluation and the new usage events in that database; the 100,000 queue flags are deleted again.
set -euo pipefail
cd "$(dirname "$0")/.."
URL=${1:?give the JDBC URL of a loaded database}
source bench/common.sh
./mvnw -B -q -pl bench -am spring-boot:run -Dconsole.run.skip=true -Dbench.run.skip=false \
  -Dbench.main-class=ru.rusoragentai.console.bench.AbuseBenchmark \
  -Dspring-boot.run.optimizedLaunch=false -Dspring-boot.run.jvmArguments="${BENCH_JVM_ARGS:-}" \
  -Dspring-boot.run.arguments="--spring.datasource.url=$URL --spring.datasource.username=${BENCH_DB_USER:-root} --spring.datasource.password=${BENCH_DB_PASSWORD:-} ${BENCH_ARGS:-}" \
  2>&1 | grep --line-buffered -E "RESULT|ERROR|Exception"
