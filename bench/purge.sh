#!/usr/bin/env bash
# Benchmark: purging one month of usage events by dropping its partition, against a DELETE of the same rows.
#
#   bench/purge.sh <database> [host] [port]
#
# Needs a database loaded by bench/demo-data.sh (e.g. console_bench_20261127070206 on 127.0.0.1:3306, user root
# or BENCH_DB_USER/BENCH_DB_PASSWORD). Builds two scratch copies of usage_event's layout holding the same month:
# the smallest month with >= 5M rows (PURGE_MIN_ROWS), or, on a data set where no month has that many, the two
# busiest months folded into one; then times
# ALTER TABLE ... DROP PARTITION on one and DELETE ... WHERE occurred_at in that month on the other. Prints RESULT
# lines; drops the scratch tables at the end. usage_event itself is not touched.
set -euo pipefail
DB=${1:?give the database loaded by bench/demo-data.sh}
HOST=${2:-127.0.0.1}
PORT=${3:-3306}
SQL=(mariadb --protocol=tcp -h "$HOST" -P "$PORT" -u "${BENCH_DB_USER:-root}" ${BENCH_DB_PASSWORD:+-p"$BENCH_DB_PASSWORD"} -N "$DB")
now() { date +%s.%N; }

# The month to purge: the smallest month that holds >= 5M rows on its own; when none does (a smaller data set),
# the two busiest months folded into one.
MIN_ROWS=${PURGE_MIN_ROWS:-5000000}
partition_rows() { "${SQL[@]}" -e "SELECT COUNT(*) FROM usage_event PARTITION ($1)"; }
TOP=""
for CANDIDATE in $("${SQL[@]}" -e "SELECT partition_name FROM information_schema.partitions WHERE table_schema = DATABASE()
    AND table_name = 'usage_event' AND partition_name <> 'p_initial' AND table_rows >= $MIN_ROWS * 0.9 ORDER BY table_rows"); do
  if [ "$(partition_rows "$CANDIDATE")" -ge "$MIN_ROWS" ]; then TOP=$CANDIDATE; break; fi
done
SECOND=""
if [ -z "$TOP" ]; then
  read -r TOP SECOND < <("${SQL[@]}" -e "SELECT partition_name FROM information_schema.partitions WHERE table_schema = DATABASE()
    AND table_name = 'usage_event' AND partition_name <> 'p_initial' ORDER BY table_rows DESC LIMIT 2" | paste -sd' ')
fi
MONTH_START=$(echo "$TOP" | sed -E 's/p([0-9]{4})([0-9]{2})/\1-\2-01/')
"${SQL[@]}" -e "DROP TABLE IF EXISTS purge_bench_drop, purge_bench_delete;
  CREATE TABLE purge_bench_drop LIKE usage_event; CREATE TABLE purge_bench_delete LIKE usage_event;"
COLUMNS="id, occurred_at, user_id, session_id, provider, model, feature, input_tokens, output_tokens, tokens_charged, latency_ms, status, ip"
if [ -z "$SECOND" ]; then
  echo "Purging $TOP ($MONTH_START) as it is"
else
  OTHER_START=$(echo "$SECOND" | sed -E 's/p([0-9]{4})([0-9]{2})/\1-\2-01/')
  SHIFTED="id, DATE_ADD('$MONTH_START', INTERVAL TIMESTAMPDIFF(SECOND, '$OTHER_START', occurred_at) SECOND), user_id, session_id, provider, model, feature, input_tokens, output_tokens, tokens_charged, latency_ms, status, ip"
  echo "No month holds $MIN_ROWS rows: folding $SECOND into $TOP ($MONTH_START)"
fi
for TABLE in purge_bench_drop purge_bench_delete; do
  "${SQL[@]}" -e "SET SESSION innodb_lock_wait_timeout = 600;
    INSERT INTO $TABLE ($COLUMNS) SELECT $COLUMNS FROM usage_event PARTITION ($TOP);"
  if [ -n "$SECOND" ]; then
    "${SQL[@]}" -e "SET SESSION innodb_lock_wait_timeout = 600;
      INSERT INTO $TABLE ($COLUMNS) SELECT $SHIFTED FROM usage_event PARTITION ($SECOND)
        WHERE TIMESTAMPDIFF(SECOND, '$OTHER_START', occurred_at) < TIMESTAMPDIFF(SECOND, '$MONTH_START', DATE_ADD('$MONTH_START', INTERVAL 1 MONTH));"
  fi
done
ROWS=$("${SQL[@]}" -e "SELECT COUNT(*) FROM purge_bench_delete")
echo "RESULT purge data: $ROWS rows in one month ($TOP) in each of two copies"

T0=$(now)
"${SQL[@]}" -e "ALTER TABLE purge_bench_drop DROP PARTITION $TOP"
T1=$(now)
"${SQL[@]}" -e "DELETE FROM purge_bench_delete WHERE occurred_at >= '$MONTH_START' AND occurred_at < DATE_ADD('$MONTH_START', INTERVAL 1 MONTH)"
T2=$(now)
LEFT=$("${SQL[@]}" -e "SELECT COUNT(*) FROM purge_bench_delete")
"${SQL[@]}" -e "DROP TABLE purge_bench_drop, purge_bench_delete"
awk -v d="$(echo "$T1 - $T0" | bc)" -v x="$(echo "$T2 - $T1" | bc)" -v n="$ROWS" -v left="$LEFT" 'BEGIN {
  printf "RESULT purge of %d rows: DROP PARTITION %.3f s, DELETE %.1f s (%d rows left) = %.0fx faster\n", n, d, x, left, x / d }'
