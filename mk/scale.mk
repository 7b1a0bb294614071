# Storage at scale (docs/storage.md). Included by the main Makefile; nothing here runs in `make test`.
_scale_saved_default_goal := $(.DEFAULT_GOAL)

.PHONY: reindex

## reindex: list the users of pools created before the filter index (ListUsers filters); run with the server's environment once every server has this version; safe while serving
reindex: build
	node dist/reindex.js

.DEFAULT_GOAL := $(_scale_saved_default_goal)
