#!/usr/bin/env bash
# Runs a command against a private identity server: a fresh redis-server and the server on free
# loopback ports, a temp dir for their files, everything torn down on exit.
#   scripts/sdk/with-server.sh COMMAND [ARGS...]
# The command gets IDP_GRPC_ADDR, IDP_HTTP_ADDR, REDIS_URL, IDP_CLIENT_ID, IDP_POOL_ID, IDP_ADMIN_TOKEN (an
# AdminService bearer token), IDP_ISSUER (the pool's issuer, served from IDP_HTTP_ADDR) and IDP_OUTBOX_KEY
# (hex, the key outbox entries are sealed under), and exits with
# its own status. Overrides: SDK_SERVER_CMD (default "node dist/main.js", the build `make build` makes), SDK_POOL_ID,
# SDK_HEALTH_TIMEOUT (seconds, default 60), SDK_KEEP_TMP=1 (keep the temp dir and logs).
# SDK_TLS=1: the server serves gRPC over TLS and verifies client certificates (mTLS) against a CA made
# for the run (make-certs.sh); the client certificate's SPIFFE ID is an admin of the test pool only.
# The command then also gets IDP_TLS_CA_FILE, IDP_TLS_CERT_FILE, IDP_TLS_KEY_FILE.
# SDK_INSTANCES=N (default 1): N independent server processes on their own ports, same Redis and
# master key, behind a per-call round-robin proxy (rr-proxy.mjs) on IDP_GRPC_ADDR, so consecutive
# calls alternate between processes; the run fails if any process served no call.
. "$(dirname "$0")/common.sh"
[[ $# -gt 0 ]] || { echo "usage: $0 COMMAND [ARGS...]" >&2; exit 2; }

server_cmd=${SDK_SERVER_CMD:-node dist/main.js}
[[ -n ${SDK_SERVER_CMD:-} || -f dist/main.js ]] || { log "dist/main.js is missing: run make build"; exit 1; }
pool_id=${SDK_POOL_ID:-us-east-1_SdkTest}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/idp-sdk.XXXXXX")
redis_pid="" server_pid="" proxy_pid="" extra_pids=()
instances=${SDK_INSTANCES:-1}

stop_pid() { # PID NAME: SIGTERM, then SIGKILL after 5 s
  local pid=$1
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  log "$2 (pid $pid) ignored SIGTERM; killing"
  kill -KILL "$pid" 2>/dev/null || true
}
teardown() {
  local rc=$?
  if [[ -n $proxy_pid ]]; then
    stop_pid "$proxy_pid" proxy
    if [[ -s $tmp/proxy.json ]]; then
      log "calls per server instance: $(cat "$tmp/proxy.json")"
      if [[ $rc == 0 ]] && grep -qE '"calls":\[([0-9]+,)*0[],]' "$tmp/proxy.json"; then log "an instance served no call"; rc=1; fi
    else
      log "the proxy wrote no statistics"; [[ $rc == 0 ]] && rc=1
    fi
  fi
  for pid in "${extra_pids[@]}"; do stop_pid "$pid" server; done
  stop_pid "$server_pid" server
  stop_pid "$redis_pid" redis-server
  wait 2>/dev/null || true
  if [[ ${SDK_KEEP_TMP:-0} == 1 ]]; then log "kept $tmp"; else rm -rf "$tmp"; fi
  exit "$rc"
}
trap teardown EXIT
trap 'exit 130' INT TERM

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}
show_log() { log "last lines of $1:"; tail -n 40 "$1" >&2 || true; }

# Redis: loopback only, nothing persisted.
redis_port=$(free_port)
/usr/bin/redis-server --bind 127.0.0.1 --port "$redis_port" --dir "$tmp" --save "" --appendonly no \
  --daemonize no --logfile "$tmp/redis.log" &
redis_pid=$!
for _ in $(seq 100); do
  redis-cli -p "$redis_port" ping 2>/dev/null | grep -q PONG && break
  kill -0 "$redis_pid" 2>/dev/null || { show_log "$tmp/redis.log"; exit 1; }
  sleep 0.1
done
redis-cli -p "$redis_port" ping 2>/dev/null | grep -q PONG || { log "redis-server did not answer"; exit 1; }

# TLS run: certificates, the server's TLS settings, and the certificate's admin credential.
server_tls=() admin_credentials=""
if [[ ${SDK_TLS:-0} == 1 ]]; then
  spiffe=spiffe://example.org/ns/sdk/sa/e2e
  scripts/sdk/make-certs.sh "$tmp/pki" "$spiffe"
  # HTTP stays plaintext here: token verifiers fetch IDP_ISSUER's JWKS over http (HTTPS on the HTTP
  # listener is tested in test/integration/tls-rotation.test.ts).
  server_tls=(TLS_CERT_FILE="$tmp/pki/server.pem" TLS_KEY_FILE="$tmp/pki/server.key" TLS_CLIENT_CA_FILE="$tmp/pki/ca.pem" HTTP_TLS=off)
  export IDP_TLS_CA_FILE=$tmp/pki/ca.pem IDP_TLS_CERT_FILE=$tmp/pki/client.pem IDP_TLS_KEY_FILE=$tmp/pki/client.key
  admin_credentials="\"adminCredentials\": [{ \"certificate\": { \"uri\": \"$spiffe\" }, \"pools\": [\"$pool_id\"] }],"
fi

# Pool and client config; the client id is 26 random lowercase alphanumerics.
client_id=$(python3 -c 'import secrets, string; a = string.ascii_lowercase + string.digits; print("".join(secrets.choice(a) for _ in range(26)))')
cat >"$tmp/idp.json" <<JSON
{
  $admin_credentials
  "pools": [
    {
      "id": "$pool_id",
      "name": "sdk",
      "settings": { "autoVerifiedAttributes": ["email"] },
      "clients": [
        {
          "clientId": "$client_id",
          "name": "sdk",
          "explicitAuthFlows": ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH"],
          "preventUserExistenceErrors": "ENABLED"
        }
      ]
    }
  ]
}
JSON
python3 -c 'import secrets; print(secrets.token_hex(32))' >"$tmp/master.key"
# The outbox key the notification service holds; the SDK suites open outbox entries with it.
IDP_OUTBOX_KEY=$(python3 -c 'import secrets; print(secrets.token_hex(32))')
export IDP_OUTBOX_KEY

grpc_port=$(free_port)
http_port=$(free_port)
export IDP_GRPC_ADDR=127.0.0.1:$grpc_port IDP_HTTP_ADDR=127.0.0.1:$http_port
export REDIS_URL=redis://127.0.0.1:$redis_port IDP_CLIENT_ID=$client_id IDP_POOL_ID=$pool_id
# An admin token (its SHA-256 goes to the server) and an issuer that is the server's own HTTP address,
# so that ${IDP_ISSUER}/.well-known/jwks.json is fetchable by token verifiers.
IDP_ADMIN_TOKEN=$(python3 -c 'import secrets; print(secrets.token_urlsafe(32))')
export IDP_ADMIN_TOKEN IDP_ISSUER=http://$IDP_HTTP_ADDR/$pool_id
admin_token_sha256=$(printf '%s' "$IDP_ADMIN_TOKEN" | sha256sum | cut -d' ' -f1)

log "server: $server_cmd (gRPC $IDP_GRPC_ADDR, redis $REDIS_URL, log $tmp/server.log)"
# shellcheck disable=SC2086
env ${server_tls[@]+"${server_tls[@]}"} GRPC_ADDR=$IDP_GRPC_ADDR HTTP_ADDR=$IDP_HTTP_ADDR ISSUER_BASE_URL=http://$IDP_HTTP_ADDR ADMIN_TOKEN_SHA256=$admin_token_sha256 IDP_CONFIG=$tmp/idp.json IDP_MASTER_KEY_FILE=$tmp/master.key \
  CODE_SENDER=redis-stream $server_cmd >"$tmp/server.log" 2>&1 &
server_pid=$!
if ! node scripts/sdk/wait-health.mjs "$IDP_GRPC_ADDR" "${SDK_HEALTH_TIMEOUT:-60}" "$server_pid"; then
  show_log "$tmp/server.log"
  exit 1
fi

if [[ $instances -gt 1 ]]; then
  backends=("$IDP_GRPC_ADDR")
  for i in $(seq 2 "$instances"); do
    addr=127.0.0.1:$(free_port)
    # shellcheck disable=SC2086
    env GRPC_ADDR=$addr HTTP_ADDR=off ISSUER_BASE_URL=http://$IDP_HTTP_ADDR ADMIN_TOKEN_SHA256=$admin_token_sha256 IDP_CONFIG=$tmp/idp.json \
      IDP_MASTER_KEY_FILE=$tmp/master.key CODE_SENDER=redis-stream $server_cmd >"$tmp/server-$i.log" 2>&1 &
    extra_pids+=($!)
    node scripts/sdk/wait-health.mjs "$addr" "${SDK_HEALTH_TIMEOUT:-60}" "$!" || { show_log "$tmp/server-$i.log"; exit 1; }
    backends+=("$addr")
  done
  proxy_port=$(free_port)
  RR_PROXY_STATS=$tmp/proxy.json node scripts/sdk/rr-proxy.mjs "$proxy_port" "${backends[@]}" >"$tmp/proxy.log" 2>&1 &
  proxy_pid=$!
  export IDP_GRPC_ADDR=127.0.0.1:$proxy_port
  node scripts/sdk/wait-health.mjs "$IDP_GRPC_ADDR" 10 "$proxy_pid" || { show_log "$tmp/proxy.log"; exit 1; }
  log "$instances server instances (${backends[*]}) behind a per-call round-robin proxy on $IDP_GRPC_ADDR"
fi

set +e
"$@"
rc=$?
set -e
[[ $rc == 0 ]] || show_log "$tmp/server.log"
exit "$rc"
