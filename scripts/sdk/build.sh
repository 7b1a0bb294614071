#!/usr/bin/env bash
# Builds each SDK as its users would get it:
#   Go:         go build + go vet of the module (and of the e2e module)
#   TypeScript: tsc build of the npm package (dist/src), then `npm pack --dry-run`
#   Python:     a wheel (no build isolation: the venv's pinned setuptools), installed into a scratch
#               venv next to its dependencies, then imported
. "$(dirname "$0")/common.sh"

log "build Go"
(cd clients/go && go build ./... && go vet ./...)
(cd clients/go/e2e && go vet ./...)

log "build TypeScript"
(cd clients/ts && rm -rf dist && npx --no-install tsc -p tsconfig.json && npm pack --dry-run --loglevel=warn >/dev/null)

log "build Python"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$SDK_PY" -m pip wheel --quiet --no-deps --no-build-isolation -w "$out" clients/python
rm -rf clients/python/build clients/python/src/*.egg-info
python3 -m venv "$out/venv"
"$out/venv/bin/pip" install --quiet "$out"/identity_service_client-*.whl
(cd "$out" && venv/bin/python -c '
import identity_client
import identity_client.auth  # PyJWT[crypto], a declared dependency of the wheel
from identity_client.v1 import auth_service_pb2, auth_service_pb2_grpc, admin_service_pb2_grpc
assert identity_client.secret_hash("test", "123abd", "clientSecret") == "LoIX/oPJWZzFYv8liJYRo+CHv16FNDY10JlZEDjL3Vg="
print("[sdk] wheel OK:", identity_client.__file__)')
