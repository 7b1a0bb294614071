#!/usr/bin/env bash
# The token verifier's cost per call in each SDK with a cached JWKS (µs), one line per SDK:
#   Go: BenchmarkVerify (go test -bench);  TypeScript: test/bench/verify-bench.ts;  Python: bench/verify_bench.py
# Each verifies one RS256 access token repeatedly against a loopback JWKS endpoint fetched once.
# Usage: bench-verifier.sh [calls]   (default 20000 for TypeScript and Python; Go picks its own N)
. "$(dirname "$0")/common.sh"
calls=${1:-20000}

(cd clients/go && go test -run '^$' -bench '^Benchmark(Verify|RS256Floor)$' -benchmem -benchtime 2s -count 1 ./auth) |
  awk '/^BenchmarkVerify/ { v = $3 / 1000; n = $2; b = $5; a = $7 }
       /^BenchmarkRS256Floor/ { f = $3 / 1000 }
       END { printf "verifier go (golang-jwt RS256): %.1f µs/call over %d calls, %s B/op, %s allocs/op; floor (one RS256 verify, crypto/rsa) %.1f µs\n", v, n, b, a, f }'
(cd clients/ts && npx --no-install tsc -p tsconfig.test.json && node dist/test/bench/verify-bench.js "$calls")
"$SDK_PY" clients/python/bench/verify_bench.py "$calls"
