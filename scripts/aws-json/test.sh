#!/usr/bin/env bash
# The AWS JSON endpoint against real clients, in CI: boto3, aws-sdk-go-v2 and the AWS CLI walkthrough,
# against a private server (scripts/sdk/with-server.sh with scripts/aws-json/serve.sh). Prints each
# suite's counts and the total as "N passed, N failed". (`inner` is what runs against the server.)
. "$(dirname "$0")/../sdk/common.sh"
VENV=$SDK_ROOT/.tools/aws-json-venv

count_go() { echo "$(grep -cE '^\s*--- PASS' "$1") $(grep -cE '^\s*--- FAIL' "$1")"; }
count_plain() { tail -n 1 "$1" | sed -nE 's/^[a-z0-9-]+: ([0-9]+) passed, ([0-9]+) failed$/\1 \2/p'; }

# suite NAME COUNTER COMMAND...: runs it, shows its output, appends "passed failed" to the results.
suite() {
  local name=$1 counter=$2 logf rc passed failed; shift 2
  logf=$(mktemp)
  set +e; "$@" 2>&1 | tee "$logf"; rc=${PIPESTATUS[0]}; set -e
  read -r passed failed < <($counter "$logf"; echo)
  passed=${passed:-0} failed=${failed:-0}
  if [[ $rc != 0 && $failed == 0 ]]; then failed=1; fi
  rm -f "$logf"
  echo "$name: $passed passed, $failed failed"
  echo "$passed $failed" >>"$AWS_JSON_RESULTS"
}

inner() {
  : "${AWS_JSON_ADDR:?run through scripts/aws-json/test.sh}"
  export AWS_JSON_ENDPOINT="http://$AWS_JSON_ADDR"
  # The endpoint starts listening just after gRPC reports healthy.
  python3 -c '
import socket, sys, time
host, port = sys.argv[1].rsplit(":", 1)
for _ in range(100):
    try:
        socket.create_connection((host, int(port)), timeout=1).close(); break
    except OSError:
        time.sleep(0.1)
' "$AWS_JSON_ADDR"
  suite python-boto3 count_plain "$VENV/bin/python" test/aws-json/python/test_boto3.py
  suite go-aws-sdk-v2 count_go bash -c 'cd test/aws-json/go && go vet ./... && go test -count=1 -v ./...'
  suite aws-cli count_plain env AWS_CLI="$VENV/bin/aws" bash scripts/aws-json/cli-walkthrough.sh
}

if [[ ${1:-} == inner ]]; then inner; exit 0; fi

bash scripts/aws-json/tools.sh
export AWS_JSON_RESULTS; AWS_JSON_RESULTS=$(mktemp)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
export AWS_JSON_ADDR=127.0.0.1:$port
export AWS_ACCESS_KEY_ID=AKIA$(python3 -c 'import secrets, string; print("".join(secrets.choice(string.ascii_uppercase + string.digits) for _ in range(16)))')
export AWS_SECRET_ACCESS_KEY; AWS_SECRET_ACCESS_KEY=$(python3 -c 'import secrets; print(secrets.token_urlsafe(30))')
export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null AWS_EC2_METADATA_DISABLED=true
set +e
SDK_SERVER_CMD="bash scripts/aws-json/serve.sh" scripts/sdk/with-server.sh bash scripts/aws-json/test.sh inner
rc=$?
set -e
read -r passed failed < <(awk '{p += $1; f += $2} END {printf "%d %d\n", p, f}' "$AWS_JSON_RESULTS")
[[ $rc != 0 && $failed == 0 ]] && failed=1
[[ $passed == 0 && $failed == 0 ]] && failed=1
rm -f "$AWS_JSON_RESULTS"
echo "$passed passed, $failed failed"
[[ $failed == 0 ]]
