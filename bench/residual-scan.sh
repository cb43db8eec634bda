#!/usr/bin/env bash
# Benchmark: the erasure's search for a subject's identifiers in free text (SubjectTextRepository), the part whose
# cost grows with tables that are never purged: the audit log and the webhook inbox.
#
#   bench/residual-scan.sh [audit rows] [inbox rows] [host] [port]
#
# Makes a scratch database with the console's audit_event and webhook_inbox layouts (V2, V6, V11), fills them with
# rows of realistic size (audit details ~120 characters, inbox bodies ~400 bytes of Tribute JSON), and times, three
# times each, the statement the residual scan runs per table (one pass, one REGEXP per searched column, the pattern
# of a subject with Telegram id, username, email, display name and two IP addresses) against the floor: the same pass
# with a plain LENGTH() instead of the REGEXP. Also times the inbox redaction's UPDATE, which finds nothing to change.
# Prints RESULT lines, then drops the scratch database. Default sizes: 1,000,000 audit rows, 200,000 deliveries.
set -euo pipefail
AUDIT=${1:-1000000}
INBOX=${2:-200000}
HOST=${3:-127.0.0.1}
PORT=${4:-3306}
DB=console_bench_textscan_$(date +%Y%m%d%H%M%S)
SQL=(mariadb --protocol=tcp -h "$HOST" -P "$PORT" -u "${BENCH_DB_USER:-root}" ${BENCH_DB_PASSWORD:+-p"$BENCH_DB_PASSWORD"} -N)
now() { date +%s.%N; }
trap '"${SQL[@]}" -e "DROP DATABASE IF EXISTS $DB"' EXIT

"${SQL[@]}" -e "CREATE DATABASE $DB CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
"${SQL[@]}" "$DB" -e "
CREATE TABLE audit_event (id BIGINT NOT NULL AUTO_INCREMENT, chain_no TINYINT NOT NULL, seq BIGINT NOT NULL,
  occurred_at DATETIME(6) NOT NULL, actor VARCHAR(64) NOT NULL, action VARCHAR(64) NOT NULL, target_type VARCHAR(32),
  target_id VARCHAR(128), details TEXT, prev_hash CHAR(64) NOT NULL, hash CHAR(64) NOT NULL, PRIMARY KEY (id))
  ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
CREATE TABLE webhook_inbox (id BIGINT NOT NULL AUTO_INCREMENT, channel_id VARCHAR(64) NOT NULL, received_at DATETIME(3) NOT NULL,
  headers TEXT NOT NULL, body MEDIUMBLOB NOT NULL, status VARCHAR(16) NOT NULL, outcome VARCHAR(500) NOT NULL,
  event_kind VARCHAR(16), external_id VARCHAR(128), telegram_user_id BIGINT, user_id BIGINT, tokens BIGINT,
  replayed_by VARCHAR(64), updated_at DATETIME(3) NOT NULL, settings_change_id BIGINT, PRIMARY KEY (id))
  ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
INSERT INTO audit_event (chain_no, seq, occurred_at, actor, action, target_type, target_id, details, prev_hash, hash)
  SELECT seq % 16, seq, NOW(6), CONCAT('agent-', seq % 50), 'tokens.adjusted', 'user', seq % 1000000,
         CONCAT('adjustment ', seq, ': ', seq % 5000, ' tokens, goodwill, balance ', seq * 7, '; [sealed:', seq % 1000000,
                ':', TO_BASE64(RANDOM_BYTES(40)), ']'), SHA2(seq, 256), SHA2(seq + 1, 256)
  FROM seq_1_to_$AUDIT;
INSERT INTO webhook_inbox (channel_id, received_at, headers, body, status, outcome, event_kind, external_id,
                           telegram_user_id, user_id, tokens, updated_at)
  SELECT 'pay-tribute', NOW(3), 'content-type: application/json\ntrbt-signature: 8f1c0d2e', CONCAT(
         '{\"name\": \"new_digital_product\", \"created_at\": \"2026-11-27T10:00:00Z\", \"sent_at\": \"2026-11-27T10:00:01Z\", ',
         '\"payload\": {\"product_id\": 77, \"purchase_id\": ', seq, ', \"amount\": 499, \"currency\": \"usd\", ',
         '\"telegram_user_id\": ', 7000000000 + seq, ', \"username\": \"user_', seq, '\", \"padding\": \"', REPEAT('x', 180), '\"}}'),
         'applied', CONCAT('Credited 5000 tokens; balance now ', seq, '.'), 'purchase', CONCAT('digital:', seq), 7000000000 + seq,
         seq, 5000, NOW(3)
  FROM seq_1_to_$INBOX;
ANALYZE TABLE audit_event, webhook_inbox;" > /dev/null

PATTERN='(?<![\\p{L}\\p{N}_])(?:\\Q8123456789\\E|\\Qsubject_user\\E|\\Qsubject.user@example.org\\E|\\Qольга резидуалова\\E|\\Q203.0.113.77\\E|\\Q2001:db8::77\\E)(?![\\p{L}\\p{N}_])'
m() { echo "SUM(CASE WHEN LOWER(CONVERT($1 USING utf8mb4)) REGEXP '$PATTERN' THEN 1 ELSE 0 END)"; }
f() { echo "SUM(LENGTH(CONVERT($1 USING utf8mb4)))"; }
time_query() { # label, sql: best of three
  local best=""
  for _ in 1 2 3; do
    local t0; t0=$(now)
    "${SQL[@]}" "$DB" -e "$2" > /dev/null
    local t; t=$(echo "$(now) - $t0" | bc)
    if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then best=$t; fi
  done
  printf '%s %.3f\n' "$1" "$best"
}
AUDIT_COLS="actor action target_type target_id details"
INBOX_COLS="channel_id headers body status outcome event_kind external_id replayed_by"
sel() { local fn=$1; shift; local out=""; for c in "$@"; do out="$out${out:+, }$($fn "$c")"; done; echo "$out"; }

A=$(time_query audit "SELECT $(sel m $AUDIT_COLS) FROM audit_event")
AF=$(time_query audit-floor "SELECT $(sel f $AUDIT_COLS) FROM audit_event")
W=$(time_query inbox "SELECT $(sel m $INBOX_COLS) FROM webhook_inbox")
WF=$(time_query inbox-floor "SELECT $(sel f $INBOX_COLS) FROM webhook_inbox")
R=$(time_query redact "UPDATE webhook_inbox SET body = '', headers = '', outcome = 'x' WHERE LOWER(CONVERT(body USING utf8mb4)) REGEXP '$PATTERN' OR LOWER(CONVERT(outcome USING utf8mb4)) REGEXP '$PATTERN' OR LOWER(CONVERT(headers USING utf8mb4)) REGEXP '$PATTERN' LIMIT 1000")
echo "RESULT residual text search over $AUDIT audit events: ${A#* } s (floor, the same pass without REGEXP: ${AF#* } s)"
echo "RESULT residual text search over $INBOX webhook deliveries: ${W#* } s (floor: ${WF#* } s)"
echo "RESULT inbox redaction pass that finds nothing, $INBOX deliveries: ${R#* } s"
