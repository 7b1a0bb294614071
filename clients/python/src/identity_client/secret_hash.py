"""Cognito's SECRET_HASH (docs/cognito.md §3.7)."""

from __future__ import annotations

import base64
import hashlib
import hmac


def secret_hash(username: str, client_id: str, client_secret: str) -> str:
    """Base64(HMAC-SHA256(key=client_secret, msg=username + client_id)), all UTF-8.

    In RespondToAuthChallenge, ``username`` must be the internal USERNAME the challenge returned.
    """
    digest = hmac.new(
        client_secret.encode("utf-8"), (username + client_id).encode("utf-8"), hashlib.sha256
    ).digest()
    return base64.b64encode(digest).decode("ascii")
