# Polyglot SDKs (clients/go, clients/python, clients/ts). Included by the main Makefile.
# Pinned tool versions: scripts/sdk/versions.env, clients/ts/package-lock.json,
# clients/python/requirements-dev.txt, clients/go/go.mod.

# Keep the including Makefile's default goal (this file may be included before its first target).
_sdk_saved_default_goal := $(.DEFAULT_GOAL)

SDK_GENERATED := clients/go/gen clients/ts/src/gen clients/python/src/identity_client/v1

.PHONY: sdk-tools sdk-codegen-tools sdk-grpcurl generate-sdk check-generated-sdk build-sdk test-sdk test-sdk-unit test-sdk-e2e grpcurl-walkthrough

## sdk-tools: install protoc-gen-go, protoc-gen-go-grpc, grpcurl (.tools/bin), the Python venv and clients/ts/node_modules; skips what is present
sdk-tools:
	@scripts/sdk/tools.sh all

## sdk-codegen-tools: sdk-tools without grpcurl (what generate-sdk needs)
sdk-codegen-tools:
	@scripts/sdk/tools.sh codegen

## sdk-grpcurl: install grpcurl (pinned) into .tools/bin
sdk-grpcurl:
	@scripts/sdk/tools.sh grpcurl

## generate-sdk: regenerate the Go, TypeScript and Python code from proto/
generate-sdk: sdk-codegen-tools
	@scripts/sdk/generate.sh all

## check-generated-sdk: regenerate and fail if the committed generated code differs
check-generated-sdk: generate-sdk
	@git diff --exit-code --stat -- $(SDK_GENERATED) || \
	  { echo "check-generated-sdk: generated SDK code is stale; run 'make generate-sdk' and commit" >&2; exit 1; }
	@untracked=$$(git ls-files --others --exclude-standard -- $(SDK_GENERATED)); \
	  if [ -n "$$untracked" ]; then \
	    echo "check-generated-sdk: generated files not committed:" >&2; echo "$$untracked" >&2; exit 1; fi
	@echo "check-generated-sdk: generated SDK code is up to date"

## build-sdk: build each SDK as a package (go build/vet, tsc + npm pack --dry-run, wheel + import)
build-sdk: sdk-tools
	@scripts/sdk/build.sh

## test-sdk-unit: the SDKs' unit tests (SECRET_HASH, SRP vectors, client wrappers); no server
test-sdk-unit: sdk-tools
	@scripts/sdk/test-sdk.sh unit

## test-sdk-e2e: the end-to-end suites and the grpcurl walkthrough against a private server
test-sdk-e2e: sdk-tools build
	@scripts/sdk/test-sdk.sh e2e

## test-sdk: unit + end-to-end; ends with "N passed, N failed" over all SDK suites
test-sdk: sdk-tools build
	@scripts/sdk/test-sdk.sh all

## grpcurl-walkthrough: only the grpcurl walkthrough, against a private server
grpcurl-walkthrough: sdk-tools build
	@scripts/sdk/with-server.sh scripts/sdk/grpcurl-walkthrough.sh

.DEFAULT_GOAL := $(_sdk_saved_default_goal)
