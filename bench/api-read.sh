#!/usr/bin/env bash
# GET /api/orders/{id} through Tenantry vs. a baseline handler without JWT verification and tenant isolation,
# driven by wrk side by side, plus the JWT verification cost per token. Uses TENANTRY_TEST_PG_URL or an embedded
# PostgreSQL. Usage: bench/api-read.sh [seconds] [rounds] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
if ! command -v wrk >/dev/null 2>&1; then
  echo "wrk is needed (Debian: apt-get install wrk)" >&2
  exit 1
fi
./mvnw -B -q install -DskipTests -pl bootstrap -am
./mvnw -B -q -pl bootstrap dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
cp="bootstrap/target/test-classes:bootstrap/target/classes:$(cat bootstrap/target/bench.classpath)"
"$JAVA_HOME/bin/java" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -DTENANTRY_LOG_LEVEL=WARN -cp "$cp" \
  io.tenantry.bootstrap.bench.ApiReadBenchmark "${1:-10}" "${2:-2}" "${3:-16}"
