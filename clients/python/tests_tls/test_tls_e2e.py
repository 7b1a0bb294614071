"""TLS and mTLS end to end, against a server scripts/sdk/with-server.sh started with SDK_TLS=1: TLS
on gRPC, a client CA, and a client certificate whose SPIFFE ID is an admin of the test pool only.
"""

import os
import secrets

import grpc
import pytest

from identity_client import IdentityClient, result, tls_credentials
from identity_client.v1 import admin_service_pb2 as admin
from identity_client.v1 import auth_service_pb2 as auth
from identity_client.v1 import common_pb2

NAMES = ("IDP_GRPC_ADDR", "IDP_POOL_ID", "IDP_CLIENT_ID", "IDP_TLS_CA_FILE", "IDP_TLS_CERT_FILE", "IDP_TLS_KEY_FILE")


@pytest.fixture(scope="module")
def env():
    missing = [name for name in NAMES if not os.environ.get(name)]
    if missing:
        pytest.fail(f"{', '.join(missing)} not set: run through scripts/sdk/test-sdk.sh (SDK_TLS=1 server)")
    return {name: os.environ[name] for name in NAMES}


def sign_in_unknown(client, env):
    return client.auth.InitiateAuth(
        auth.InitiateAuthRequest(
            client_id=env["IDP_CLIENT_ID"],
            auth_flow=common_pb2.AUTH_FLOW_USER_PASSWORD_AUTH,
            auth_parameters={"USERNAME": f"nobody-{secrets.token_hex(4)}", "PASSWORD": "Wrong-Pass-1"},
        ),
        timeout=5,
    )


def test_tls_auth_service_answers(env):
    with IdentityClient(env["IDP_GRPC_ADDR"], credentials=tls_credentials(env["IDP_TLS_CA_FILE"])) as client:
        arm, _ = result(sign_in_unknown(client, env))
        assert arm == "not_authorized"


def test_tls_without_client_certificate_admin_is_unauthenticated(env):
    with IdentityClient(env["IDP_GRPC_ADDR"], credentials=tls_credentials(env["IDP_TLS_CA_FILE"])) as client:
        with pytest.raises(grpc.RpcError) as raised:
            client.admin.AdminGetUser(admin.AdminGetUserRequest(user_pool_id=env["IDP_POOL_ID"], username="anyone"))
        assert raised.value.code() == grpc.StatusCode.UNAUTHENTICATED


def test_mtls_admin_of_its_pool_only(env):
    creds = tls_credentials(env["IDP_TLS_CA_FILE"], env["IDP_TLS_CERT_FILE"], env["IDP_TLS_KEY_FILE"])
    username = f"py-mtls-{secrets.token_hex(4)}"
    with IdentityClient(env["IDP_GRPC_ADDR"], credentials=creds) as client:
        created = client.admin.AdminCreateUser(
            admin.AdminCreateUserRequest(
                user_pool_id=env["IDP_POOL_ID"],
                username=username,
                temporary_password="Temporary-Pass-1",
                message_action=common_pb2.MESSAGE_ACTION_SUPPRESS,
            )
        )
        assert result(created)[0] == "success"
        got = client.admin.AdminGetUser(admin.AdminGetUserRequest(user_pool_id=env["IDP_POOL_ID"], username=username))
        assert result(got)[0] == "success"
        with pytest.raises(grpc.RpcError) as raised:
            client.admin.ListUserPools(admin.ListUserPoolsRequest(max_results=10))
        assert raised.value.code() == grpc.StatusCode.PERMISSION_DENIED
        with pytest.raises(grpc.RpcError) as raised:
            client.admin.AdminGetUser(admin.AdminGetUserRequest(user_pool_id="us-east-1_OtherPool1", username=username))
        assert raised.value.code() == grpc.StatusCode.PERMISSION_DENIED


def test_plaintext_to_the_tls_port_fails(env):
    with IdentityClient(env["IDP_GRPC_ADDR"]) as client:
        with pytest.raises(grpc.RpcError) as raised:
            sign_in_unknown(client, env)
        assert raised.value.code() == grpc.StatusCode.UNAVAILABLE


def test_tls_credentials_refuses_a_certificate_without_key():
    with pytest.raises(ValueError):
        tls_credentials("ca.pem", cert_file="client.pem")
