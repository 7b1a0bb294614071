# Redis Cluster: the integration suite on a real 6-node cluster, failover under load, durable writes
# across a master's death, several server instances (scripts/test-cluster.sh). Included by the Makefile.
_cluster_saved_default_goal := $(.DEFAULT_GOAL)

.PHONY: test-cluster redis-cluster

## test-cluster: every Redis Cluster suite; ends with "cluster: N passed, N failed"
test-cluster: deps build
	@bash scripts/ensure-redis.sh
	@bash scripts/test-cluster.sh

## redis-cluster: a cluster to try things against, in .data/cluster (stop: scripts/redis-cluster.sh stop .data/cluster)
redis-cluster:
	@bash scripts/ensure-redis.sh
	@bash scripts/redis-cluster.sh start .data/cluster

.DEFAULT_GOAL := $(_cluster_saved_default_goal)
