"""Fixtures for the auth tests: RSA keys, a real HTTP JWKS endpoint on a free loopback port that counts
its requests, and a signer for Cognito-shaped client-credentials access tokens."""

from __future__ import annotations

import base64
import hashlib
import json
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

ISSUER = "http://localhost:8080/us-east-1_UnitTest"
CLIENT_ID = "unitclient0000000000000001"


class SigningKey:
    def __init__(self) -> None:
        self.private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        jwk = json.loads(RSAAlgorithm.to_jwk(self.private.public_key()))
        self.kid = base64.urlsafe_b64encode(hashlib.sha256(jwk["n"].encode()).digest()[:16]).decode().rstrip("=")
        self.jwk = {**jwk, "kid": self.kid, "alg": "RS256", "use": "sig"}


class JwksServer:
    """Serves ``keys`` (assign to rotate); ``requests`` counts fetches; ``failing`` answers 503."""

    def __init__(self) -> None:
        self.keys: list[SigningKey] = []
        self.requests = 0
        self.failing = False
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                outer.requests += 1
                if outer.failing:
                    self.send_response(503)
                    self.end_headers()
                    return
                body = json.dumps({"keys": [k.jwk for k in outer.keys]}).encode()
                self.send_response(200)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/us-east-1_UnitTest/.well-known/jwks.json"
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


def access_token(key: SigningKey, *, kid: str | None = None, iat: float | None = None, lifetime: int = 3600, **claims: Any) -> str:
    """Claims passed as None are removed."""
    now = int(iat if iat is not None else time.time())
    payload: dict[str, Any] = {
        "sub": CLIENT_ID,
        "client_id": CLIENT_ID,
        "token_use": "access",
        "scope": "orders/read orders/write",
        "iss": ISSUER,
        "iat": now,
        "exp": now + lifetime,
        "jti": str(uuid.uuid4()),
        "version": 2,
    }
    for name, value in claims.items():
        name = name.replace("cognito_groups", "cognito:groups")
        if value is None:
            payload.pop(name, None)
        else:
            payload[name] = value
    return jwt.encode(payload, key.private, algorithm="RS256", headers={"kid": kid or key.kid})


def tamper_signature(token: str) -> str:
    head, body, sig = token.split(".")
    raw = bytearray(base64.urlsafe_b64decode(sig + "=" * (-len(sig) % 4)))
    raw[-1] ^= 1
    return f"{head}.{body}.{base64.urlsafe_b64encode(bytes(raw)).decode().rstrip('=')}"


def tamper_payload(token: str, **claims: Any) -> str:
    head, body, sig = token.split(".")
    payload = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    payload.update(claims)
    return f"{head}.{base64.urlsafe_b64encode(json.dumps(payload).encode()).decode().rstrip('=')}.{sig}"
