#!/usr/bin/env bash
# Rate-limit decisions per second: in-process vs. Redis (one Lua script per decision), side by side.
# Uses the Redis in TENANTRY_TEST_REDIS_URL, or an embedded one. Usage: bench/rate-limit.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/classpath.sh
cp="$(bench_classpath adapters-persistence)"
"$JAVA_HOME/bin/java" -cp "$cp" io.tenantry.adapters.persistence.bench.RateLimiterBenchmark "${1:-5}"
