#!/usr/bin/env bash
# Benchmark: how long each screen takes to open in the production jar, in headless Chromium, on the demo data.
#
#   bench/screens.sh            # an embedded MariaDB under ./data, or a new schema on BENCH_DB_URL when set
#   BENCH_URL=http://localhost:8080 BENCH_PASSWORD=... bench/screens.sh   # a console already running (e.g. the
#                               # README run in development mode), signed in as admin with that password
#
# Builds the production jar (Vaadin production bundle) when console/target holds none, starts it on port 8090 with a
# fresh database (the usual first start: demo data, one-time admin password), and runs bench/screens.js: sign-in, then
# every screen of the ADMIN menu by address (a full page load) and from the side menu. Prints RESULT lines with
# medians and p95 in milliseconds, and the floor: the login page, which shows no data.
# Needs Chromium (CHROMIUM=/path, default /usr/bin/chromium; apt-get install chromium) and npm (playwright-core is
# installed into ./data/bench-node, not into the repository).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
PORT=${BENCH_PORT:-8090}
ROUNDS=${BENCH_ROUNDS:-5}

if [ ! -d data/bench-node/node_modules/playwright-core ]; then
  mkdir -p data/bench-node
  npm install --silent --prefix data/bench-node playwright-core@1 >/dev/null
fi
if [ -n "${BENCH_URL:-}" ]; then
  NODE_PATH=$PWD/data/bench-node/node_modules node bench/screens.js "$BENCH_URL" admin "${BENCH_PASSWORD:?give the admin password}" "$ROUNDS"
  exit
fi
JAR=$(ls console/target/console-*-exec.jar 2>/dev/null | head -1 || true)
if [ -z "$JAR" ] || ! unzip -p "$JAR" META-INF/VAADIN/config/flow-build-info.json 2>/dev/null | grep -q '"productionMode" : true'; then
  echo "Building the production jar (./mvnw -B -Pproduction -DskipTests package)" >&2
  ./mvnw -B -q -Pproduction -DskipTests package
  JAR=$(ls console/target/console-*-exec.jar | head -1)
fi

LOG=$(mktemp)
# shellcheck disable=SC2046
"$JAVA_HOME/bin/java" ${BENCH_JVM_ARGS:-} -jar "$JAR" $(bench_database console_screens) --server.port="$PORT" --console.demo.seed-on-empty=true \
  --console.plugins.dir="$PWD/plugins/dist" >"$LOG" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; rm -f "$LOG"' EXIT
for _ in $(seq 1 600); do
  grep -q "Started ConsoleApplication" "$LOG" && break
  kill -0 $APP 2>/dev/null || { cat "$LOG" >&2; exit 1; }
  sleep 1
done
grep -E "Started ConsoleApplication" "$LOG" | sed 's/.*Started/RESULT start-up: Started/'
# the demo data loads after start-up; measure once it is all there (its last step is the webhook deliveries)
for _ in $(seq 1 600); do
  grep -qE "Demo webhooks|Demo data skipped" "$LOG" && break
  sleep 1
done
PASSWORD=$(grep -A1 "with one-time password" "$LOG" | tail -1 | tr -d ' ')
NODE_PATH=$PWD/data/bench-node/node_modules node bench/screens.js "http://localhost:$PORT" admin "$PASSWORD" "$ROUNDS"
