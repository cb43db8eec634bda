#!/usr/bin/env bash
# Benchmark: the privacy desk on the heaviest user of a loaded database.
#
#   bench/privacy.sh <jdbc-url-of-a-database-loaded-by-bench/demo-data.sh>
#
# e.g. bench/privacy.sh jdbc:mariadb://127.0.0.1:3306/console_bench_20261127084755
# Prints RESULT lines: the access package of the heaviest user (>= 1M usage events at the 1M/50M scale: seconds,
# zip size, peak heap under a 512 MB limit), built twice: in the cold JVM, then warm (as in a console that has been
# up a while; --bench.package-runs=N in BENCH_ARGS changes the count), then the erasure of that user (seconds, longest transaction, the worst
# wait of a concurrent writer on other users). It ERASES that user; run bench/support.sh before it.
set -euo pipefail
cd "$(dirname "$0")/.."
URL=${1:?give the JDBC URL of a loaded database}
source bench/common.sh
./mvnw -B -q -pl bench -am spring-boot:run -Dconsole.run.skip=true -Dbench.run.skip=false \
  -Dbench.main-class=ru.rusoragentai.console.bench.PrivacyBenchmark \
  -Dspring-boot.run.jvmArguments="-Xmx512m ${BENCH_JVM_ARGS:-}" -Dspring-boot.run.optimizedLaunch=false \
  -Dspring-boot.run.arguments="--spring.datasource.url=$URL --spring.datasource.username=${BENCH_DB_USER:-root} --spring.datasource.password=${BENCH_DB_PASSWORD:-} --console.privacy.package-dir=./data/bench-packages ${BENCH_ARGS:-}" \
  2>&1 | grep -E "RESULT|ERROR|Exception|[Ee]rasure task"
