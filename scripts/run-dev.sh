#!/usr/bin/env bash
# `make run`: the built identity service (dist/, as `make build` makes it) with the demo config. Without REDIS_URL it starts a private
# redis-server with append-only persistence under .data/ and stops it on exit. A master key is
# generated under .data/ on first start (keep it: it encrypts signing keys and client secrets).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p .data
if [ ! -s .data/master.key ]; then
  umask 077
  node -e 'process.stdout.write(require("crypto").randomBytes(32).toString("base64"))' > .data/master.key
fi
# The outbox key a notification service needs to open the codes in the outbox stream (README "Outbox").
if [ ! -s .data/outbox.key ]; then
  umask 077
  node -e 'process.stdout.write(require("crypto").randomBytes(32).toString("hex"))' > .data/outbox.key
fi
redis_pid=""
cleanup() {
  if [ -n "$redis_pid" ]; then kill "$redis_pid" 2>/dev/null || true; wait "$redis_pid" 2>/dev/null || true; fi
}
trap cleanup EXIT INT TERM
if [ -z "${REDIS_URL:-}" ]; then
  bash scripts/ensure-redis.sh
  port="${REDIS_PORT:-6390}"
  redis-server --port "$port" --bind 127.0.0.1 --dir "$PWD/.data" --appendonly yes --appendfsync everysec \
    --save "" --daemonize no --logfile "$PWD/.data/redis.log" &
  redis_pid=$!
  until redis-cli -p "$port" ping >/dev/null 2>&1; do
    kill -0 "$redis_pid" 2>/dev/null || { echo "redis-server did not start; see .data/redis.log" >&2; exit 1; }
    sleep 0.1
  done
  export REDIS_URL="redis://127.0.0.1:$port"
fi
export IDP_CONFIG="${IDP_CONFIG:-config/demo.json}"
export IDP_MASTER_KEY_FILE="${IDP_MASTER_KEY_FILE:-.data/master.key}"
export CODE_SENDER="${CODE_SENDER:-redis-stream}"
export IDP_OUTBOX_KEY_FILE="${IDP_OUTBOX_KEY_FILE:-.data/outbox.key}"
export ISSUER_BASE_URL="${ISSUER_BASE_URL:-http://localhost:8080}"
export AWS_JSON_ADDR="${AWS_JSON_ADDR:-0.0.0.0:8081}"
echo "identity service: gRPC on ${GRPC_ADDR:-0.0.0.0:50051}, HTTP on ${HTTP_ADDR:-0.0.0.0:8080}, AWS JSON on $AWS_JSON_ADDR, Redis at $REDIS_URL" >&2
node dist/main.js &
server_pid=$!
trap 'kill -TERM "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; cleanup' EXIT INT TERM
wait "$server_pid"
