#!/usr/bin/env bash
# Installs what the AWS JSON client suites need, skipping what is there: a Python venv with boto3 and
# the AWS CLI (pinned in test/aws-json/python/requirements.txt) under .tools/aws-json-venv, and the
# Go modules of test/aws-json/go (aws-sdk-go-v2, pinned in its go.mod/go.sum).
. "$(dirname "$0")/../sdk/common.sh"
VENV=$SDK_ROOT/.tools/aws-json-venv
req=test/aws-json/python/requirements.txt stamp=$VENV/.requirements.sha256
want=$(sha256sum "$req" | cut -d' ' -f1)
if [[ ! -x $VENV/bin/python || ! -f $stamp || $(cat "$stamp") != "$want" ]]; then
  log "aws-json venv: $VENV"
  [[ -x $VENV/bin/python ]] || python3 -m venv "$VENV"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps --require-virtualenv -r "$req"
  "$VENV/bin/python" -m pip check >/dev/null
  echo "$want" >"$stamp"
fi
(cd test/aws-json/go && go mod download)
