# Storage at scale (docs/storage.md). Included by the main Makefile; nothing here runs in `make test`.
_scale_saved_default_goal := $(.DEFAULT_GOAL)

.PHONY: reindex bench-scale

## reindex: list the users of pools created before the filter index (ListUsers filters); run with the server's environment once every server has this version; safe while serving
reindex: build
	node dist/reindex.js

## bench-scale: a pool of 1M users imported through ImportUsers, then sign-in CPU, ListUsers, memory and deletion at that size (BENCH_SCALE_USERS=100000 for a shorter run)
bench-scale: deps build
	bash scripts/ensure-redis.sh
	node --import tsx bench/run.ts scale

.DEFAULT_GOAL := $(_scale_saved_default_goal)
