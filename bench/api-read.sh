#!/usr/bin/env bash
# GET /api/orders/{id} through Tenantry vs. a baseline handler without JWT verification and tenant isolation,
# driven by wrk side by side, plus the JWT verification cost per token. Uses TENANTRY_TEST_PG_URL or an embedded
# PostgreSQL. Usage: bench/api-read.sh [seconds] [rounds] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/classpath.sh
require_wrk
cp="$(bench_classpath bootstrap)"
"$JAVA_HOME/bin/java" -cp "$cp" io.tenantry.bootstrap.bench.ApiReadBenchmark "${1:-10}" "${2:-2}" "${3:-16}"
