"""AuthInterceptor and TokenSource call credentials against a real grpcio server on a free port (a
small bytes-coded service: unary, server-streaming, a public and an unlisted method)."""

from __future__ import annotations

import json
import threading
from concurrent import futures
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import grpc
import pytest
from auth_fixtures import CLIENT_ID, ISSUER, JwksServer, SigningKey, access_token, tamper_signature

from identity_client.auth import (
    PUBLIC,
    AuthInterceptor,
    FetchedToken,
    Requirement,
    TokenEndpointError,
    TokenSource,
    TokenVerifier,
    current_claims,
    token_endpoint_fetcher,
)


def _reply(_request: bytes, _context: Any) -> bytes:
    claims = current_claims()
    return json.dumps({"sub": claims.sub if claims else None, "scopes": list(claims.scopes) if claims else None}).encode()


def _watch(request: bytes, context: Any):
    yield _reply(request, context)
    yield _reply(request, context)


def _upload(requests: Any, context: Any) -> bytes:
    return json.dumps({"count": sum(1 for _ in requests), "sub": current_claims().sub}).encode()


def _chat(requests: Any, context: Any):
    for request in requests:
        yield _reply(request, context)


@pytest.fixture(scope="module")
def key() -> SigningKey:
    return SigningKey()


@pytest.fixture(scope="module")
def address(key):
    jwks = JwksServer()
    jwks.keys = [key]
    verifier = TokenVerifier(issuer=ISSUER, jwks_uri=jwks.url, client_ids=[CLIENT_ID])
    interceptor = AuthInterceptor(
        verifier,
        {
            "/orders.v1.Orders/Get": Requirement(scopes=["orders/read"]),
            "/orders.v1.Orders/Watch": Requirement(scopes=["orders/read"]),
            "/orders.v1.Orders/Ping": PUBLIC,
            "/orders.v1.Orders/Upload": Requirement(scopes=["orders/write"]),
            "/orders.v1.Orders/Chat": Requirement(scopes=["orders/read"]),
        },
    )
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=8), interceptors=[interceptor])
    server.add_generic_rpc_handlers(
        (
            grpc.method_handlers_generic_handler(
                "orders.v1.Orders",
                {
                    "Get": grpc.unary_unary_rpc_method_handler(_reply),
                    "Watch": grpc.unary_stream_rpc_method_handler(_watch),
                    "Ping": grpc.unary_unary_rpc_method_handler(_reply),
                    "Drop": grpc.unary_unary_rpc_method_handler(_reply),
                    "Upload": grpc.stream_unary_rpc_method_handler(_upload),
                    "Chat": grpc.stream_stream_rpc_method_handler(_chat),
                },
            ),
        )
    )
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    yield f"127.0.0.1:{port}"
    server.stop(None)
    jwks.close()


@pytest.fixture
def channel(address):
    with grpc.insecure_channel(address) as ch:
        yield ch


def bearer(token: str):
    return (("authorization", f"Bearer {token}"),)


def code_of(fn) -> grpc.StatusCode:
    with pytest.raises(grpc.RpcError) as info:
        fn()
    return info.value.code()


def test_allowed_scope_handler_sees_claims(channel, key):
    reply = json.loads(channel.unary_unary("/orders.v1.Orders/Get")(b"", metadata=bearer(access_token(key)), timeout=10))
    assert reply == {"sub": CLIENT_ID, "scopes": ["orders/read", "orders/write"]}


def test_missing_scope_is_permission_denied(channel, key):
    get = channel.unary_unary("/orders.v1.Orders/Get")
    with pytest.raises(grpc.RpcError) as info:
        get(b"", metadata=bearer(access_token(key, scope="orders/write")), timeout=10)
    assert info.value.code() == grpc.StatusCode.PERMISSION_DENIED
    assert info.value.details().startswith("scope: ")


@pytest.mark.parametrize("kind", ["none", "tampered", "expired", "basic"])
def test_bad_tokens_are_unauthenticated(channel, key, kind):
    metadata = {
        "none": (),
        "tampered": bearer(tamper_signature(access_token(key))),
        "expired": bearer(access_token(key, iat=0, lifetime=3600)),
        "basic": (("authorization", "Basic dXNlcjpwYXNz"),),
    }[kind]
    get = channel.unary_unary("/orders.v1.Orders/Get")
    assert code_of(lambda: get(b"", metadata=metadata, timeout=10)) == grpc.StatusCode.UNAUTHENTICATED


def test_server_streaming(channel, key):
    watch = channel.unary_stream("/orders.v1.Orders/Watch")
    messages = [json.loads(m) for m in watch(b"", metadata=bearer(access_token(key)), timeout=10)]
    assert messages == [{"sub": CLIENT_ID, "scopes": ["orders/read", "orders/write"]}] * 2
    assert code_of(lambda: list(watch(b"", timeout=10))) == grpc.StatusCode.UNAUTHENTICATED
    assert code_of(lambda: list(watch(b"", metadata=bearer(access_token(key, scope="x")), timeout=10))) == grpc.StatusCode.PERMISSION_DENIED


