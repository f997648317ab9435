#!/usr/bin/env bash
# What tenant isolation costs over HTTP: GET /api/orders/{id} for random tenants (100 x 1 000 orders of 2 lines)
# through the product (in-process limiter, and Redis limiter) against bench/baseline/BareOrderServer.java (Javalin +
# Jdbi + HikariCP, owner role, explicit WHERE tenant_id, no auth), each in its own process with the same JVM flags,
# wrk -t2 in alternating rounds, median of the rounds, answers checked before timing. Uses TENANTRY_TEST_PG_URL and
# TENANTRY_TEST_REDIS_URL or embedded servers.
# Usage: bench/isolation-cost.sh [seconds] [rounds] [connections, e.g. 16,64]
# Environment: BENCH_WARMUP (seconds of load per server before timing, default 30), BENCH_JVM (JVM flags of both
# servers; default the README's run command's), BENCH_JFR (a path prefix: record each
# product run to <prefix>-in-process.jfr and <prefix>-redis.jfr), BENCH_REDIS=false (skip the Redis column),
# BENCH_TENANTS and BENCH_ORDERS (the data: 100 tenants of 1 000 orders by default).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/classpath.sh
require_wrk
cp="$(bench_classpath bootstrap)"
readme_jvm="-XX:+UseSerialGC -Xms64m -Xmx160m -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=64m -XX:MaxDirectMemorySize=64m -XX:+UseCompactObjectHeaders"
"$JAVA_HOME/bin/java" -cp "$cp" -Dbench.jvm="${BENCH_JVM-$readme_jvm}" \
  -Dbench.tenants="${BENCH_TENANTS:-100}" -Dbench.orders="${BENCH_ORDERS:-1000}" -Dbench.jfr="${BENCH_JFR:-}" \
  -Dbench.warmup="${BENCH_WARMUP:-30}" -Dbench.redis="${BENCH_REDIS:-true}" \
  io.tenantry.bootstrap.bench.IsolationCostBenchmark "${1:-10}" "${2:-3}" "${3:-16,64}"
