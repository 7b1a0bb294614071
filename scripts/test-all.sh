#!/usr/bin/env bash
# Runs every suite, whatever fails, and ends with one line: "N passed, N failed".
# Suites that report "N passed, N failed" add their counts; checks that do not (typecheck, lint,
# generated code) count as one test each.
set -u
cd "$(dirname "$0")/.."
passed=0
failed=0

suite() {
  local name=$1; shift
  local log; log=$(mktemp)
  echo "== $name"
  "$@" 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  local line; line=$(grep -E '^([A-Za-z-]+: )?[0-9]+ passed, [0-9]+ failed' "$log" | tail -1 | sed -E 's/^[A-Za-z-]+: //')
  rm -f "$log"
  if [ -n "$line" ]; then
    local p f
    p=$(echo "$line" | sed -E 's/^([0-9]+) passed.*/\1/')
    f=$(echo "$line" | sed -E 's/^[0-9]+ passed, ([0-9]+) failed.*/\1/')
    passed=$((passed + p)); failed=$((failed + f))
    if [ "$rc" != 0 ] && [ "$f" = 0 ]; then failed=$((failed + 1)); echo "!! $name exited with $rc"; fi
  elif [ "$rc" = 0 ]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1)); echo "!! $name failed (exit $rc)"
  fi
}

bash scripts/ensure-redis.sh
suite "proto lint" make --no-print-directory lint
suite "proto breaking" make --no-print-directory breaking
suite "generated code is fresh" make --no-print-directory check-generated
suite "typecheck" make --no-print-directory typecheck
suite "build (dist/)" make --no-print-directory build
suite "unit and integration tests" node_modules/.bin/mocha
# The Redis Cluster suites (their own clusters and server processes on free ports) run beside the SDK
# tests: both mostly wait on processes and the network, so the whole run takes minutes less.
cluster_log="" cluster_pid=""
if grep -q '^test-cluster:' mk/*.mk 2>/dev/null; then
  cluster_log=$(mktemp)
  make --no-print-directory test-cluster >"$cluster_log" 2>&1 &
  cluster_pid=$!
fi
if grep -q '^test-sdk:' mk/*.mk 2>/dev/null; then suite "SDK tests" make --no-print-directory test-sdk; fi
if grep -q '^test-aws-json:' mk/*.mk 2>/dev/null; then suite "AWS JSON clients (boto3, Go, AWS CLI)" make --no-print-directory test-aws-json; fi
cluster_result() { cat "$cluster_log"; return "$1"; }
if [ -n "$cluster_pid" ]; then
  wait "$cluster_pid"; cluster_rc=$?
  suite "Redis Cluster (ran beside the SDK tests)" cluster_result "$cluster_rc"
  rm -f "$cluster_log"
fi
echo
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