def test_client_streaming_and_bidi(channel, key):
    upload = channel.stream_unary("/orders.v1.Orders/Upload")
    assert json.loads(upload(iter([b"a", b"b", b"c"]), metadata=bearer(access_token(key)), timeout=10)) == {"count": 3, "sub": CLIENT_ID}
    assert code_of(lambda: upload(iter([b"a"]), metadata=bearer(access_token(key, scope="orders/read")), timeout=10)) == grpc.StatusCode.PERMISSION_DENIED
    chat = channel.stream_stream("/orders.v1.Orders/Chat")
    replies = [json.loads(m) for m in chat(iter([b"x", b"y"]), metadata=bearer(access_token(key)), timeout=10)]
    assert replies == [{"sub": CLIENT_ID, "scopes": ["orders/read", "orders/write"]}] * 2
    assert code_of(lambda: list(chat(iter([b"x"]), timeout=10))) == grpc.StatusCode.UNAUTHENTICATED


def test_public_and_unlisted_methods(channel, key):
    assert json.loads(channel.unary_unary("/orders.v1.Orders/Ping")(b"", timeout=10)) == {"sub": None, "scopes": None}
    drop = channel.unary_unary("/orders.v1.Orders/Drop")
    assert code_of(lambda: drop(b"", metadata=bearer(access_token(key)), timeout=10)) == grpc.StatusCode.PERMISSION_DENIED


def test_call_credentials_attach_the_token(address, key):
    token = access_token(key)
    source = TokenSource(lambda: FetchedToken(token, 3600))
    # Call credentials need a channel that is secure or local: local_channel_credentials on loopback.
    creds = grpc.composite_channel_credentials(grpc.local_channel_credentials(grpc.LocalConnectionType.LOCAL_TCP), source.call_credentials())
    with grpc.secure_channel(address, creds) as ch:
        get = ch.unary_unary("/orders.v1.Orders/Get")
        for _ in range(3):
            assert json.loads(get(b"", timeout=10))["sub"] == CLIENT_ID
    assert source.fetches == 1


def test_token_source_caches_and_refreshes_once_under_concurrency():
    gate = threading.Event()
    calls = []

    def fetch() -> FetchedToken:
        calls.append(1)
        gate.wait(5)
        return FetchedToken(f"t{len(calls)}", 3600)

    source = TokenSource(fetch)
    results: list[str] = []
    threads = [threading.Thread(target=lambda: results.append(source.token())) for _ in range(30)]
    for t in threads:
        t.start()
    gate.set()
    for t in threads:
        t.join()
    assert results == ["t1"] * 30
    assert len(calls) == 1


def test_token_source_refreshes_before_expiry_and_survives_a_failed_refresh():
    now = [0.0]
    state = {"n": 0, "fail": False}

    def fetch() -> FetchedToken:
        if state["fail"]:
            raise OSError("endpoint down")
        state["n"] += 1
        return FetchedToken(f"t{state['n']}", 600)

    source = TokenSource(fetch, refresh_before=60, clock=lambda: now[0])
    assert source.token() == "t1"
    now[0] = 539
    assert source.token() == "t1"
    now[0] = 541
    assert source.token() == "t2"
    state["fail"] = True
    now[0] = 541 + 590
    assert source.token() == "t2"  # refresh failed, the old token is still valid
    now[0] = 541 + 601
    with pytest.raises(OSError):
        source.token()


@pytest.fixture(scope="module")
def token_endpoint():
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802
            body = self.rfile.read(int(self.headers["content-length"])).decode()
            ok = self.headers["authorization"] == "Basic Y2xpZW50MTpzJTJGY3JldA==" and body.startswith("grant_type=client_credentials")
            out = json.dumps({"access_token": "abc", "token_type": "Bearer", "expires_in": 3600, "echo": body} if ok else {"error": "invalid_client"}).encode()
            self.send_response(200 if ok else 401)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(out)))
            self.end_headers()
            self.wfile.write(out)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/us-east-1_X/oauth2/token"
    server.shutdown()
    server.server_close()


def test_token_endpoint_fetcher(token_endpoint):
    token = token_endpoint_fetcher(token_endpoint, "client1", "s/cret", ["orders/read"])()
    assert token == FetchedToken("abc", 3600.0)
    with pytest.raises(TokenEndpointError) as info:
        token_endpoint_fetcher(token_endpoint, "client1", "wrong")()
    assert (info.value.error, info.value.status) == ("invalid_client", 401)
