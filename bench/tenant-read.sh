#!/usr/bin/env bash
# One tenant-scoped primary-key read, side by side: tenant-bound repository vs. explicit WHERE vs. naive RLS vs.
# pgbench on the same SQL. Uses the PostgreSQL server in TENANTRY_TEST_PG_URL, or an embedded one.
# Usage: bench/tenant-read.sh [seconds-per-measurement] [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
./mvnw -B -q install -DskipTests -pl adapters-persistence -am
./mvnw -B -q -pl adapters-persistence dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench.classpath
cp="adapters-persistence/target/test-classes:adapters-persistence/target/classes:$(cat adapters-persistence/target/bench.classpath)"
"$JAVA_HOME/bin/java" -cp "$cp" io.tenantry.adapters.persistence.bench.TenantReadBenchmark "${1:-5}" "${2:-3}"
