#!/usr/bin/env bash
# A real Redis Cluster on loopback: 6 redis-server processes (3 masters, 3 replicas) on free ports,
# with a short cluster-node-timeout so a dead master's replica takes over within seconds.
#   scripts/redis-cluster.sh start DIR   start it under DIR (created); prints REDIS_CLUSTER_NODES=...
#   scripts/redis-cluster.sh stop DIR    stop every node started under DIR
#   scripts/redis-cluster.sh restart DIR PORT   start a (killed) node again with its own config: it
#                                        rejoins the cluster, as a replica if its slots moved meanwhile
# DIR/nodes holds host:port,host:port,... ; DIR/<port>/redis.pid each node's PID.
# Environment: CLUSTER_NODE_TIMEOUT_MS (default 1000), CLUSTER_APPENDONLY (default no).
set -euo pipefail
cmd=${1:-}; dir=${2:-}
[[ -n $cmd && -n $dir ]] || { echo "usage: $0 start|stop DIR" >&2; exit 2; }

stop() {
  shopt -s nullglob
  local pids=()
  for f in "$dir"/*/redis.pid; do pids+=("$(cat "$f")"); done
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
}

# 12 ports free at once: 6 client ports and 6 cluster-bus ports (not port+10000, which may be taken).
free_ports() {
  python3 -c '
import socket
socks = [socket.socket() for _ in range(12)]
for s in socks: s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in socks))
for s in socks: s.close()'
}

start() {
  mkdir -p "$dir"
  read -r -a ports <<<"$(free_ports)"
  local nodes=()
  for i in 0 1 2 3 4 5; do
    local port=${ports[$i]} bus=${ports[$((i + 6))]}
    mkdir -p "$dir/$port"
    cat >"$dir/$port/redis.conf" <<CONF
port $port
cluster-port $bus
bind 127.0.0.1
cluster-enabled yes
cluster-config-file $dir/$port/nodes.conf
cluster-node-timeout ${CLUSTER_NODE_TIMEOUT_MS:-1000}
save ""
appendonly ${CLUSTER_APPENDONLY:-no}
dir $dir/$port
daemonize yes
pidfile $dir/$port/redis.pid
logfile $dir/$port/redis.log
CONF
    redis-server "$dir/$port/redis.conf"
    nodes+=("127.0.0.1:$port")
  done
  for node in "${nodes[@]}"; do
    local port=${node##*:}
    for _ in $(seq 100); do redis-cli -p "$port" ping 2>/dev/null | grep -q PONG && break; sleep 0.05; done
  done
  redis-cli --cluster create "${nodes[@]}" --cluster-replicas 1 --cluster-yes >"$dir/create.log" 2>&1 ||
    { cat "$dir/create.log" >&2; stop; exit 1; }
  # Ready: every node sees the cluster ok, and every replica's link to its master is up.
  for _ in $(seq 300); do
    local ready=1
    for node in "${nodes[@]}"; do
      local port=${node##*:}
      redis-cli -p "$port" cluster info 2>/dev/null | grep -q 'cluster_state:ok' || { ready=0; break; }
      local info; info=$(redis-cli -p "$port" info replication 2>/dev/null)
      if grep -q 'role:slave' <<<"$info" && ! grep -q 'master_link_status:up' <<<"$info"; then ready=0; break; fi
    done
    [[ $ready == 1 ]] && break
    sleep 0.1
  done
  [[ $ready == 1 ]] || { echo "the cluster did not become ready" >&2; stop; exit 1; }
  (IFS=,; echo "${nodes[*]}") >"$dir/nodes"
  echo "REDIS_CLUSTER_NODES=$(cat "$dir/nodes")"
}

restart() {
  local port=${3:?usage: $0 restart DIR PORT}
  redis-server "$dir/$port/redis.conf"
  for _ in $(seq 100); do redis-cli -p "$port" ping 2>/dev/null | grep -q PONG && return 0; sleep 0.05; done
  echo "node $port did not restart" >&2; exit 1
}

case $cmd in
  start) start ;;
  restart) restart "$@" ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
