# Service-to-service auth in the SDKs (clients/*/auth, examples/service-to-service). Included by the main Makefile.
_s2s_sdk_saved_default_goal := $(.DEFAULT_GOAL)

.PHONY: bench-sdk-verifier

## bench-sdk-verifier: the token verifier's cost per call in each SDK with a cached JWKS (µs), beside one RS256 verify
bench-sdk-verifier: sdk-tools
	@scripts/sdk/bench-verifier.sh

.DEFAULT_GOAL := $(_s2s_sdk_saved_default_goal)
