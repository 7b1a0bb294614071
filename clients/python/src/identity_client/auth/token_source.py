"""A caller's side: a cached client-credentials token attached to calls as gRPC call credentials."""

from __future__ import annotations

import base64
import json
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import grpc


@dataclass(frozen=True)
class FetchedToken:
    access_token: str
    expires_in: float


class TokenEndpointError(Exception):
    """The token endpoint's RFC 6749 §5.2 error (``error`` e.g. invalid_client) and HTTP status."""

    def __init__(self, error: str, status: int, description: str = "") -> None:
        super().__init__(f"{error}: {description}" if description else error)
        self.error = error
        self.status = status


class TokenSource:
    """``token()`` answers from memory until the token is ``refresh_before`` seconds (at most half its
    lifetime) from expiry; then one thread refreshes while the others keep the still-valid token (or
    wait, when there is none). A failed refresh keeps the old token while it is valid."""

    def __init__(self, fetch_token: Callable[[], FetchedToken], *, refresh_before: float = 60.0, clock: Callable[[], float] = time.monotonic) -> None:
        self._fetch_token = fetch_token
        self._refresh_before = refresh_before
        self._clock = clock
        self._lock = threading.Lock()
        self._token: str | None = None
        self._refresh_at = 0.0
        self._expires_at = 0.0
        self.fetches = 0

    def token(self) -> str:
        now = self._clock()
        token, refresh_at, expires_at = self._token, self._refresh_at, self._expires_at
        if token is not None and now < refresh_at:
            return token
        still_valid = token is not None and now < expires_at
        if not self._lock.acquire(blocking=not still_valid):
            return token  # type: ignore[return-value]  # another thread is refreshing; ours is valid
        try:
            if self._token is not None and self._clock() < self._refresh_at:
                return self._token  # refreshed while we waited
            try:
                return self._refresh()
            except Exception:
                if self._token is not None and self._clock() < self._expires_at:
                    return self._token
                raise
        finally:
            self._lock.release()

    def invalidate(self) -> None:
        """Drops the cached token (e.g. after the server answered UNAUTHENTICATED)."""
        with self._lock:
            self._token = None

    def call_credentials(self) -> grpc.CallCredentials:
        """``grpc.metadata_call_credentials`` adding ``authorization: Bearer <token>`` to every call."""
        return grpc.metadata_call_credentials(_BearerPlugin(self), name="identity-client-credentials")

    def _refresh(self) -> str:
        self.fetches += 1
        fetched = self._fetch_token()
        if not fetched.access_token or not fetched.expires_in > 0:
            raise ValueError("token response has no access_token or expires_in")
        now = self._clock()
        early = min(self._refresh_before, fetched.expires_in / 2)
        self._token = fetched.access_token
        self._refresh_at = now + fetched.expires_in - early
        self._expires_at = now + fetched.expires_in
        return fetched.access_token


class _BearerPlugin(grpc.AuthMetadataPlugin):
    def __init__(self, source: TokenSource) -> None:
        self._source = source

    def __call__(self, context: grpc.AuthMetadataContext, callback: grpc.AuthMetadataPluginCallback) -> None:
        try:
            token = self._source.token()
        except Exception as error:  # noqa: BLE001 - reported to grpc, which fails the call
            callback((), error)
            return
        callback((("authorization", f"Bearer {token}"),), None)


def token_endpoint_fetcher(
    token_endpoint: str, client_id: str, client_secret: str, scopes: Sequence[str] = (), timeout: float = 10.0
) -> Callable[[], FetchedToken]:
    """A fetcher for the OAuth 2.0 token endpoint: grant_type=client_credentials with HTTP Basic client
    authentication (RFC 6749 §4.4, §2.3.1: id and secret form-encoded before Basic)."""
    basic = base64.b64encode(f"{urllib.parse.quote(client_id, safe='')}:{urllib.parse.quote(client_secret, safe='')}".encode()).decode()

    def fetch() -> FetchedToken:
        form = {"grant_type": "client_credentials"}
        if scopes:
            form["scope"] = " ".join(scopes)
        request = urllib.request.Request(
            token_endpoint,
            data=urllib.parse.urlencode(form).encode(),
            headers={"authorization": f"Basic {basic}", "content-type": "application/x-www-form-urlencoded", "accept": "application/json"},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (configured URL)
                body = json.loads(response.read(1 << 20))
        except urllib.error.HTTPError as error:
            try:
                body = json.loads(error.read(1 << 16))
            except ValueError:
                body = {}
            raise TokenEndpointError(str(body.get("error", "server_error")), error.code, str(body.get("error_description", ""))) from None
        if not isinstance(body.get("access_token"), str):
            raise TokenEndpointError("server_error", 200, "no access_token in the response")
        return FetchedToken(body["access_token"], float(body.get("expires_in", 0)))

    return fetch
