#!/usr/bin/env bash
# Runs the SDK test suites and prints each suite's counts, then the total as `N passed, N failed`.
#   test-sdk.sh unit   helper/unit tests of the three SDKs (no server)
#   test-sdk.sh e2e    end-to-end suites, grpcurl walkthrough and examples/service-to-service against a
#                      private server (with-server.sh), then the e2e suites again over mTLS with each
#                      SDK's TLS/mTLS tests (SDK_TLS=1)
#   test-sdk.sh e2e-instances  the e2e suites through a round-robin proxy over two server processes
#   test-sdk.sh all    unit + e2e + e2e-instances (default)
# (`e2e-inner` / `e2e-tls-inner` are what with-server.sh runs: the suites against IDP_GRPC_ADDR.)
. "$(dirname "$0")/common.sh"
mode=${1:-all}

# Each suite appends "name passed failed skipped" to SDK_RESULTS_FILE; the outermost run sums them.
own_results=0
if [[ -z ${SDK_RESULTS_FILE:-} ]]; then
  SDK_RESULTS_FILE=$(mktemp)
  own_results=1
fi
export SDK_RESULTS_FILE

# count KIND LOG → "passed failed skipped" from a runner's own output.
count() {
  local kind=$1 logf=$2
  case $kind in
    go) # every test, subtest and example line: --- PASS/FAIL/SKIP
      echo "$(grep -cE '^\s*--- PASS' "$logf") $(grep -cE '^\s*--- FAIL' "$logf") $(grep -cE '^\s*--- SKIP' "$logf")" ;;
    tap) # node --test --test-reporter=tap summary
      awk '/^# pass /{p=$3} /^# fail /{f+=$3} /^# cancelled /{f+=$3} /^# skipped /{s=$3}
           END{printf "%d %d %d\n", p, f, s}' "$logf" ;;
    pytest) # the summary line: "3 passed, 1 failed, 2 skipped in 0.1s"
      tail -n 3 "$logf" | awk '{for(i=2;i<=NF;i++){w=$i; gsub(/[^a-z]/,"",w);
             if(w=="passed")p+=$(i-1); if(w=="failed"||w=="error"||w=="errors")f+=$(i-1); if(w=="skipped")s+=$(i-1)}}
           END{printf "%d %d %d\n", p, f, s}' ;;
    plain) # "name: N passed, N failed"
      tail -n 1 "$logf" | awk '{for(i=2;i<=NF;i++){w=$i; gsub(/[^a-z]/,"",w); if(w=="passed")p=$(i-1); if(w=="failed")f=$(i-1)}}
           END{printf "%d %d 0\n", p, f}' ;;
  esac
}

# suite NAME KIND COMMAND...: runs it, shows its output, records and prints its counts. A suite that
# exits non-zero without a counted failure (compile error, crash) counts as one failure.
suite() {
  local name=$1 kind=$2 logf rc passed failed skipped
  shift 2
  logf=$(mktemp)
  log "suite $name: $*"
  set +e
  "$@" 2>&1 | tee "$logf"
  rc=${PIPESTATUS[0]}
  set -e
  read -r passed failed skipped < <(count "$kind" "$logf")
  if [[ $rc != 0 && $failed == 0 ]]; then failed=1; fi
  rm -f "$logf"
  echo "$name $passed $failed $skipped" >>"$SDK_RESULTS_FILE"
  if [[ $skipped -gt 0 ]]; then
    echo "$name: $passed passed, $failed failed, $skipped skipped"
  else
    echo "$name: $passed passed, $failed failed"
  fi
}

unit() {
  suite go-unit go bash -c 'cd clients/go && go vet ./... && go test -count=1 -v ./...'
  suite ts-unit tap bash -c 'cd clients/ts && npx --no-install tsc -p tsconfig.test.json && node --test --test-reporter=tap dist/test/unit/'
  suite python-unit pytest bash -c "cd clients/python && '$SDK_PY' -m pytest -q -p no:cacheprovider tests --ignore=tests/e2e"
}

