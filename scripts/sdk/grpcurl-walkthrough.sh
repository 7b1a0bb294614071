#!/usr/bin/env bash
# grpcurl against a live server (through reflection), checking each output with grep:
#   list, describe identity.v1.AuthService, SignUp, ConfirmSignUp (code from the Redis outbox),
#   InitiateAuth USER_PASSWORD_AUTH, and InitiateAuth for an unknown user (masked not_authorized).
# Env: IDP_GRPC_ADDR, REDIS_URL, IDP_CLIENT_ID, IDP_POOL_ID (scripts/sdk/with-server.sh sets them).
# Prints PASS/FAIL per step and ends with `grpcurl: N passed, N failed`; exits 1 on any failure.
. "$(dirname "$0")/common.sh"
: "${IDP_GRPC_ADDR:?} ${REDIS_URL:?} ${IDP_CLIENT_ID:?} ${IDP_POOL_ID:?}"
GRPCURL=${GRPCURL:-$SDK_BIN/grpcurl}
[[ -x $GRPCURL ]] || { echo "grpcurl not found at $GRPCURL (run: make sdk-grpcurl)" >&2; exit 1; }

passed=0 failed=0
out=$(mktemp)
trap 'rm -f "$out"' EXIT

# step NAME PATTERN... -- COMMAND...: runs COMMAND; PASS when it succeeds and its output matches every
# extended-regex PATTERN.
step() {
  local name=$1 patterns=() p ok=1
  shift
  while [[ $1 != -- ]]; do patterns+=("$1"); shift; done
  shift
  if ! "$@" >"$out" 2>&1; then ok=0; fi
  for p in "${patterns[@]}"; do grep -Eq -- "$p" "$out" || ok=0; done
  if [[ $ok == 1 ]]; then
    passed=$((passed + 1))
    echo "PASS  $name"
  else
    failed=$((failed + 1))
    echo "FAIL  $name (expected: ${patterns[*]})"
    sed 's/^/      | /' "$out" | head -n 30
  fi
}

g() { "$GRPCURL" -plaintext -max-time 10 "$@"; }

# The newest outbox code for (event, username), opened with the outbox key (entries are sealed).
outbox_code() {
  node scripts/sdk/outbox-code.mjs "$1" "$2"
}

suffix=$(od -An -tx1 -N6 /dev/urandom | tr -d ' \n')
user="grpcurl-$suffix"
password="Passw0rd!Cli-$suffix"

step "list services" 'identity\.v1\.AuthService' 'identity\.v1\.AdminService' -- g "$IDP_GRPC_ADDR" list
step "describe identity.v1.AuthService" 'rpc SignUp' 'rpc InitiateAuth' -- \
  g "$IDP_GRPC_ADDR" describe identity.v1.AuthService
step "SignUp" '"success"' '"userSub"' -- g -d @ "$IDP_GRPC_ADDR" identity.v1.AuthService/SignUp <<JSON
{"client_id": "$IDP_CLIENT_ID", "username": "$user", "password": "$password",
 "user_attributes": [{"name": "email", "value": "$user@example.com"}]}
JSON
code=$(outbox_code SignUp "$user" || true)
step "ConfirmSignUp (code from the outbox)" '"success"' -- g -d @ "$IDP_GRPC_ADDR" identity.v1.AuthService/ConfirmSignUp <<JSON
{"client_id": "$IDP_CLIENT_ID", "username": "$user", "confirmation_code": "$code"}
JSON
step "InitiateAuth USER_PASSWORD_AUTH" 'authenticationResult|authentication_result' 'accessToken|access_token' -- \
  g -d @ "$IDP_GRPC_ADDR" identity.v1.AuthService/InitiateAuth <<JSON
{"client_id": "$IDP_CLIENT_ID", "auth_flow": "AUTH_FLOW_USER_PASSWORD_AUTH",
 "auth_parameters": {"USERNAME": "$user", "PASSWORD": "$password"}}
JSON
step "InitiateAuth unknown user → not_authorized" 'notAuthorized|not_authorized' 'Incorrect username or password\.' -- \
  g -d @ "$IDP_GRPC_ADDR" identity.v1.AuthService/InitiateAuth <<JSON
{"client_id": "$IDP_CLIENT_ID", "auth_flow": "AUTH_FLOW_USER_PASSWORD_AUTH",
 "auth_parameters": {"USERNAME": "nobody-$suffix", "PASSWORD": "Passw0rd!Nobody"}}
JSON

echo "grpcurl: $passed passed, $failed failed"
[[ $failed == 0 ]]
