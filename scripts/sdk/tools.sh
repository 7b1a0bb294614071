#!/usr/bin/env bash
# Installs the SDK toolchains at pinned versions, skipping whatever is already there:
#   .tools/bin/{protoc-gen-go,protoc-gen-go-grpc,grpcurl}  (go install)
#   clients/python/.venv                                   (grpcio-tools, pytest, redis)
#   clients/ts/node_modules                                (npm ci: buf, ts-proto, typescript, …)
# Usage: tools.sh [all|codegen|go|grpcurl|python|ts]   (codegen = all but grpcurl)
. "$(dirname "$0")/common.sh"

# go_tool NAME MODULE_PATH PACKAGE VERSION: installs PACKAGE@VERSION unless the binary was built from it.
go_tool() {
  local name=$1 module=$2 package=$3 version=$4 have=""
  if [[ -x $SDK_BIN/$name ]]; then
    have=$(go version -m "$SDK_BIN/$name" 2>/dev/null | awk -v m="$module" '$1 == "mod" && $2 == m { print $3 }')
  fi
  [[ $have == "$version" ]] && return 0
  log "go install $package@$version"
  mkdir -p "$SDK_BIN"
  GOBIN=$SDK_BIN go install "$package@$version"
}

go_tools() {
  go_tool protoc-gen-go google.golang.org/protobuf google.golang.org/protobuf/cmd/protoc-gen-go "$PROTOC_GEN_GO_VERSION"
  go_tool protoc-gen-go-grpc google.golang.org/grpc/cmd/protoc-gen-go-grpc \
    google.golang.org/grpc/cmd/protoc-gen-go-grpc "$PROTOC_GEN_GO_GRPC_VERSION"
}

grpcurl_tool() {
  go_tool grpcurl github.com/fullstorydev/grpcurl github.com/fullstorydev/grpcurl/cmd/grpcurl "$GRPCURL_VERSION"
}

# The venv is rebuilt from requirements-dev.txt when that file changes (its hash is kept in the venv).
python_tools() {
  local req=clients/python/requirements-dev.txt stamp=$SDK_VENV/.requirements.sha256 want
  want=$(sha256sum "$req" | cut -d' ' -f1)
  [[ -x $SDK_PY && -f $stamp && $(cat "$stamp") == "$want" ]] && return 0
  log "python venv: $SDK_VENV"
  [[ -x $SDK_PY ]] || python3 -m venv "$SDK_VENV"
  "$SDK_PY" -m pip install --quiet --disable-pip-version-check --no-deps --require-virtualenv -r "$req"
  "$SDK_PY" -m pip check >/dev/null
  echo "$want" >"$stamp"
}

# npm ci when node_modules is missing or older than the lockfile.
ts_tools() {
  local lock=clients/ts/package-lock.json marker=clients/ts/node_modules/.package-lock.json
  [[ -f $marker && ! $lock -nt $marker ]] && return 0
  log "npm ci in clients/ts"
  (cd clients/ts && npm ci --no-audit --no-fund --loglevel=error)
}

case ${1:-all} in
  all) go_tools; grpcurl_tool; python_tools; ts_tools ;;
  codegen) go_tools; python_tools; ts_tools ;;
  go) go_tools ;;
  grpcurl) grpcurl_tool ;;
  python) python_tools ;;
  ts) ts_tools ;;
  *) echo "usage: $0 [all|codegen|go|grpcurl|python|ts]" >&2; exit 2 ;;
esac
