#!/usr/bin/env bash
# Put/get of 64 KiB objects: local disk vs. S3 (TENANTRY_TEST_S3_URL, or S3Mock from its Maven artifact), side by side.
# Usage: bench/storage.sh [operations]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/classpath.sh
cp="$(bench_classpath adapters-storage)"
s3mock="$HOME/.m2/repository/com/adobe/testing/s3mock/5.2.0/s3mock-5.2.0-exec.jar"
"$JAVA_HOME/bin/java" -Ds3mock.jar="$s3mock" -cp "$cp" io.tenantry.adapters.storage.StorageBenchmark "${1:-500}"
