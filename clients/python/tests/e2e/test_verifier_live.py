"""The token verifier and the grpcio interceptor with tokens from the live server (its JWKS at
IDP_ISSUER/.well-known/jwks.json; a user's access token carries aws.cognito.signin.user.admin)."""

import os
import secrets
from concurrent import futures

import grpc
import pytest

from identity_client import IdentityClient, result, tls_credentials
from identity_client.auth import AuthInterceptor, Requirement, TokenVerificationError, TokenVerifier, current_claims
from identity_client.v1 import admin_service_pb2 as admin
from identity_client.v1 import auth_service_pb2 as auth
from identity_client.v1 import common_pb2

ADDR = os.environ.get("IDP_GRPC_ADDR")
pytestmark = pytest.mark.skipif(not ADDR, reason="IDP_GRPC_ADDR is not set: no live server")
USER_SCOPE = "aws.cognito.signin.user.admin"


@pytest.fixture(scope="module")
def tokens():
    """A confirmed user (AdminCreateUser + permanent AdminSetUserPassword) signed in with USER_PASSWORD_AUTH."""
    pool, client_id, admin_token = os.environ["IDP_POOL_ID"], os.environ["IDP_CLIENT_ID"], os.environ["IDP_ADMIN_TOKEN"]
    username, password = f"py-verify-{secrets.token_hex(6)}", f"Passw0rd!{secrets.token_hex(6)}"
    # Over mTLS when the server runs with SDK_TLS=1 (scripts/sdk/with-server.sh), plaintext otherwise.
    credentials = None
    if os.environ.get("IDP_TLS_CA_FILE"):
        credentials = tls_credentials(os.environ["IDP_TLS_CA_FILE"], os.environ.get("IDP_TLS_CERT_FILE"), os.environ.get("IDP_TLS_KEY_FILE"))
    with IdentityClient(ADDR, timeout=10, metadata=[("authorization", f"Bearer {admin_token}")], credentials=credentials) as c:
        arm, _ = result(c.admin.AdminCreateUser(admin.AdminCreateUserRequest(user_pool_id=pool, username=username, message_action=common_pb2.MESSAGE_ACTION_SUPPRESS)))
        assert arm == "success"
        arm, _ = result(c.admin.AdminSetUserPassword(admin.AdminSetUserPasswordRequest(user_pool_id=pool, username=username, password=password, permanent=True)))
        assert arm == "success"
        arm, value = result(
            c.auth.InitiateAuth(
                auth.InitiateAuthRequest(client_id=client_id, auth_flow=common_pb2.AUTH_FLOW_USER_PASSWORD_AUTH, auth_parameters={"USERNAME": username, "PASSWORD": password})
            )
        )
        assert arm == "authentication_result"
        return {"access": value.access_token, "id": value.id_token, "username": username}


@pytest.fixture(scope="module")
def verifier():
    return TokenVerifier(issuer=os.environ["IDP_ISSUER"], client_ids=[os.environ["IDP_CLIENT_ID"]])


def check_of(fn) -> str:
    with pytest.raises(TokenVerificationError) as info:
        fn()
    return info.value.check


def test_live_access_token_verifies(tokens, verifier):
    claims = verifier.verify(tokens["access"], Requirement(scopes=[USER_SCOPE]))
    assert claims.client_id == os.environ["IDP_CLIENT_ID"]
    assert claims.payload["username"] == tokens["username"]


def test_live_typed_failures(tokens, verifier):
    head, body, _ = tokens["access"].split(".")
    assert check_of(lambda: verifier.verify(tokens["access"], Requirement(scopes=["orders/read"]))) == "scope"
    assert check_of(lambda: verifier.verify(tokens["id"])) == "token_use"
    assert check_of(lambda: verifier.verify(f"{head}.{body}.{'A' * 342}")) == "signature"
    assert verifier.jwks.fetches == 1


def test_interceptor_with_live_tokens(tokens, verifier):
    interceptor = AuthInterceptor(verifier, {"/profile.v1.Profiles/Get": Requirement(scopes=[USER_SCOPE]), "/orders.v1.Orders/Get": Requirement(scopes=["orders/read"])})
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=4), interceptors=[interceptor])
    reply = lambda _req, _ctx: current_claims().payload["username"].encode()  # noqa: E731
    server.add_generic_rpc_handlers(
        (
            grpc.method_handlers_generic_handler("profile.v1.Profiles", {"Get": grpc.unary_unary_rpc_method_handler(reply)}),
            grpc.method_handlers_generic_handler("orders.v1.Orders", {"Get": grpc.unary_unary_rpc_method_handler(reply)}),
        )
    )
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    try:
        with grpc.insecure_channel(f"127.0.0.1:{port}") as channel:
            profile, orders = channel.unary_unary("/profile.v1.Profiles/Get"), channel.unary_unary("/orders.v1.Orders/Get")
            bearer = (("authorization", f"Bearer {tokens['access']}"),)
            assert profile(b"", metadata=bearer, timeout=10) == tokens["username"].encode()
            for call, metadata, code in [
                (orders, bearer, grpc.StatusCode.PERMISSION_DENIED),
                (profile, (), grpc.StatusCode.UNAUTHENTICATED),
                (profile, (("authorization", f"Bearer {tokens['access'][:-4]}AAAA"),), grpc.StatusCode.UNAUTHENTICATED),
            ]:
                with pytest.raises(grpc.RpcError) as info:
                    call(b"", metadata=metadata, timeout=10)
                assert info.value.code() == code
    finally:
        server.stop(None)
