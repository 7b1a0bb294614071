#!/usr/bin/env bash
# The service-to-service example end to end, against a live identity server (run it through
# scripts/sdk/with-server.sh, which provides IDP_GRPC_ADDR, IDP_ISSUER, IDP_POOL_ID, IDP_ADMIN_TOKEN):
#   1. caller-py/setup_pool.py declares resource servers and app clients through AdminService
#   2. Orders (TypeScript, orders-ts/) and Billing (Go, billing-go/) start on free loopback ports
#   3. caller-py/checks.py calls them as a Python service would and checks every outcome
# Ends with "s2s-example: N passed, N failed"; exits 1 on any failure.
# From the repository root: scripts/sdk/with-server.sh examples/service-to-service/run.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
py=$root/clients/python/.venv/bin/python
export PYTHONPATH=$root/clients/python/src GOFLAGS=${GOFLAGS:--buildvcs=false}
work=$(mktemp -d "${TMPDIR:-/tmp}/s2s-example.XXXXXX")
pids=()
show_logs() { for f in "$work"/*.log; do echo "--- $f"; tail -n 20 "$f"; done; }
cleanup() {
  local rc=$?
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [[ $rc != 0 && ! -f $work/checks.out ]]; then show_logs; fi
  rm -rf "$work"
  exit "$rc"
}
trap cleanup EXIT

# waits for "<name> listening on ADDR" in a log; prints ADDR
listening() {
  local name=$1 log=$2 pid=$3 addr
  for _ in $(seq 300); do
    addr=$(sed -n "s/^$name listening on //p" "$log" | head -n 1)
    [[ -n $addr ]] && { echo "$addr"; return 0; }
    kill -0 "$pid" 2>/dev/null || { echo "$name exited" >&2; return 1; }
    sleep 0.1
  done
  echo "$name did not start" >&2
  return 1
}

echo "[s2s-example] build: SDK (tsc), Orders (tsc), Billing (go build)"
(cd "$root/clients/ts" && npx --no-install tsc -p tsconfig.json)
# Emitted next to the sources (git-ignored), so the relative import of clients/ts/dist still resolves.
"$root/clients/ts/node_modules/.bin/tsc" -p "$here/tsconfig.json"
(cd "$here/billing-go" && go build -o "$work/billing" .)

echo "[s2s-example] setup: resource servers and app clients"
"$py" "$here/caller-py/setup_pool.py" >"$work/clients.env"
# shellcheck disable=SC1091
. "$work/clients.env"

ORDERS_ALLOWED_CLIENTS=$BILLING_CLIENT_ID,$CALLER_CLIENT_ID node "$here/orders-ts/server.js" >"$work/orders.log" 2>&1 &
pids+=($!)
ORDERS_ADDR=$(listening orders "$work/orders.log" "${pids[-1]}")
export ORDERS_ADDR
BILLING_ALLOWED_CLIENTS=$CALLER_CLIENT_ID,$ROTATING_CLIENT_ID "$work/billing" >"$work/billing.log" 2>&1 &
pids+=($!)
BILLING_ADDR=$(listening billing "$work/billing.log" "${pids[-1]}")
export BILLING_ADDR
echo "[s2s-example] Orders (TypeScript) on $ORDERS_ADDR, Billing (Go) on $BILLING_ADDR"

set +e
"$py" "$here/caller-py/checks.py" | tee "$work/checks.out"
rc=${PIPESTATUS[0]}
set -e
if [[ $rc != 0 ]]; then
  show_logs
  tail -n 1 "$work/checks.out" # the summary stays the last line
fi
exit "$rc"
