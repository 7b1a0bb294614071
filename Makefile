# The single entry point. `make run` starts the service with the demo config; `make test` runs
# every test (TypeScript unit + integration against a real redis-server, SDK end-to-end tests).
SHELL := /bin/bash
BUF := node_modules/.bin/buf
TMP := .tmp

.PHONY: run test bench deps generate generate-ts check-generated lint breaking typecheck test-ts

run: deps build
	bash scripts/run-dev.sh

test: deps
	bash scripts/test-all.sh

bench: deps build
	bash scripts/ensure-redis.sh
	node --import tsx bench/run.ts

# npm packages, installed exactly from package-lock.json when missing or stale.
deps: node_modules/.installed
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Everything generated from proto/: the TypeScript server code and the SDKs (mk/sdk.mk).
generate: generate-ts generate-sdk

generate-ts: deps lint
	$(BUF) generate
	@mkdir -p $(TMP)
	$(BUF) build --as-file-descriptor-set -o $(TMP)/api.binpb
	$(BUF) build node_modules/grpc-health-check/proto --as-file-descriptor-set -o $(TMP)/health.binpb
	node scripts/embed-descriptors.mjs src/gen/descriptors.ts $(TMP)/api.binpb $(TMP)/health.binpb

# Fails when committed generated code differs from what the proto produces.
check-generated: generate
	git diff --exit-code --stat -- src/gen clients || { echo "generated code is stale: run make generate and commit"; exit 1; }

lint: deps
	$(BUF) format --diff --exit-code
	$(BUF) lint

# Compares the contract with main's (FILE rules); a no-op on main itself.
breaking: deps
	@if git rev-parse --verify -q main >/dev/null && git cat-file -e main:buf.yaml 2>/dev/null; then $(BUF) breaking --against '.git#branch=main'; else echo "no main with a proto yet: skipped"; fi

typecheck: deps
	node_modules/.bin/tsc -p . --noEmit

test-ts: deps
	bash scripts/ensure-redis.sh
	node_modules/.bin/mocha

-include mk/*.mk
