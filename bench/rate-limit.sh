#!/usr/bin/env bash
# Rate-limit decisions per second: in-process vs. Redis (one Lua script per decision), side by side.
# Uses the Redis in TENANTRY_TEST_REDIS_URL, or an embedded one. Usage: bench/rate-limit.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
./mvnw -B -q install -DskipTests -pl adapters-persistence -am
./mvnw -B -q -pl adapters-persistence dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench.classpath
cp="adapters-persistence/target/test-classes:adapters-persistence/target/classes:$(cat adapters-persistence/target/bench.classpath)"
"$JAVA_HOME/bin/java" -cp "$cp" io.tenantry.adapters.persistence.bench.RateLimiterBenchmark "${1:-5}"
