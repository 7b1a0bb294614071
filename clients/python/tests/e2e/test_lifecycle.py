"""End-to-end tests of the Python SDK against a live server (scripts/sdk/with-server.sh starts one).

Target from env: IDP_GRPC_ADDR, REDIS_URL, IDP_CLIENT_ID, IDP_POOL_ID, IDP_OUTBOX_KEY. Skipped when unset.
"""

import os
import secrets
import time

import pytest
import redis

from identity_client import IdentityClient, open_outbox_entry, result, tls_credentials
from identity_client.v1 import auth_service_pb2 as auth
from identity_client.v1 import common_pb2

ADDR = os.environ.get("IDP_GRPC_ADDR")
pytestmark = pytest.mark.skipif(not ADDR, reason="IDP_GRPC_ADDR is not set: no live server")


@pytest.fixture(scope="module")
def env():
    names = ("REDIS_URL", "IDP_CLIENT_ID", "IDP_POOL_ID", "IDP_OUTBOX_KEY")
    missing = [k for k in names if not os.environ.get(k)]
    if missing:
        pytest.fail(f"IDP_GRPC_ADDR is set but {', '.join(missing)} missing")
    return {k: os.environ[k] for k in names}


@pytest.fixture(scope="module")
def client():
    # Over mTLS when the server runs with SDK_TLS=1 (scripts/sdk/with-server.sh), plaintext otherwise.
    credentials = None
    if os.environ.get("IDP_TLS_CA_FILE"):
        credentials = tls_credentials(
            os.environ["IDP_TLS_CA_FILE"], os.environ.get("IDP_TLS_CERT_FILE"), os.environ.get("IDP_TLS_KEY_FILE")
        )
    with IdentityClient(ADDR, timeout=10, credentials=credentials) as c:
        yield c


def outbox_code(env, event: str, username: str) -> str:
    """Polls the pool's outbox stream for the newest `event` entry of `username`, opened with the outbox key."""
    key = f"idp:{{p:{env['IDP_POOL_ID']}}}:outbox"
    r = redis.Redis.from_url(env["REDIS_URL"], decode_responses=True)
    try:
        deadline = time.monotonic() + 5
        while True:
            for _id, fields in r.xrevrange(key, "+", "-", count=100):
                assert "code" not in fields, "an outbox entry holds its code in clear"
                if fields.get("event") == event and fields.get("username") == username:
                    return open_outbox_entry(fields, bytes.fromhex(env["IDP_OUTBOX_KEY"])).code
            if time.monotonic() > deadline:
                raise AssertionError(f"no {event} entry for {username} in {key}")
            time.sleep(0.1)
    finally:
        r.close()


def expect(response, arm: str):
    got, value = result(response)
    assert got == arm, f"want {arm}, got {got}: {value}"
    return value


def test_user_lifecycle(client, env):
    """sign up → confirm (code from the outbox) → USER_PASSWORD_AUTH → REFRESH_TOKEN_AUTH → GetUser →
    GlobalSignOut → GetUser answers not_authorized."""
    client_id = env["IDP_CLIENT_ID"]
    username = f"py-e2e-{secrets.token_hex(6)}"
    password = f"Passw0rd!Py-{secrets.token_hex(6)}"
    email = f"{username}@example.com"

    signed_up = expect(
        client.auth.SignUp(
            auth.SignUpRequest(
                client_id=client_id,
                username=username,
                password=password,
                user_attributes=[common_pb2.AttributeType(name="email", value=email)],
            )
        ),
        "success",
    )
    assert not signed_up.user_confirmed and signed_up.user_sub

    code = outbox_code(env, "SignUp", username)
    expect(
        client.auth.ConfirmSignUp(
            auth.ConfirmSignUpRequest(client_id=client_id, username=username, confirmation_code=code)
        ),
        "success",
    )

    tokens = expect(
        client.auth.InitiateAuth(
            auth.InitiateAuthRequest(
                client_id=client_id,
                auth_flow=common_pb2.AUTH_FLOW_USER_PASSWORD_AUTH,
                auth_parameters={"USERNAME": username, "PASSWORD": password},
            )
        ),
        "authentication_result",
    )
    assert tokens.access_token and tokens.id_token and tokens.refresh_token

    refreshed = expect(
        client.auth.InitiateAuth(
            auth.InitiateAuthRequest(
                client_id=client_id,
                auth_flow=common_pb2.AUTH_FLOW_REFRESH_TOKEN_AUTH,
                auth_parameters={"REFRESH_TOKEN": tokens.refresh_token},
            )
        ),
        "authentication_result",
    )
    access_token = refreshed.access_token
    assert access_token

    user = expect(client.auth.GetUser(auth.GetUserRequest(access_token=access_token)), "success")
    assert user.username == username
    assert {(a.name, a.value) for a in user.user_attributes} >= {("email", email)}

    expect(client.auth.GlobalSignOut(auth.GlobalSignOutRequest(access_token=access_token)), "success")
    expect(client.auth.GetUser(auth.GetUserRequest(access_token=access_token)), "not_authorized")


def test_unknown_user_is_masked(client, env):
    response = client.auth.InitiateAuth(
        auth.InitiateAuthRequest(
            client_id=env["IDP_CLIENT_ID"],
            auth_flow=common_pb2.AUTH_FLOW_USER_PASSWORD_AUTH,
            auth_parameters={"USERNAME": f"nobody-{secrets.token_hex(6)}", "PASSWORD": "Passw0rd!Nobody"},
        )
    )
    match result(response):
        case ("not_authorized", err):
            assert err.message == "Incorrect username or password."
        case (arm, value):
            pytest.fail(f"want not_authorized, got {arm}: {value}")
