#!/usr/bin/env bash
# The README's service-to-service path against a live server, with grpcurl (through reflection) and
# curl: CreateResourceServer → CreateUserPoolClient (client_credentials, ALLOW_CLIENT_TOKEN_AUTH) →
# GetClientToken → POST /{pool}/oauth2/token (HTTP Basic, wrong secret, discovery) → secret rotation
# → groups in a user's token. Env from scripts/sdk/with-server.sh: IDP_GRPC_ADDR, IDP_HTTP_ADDR,
# IDP_POOL_ID, IDP_CLIENT_ID, IDP_ADMIN_TOKEN. Ends with `grpcurl-m2m: N passed, N failed`.
. "$(dirname "$0")/common.sh"
: "${IDP_GRPC_ADDR:?} ${IDP_HTTP_ADDR:?} ${IDP_POOL_ID:?} ${IDP_CLIENT_ID:?} ${IDP_ADMIN_TOKEN:?}"
GRPCURL=${GRPCURL:-$SDK_BIN/grpcurl}
[[ -x $GRPCURL ]] || { echo "grpcurl not found at $GRPCURL (run: make sdk-grpcurl)" >&2; exit 1; }

passed=0 failed=0
out=$(mktemp)
trap 'rm -f "$out"' EXIT

# step NAME PATTERN... -- COMMAND...: PASS when COMMAND succeeds and its output matches every pattern.
step() {
  local name=$1 patterns=() p ok=1
  shift
  while [[ $1 != -- ]]; do patterns+=("$1"); shift; done
  shift
  if ! "$@" >"$out" 2>&1; then ok=0; fi
  for p in "${patterns[@]}"; do grep -Eq -- "$p" "$out" || ok=0; done
  if [[ $ok == 1 ]]; then
    passed=$((passed + 1)); echo "PASS  $name"
  else
    failed=$((failed + 1)); echo "FAIL  $name (expected: ${patterns[*]})"; sed 's/^/      | /' "$out" | head -n 30
  fi
}

