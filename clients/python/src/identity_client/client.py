"""A thin client: one channel, the generated stubs, a default timeout and default metadata."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import grpc
from google.protobuf.message import Message

from identity_client.v1 import admin_service_pb2_grpc, auth_service_pb2_grpc

Metadata = Sequence[tuple[str, str]]


class NoResultError(Exception):
    """The response has no ``result`` arm: most likely the server is newer than this SDK."""


def result(response: Message) -> tuple[str, Any]:
    """Returns ``(arm name, arm message)`` of a response's ``result`` oneof.

    Domain outcomes (wrong password, unknown user, ...) are arms with status OK, so handle them here,
    for example with ``match result(resp): case ("authentication_result", tokens): ...``. Transport
    problems are raised by the call itself as ``grpc.RpcError``.
    """
    arm = response.WhichOneof("result")
    if arm is None:
        raise NoResultError(f"{type(response).__name__} has no result")
    return arm, getattr(response, arm)


class _Stub:
    """Wraps a generated stub: every method gets the default timeout and metadata unless overridden."""

    def __init__(self, stub: object, timeout: float | None, metadata: Metadata) -> None:
        self._stub = stub
        self._timeout = timeout
        self._metadata = tuple(metadata)

    def __getattr__(self, name: str) -> Callable[..., Any]:
        method = getattr(self._stub, name)

        def call(request: Message, *, timeout: float | None = None, metadata: Metadata = (), **kwargs: Any) -> Any:
            return method(
                request,
                timeout=self._timeout if timeout is None else timeout,
                metadata=self._metadata + tuple(metadata),
                **kwargs,
            )

        call.__name__ = name
        return call


class IdentityClient:
    """Connects to the identity service.

    ``client.auth.InitiateAuth(req)`` and ``client.admin.AdminGetUser(req)`` call the generated stubs
    with ``timeout`` (seconds; None for no deadline) and ``metadata`` added, each overridable per call
    with the same keyword arguments. Plaintext unless ``credentials`` is given. Use as a context
    manager, or call ``close()``.
    """

    def __init__(
        self,
        target: str,
        *,
        timeout: float | None = 10.0,
        metadata: Metadata = (),
        credentials: grpc.ChannelCredentials | None = None,
        options: Sequence[tuple[str, Any]] = (),
    ) -> None:
        if credentials is None:
            self.channel = grpc.insecure_channel(target, options=options)
        else:
            self.channel = grpc.secure_channel(target, credentials, options=options)
        self.auth = _Stub(auth_service_pb2_grpc.AuthServiceStub(self.channel), timeout, metadata)
        self.admin = _Stub(admin_service_pb2_grpc.AdminServiceStub(self.channel), timeout, metadata)

    def close(self) -> None:
        self.channel.close()

    def __enter__(self) -> IdentityClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
