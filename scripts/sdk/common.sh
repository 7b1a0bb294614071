# Sourced by scripts/sdk/*.sh: strict mode, cd to the repository root, pinned versions, tool paths.
# shellcheck shell=bash disable=SC2034
set -euo pipefail
SDK_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$SDK_ROOT"
# shellcheck source=versions.env
. scripts/sdk/versions.env
SDK_BIN=$SDK_ROOT/.tools/bin
SDK_VENV=$SDK_ROOT/clients/python/.venv
SDK_PY=$SDK_VENV/bin/python
SDK_BUF=$SDK_ROOT/clients/ts/node_modules/.bin/buf
export GOFLAGS=${GOFLAGS:--buildvcs=false}
log() { printf '[sdk] %s\n' "$*" >&2; }
