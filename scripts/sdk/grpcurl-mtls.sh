#!/usr/bin/env bash
# grpcurl against a server started with SDK_TLS=1 (scripts/sdk/with-server.sh): the README's TLS and
# mTLS commands, checked. TLS with the CA lists the services (reflection over TLS); the client
# certificate (its SPIFFE ID an admin of IDP_POOL_ID only) creates and reads a user there, and is refused
# on pool-less calls; no certificate: UNAUTHENTICATED; plaintext: fails.
# Env: IDP_GRPC_ADDR, IDP_POOL_ID, IDP_TLS_CA_FILE, IDP_TLS_CERT_FILE, IDP_TLS_KEY_FILE.
# Prints PASS/FAIL per step and ends with `grpcurl-mtls: N passed, N failed`; exits 1 on any failure.
. "$(dirname "$0")/common.sh"
: "${IDP_GRPC_ADDR:?} ${IDP_POOL_ID:?} ${IDP_TLS_CA_FILE:?} ${IDP_TLS_CERT_FILE:?} ${IDP_TLS_KEY_FILE:?}"
GRPCURL=${GRPCURL:-$SDK_BIN/grpcurl}
[[ -x $GRPCURL ]] || { echo "grpcurl not found at $GRPCURL (run: make sdk-grpcurl)" >&2; exit 1; }

passed=0 failed=0
out=$(mktemp)
trap 'rm -f "$out"' EXIT

# step NAME PATTERN... -- COMMAND...: PASS when every extended-regex PATTERN is in COMMAND's output
# (its exit status is not looked at: refusals are what some steps expect).
step() {
  local name=$1 patterns=() p ok=1
  shift
  while [[ $1 != -- ]]; do patterns+=("$1"); shift; done
  shift
  "$@" >"$out" 2>&1 || true
  for p in "${patterns[@]}"; do grep -Eq -- "$p" "$out" || ok=0; done
  if [[ $ok == 1 ]]; then
    passed=$((passed + 1)); echo "PASS  $name"
  else
    failed=$((failed + 1)); echo "FAIL  $name (expected: ${patterns[*]})"; sed 's/^/      | /' "$out" | head -n 20
  fi
}

tls() { "$GRPCURL" -max-time 10 -cacert "$IDP_TLS_CA_FILE" "$@"; }
mtls() { tls -cert "$IDP_TLS_CERT_FILE" -key "$IDP_TLS_KEY_FILE" "$@"; }
user="grpcurl-mtls-$(od -An -tx1 -N6 /dev/urandom | tr -d ' \n')"

step "TLS: list services over reflection" 'identity\.v1\.AdminService' -- tls "$IDP_GRPC_ADDR" list
step "mTLS: AdminCreateUser in the certificate's pool" '"success"' -- mtls -d @ "$IDP_GRPC_ADDR" identity.v1.AdminService/AdminCreateUser <<JSON
{"user_pool_id": "$IDP_POOL_ID", "username": "$user", "temporary_password": "Temporary-Pass-1", "message_action": "MESSAGE_ACTION_SUPPRESS"}
JSON
step "mTLS: AdminGetUser" '"success"' "\"$user\"" -- mtls -d "{\"user_pool_id\": \"$IDP_POOL_ID\", \"username\": \"$user\"}" "$IDP_GRPC_ADDR" identity.v1.AdminService/AdminGetUser
step "mTLS: ListUserPools with a pool-scoped certificate → PermissionDenied" 'PermissionDenied' -- \
  mtls -d '{"max_results": 10}' "$IDP_GRPC_ADDR" identity.v1.AdminService/ListUserPools
step "TLS without a certificate: AdminGetUser → Unauthenticated" 'Unauthenticated' -- \
  tls -d "{\"user_pool_id\": \"$IDP_POOL_ID\", \"username\": \"$user\"}" "$IDP_GRPC_ADDR" identity.v1.AdminService/AdminGetUser
step "plaintext to the TLS port fails" 'Failed to dial|context deadline exceeded|connection closed|EOF|Unavailable' -- \
  "$GRPCURL" -plaintext -max-time 5 "$IDP_GRPC_ADDR" list

echo "grpcurl-mtls: $passed passed, $failed failed"
[[ $failed == 0 ]]
