"""boto3, unmodified, against the live AWS JSON endpoint (scripts/aws-json/test.sh starts the server).

Public operations go unsigned (botocore.UNSIGNED), admin operations signed with the test access key.
Ends with "python-boto3: N passed, N failed".
"""
import datetime
import os
import secrets
import sys
import traceback

import boto3
from botocore import UNSIGNED
from botocore.config import Config

ENDPOINT = os.environ["AWS_JSON_ENDPOINT"]
POOL = os.environ["IDP_POOL_ID"]
CLIENT = os.environ["IDP_CLIENT_ID"]
PASSWORD = "Correct-Horse-1"
RETRIES = {"max_attempts": 1, "mode": "standard"}

public = boto3.client("cognito-idp", region_name="us-east-1", endpoint_url=ENDPOINT, config=Config(signature_version=UNSIGNED, retries=RETRIES))
admin = boto3.client("cognito-idp", region_name="us-east-1", endpoint_url=ENDPOINT, config=Config(retries=RETRIES),
                     aws_access_key_id=os.environ["AWS_ACCESS_KEY_ID"], aws_secret_access_key=os.environ["AWS_SECRET_ACCESS_KEY"])


def unique(prefix):
    return f"{prefix}-{secrets.token_hex(4)}"


def error_of(call, **kwargs):
    try:
        call(**kwargs)
    except Exception as error:  # noqa: BLE001 - the error is what is tested
        return error
    raise AssertionError("the call succeeded")


def test_sign_up_confirm_sign_in_get_user():
    name = unique("py")
    up = public.sign_up(ClientId=CLIENT, Username=name, Password=PASSWORD, UserAttributes=[{"Name": "email", "Value": f"{name}@example.com"}])
    assert up["UserConfirmed"] is False and up["CodeDeliveryDetails"]["DeliveryMedium"] == "EMAIL", up
    admin.admin_confirm_sign_up(UserPoolId=POOL, Username=name)
    auth = public.initiate_auth(ClientId=CLIENT, AuthFlow="USER_PASSWORD_AUTH", AuthParameters={"USERNAME": name, "PASSWORD": PASSWORD})
    tokens = auth["AuthenticationResult"]
    assert tokens["TokenType"] == "Bearer" and tokens["ExpiresIn"] == 3600, tokens
    user = public.get_user(AccessToken=tokens["AccessToken"])
    assert user["Username"] == name
    assert {"Name": "email", "Value": f"{name}@example.com"} in user["UserAttributes"]
    public.global_sign_out(AccessToken=tokens["AccessToken"])
    revoked = error_of(public.get_user, AccessToken=tokens["AccessToken"])
    assert isinstance(revoked, public.exceptions.NotAuthorizedException), revoked


def test_unknown_user_and_wrong_password_answer_alike():
    name = unique("py-known")
    admin.admin_create_user(UserPoolId=POOL, Username=name, MessageAction="SUPPRESS")
    admin.admin_set_user_password(UserPoolId=POOL, Username=name, Password=PASSWORD, Permanent=True)
    answers = []
    for username in (name, unique("py-nobody")):
        error = error_of(public.initiate_auth, ClientId=CLIENT, AuthFlow="USER_PASSWORD_AUTH", AuthParameters={"USERNAME": username, "PASSWORD": "Wrong-Password-9"})
        assert isinstance(error, public.exceptions.NotAuthorizedException), error
        answers.append((error.response["Error"], error.response["ResponseMetadata"]["HTTPStatusCode"]))
    assert answers[0] == answers[1] == ({"Code": "NotAuthorizedException", "Message": "Incorrect username or password."}, 400), answers


def test_admin_get_user_parses_timestamps():
    name = unique("py-admin")
    admin.admin_create_user(UserPoolId=POOL, Username=name, MessageAction="SUPPRESS", UserAttributes=[{"Name": "email", "Value": f"{name}@example.com"}])
    got = admin.admin_get_user(UserPoolId=POOL, Username=name)
    assert got["UserStatus"] == "FORCE_CHANGE_PASSWORD" and got["Enabled"] is True, got
    created = got["UserCreateDate"]
    assert isinstance(created, datetime.datetime) and abs((datetime.datetime.now(datetime.timezone.utc) - created).total_seconds()) < 3600, created
    admin.admin_delete_user(UserPoolId=POOL, Username=name)
    assert isinstance(error_of(admin.admin_get_user, UserPoolId=POOL, Username=name), admin.exceptions.UserNotFoundException)


def test_list_users_paginator():
    for _ in range(3):
        admin.admin_create_user(UserPoolId=POOL, Username=unique("py-page"), MessageAction="SUPPRESS")
    pages = list(admin.get_paginator("list_users").paginate(UserPoolId=POOL, PaginationConfig={"PageSize": 1}))
    assert len(pages) >= 3 and sum(len(p["Users"]) for p in pages) >= 3, len(pages)


def test_pool_and_client_management():
    pool = admin.create_user_pool(PoolName=unique("py-pool"), AutoVerifiedAttributes=["email"])["UserPool"]
    client = admin.create_user_pool_client(UserPoolId=pool["Id"], ClientName="py", ExplicitAuthFlows=["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"])["UserPoolClient"]
    listed = admin.list_user_pool_clients(UserPoolId=pool["Id"], MaxResults=10)["UserPoolClients"]
    assert [c["ClientId"] for c in listed] == [client["ClientId"]], listed
    admin.delete_user_pool_client(UserPoolId=pool["Id"], ClientId=client["ClientId"])
    admin.delete_user_pool(UserPoolId=pool["Id"])
    assert isinstance(error_of(admin.describe_user_pool, UserPoolId=pool["Id"]), admin.exceptions.ResourceNotFoundException)


def test_wrong_secret_is_refused_and_changes_nothing():
    forged = boto3.client("cognito-idp", region_name="us-east-1", endpoint_url=ENDPOINT, config=Config(retries=RETRIES),
                          aws_access_key_id=os.environ["AWS_ACCESS_KEY_ID"], aws_secret_access_key="not-the-secret-000000000000000000")
    name = unique("py-forged")
    error = error_of(forged.admin_create_user, UserPoolId=POOL, Username=name, MessageAction="SUPPRESS")
    assert error.response["Error"]["Code"] == "InvalidSignatureException", error.response
    assert isinstance(error_of(admin.admin_get_user, UserPoolId=POOL, Username=name), admin.exceptions.UserNotFoundException)


def main():
    tests = [(name, f) for name, f in sorted(globals().items()) if name.startswith("test_") and callable(f)]
    passed = failed = 0
    for name, test in tests:
        try:
            test()
            passed += 1
            print(f"ok   {name}")
        except Exception:  # noqa: BLE001 - report and go on
            failed += 1
            print(f"FAIL {name}")
            traceback.print_exc()
    print(f"python-boto3: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
