"""A token fetcher calling AuthService.GetClientToken (the client-credentials grant over gRPC)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from identity_client.auth.token_source import FetchedToken


class ClientTokenError(Exception):
    """GetClientToken answered an error arm (``arm``, e.g. not_authorized) instead of a token."""

    def __init__(self, arm: str, message: str) -> None:
        super().__init__(f"{arm}: {message}")
        self.arm = arm


def get_client_token_fetcher(client: Any, client_id: str, client_secret: str, scopes: Sequence[str] = ()) -> Callable[[], FetchedToken]:
    """``client`` is an ``IdentityClient`` (or anything with ``.auth.GetClientToken``)."""
    from identity_client.v1 import m2m_pb2  # generated; imported here so the verifier needs none of it

    request = m2m_pb2.GetClientTokenRequest(client_id=client_id, secret=client_secret, scopes=list(scopes))

    def fetch() -> FetchedToken:
        response = client.auth.GetClientToken(request)
        arm = response.WhichOneof("result")
        if arm != "success":
            raise ClientTokenError(arm or "none", getattr(getattr(response, arm), "message", "") if arm else "no result")
        return FetchedToken(response.success.access_token, float(response.success.expires_in))

    return fetch
