"""The verifier's cost per call with a cached JWKS: one RS256 token verified over and over (signature,
iss, exp, token_use, client id, scope), after a warm-up. Prints one line in µs per call."""

import base64
import sys
import time
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parents[1] / "src"), str(Path(__file__).resolve().parents[1] / "tests")]

from cryptography.hazmat.primitives import hashes  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import padding  # noqa: E402

from auth_fixtures import CLIENT_ID, ISSUER, JwksServer, SigningKey, access_token  # noqa: E402

from identity_client.auth import Requirement, TokenVerifier  # noqa: E402

calls = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
key = SigningKey()
jwks = JwksServer()
jwks.keys = [key]
verifier = TokenVerifier(issuer=ISSUER, jwks_uri=jwks.url, client_ids=[CLIENT_ID], require=Requirement(scopes=["orders/read"]))
token = access_token(key)
for _ in range(1000):
    verifier.verify(token)
start = time.perf_counter()
for _ in range(calls):
    verifier.verify(token)
per_call_us = (time.perf_counter() - start) / calls * 1e6
jwks.close()

# The floor, measured in the same run: one RS256 signature check of the same token with cryptography.
signed, _, signature = token.rpartition(".")
raw_signature = base64.urlsafe_b64decode(signature + "=" * (-len(signature) % 4))
public_key = key.private.public_key()
start = time.perf_counter()
for _ in range(calls):
    public_key.verify(raw_signature, signed.encode(), padding.PKCS1v15(), hashes.SHA256())
floor_us = (time.perf_counter() - start) / calls * 1e6
print(
    f"verifier python (PyJWT RS256): {per_call_us:.1f} µs/call over {calls} calls, {jwks.requests} JWKS fetch(es); "
    f"floor (one RS256 verify, cryptography) {floor_us:.1f} µs"
)
