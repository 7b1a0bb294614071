#!/usr/bin/env bash
# Generates the SDK code from proto/ (run `scripts/sdk/tools.sh` first; `make generate-sdk` does both).
#   Go:         buf + .tools/bin/protoc-gen-go{,-grpc}           → clients/go/gen/identity/v1
#   TypeScript: buf + clients/ts's ts-proto, then services.ts    → clients/ts/src/gen
#   Python:     buf build (image) + venv's grpc_tools.protoc     → clients/python/src/identity_client/v1
# Usage: generate.sh [all|go|ts|python]
. "$(dirname "$0")/common.sh"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

gen_go() {
  log "generate Go"
  "$SDK_BUF" generate --template buf.gen.go.yaml
}

gen_ts() {
  log "generate TypeScript"
  "$SDK_BUF" generate --template clients/ts/buf.gen.yaml
  "$SDK_BUF" build -o '-#format=json' | node scripts/sdk/gen-ts-services.mjs clients/ts/src/gen/services.ts
}

# grpc_tools reads the image buf compiled (--descriptor_set_in), so buf is the only proto parser. The
# generated imports are absolute (`from identity.v1 import …`); they are rewritten to the package's own
# namespace, identity_client.v1, because a top-level `identity` package would clash with PyPI's.
gen_python() {
  log "generate Python"
  local out=$work/python dest=clients/python/src/identity_client/v1 protos
  mkdir -p "$out"
  "$SDK_BUF" build -o "$work/image.binpb"
  protos=$(cd proto && find identity -name '*.proto' | LC_ALL=C sort)
  # shellcheck disable=SC2086
  "$SDK_PY" -m grpc_tools.protoc --descriptor_set_in="$work/image.binpb" \
    --python_out="$out" --pyi_out="$out" --grpc_python_out="$out" $protos
  rm -rf "$dest"
  mkdir -p "$dest"
  for f in "$out"/identity/v1/*; do
    sed -e 's/^from identity\.v1 import /from identity_client.v1 import /' \
      -e "s/'identity\.v1\.\([a-z0-9_]*_pb2\)'/'identity_client.v1.\1'/" \
      "$f" >"$dest/$(basename "$f")"
  done
  printf '%s\n' '"""Generated from proto/identity/v1 by scripts/sdk/generate.sh. DO NOT EDIT."""' >"$dest/__init__.py"
  if grep -rn '^from identity\.\|^import identity\.' "$dest"; then
    echo "generate.sh: un-rewritten identity.* imports left in $dest" >&2
    exit 1
  fi
}

case ${1:-all} in
  all) gen_go; gen_ts; gen_python ;;
  go) gen_go ;;
  ts) gen_ts ;;
  python) gen_python ;;
  *) echo "usage: $0 [all|go|ts|python]" >&2; exit 2 ;;
esac
