#!/usr/bin/env bash
# A throw-away PKI for the TLS runs of the SDK suites, made with openssl in DIR:
#   ca.pem/ca.key            the CA for both sides
#   server.pem/server.key    the server certificate (DNS:localhost, IP:127.0.0.1)
#   client.pem/client.key    a client certificate whose SAN URI is SPIFFE_ID
# Usage: scripts/sdk/make-certs.sh DIR SPIFFE_ID
set -euo pipefail
dir=$1 spiffe=$2
mkdir -p "$dir"
cd "$dir"
key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null; }
key ca.key
openssl req -x509 -new -key ca.key -subj /CN=sdk-test-ca -days 2 -sha256 -out ca.pem \
  -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign
issue() { # NAME CN EXTENSIONS
  key "$1.key"
  openssl req -new -key "$1.key" -subj "/CN=$2" -out "$1.csr"
  printf '%s\n' "$3" >"$1.ext"
  openssl x509 -req -in "$1.csr" -CA ca.pem -CAkey ca.key -CAcreateserial -days 1 -sha256 -extfile "$1.ext" -out "$1.pem" 2>/dev/null
  rm -f "$1.csr" "$1.ext"
}
issue server localhost "subjectAltName=DNS:localhost,IP:127.0.0.1
extendedKeyUsage=serverAuth"
issue client sdk-e2e "subjectAltName=URI:$spiffe
extendedKeyUsage=clientAuth"
