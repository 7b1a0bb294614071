"""TokenVerifier against a real loopback JWKS endpoint."""

from __future__ import annotations

import base64
import json
import threading
import time

import pytest
from auth_fixtures import CLIENT_ID, ISSUER, JwksServer, SigningKey, access_token, tamper_payload, tamper_signature

from identity_client.auth import Requirement, TokenVerificationError, TokenVerifier


@pytest.fixture(scope="module")
def key() -> SigningKey:
    return SigningKey()


@pytest.fixture(scope="module")
def other() -> SigningKey:
    return SigningKey()


@pytest.fixture
def jwks(key):
    server = JwksServer()
    server.keys = [key]
    yield server
    server.close()


def verifier(jwks, **options) -> TokenVerifier:
    return TokenVerifier(issuer=ISSUER, jwks_uri=jwks.url, client_ids=[CLIENT_ID], **options)


def check_of(fn) -> str:
    with pytest.raises(TokenVerificationError) as info:
        fn()
    return info.value.check


def test_accepts_a_valid_token_and_splits_claims(jwks, key):
    claims = verifier(jwks, require=Requirement(scopes=["orders/read"])).verify(access_token(key, cognito_groups=["ops", "admins"]))
    assert claims.client_id == CLIENT_ID and claims.sub == CLIENT_ID
    assert claims.scopes == ("orders/read", "orders/write")
    assert claims.groups == ("ops", "admins")


def test_verifies_from_the_cache(jwks, key):
    v = verifier(jwks)
    for _ in range(20):
        v.verify(access_token(key))
    assert jwks.requests == 1 and v.jwks.fetches == 1


@pytest.mark.parametrize(
    ("make", "require", "check"),
    [
        (lambda k, o: tamper_signature(access_token(k)), None, "signature"),
        (lambda k, o: tamper_payload(access_token(k), scope="orders/admin"), None, "signature"),
        (lambda k, o: access_token(o, kid=k.kid), None, "signature"),
        (lambda k, o: access_token(k, iss="http://localhost:8080/us-east-1_Other"), None, "issuer"),
        (lambda k, o: access_token(k, iat=time.time() - 3600, lifetime=3590), None, "expired"),
        (lambda k, o: access_token(k, nbf=int(time.time()) + 600), None, "not_yet_valid"),
        (lambda k, o: access_token(k, exp=None), None, "malformed"),
        (lambda k, o: access_token(k, token_use="id"), None, "token_use"),
        (lambda k, o: access_token(k, client_id="someotherclient00000000001"), None, "client_id"),
        (lambda k, o: access_token(k), Requirement(scopes=["orders/read", "orders/delete"]), "scope"),
        (lambda k, o: access_token(k, scope=None), Requirement(scopes=["orders/read"]), "scope"),
        (lambda k, o: access_token(k, cognito_groups=["readers"]), Requirement(groups=["admins", "ops"]), "group"),
        (lambda k, o: access_token(k), Requirement(groups=["admins"]), "group"),
        (lambda k, o: "not-a-jwt", None, "malformed"),
        (lambda k, o: "", None, "missing_token"),
    ],
    ids=[
        "tampered-signature", "forged-payload", "other-key-listed-kid", "wrong-issuer", "expired", "not-yet-valid",
        "no-exp", "id-token", "client-not-allowed", "missing-scope", "no-scope-claim", "not-in-group", "no-groups",
        "garbage", "empty",
    ],
)
def test_rejections(jwks, key, other, make, require, check):
    token = make(key, other)
    assert check_of(lambda: verifier(jwks).verify(token, require)) == check


def test_alg_none_and_hs256(jwks, key):
    b64 = lambda obj: base64.urlsafe_b64encode(json.dumps(obj).encode()).decode().rstrip("=")  # noqa: E731
    body = b64({"iss": ISSUER, "sub": "x", "client_id": CLIENT_ID, "token_use": "access", "exp": 4e9, "iat": 1})
    assert check_of(lambda: verifier(jwks).verify(f"{b64({'alg': 'none', 'kid': key.kid})}.{body}.")) == "algorithm"
    assert check_of(lambda: verifier(jwks).verify(f"{b64({'alg': 'HS256', 'kid': key.kid})}.{body}.c2ln")) == "algorithm"


def test_leeway(jwks, key):
    token = access_token(key, iat=time.time() - 3600, lifetime=3590)
    verifier(jwks, leeway=30).verify(token)


def test_groups_any_of(jwks, key):
    verifier(jwks, require=Requirement(groups=["admins", "ops"])).verify(access_token(key, cognito_groups=["ops"]))


def test_unknown_kid_refetch_is_rate_limited(jwks, key, other):
    now = [1000.0]
    v = verifier(jwks, monotonic=lambda: now[0], min_refetch_interval=10)
    v.verify(access_token(key))
    jwks.keys = [key, other]  # the pool rotated
    now[0] += 10
    v.verify(access_token(other))
    assert jwks.requests == 2, "an unknown kid refetches once"
    stranger = SigningKey()
    for _ in range(5):
        assert check_of(lambda: v.verify(access_token(stranger))) == "unknown_kid"
    assert jwks.requests == 2, "unknown kids within the interval cause no fetch"
    now[0] += 10
    assert check_of(lambda: v.verify(access_token(stranger))) == "unknown_kid"
    assert jwks.requests == 3, "after the interval one more fetch"


def test_concurrent_misses_share_one_fetch(jwks, key):
    v = verifier(jwks)
    token = access_token(key)
    errors: list[Exception] = []

    def run() -> None:
        try:
            v.verify(token)
        except Exception as error:  # noqa: BLE001
            errors.append(error)

    threads = [threading.Thread(target=run) for _ in range(25)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert jwks.requests == 1


def test_jwks_unavailable(jwks, key):
    jwks.failing = True
    assert check_of(lambda: verifier(jwks).verify(access_token(key))) == "jwks_unavailable"


def test_options_validated():
    with pytest.raises(ValueError):
        TokenVerifier(issuer=ISSUER, client_ids=[])
    with pytest.raises(ValueError):
        TokenVerifier(issuer="us-east-1_X", client_ids=[CLIENT_ID])
