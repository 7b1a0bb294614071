"""Verifies the pool's JWTs locally (PyJWT): RS256 signature against the cached JWKS, iss, exp/nbf/iat
with a small leeway, token_use, the client-id allow-list, then required scopes and groups."""

from __future__ import annotations

import base64
import json
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import jwt

from identity_client.auth.errors import TokenVerificationError
from identity_client.auth.jwks import JwksCache


@dataclass(frozen=True)
class Requirement:
    """What a caller must hold: every scope in ``scopes``, and one of ``groups`` when given."""

    scopes: Sequence[str] = ()
    groups: Sequence[str] = ()


@dataclass(frozen=True)
class VerifiedClaims:
    payload: dict[str, Any]
    sub: str
    client_id: str  # client_id of an access token, aud of an id token
    token_use: str
    scopes: tuple[str, ...] = field(default=())
    groups: tuple[str, ...] = field(default=())


_ISSUER = re.compile(r"^https?://[^/]+/.+")


class TokenVerifier:
    """Thread-safe; each failure raises TokenVerificationError naming the check. No network call unless a
    kid is unknown (see JwksCache)."""

    def __init__(
        self,
        *,
        issuer: str,
        client_ids: Sequence[str],
        jwks_uri: str | None = None,
        token_use: str = "access",
        leeway: float = 5.0,
        require: Requirement = Requirement(),
        min_refetch_interval: float = 10.0,
        max_age: float = 3600.0,
        now: Callable[[], float] = time.time,
        monotonic: Callable[[], float] | None = None,
    ) -> None:
        if not _ISSUER.match(issuer):
            raise ValueError("issuer must be the pool's issuer URL (http(s)://host/poolId)")
        if isinstance(client_ids, str) or len(client_ids) == 0:
            raise ValueError("client_ids must list at least one app client id")
        if token_use not in ("access", "id"):
            raise ValueError('token_use must be "access" or "id"')
        self._issuer = issuer
        self._client_ids = frozenset(client_ids)
        self._token_use = token_use
        self._leeway = leeway
        self._require = require
        self._now = now
        self.jwks = JwksCache(
            jwks_uri or issuer.rstrip("/") + "/.well-known/jwks.json",
            min_refetch_interval=min_refetch_interval,
            max_age=max_age,
            clock=monotonic or now,
        )

    def verify(self, token: str, require: Requirement | None = None) -> VerifiedClaims:
        """Verifies ``token``; ``require`` replaces the verifier's default requirement for this call."""
        if not isinstance(token, str) or not token:
            raise TokenVerificationError("missing_token", "no token")
        if len(token) > 16384:
            raise TokenVerificationError("malformed", "token is too long")
        header = _header_of(token)
        if header.get("alg") != "RS256":
            raise TokenVerificationError("algorithm", "token is not signed with RS256")
        key = self.jwks.key(header.get("kid"))
        try:
            # PyJWT checks the signature, alg and iss and that the claims exist; the times are checked
            # below against the injected clock, with the same leeway rules.
            payload = jwt.decode(
                token,
                key,
                algorithms=["RS256"],
                issuer=self._issuer,
                options={
                    "require": ["exp", "iat", "sub", "iss"],
                    "verify_aud": False,
                    "verify_exp": False,
                    "verify_nbf": False,
                    "verify_iat": False,
                },
            )
        except jwt.InvalidSignatureError:
            raise TokenVerificationError("signature", "token signature is invalid") from None
        except jwt.InvalidIssuerError:
            raise TokenVerificationError("issuer", "token was issued by another issuer") from None
        except jwt.InvalidAlgorithmError:
            raise TokenVerificationError("algorithm", "token is not signed with RS256") from None
        except jwt.PyJWTError as error:
            raise TokenVerificationError("malformed", f"token claims are invalid: {error}") from None
        self._check_times(payload)
        claims = self._claims_of(payload)
        authorize(claims, require or self._require)
        return claims

    def _check_times(self, payload: dict[str, Any]) -> None:
        now = self._now()
        if not isinstance(payload.get("exp"), (int, float)) or payload["exp"] + self._leeway <= now:
            raise TokenVerificationError("expired", "token has expired")
        for name in ("nbf", "iat"):
            value = payload.get(name)
            if isinstance(value, (int, float)) and value - self._leeway > now:
                raise TokenVerificationError("not_yet_valid", "token is not valid yet")

    def _claims_of(self, payload: dict[str, Any]) -> VerifiedClaims:
        if payload.get("token_use") != self._token_use:
            raise TokenVerificationError("token_use", f"token_use is not {self._token_use}")
        client_id = payload.get("client_id" if self._token_use == "access" else "aud")
        if not isinstance(client_id, str) or client_id not in self._client_ids:
            raise TokenVerificationError("client_id", "token was issued to a client that is not allowed")
        scope = payload.get("scope")
        groups = payload.get("cognito:groups")
        return VerifiedClaims(
            payload=payload,
            sub=payload["sub"],
            client_id=client_id,
            token_use=self._token_use,
            scopes=tuple(scope.split()) if isinstance(scope, str) else (),
            groups=tuple(g for g in groups if isinstance(g, str)) if isinstance(groups, list) else (),
        )


_SEGMENT = re.compile(r"^[A-Za-z0-9_-]+$")


def _header_of(token: str) -> dict[str, Any]:
    """The JOSE header, read before any key is chosen. Parsed here rather than with
    jwt.get_unverified_header, which decodes the whole token a second time (half the verifier's cost);
    jwt.decode below still parses and checks every segment."""
    segment = token.split(".", 1)[0]
    try:
        if not _SEGMENT.match(segment):
            raise ValueError("not base64url")
        header = json.loads(base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4)))
    except ValueError:
        raise TokenVerificationError("malformed", "token is not a well-formed JWT") from None
    if not isinstance(header, dict):
        raise TokenVerificationError("malformed", "token is not a well-formed JWT")
    return header


def authorize(claims: VerifiedClaims, require: Requirement) -> None:
    """Raises ``scope`` / ``group`` unless ``claims`` meet ``require``."""
    missing = [s for s in require.scopes if s not in claims.scopes]
    if missing:
        raise TokenVerificationError("scope", "token lacks required scope(s): " + " ".join(missing))
    if require.groups and not any(g in claims.groups for g in require.groups):
        raise TokenVerificationError("group", "token is in none of the required groups: " + " ".join(require.groups))
