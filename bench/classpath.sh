#!/usr/bin/env bash
# Shared by the bench scripts: JDK 25, build MODULE with what it needs, print its test classpath.
# Usage (sourced): bench_classpath MODULE; require_wrk stops when wrk is not installed.
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
require_wrk() {
  if ! command -v wrk >/dev/null 2>&1; then
    echo "wrk is needed (Debian: apt-get install wrk)" >&2
    exit 1
  fi
}
bench_classpath() {
  local module="$1"
  ./mvnw -B -q install -DskipTests -pl "$module" -am >&2
  ./mvnw -B -q -pl "$module" dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench.classpath >&2
  echo "$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench.classpath")"
}
