#!/usr/bin/env bash
# One tenant-scoped primary-key read, side by side: tenant-bound repository vs. explicit WHERE vs. naive RLS vs.
# pgbench on the same SQL. Uses the PostgreSQL server in TENANTRY_TEST_PG_URL, or an embedded one.
# Usage: bench/tenant-read.sh [seconds-per-measurement] [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/classpath.sh
cp="$(bench_classpath adapters-persistence)"
"$JAVA_HOME/bin/java" -cp "$cp" io.tenantry.adapters.persistence.bench.TenantReadBenchmark "${1:-5}" "${2:-3}"
