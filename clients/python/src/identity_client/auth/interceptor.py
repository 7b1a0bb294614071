"""A grpcio server interceptor: verifies ``authorization: Bearer`` per method, answers UNAUTHENTICATED /
PERMISSION_DENIED, and makes the verified claims available to the handler through ``current_claims()``."""

from __future__ import annotations

import contextvars
import re
from collections.abc import Callable, Mapping
from typing import Any, Literal, Union

import grpc

from identity_client.auth.errors import TokenVerificationError
from identity_client.auth.verifier import Requirement, TokenVerifier, VerifiedClaims

PUBLIC: Literal["public"] = "public"
MethodRule = Union[Requirement, Literal["public"]]

_claims: contextvars.ContextVar[VerifiedClaims | None] = contextvars.ContextVar("identity_client_claims", default=None)
_BEARER = re.compile(r"^[Bb][Ee][Aa][Rr][Ee][Rr] +([A-Za-z0-9._~+/-]+=*)$")


def current_claims() -> VerifiedClaims | None:
    """The verified claims of the call being handled (None for public methods)."""
    return _claims.get()


def bearer_token(metadata: Any) -> str | None:
    """The token of ``authorization: Bearer …`` (RFC 6750 §2.1), or None."""
    values = [v for k, v in (metadata or ()) if k == "authorization"]
    if len(values) != 1 or not isinstance(values[0], str):
        return None
    match = _BEARER.match(values[0])
    return match.group(1) if match else None


def status_of(error: TokenVerificationError) -> grpc.StatusCode:
    """PERMISSION_DENIED for scope/group, UNAVAILABLE when the keys cannot be fetched, else UNAUTHENTICATED."""
    if error.forbidden:
        return grpc.StatusCode.PERMISSION_DENIED
    if error.check == "jwks_unavailable":
        return grpc.StatusCode.UNAVAILABLE
    return grpc.StatusCode.UNAUTHENTICATED


class AuthInterceptor(grpc.ServerInterceptor):
    """Rules by full method name (``/package.Service/Method``): a Requirement, or PUBLIC. Methods not
    listed use ``default``; with no default they are refused with PERMISSION_DENIED (fail closed).

    The token is checked inside the wrapped handler, on the server's worker thread, not in
    ``intercept_service`` (which grpcio runs on its polling thread, where a JWKS fetch would stall
    every call).
    """

    def __init__(self, verifier: TokenVerifier, methods: Mapping[str, MethodRule], default: MethodRule | None = None) -> None:
        self._verifier = verifier
        self._methods = dict(methods)
        self._default = default

    def intercept_service(self, continuation: Callable[[Any], Any], handler_call_details: Any) -> Any:
        handler = continuation(handler_call_details)
        if handler is None:
            return None
        rule = self._methods.get(handler_call_details.method, self._default)
        if rule == PUBLIC:
            return handler
        check = lambda context: self._authenticate(context, rule)  # noqa: E731
        if handler.unary_unary:
            return grpc.unary_unary_rpc_method_handler(_call(handler.unary_unary, check), handler.request_deserializer, handler.response_serializer)
        if handler.stream_unary:
            return grpc.stream_unary_rpc_method_handler(_call(handler.stream_unary, check), handler.request_deserializer, handler.response_serializer)
        if handler.unary_stream:
            return grpc.unary_stream_rpc_method_handler(_stream(handler.unary_stream, check), handler.request_deserializer, handler.response_serializer)
        return grpc.stream_stream_rpc_method_handler(_stream(handler.stream_stream, check), handler.request_deserializer, handler.response_serializer)

    def _authenticate(self, context: grpc.ServicerContext, rule: MethodRule | None) -> VerifiedClaims:
        try:
            token = bearer_token(context.invocation_metadata())
            if token is None:
                raise TokenVerificationError("missing_token", "no authorization: Bearer metadata")
            claims = self._verifier.verify(token, rule if isinstance(rule, Requirement) else Requirement())
            if rule is None:
                raise TokenVerificationError("scope", "method has no access rule")
            return claims
        except TokenVerificationError as error:
            context.abort(status_of(error), str(error))
            raise  # abort raises; this keeps type checkers sure we never return


def _call(behavior: Callable[..., Any], check: Callable[[Any], VerifiedClaims]) -> Callable[..., Any]:
    def wrapped(request: Any, context: grpc.ServicerContext) -> Any:
        reset = _claims.set(check(context))
        try:
            return behavior(request, context)
        finally:
            _claims.reset(reset)

    return wrapped


def _stream(behavior: Callable[..., Any], check: Callable[[Any], VerifiedClaims]) -> Callable[..., Any]:
    def wrapped(request: Any, context: grpc.ServicerContext) -> Any:
        reset = _claims.set(check(context))
        try:
            yield from behavior(request, context)
        finally:
            _claims.reset(reset)

    return wrapped
