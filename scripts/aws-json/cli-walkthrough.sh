#!/usr/bin/env bash
# The README's AWS CLI walkthrough, repeated against the live AWS JSON endpoint with the `aws` command
# from PyPI (scripts/aws-json/test.sh starts the server and exports AWS_JSON_ENDPOINT, the access
# key, IDP_POOL_ID, IDP_CLIENT_ID, REDIS_URL and IDP_OUTBOX_KEY). Ends with "aws-cli: N passed, N failed".
set -uo pipefail
AWS=${AWS_CLI:-aws}
E=(--endpoint-url "$AWS_JSON_ENDPOINT" --region us-east-1 --cli-read-timeout 30)
C=$IDP_CLIENT_ID P=$IDP_POOL_ID
user="carol-$RANDOM$RANDOM" email=""
email="$user@example.com"
passed=0 failed=0 access=""

log=$(mktemp)
trap 'rm -f "$log"' EXIT
check() { # NAME COMMAND...: runs the step in this shell (steps pass values on); output shown on failure
  local name=$1; shift
  if "$@" >"$log" 2>&1; then passed=$((passed + 1)); echo "ok   $name"
  else failed=$((failed + 1)); echo "FAIL $name"; sed 's/^/     /' "$log"; fi
}

# The code delivered for the sign-up, opened from the sealed outbox (scripts/sdk/outbox-code.mjs).
delivered_code() {
  IDP_POOL_ID=$P node scripts/sdk/outbox-code.mjs SignUp "$user"
}

sign_up() {
  local out; out=$($AWS cognito-idp sign-up "${E[@]}" --client-id "$C" --username "$user" --password Correct-Horse-1 \
    --user-attributes "Name=email,Value=$email") || return 1
  grep -q '"UserConfirmed": false' <<<"$out" && grep -q '"DeliveryMedium": "EMAIL"' <<<"$out" && grep -q '"Destination": "c\*\*\*@e\*\*\*"' <<<"$out"
}
confirm() {
  local code; code=$(delivered_code) || { echo "no code was delivered to $email"; return 1; }
  $AWS cognito-idp confirm-sign-up "${E[@]}" --client-id "$C" --username "$user" --confirmation-code "$code"
}
sign_in() {
  access=$($AWS cognito-idp initiate-auth "${E[@]}" --client-id "$C" --auth-flow USER_PASSWORD_AUTH \
    --auth-parameters "USERNAME=$user,PASSWORD=Correct-Horse-1" --query AuthenticationResult.AccessToken --output text) || return 1
  [[ $access == eyJ* ]]
}
unknown_user() {
  local out
  if out=$($AWS cognito-idp initiate-auth "${E[@]}" --client-id "$C" --auth-flow USER_PASSWORD_AUTH --auth-parameters USERNAME=nobody,PASSWORD=x 2>&1); then return 1; fi
  grep -q 'An error occurred (NotAuthorizedException) when calling the InitiateAuth operation: Incorrect username or password.' <<<"$out" || { echo "$out"; return 1; }
}
get_user() { [[ $($AWS cognito-idp get-user "${E[@]}" --access-token "$access" --query Username --output text) == "$user" ]]; }
admin_get_user() {
  local out; out=$($AWS cognito-idp admin-get-user "${E[@]}" --user-pool-id "$P" --username "$user" --query '[UserStatus,Enabled]' --output text) || return 1
  [[ $out == $'CONFIRMED\tTrue' ]] || { echo "$out"; return 1; }
}
list_users() { $AWS cognito-idp list-users "${E[@]}" --user-pool-id "$P" --limit 10 --query 'Users[].Username' --output text | grep -qw "$user"; }
describe_pool() { [[ $($AWS cognito-idp describe-user-pool "${E[@]}" --user-pool-id "$P" --query UserPool.Id --output text) == "$P" ]]; }
sign_out() { $AWS cognito-idp global-sign-out "${E[@]}" --access-token "$access"; }
revoked() {
  local out
  if out=$($AWS cognito-idp get-user "${E[@]}" --access-token "$access" 2>&1); then return 1; fi
  grep -q 'NotAuthorizedException.*Access Token has been revoked' <<<"$out" || { echo "$out"; return 1; }
}
unsigned_admin() { # without credentials the CLI cannot sign: --no-sign-request sends it unsigned
  local out
  if out=$($AWS cognito-idp admin-delete-user "${E[@]}" --no-sign-request --user-pool-id "$P" --username "$user" 2>&1); then return 1; fi
  grep -q 'MissingAuthenticationTokenException' <<<"$out" || { echo "$out"; return 1; }
  admin_get_user
}

check "sign-up (unsigned)" sign_up
check "confirm-sign-up with the delivered code" confirm
check "initiate-auth USER_PASSWORD_AUTH" sign_in
check "initiate-auth, unknown user: Incorrect username or password." unknown_user
check "get-user" get_user
check "admin-get-user (signed)" admin_get_user
check "list-users (signed)" list_users
check "describe-user-pool (signed)" describe_pool
check "admin call without a signature is refused and changes nothing" unsigned_admin
check "global-sign-out" sign_out
check "get-user after global-sign-out: revoked" revoked
echo "aws-cli: $passed passed, $failed failed"
[[ $failed == 0 ]]