e2e_inner() {
  : "${IDP_GRPC_ADDR:?e2e needs IDP_GRPC_ADDR (run through scripts/sdk/with-server.sh)}"
  suite go-e2e go bash -c 'cd clients/go/e2e && go vet ./... && go test -count=1 -v ./...'
  suite ts-e2e tap bash -c 'cd clients/ts && npx --no-install tsc -p tsconfig.test.json && node --test --test-reporter=tap dist/test/e2e/'
  suite python-e2e pytest bash -c "cd clients/python && '$SDK_PY' -m pytest -q -p no:cacheprovider tests/e2e"
  suite grpcurl-walkthrough plain scripts/sdk/grpcurl-walkthrough.sh
  # The example checks that a retired secret gets no new tokens at once: true on the instance that
  # retired it, and within the client cache's 2 s on the others, so it runs against one instance only.
  if [[ ${SDK_INSTANCES:-1} == 1 ]]; then suite s2s-example plain examples/service-to-service/run.sh; fi
  suite grpcurl-m2m plain scripts/sdk/grpcurl-m2m-walkthrough.sh
}

# The same e2e suites over mTLS (they read IDP_TLS_*), plus each SDK's TLS/mTLS tests.
e2e_tls_inner() {
  : "${IDP_TLS_CA_FILE:?e2e-tls needs IDP_TLS_CA_FILE (run through SDK_TLS=1 scripts/sdk/with-server.sh)}"
  suite go-e2e-mtls go bash -c 'cd clients/go/e2e && go vet -tags tlse2e ./... && go test -tags tlse2e -count=1 -v ./...'
  suite ts-e2e-mtls tap bash -c 'cd clients/ts && npx --no-install tsc -p tsconfig.test.json && node --test --test-reporter=tap dist/test/e2e/ dist/test/e2e-tls/'
  suite python-e2e-mtls pytest bash -c "cd clients/python && '$SDK_PY' -m pytest -q -p no:cacheprovider tests/e2e tests_tls"
  suite grpcurl-mtls plain scripts/sdk/grpcurl-mtls.sh
}

# with_server_suites NAME [ENV=VALUE...] -- INNER: runs INNER through with-server.sh; a server that never
# came up counts as one failure.
with_server_suites() {
  local name=$1 before after
  shift
  local envs=()
  while [[ $1 != -- ]]; do envs+=("$1"); shift; done
  shift
  before=$(wc -l <"$SDK_RESULTS_FILE")
  set +e
  env ${envs[@]+"${envs[@]}"} scripts/sdk/with-server.sh scripts/sdk/test-sdk.sh "$1"
  set -e
  after=$(wc -l <"$SDK_RESULTS_FILE")
  if [[ $after == "$before" ]]; then # the server never came up: nothing ran
    echo "$name 0 1 0" >>"$SDK_RESULTS_FILE"
    echo "$name: 0 passed, 1 failed (no e2e suite ran)"
  fi
}

e2e() {
  with_server_suites server -- e2e-inner
  with_server_suites tls-server SDK_TLS=1 -- e2e-tls-inner
}

e2e_instances() { # the e2e suites again, each call going to the next of two server processes
  local before after
  before=$(wc -l <"$SDK_RESULTS_FILE")
  set +e
  SDK_INSTANCES=2 scripts/sdk/with-server.sh scripts/sdk/test-sdk.sh e2e-inner
  local rc=$?
  set -e
  after=$(wc -l <"$SDK_RESULTS_FILE")
  if [[ $after == "$before" || $rc != 0 ]]; then
    echo "instances 0 1 0" >>"$SDK_RESULTS_FILE"
    echo "instances: 0 passed, 1 failed (two instances behind the proxy)"
  fi
}

case $mode in
  unit) unit ;;
  e2e) e2e ;;
  e2e-instances) e2e_instances ;;
  all) unit; e2e; e2e_instances ;;
  e2e-inner) e2e_inner ;;
  e2e-tls-inner) e2e_tls_inner ;;
  *) echo "usage: $0 [unit|e2e|e2e-instances|all]" >&2; exit 2 ;;
esac

if [[ $own_results == 1 ]]; then
  read -r passed failed skipped < <(awk '{p+=$2; f+=$3; s+=$4} END{printf "%d %d %d\n", p, f, s}' "$SDK_RESULTS_FILE")
  rm -f "$SDK_RESULTS_FILE"
  echo "--- SDK tests by suite above ---"
  if [[ $skipped -gt 0 ]]; then echo "$passed passed, $failed failed, $skipped skipped"; else echo "$passed passed, $failed failed"; fi
  [[ $failed == 0 ]]
fi
