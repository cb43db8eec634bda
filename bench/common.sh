# Shared by the bench/*.sh harnesses (sourced, not run).

# A JDK 21+ (the machine's default java is 17): keep JAVA_HOME if it is new enough, else Temurin 25.
if [ -z "${JAVA_HOME:-}" ] || ! "${JAVA_HOME}/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi

# The harnesses run the console with the full JIT (spring-boot:run's default optimizedLaunch stops at C1, which
# is quicker to start but measurably slower); BENCH_JVM_ARGS adds JVM options (a heap limit, a JFR recording).

# bench_database <prefix>: Spring arguments for a fresh database, a new schema <prefix>_<time> on BENCH_DB_URL
# when set, else a new embedded MariaDB under ./data.
bench_database() {
  local stamp name
  stamp=$(date +%Y%m%d%H%M%S)
  if [ -n "${BENCH_DB_URL:-}" ]; then
    name="$1_$stamp"
    mariadb --protocol=tcp -h 127.0.0.1 -u root -e "CREATE DATABASE $name CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
    echo "Using $name on $BENCH_DB_URL" >&2
    echo "--spring.datasource.url=${BENCH_DB_URL%/}/$name --spring.datasource.username=${BENCH_DB_USER:-root} --spring.datasource.password=${BENCH_DB_PASSWORD:-}"
  else
    echo "Using an embedded MariaDB in ./data/bench-$stamp" >&2
    echo "--console.embedded-db.data-dir=./data/bench-$stamp"
  fi
}
