#!/usr/bin/env bash
# The server scripts/sdk/with-server.sh starts (SDK_SERVER_CMD), with the AWS JSON endpoint on
# AWS_JSON_ADDR and the test access key (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY) added to its config.
set -euo pipefail
: "${AWS_JSON_ADDR:?}" "${AWS_ACCESS_KEY_ID:?}" "${AWS_SECRET_ACCESS_KEY:?}" "${IDP_CONFIG:?}"
merged="${IDP_CONFIG%.json}.aws-json.json"
node -e '
  const fs = require("node:fs");
  const config = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
  config.awsAccessKeys = [{ accessKeyId: process.env.AWS_ACCESS_KEY_ID, secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY, pools: "*" }];
  fs.writeFileSync(process.argv[2], JSON.stringify(config));
' "$IDP_CONFIG" "$merged"
IDP_CONFIG=$merged exec node dist/main.js
