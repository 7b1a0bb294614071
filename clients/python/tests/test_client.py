"""The thin client against an in-process gRPC server on 127.0.0.1 (no identity server needed)."""

from concurrent import futures

import grpc
import pytest

from identity_client import IdentityClient, NoResultError, result
from identity_client.v1 import auth_service_pb2 as auth
from identity_client.v1 import auth_service_pb2_grpc, common_pb2, errors_pb2


class FakeAuth(auth_service_pb2_grpc.AuthServiceServicer):
    def InitiateAuth(self, request, context):
        if request.auth_parameters["USERNAME"] == "nobody":
            return auth.InitiateAuthResponse(
                not_authorized=errors_pb2.NotAuthorized(message="Incorrect username or password.")
            )
        md = dict(context.invocation_metadata())
        remaining = context.time_remaining()
        return auth.InitiateAuthResponse(
            authentication_result=common_pb2.AuthenticationResult(
                access_token=f"{md.get('x-default')}/{md.get('x-call')}",
                id_token="none" if remaining is None else f"{remaining:.0f}",
            )
        )

    def GetUser(self, request, context):
        return auth.GetUserResponse()


@pytest.fixture(scope="module")
def client():
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=2))
    auth_service_pb2_grpc.add_AuthServiceServicer_to_server(FakeAuth(), server)
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    with IdentityClient(f"127.0.0.1:{port}", timeout=30, metadata=[("x-default", "d")]) as c:
        yield c
    server.stop(None)


def sign_in(username: str) -> auth.InitiateAuthRequest:
    return auth.InitiateAuthRequest(
        client_id="c1",
        auth_flow=common_pb2.AUTH_FLOW_USER_PASSWORD_AUTH,
        auth_parameters={"USERNAME": username, "PASSWORD": "pw"},
    )


def test_default_timeout_and_metadata(client):
    arm, value = result(client.auth.InitiateAuth(sign_in("alice"), metadata=[("x-call", "c")]))
    assert arm == "authentication_result"
    assert value.access_token == "d/c"
    assert 25 <= int(value.id_token) <= 30  # the default 30 s deadline reached the server


def test_per_call_timeout_overrides(client):
    _, value = result(client.auth.InitiateAuth(sign_in("alice"), timeout=5))
    assert int(value.id_token) <= 5


def test_domain_error_is_an_arm(client):
    match result(client.auth.InitiateAuth(sign_in("nobody"))):
        case ("not_authorized", err):
            assert err.message == "Incorrect username or password."
        case other:
            pytest.fail(f"unexpected {other}")


def test_no_result_raises(client):
    with pytest.raises(NoResultError):
        result(client.auth.GetUser(auth.GetUserRequest(access_token="t")))


def test_transport_error_raises_rpc_error(client):
    with pytest.raises(grpc.RpcError) as info:
        client.auth.GetJwks(auth.GetJwksRequest(user_pool_id="p"))
    assert info.value.code() == grpc.StatusCode.UNIMPLEMENTED
