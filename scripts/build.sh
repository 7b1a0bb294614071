#!/usr/bin/env bash
# Compiles src/ into dist/ and copies the files the code reads at run time (every non-TypeScript file
# under src/, e.g. src/store/scripts/*.lua). A fresh dist/ each time: no stale module survives a rename.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf dist.tmp
node_modules/.bin/tsc -p tsconfig.build.json --outDir dist.tmp
(cd src && find . -type f ! -name '*.ts' -print0 | while IFS= read -r -d '' f; do
  mkdir -p "../dist.tmp/$(dirname "$f")"; cp "$f" "../dist.tmp/$f"
done)
rm -rf dist && mv dist.tmp dist
echo "built dist/ ($(find dist -name '*.js' | wc -l) modules, $(find dist -name '*.lua' | wc -l) Lua scripts)"
