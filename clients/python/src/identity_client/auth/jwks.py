"""The pool's signing keys, cached in memory so that verifying a token costs no network call."""

from __future__ import annotations

import json
import threading
import time
import urllib.request
from collections.abc import Callable
from typing import Any

from jwt.algorithms import RSAAlgorithm

from identity_client.auth.errors import TokenVerificationError


class JwksCache:
    """Keys by kid, imported once. A token with an unknown kid (a rotated key) causes one refetch, at most
    one per ``min_refetch_interval`` seconds whatever the traffic (made-up kids cannot make it hammer the
    endpoint); concurrent misses wait for that one fetch. After ``max_age`` seconds the keys are refreshed
    in a background thread while requests keep using them.
    """

    def __init__(
        self,
        jwks_uri: str,
        *,
        min_refetch_interval: float = 10.0,
        max_age: float = 3600.0,
        fetch_timeout: float = 5.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._uri = jwks_uri
        self._min_refetch_interval = min_refetch_interval
        self._max_age = max_age
        self._timeout = fetch_timeout
        self._clock = clock
        self._keys: dict[str, Any] = {}
        self._lock = threading.Lock()  # guards the fields below
        self._fetch_lock = threading.Lock()  # one fetch at a time
        self._last_attempt: float | None = None
        self._last_success: float | None = None
        self._last_error = ""
        self.fetches = 0

    def key(self, kid: object) -> Any:
        """The public key for ``kid``; a cached key answers without I/O."""
        if not isinstance(kid, str) or not kid:
            raise TokenVerificationError("malformed", "token header has no kid")
        key = self._keys.get(kid)
        if key is not None:
            if self._stale():
                threading.Thread(target=self._refresh_quietly, daemon=True).start()
            return key
        with self._fetch_lock:  # a miss waits for any running fetch, then fetches only if allowed
            key = self._keys.get(kid)
            if key is None and self._may_fetch():
                self._fetch()
        key = self._keys.get(kid)
        if key is not None:
            return key
        if self._last_success is None:
            raise TokenVerificationError("jwks_unavailable", self._last_error or "the pool's JWKS has not been fetched yet")
        raise TokenVerificationError("unknown_kid", "token is signed with a key the pool's JWKS does not list")

    def refresh(self) -> None:
        """Fetches now (e.g. at start-up, so the first request does not wait)."""
        with self._fetch_lock:
            self._fetch()
        if self._last_success is None:
            raise TokenVerificationError("jwks_unavailable", self._last_error)

    def _may_fetch(self) -> bool:
        with self._lock:
            return self._last_attempt is None or self._clock() - self._last_attempt >= self._min_refetch_interval

    def _stale(self) -> bool:
        with self._lock:
            return self._last_success is not None and self._clock() - self._last_success > self._max_age and self._may_fetch_locked()

    def _may_fetch_locked(self) -> bool:
        return self._last_attempt is None or self._clock() - self._last_attempt >= self._min_refetch_interval

    def _refresh_quietly(self) -> None:
        if self._fetch_lock.acquire(blocking=False):
            try:
                if self._may_fetch():
                    self._fetch()
            finally:
                self._fetch_lock.release()

    def _fetch(self) -> None:
        with self._lock:
            self._last_attempt = self._clock()
            self.fetches += 1
        try:
            request = urllib.request.Request(self._uri, headers={"accept": "application/json"})
            with urllib.request.urlopen(request, timeout=self._timeout) as response:  # noqa: S310 (configured URL)
                document = json.loads(response.read(1 << 20))
            listed = document["keys"]
            if not isinstance(listed, list):
                raise ValueError("keys is not a list")
        except Exception as error:  # noqa: BLE001 - any failure means no keys from this fetch
            self._last_error = f"JWKS fetch failed: {error}"
            return
        keys: dict[str, Any] = {}
        for jwk in listed:
            # Only RSA signing keys are used (the pool signs RS256); anything else is skipped.
            if not isinstance(jwk, dict) or not isinstance(jwk.get("kid"), str) or jwk.get("kty") != "RSA" or jwk.get("use", "sig") != "sig":
                continue
            kid = jwk["kid"]
            try:
                keys[kid] = self._keys.get(kid) or RSAAlgorithm.from_jwk(jwk)
            except Exception:  # noqa: BLE001,S112 - a bad key is skipped, not fatal
                continue
        with self._lock:
            self._keys = keys
            self._last_success = self._clock()
            self._last_error = ""