g() { "$GRPCURL" -plaintext -max-time 10 "$@"; }
admin() { g -H "authorization: Bearer $IDP_ADMIN_TOKEN" "$@"; }
# json FIELD: a field of the last step's JSON output (dotted path).
json() { python3 -c 'import json,sys; v=json.load(open(sys.argv[1]))
for k in sys.argv[2].split("."): v=v[k]
print(v)' "$out" "$1"; }

P=$IDP_POOL_ID
suffix=$(od -An -tx1 -N4 /dev/urandom | tr -d ' \n')
rs="https://orders-$suffix"

step "CreateResourceServer" '"success"' "\"identifier\": \"$rs\"" -- admin -d @ "$IDP_GRPC_ADDR" identity.v1.AdminService/CreateResourceServer <<JSON
{"user_pool_id": "$P", "identifier": "$rs", "name": "orders",
 "scopes": [{"scope_name": "read", "scope_description": "read orders"}, {"scope_name": "write", "scope_description": "place orders"}]}
JSON
step "CreateUserPoolClient (client_credentials, ALLOW_CLIENT_TOKEN_AUTH)" '"clientSecret"' 'OAUTH_FLOW_CLIENT_CREDENTIALS' -- \
  admin -d @ "$IDP_GRPC_ADDR" identity.v1.AdminService/CreateUserPoolClient <<JSON
{"user_pool_id": "$P", "client_name": "billing", "generate_secret": true,
 "settings": {"explicit_auth_flows": ["EXPLICIT_AUTH_FLOW_ALLOW_CLIENT_TOKEN_AUTH"], "allowed_oauth_flows": ["OAUTH_FLOW_CLIENT_CREDENTIALS"],
              "allowed_oauth_scopes": ["$rs/read"], "access_token_validity_seconds": 900}}
JSON
C=$(json success.clientId 2>/dev/null || true)
S=$(json success.clientSecret 2>/dev/null || true)

step "GetClientToken" '"accessToken"' '"expiresIn": 900' '"tokenType": "Bearer"' -- g -d @ "$IDP_GRPC_ADDR" identity.v1.AuthService/GetClientToken <<JSON
{"client_id": "$C", "secret": "$S", "scopes": ["$rs/read"]}
JSON
token=$(json success.accessToken 2>/dev/null || true)
step "the token's claims" "\"client_id\": \"$C\"" "\"scope\": \"$rs/read\"" '"token_use": "access"' -- \
  python3 -c 'import base64,json,sys; p=sys.argv[1].split(".")[1]; print(json.dumps(json.loads(base64.urlsafe_b64decode(p+"="*(-len(p)%4))), indent=1))' "$token"
step "GetClientToken, a scope the client may not have" 'scopeDoesNotExist|scope_does_not_exist' -- g -d @ "$IDP_GRPC_ADDR" identity.v1.AuthService/GetClientToken <<JSON
{"client_id": "$C", "secret": "$S", "scopes": ["$rs/write"]}
JSON

step "discovery advertises the token endpoint" "\"token_endpoint\": *\"[^\"]*/$P/oauth2/token\"" -- curl -sf "http://$IDP_HTTP_ADDR/$P/.well-known/openid-configuration"
step "token endpoint, HTTP Basic" '"access_token"' '"token_type": *"Bearer"' '"expires_in": *900' -- \
  curl -sf -u "$C:$S" -d grant_type=client_credentials --data-urlencode "scope=$rs/read" "http://$IDP_HTTP_ADDR/$P/oauth2/token"
step "token endpoint, wrong secret → 401 invalid_client" '^HTTP/1.1 401' '^[Ww]ww-[Aa]uthenticate: Basic' '"error": *"invalid_client"' -- \
  curl -s -i -u "$C:wrong" -d grant_type=client_credentials "http://$IDP_HTTP_ADDR/$P/oauth2/token"

step "AddUserPoolClientSecret" '"clientSecretValue"' -- admin -d @ "$IDP_GRPC_ADDR" identity.v1.AdminService/AddUserPoolClientSecret <<JSON
{"user_pool_id": "$P", "client_id": "$C"}
JSON
S2=$(json success.clientSecretValue 2>/dev/null || true)
step "DeleteUserPoolClientSecret (the first)" '"success"' -- admin -d @ "$IDP_GRPC_ADDR" identity.v1.AdminService/DeleteUserPoolClientSecret <<JSON
{"user_pool_id": "$P", "client_id": "$C", "client_secret_id": "initial"}
JSON
step "the retired secret gets nothing" '"notAuthorized"' -- g -d @ "$IDP_GRPC_ADDR" identity.v1.AuthService/GetClientToken <<JSON
{"client_id": "$C", "secret": "$S"}
JSON
step "… and the new one a token" '"accessToken"' -- g -d @ "$IDP_GRPC_ADDR" identity.v1.AuthService/GetClientToken <<JSON
{"client_id": "$C", "secret": "$S2"}
JSON

user="m2m-user-$suffix"
step "CreateGroup" '"success"' '"precedence": 1' -- admin -d @ "$IDP_GRPC_ADDR" identity.v1.AdminService/CreateGroup <<JSON
{"user_pool_id": "$P", "group_name": "admins-$suffix", "precedence": 1}
JSON
step "AdminCreateUser + AdminSetUserPassword" '"success"' -- bash -c "
  '$GRPCURL' -plaintext -max-time 10 -H 'authorization: Bearer $IDP_ADMIN_TOKEN' -d '{\"user_pool_id\":\"$P\",\"username\":\"$user\",\"message_action\":\"MESSAGE_ACTION_SUPPRESS\"}' '$IDP_GRPC_ADDR' identity.v1.AdminService/AdminCreateUser >/dev/null &&
  '$GRPCURL' -plaintext -max-time 10 -H 'authorization: Bearer $IDP_ADMIN_TOKEN' -d '{\"user_pool_id\":\"$P\",\"username\":\"$user\",\"password\":\"Passw0rd!M2m-$suffix\",\"permanent\":true}' '$IDP_GRPC_ADDR' identity.v1.AdminService/AdminSetUserPassword"
step "AdminAddUserToGroup" '"success"' -- admin -d @ "$IDP_GRPC_ADDR" identity.v1.AdminService/AdminAddUserToGroup <<JSON
{"user_pool_id": "$P", "username": "$user", "group_name": "admins-$suffix"}
JSON
step "InitiateAuth: the access token carries cognito:groups" 'accessToken' -- g -d @ "$IDP_GRPC_ADDR" identity.v1.AuthService/InitiateAuth <<JSON
{"client_id": "$IDP_CLIENT_ID", "auth_flow": "AUTH_FLOW_USER_PASSWORD_AUTH", "auth_parameters": {"USERNAME": "$user", "PASSWORD": "Passw0rd!M2m-$suffix"}}
JSON
user_token=$(json authenticationResult.accessToken 2>/dev/null || true)
step "… cognito:groups" "\"cognito:groups\": \[\"admins-$suffix\"\]" -- \
  python3 -c 'import base64,json,sys; p=sys.argv[1].split(".")[1]; print(json.dumps(json.loads(base64.urlsafe_b64decode(p+"="*(-len(p)%4)))))' "$user_token"

echo "grpcurl-m2m: $passed passed, $failed failed"
[[ $failed == 0 ]]
