"""The caller's side against the live server: client-credentials tokens from POST /{pool}/oauth2/token
(the SDK's fetcher and requests-oauthlib, a standard OAuth2 client) and from GetClientToken, cached by
TokenSource, verified with the live JWKS, sent as grpc.metadata_call_credentials to a grpcio service
behind the interceptor."""

import os
import secrets
import threading
from concurrent import futures

import grpc
import pytest
from oauthlib.oauth2 import BackendApplicationClient
from requests_oauthlib import OAuth2Session

from identity_client import IdentityClient, result, tls_credentials
from identity_client.auth import (
    AuthInterceptor,
    ClientTokenError,
    Requirement,
    TokenEndpointError,
    TokenSource,
    TokenVerificationError,
    TokenVerifier,
    get_client_token_fetcher,
    token_endpoint_fetcher,
)
from identity_client.v1 import admin_service_pb2, common_pb2, m2m_pb2

ADDR = os.environ.get("IDP_GRPC_ADDR")
pytestmark = pytest.mark.skipif(not ADDR, reason="IDP_GRPC_ADDR is not set: no live server")


def _credentials():
    """mTLS when the server runs with SDK_TLS=1 (scripts/sdk/with-server.sh), plaintext otherwise."""
    if not os.environ.get("IDP_TLS_CA_FILE"):
        return None
    return tls_credentials(os.environ["IDP_TLS_CA_FILE"], os.environ.get("IDP_TLS_CERT_FILE"), os.environ.get("IDP_TLS_KEY_FILE"))


@pytest.fixture(scope="module")
def m2m():
    """A resource server of its own (api/read, api/write) and an app client allowed api/read."""
    pool, api = os.environ["IDP_POOL_ID"], f"py-e2e-{secrets.token_hex(4)}"
    with IdentityClient(ADDR, timeout=10, metadata=[("authorization", f"Bearer {os.environ['IDP_ADMIN_TOKEN']}")], credentials=_credentials()) as c:
        scopes = [m2m_pb2.ResourceServerScope(scope_name=n, scope_description=n) for n in ("read", "write")]
        arm, _ = result(c.admin.CreateResourceServer(m2m_pb2.CreateResourceServerRequest(user_pool_id=pool, identifier=api, name=api, scopes=scopes)))
        assert arm == "success"
        settings = common_pb2.UserPoolClientSettings(
            explicit_auth_flows=[common_pb2.EXPLICIT_AUTH_FLOW_ALLOW_CLIENT_TOKEN_AUTH],
            allowed_oauth_flows=[common_pb2.OAUTH_FLOW_CLIENT_CREDENTIALS],
            allowed_oauth_scopes=[f"{api}/read"],
        )
        arm, client = result(c.admin.CreateUserPoolClient(admin_service_pb2.CreateUserPoolClientRequest(user_pool_id=pool, client_name="py-e2e-service", generate_secret=True, settings=settings)))
        assert arm == "success"
    issuer = os.environ["IDP_ISSUER"]
    return {
        "api": api,
        "id": client.client_id,
        "secret": client.client_secret,
        "token_url": f"{issuer}/oauth2/token",
        "verifier": TokenVerifier(issuer=issuer, client_ids=[client.client_id]),
    }


def test_token_endpoint_token_verifies(m2m):
    source = TokenSource(token_endpoint_fetcher(m2m["token_url"], m2m["id"], m2m["secret"], [f"{m2m['api']}/read"]))
    claims = m2m["verifier"].verify(source.token(), Requirement(scopes=[f"{m2m['api']}/read"]))
    assert (claims.sub, claims.client_id, claims.scopes) == (m2m["id"], m2m["id"], (f"{m2m['api']}/read",))
    with pytest.raises(TokenVerificationError) as info:
        m2m["verifier"].verify(source.token(), Requirement(scopes=[f"{m2m['api']}/write"]))
    assert info.value.check == "scope"


def test_requests_oauthlib_gets_a_token_the_verifier_accepts(m2m, monkeypatch):
    monkeypatch.setenv("OAUTHLIB_INSECURE_TRANSPORT", "1")  # the test server is plaintext loopback
    session = OAuth2Session(client=BackendApplicationClient(client_id=m2m["id"]))
    token = session.fetch_token(m2m["token_url"], client_id=m2m["id"], client_secret=m2m["secret"])
    assert token["token_type"] == "Bearer" and token["expires_in"] > 0
    assert m2m["verifier"].verify(token["access_token"]).scopes == (f"{m2m['api']}/read",)


def test_get_client_token_one_fetch_under_concurrency(m2m):
    with IdentityClient(ADDR, timeout=10, credentials=_credentials()) as c:
        source = TokenSource(get_client_token_fetcher(c, m2m["id"], m2m["secret"]))
        tokens: list[str] = []
        threads = [threading.Thread(target=lambda: tokens.append(source.token())) for _ in range(20)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert len(tokens) == 20 and len(set(tokens)) == 1 and source.fetches == 1
        m2m["verifier"].verify(tokens[0])
        with pytest.raises(ClientTokenError) as info:
            get_client_token_fetcher(c, m2m["id"], m2m["secret"] + "x")()
        assert info.value.arm == "not_authorized"


def test_token_endpoint_errors(m2m):
    with pytest.raises(TokenEndpointError) as info:
        token_endpoint_fetcher(m2m["token_url"], m2m["id"], m2m["secret"] + "x")()
    assert (info.value.error, info.value.status) == ("invalid_client", 401)
    with pytest.raises(TokenEndpointError) as info:
        token_endpoint_fetcher(m2m["token_url"], m2m["id"], m2m["secret"], [f"{m2m['api']}/write"])()
    assert info.value.error == "invalid_scope"


def test_call_credentials_through_the_interceptor(m2m):
    api = m2m["api"]
    interceptor = AuthInterceptor(m2m["verifier"], {"/svc.v1.Svc/Read": Requirement(scopes=[f"{api}/read"]), "/svc.v1.Svc/Write": Requirement(scopes=[f"{api}/write"])})
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=4), interceptors=[interceptor])
    ok = grpc.unary_unary_rpc_method_handler(lambda _req, _ctx: b"ok")
    server.add_generic_rpc_handlers((grpc.method_handlers_generic_handler("svc.v1.Svc", {"Read": ok, "Write": ok}),))
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    try:
        source = TokenSource(token_endpoint_fetcher(m2m["token_url"], m2m["id"], m2m["secret"]))
        creds = grpc.composite_channel_credentials(grpc.local_channel_credentials(grpc.LocalConnectionType.LOCAL_TCP), source.call_credentials())
        with grpc.secure_channel(f"127.0.0.1:{port}", creds) as channel:
            assert channel.unary_unary("/svc.v1.Svc/Read")(b"", timeout=10) == b"ok"
            with pytest.raises(grpc.RpcError) as info:
                channel.unary_unary("/svc.v1.Svc/Write")(b"", timeout=10)
            assert info.value.code() == grpc.StatusCode.PERMISSION_DENIED
    finally:
        server.stop(None)
