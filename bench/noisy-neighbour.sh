#!/usr/bin/env bash
# Tenant B's p50/p99 (a fixed 200 req/s, hey) alone and while tenant A floods the same instance with heavy reads, side by side in one run:
# with the defaults (budget + per-tenant bulkhead + statement timeout), with A's budget lifted, and with the
# bulkhead off too. Uses TENANTRY_TEST_PG_URL or an embedded PostgreSQL. Usage: bench/noisy-neighbour.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/classpath.sh
require_wrk
command -v hey >/dev/null 2>&1 || { echo "hey is needed (Debian: apt-get install hey)" >&2; exit 1; }
cp="$(bench_classpath bootstrap)"
"$JAVA_HOME/bin/java" -cp "$cp" io.tenantry.bootstrap.bench.NoisyNeighbourBenchmark "${1:-10}"
