#!/usr/bin/env bash
# The Redis Cluster suites, ending with one line "N passed, N failed":
#  1. the integration suites of every flow (CLUSTER_SUITE=all: the whole unit + integration suite but
#     the one test that watches a single node's MONITOR stream) on a real 6-node cluster (scripts/redis-cluster.sh),
#     then test/cluster/invariants.test.ts on that cluster (no CROSSSLOT anywhere, every master used);
#  2. test/cluster/{failover,durability,instances}.test.ts, each with clusters and server processes
#     of its own (a master SIGKILLed under load; 1,000 acknowledged writes with IDP_DURABILITY=replica;
#     several server processes on one cluster). They run the build in dist/ (make build first).
set -u
cd "$(dirname "$0")/.."
# Every flow at least once on the cluster (CLUSTER_SUITE=all runs the whole unit + integration suite):
# sign-up to tokens and revocation, recovery, SRP and SECRET_BLOCK, CUSTOM_AUTH, triggers, admin, lockout,
# the lookup and filter indexes (every write path, make reindex, ListUsers through them).
FLOW_SUITES=(
  test/integration/lifecycle-sign-up.test.ts test/integration/sign-in-tokens.test.ts
  test/integration/lifecycle-recovery.test.ts test/integration/srp-sign-in.test.ts test/integration/srp-secret-block.test.ts
  test/integration/triggers-custom-auth.test.ts test/integration/triggers-sign-up.test.ts test/integration/triggers-tokens.test.ts
  test/integration/admin-users.test.ts test/integration/admin-pools.test.ts test/integration/lifecycle-lockout.test.ts
  test/integration/user-index.test.ts test/integration/list-users-index.test.ts
)
dir=$(mktemp -d "${TMPDIR:-/tmp}/identity-test-cluster.XXXXXX")
trap 'bash scripts/redis-cluster.sh stop "$dir"; rm -rf "$dir"' EXIT
passed=0 failed=0
count() { # LOG: adds the log's last "N passed, N failed" (or one failure when there is none)
  local line; line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$1" | tail -1)
  if [[ -z $line ]]; then failed=$((failed + 1)); return; fi
  passed=$((passed + $(sed -E 's/^([0-9]+) passed.*/\1/' <<<"$line")))
  failed=$((failed + $(sed -E 's/^[0-9]+ passed, ([0-9]+) failed.*/\1/' <<<"$line")))
}
log=$(mktemp)
if bash scripts/redis-cluster.sh start "$dir"; then
  export REDIS_CLUSTER_NODES; REDIS_CLUSTER_NODES=$(cat "$dir/nodes")
  echo "== unit and integration tests on Redis Cluster ($REDIS_CLUSTER_NODES)"
  if [[ ${CLUSTER_SUITE:-flows} == all ]]; then
    # One test reads a single node's MONITOR stream (the commands of one sign-in): not meaningful across nodes.
    node_modules/.bin/mocha --grep "sends Redis the same commands for an unknown name" --invert 2>&1 | tee "$log" | grep -vE '^\s+✔'; count "$log"
  else
    node_modules/.bin/mocha --config test/cluster/mocharc.json "${FLOW_SUITES[@]}" 2>&1 | tee "$log" | grep -vE '^\s+✔'; count "$log"
  fi
  echo "== cluster invariants after the suite"
  node_modules/.bin/mocha --config test/cluster/mocharc.json test/cluster/invariants.test.ts 2>&1 | tee "$log"; count "$log"
  unset REDIS_CLUSTER_NODES
  bash scripts/redis-cluster.sh stop "$dir"
else
  echo "!! the cluster did not start"; failed=$((failed + 1))
fi
echo "== failover, durability and several instances (clusters of their own)"
node_modules/.bin/mocha --config test/cluster/mocharc.json test/cluster/failover.test.ts test/cluster/durability.test.ts test/cluster/instances.test.ts 2>&1 | tee "$log"; count "$log"
rm -f "$log"
echo
echo "cluster: $passed passed, $failed failed"
[[ $failed == 0 ]]
