# Key management (README "Security"). Included by the main Makefile.
.PHONY: reseal bench-memory

## reseal: re-seal everything in Redis under the newest key of IDP_MASTER_KEYS (run with the server's environment; safe while serving)
reseal: build
	node dist/reseal.js

## bench-memory: only the memory-per-user and sealing-cost lines of make bench
bench-memory: deps
	bash scripts/ensure-redis.sh
	node --import tsx bench/run.ts memory
