"""Which check a token failed: the same stable codes as the TypeScript and Go SDKs."""

from __future__ import annotations

from typing import Literal

Check = Literal[
    "missing_token",
    "malformed",
    "algorithm",
    "unknown_kid",
    "jwks_unavailable",
    "signature",
    "issuer",
    "expired",
    "not_yet_valid",
    "token_use",
    "client_id",
    "scope",
    "group",
]


class TokenVerificationError(Exception):
    """A token that did not pass; ``check`` names the failed check. The message never holds the token."""

    def __init__(self, check: Check, message: str) -> None:
        super().__init__(f"{check}: {message}")
        self.check: Check = check
        self.detail = message

    @property
    def forbidden(self) -> bool:
        """A genuine token lacking a required scope or group (RFC 6750 §3.1 insufficient_scope)."""
        return self.check in ("scope", "group")
