# Request fuzzing (test/helpers/fuzz.ts). `make test` runs a bounded pass (12 per method and kind);
# `make fuzz` runs many more against the same real server and Redis:
#   make fuzz FUZZ_ITERATIONS=1000 FUZZ_SEED=my-seed
.PHONY: fuzz
FUZZ_ITERATIONS ?= 500
FUZZ_SEED ?= $(shell date +%s)

fuzz: deps
	bash scripts/ensure-redis.sh
	FUZZ_ITERATIONS=$(FUZZ_ITERATIONS) FUZZ_SEED=$(FUZZ_SEED) node_modules/.bin/mocha --no-config --node-option import=tsx --exit --timeout 0 test/integration/fuzz.test.ts
