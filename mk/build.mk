# The production build: TypeScript compiled by tsc into dist/ (entry: node dist/main.js), with the
# files read at run time (Lua scripts) copied next to the code that reads them. Included by the Makefile.
_build_saved_default_goal := $(.DEFAULT_GOAL)

.PHONY: build start clean-build

BUILD_INPUTS := $(shell find src -type f 2>/dev/null) tsconfig.json tsconfig.build.json package.json

## build: compile src/ into dist/ (skipped when nothing changed)
build: dist/.built
dist/.built: node_modules/.installed $(BUILD_INPUTS)
	bash scripts/build.sh
	@touch $@

## start: the built service as a user runs it (configuration from the environment)
start: build
	node dist/main.js

clean-build:
	rm -rf dist

.DEFAULT_GOAL := $(_build_saved_default_goal)
