"""The Python caller, and the example's end-to-end checks (run by run.sh against the live identity
server, Billing in Go and Orders in TypeScript). Prints PASS/FAIL per check and ends with
"s2s-example: N passed, N failed".

Env: IDP_GRPC_ADDR, IDP_ISSUER, IDP_POOL_ID, IDP_ADMIN_TOKEN, BILLING_ADDR, ORDERS_ADDR, and the
*_CLIENT_ID / *_CLIENT_SECRET that setup_pool.py printed.
"""

from __future__ import annotations

import os
import sys
import threading
import traceback

import grpc
from google.protobuf import wrappers_pb2
from oauthlib.oauth2 import BackendApplicationClient
from requests_oauthlib import OAuth2Session

from identity_client import IdentityClient, result
from identity_client.auth import ClientTokenError, FetchedToken, TokenEndpointError, TokenSource, get_client_token_fetcher, token_endpoint_fetcher
from identity_client.v1 import m2m_pb2

E = os.environ
TOKEN_URL = f"{E['IDP_ISSUER']}/oauth2/token"
passed = failed = 0


def check(name):
    def run(fn):
        global passed, failed
        try:
            fn()
            passed += 1
            print(f"PASS  {name}")
        except Exception:  # noqa: BLE001 - a failed check is reported, the others still run
            failed += 1
            print(f"FAIL  {name}")
            traceback.print_exc(limit=3, file=sys.stdout)

    return run


def stub(address: str, path: str, source: TokenSource | None = None):
    """A unary StringValue method; with a token source, its token rides as call credentials."""
    if source is None:
        channel = grpc.insecure_channel(address)
    else:
        # Call credentials need a secure or local channel: local_channel_credentials on loopback.
        local = grpc.local_channel_credentials(grpc.LocalConnectionType.LOCAL_TCP)
        channel = grpc.secure_channel(address, grpc.composite_channel_credentials(local, source.call_credentials()))
    call = channel.unary_unary(path, request_serializer=wrappers_pb2.StringValue.SerializeToString, response_deserializer=wrappers_pb2.StringValue.FromString)
    return lambda value, **kw: call(wrappers_pb2.StringValue(value=value), timeout=10, **kw).value


def code_of(fn) -> grpc.StatusCode:
    try:
        fn()
    except grpc.RpcError as error:
        return error.code()
    raise AssertionError("the call succeeded")


def details_of(fn) -> str:
    try:
        fn()
    except grpc.RpcError as error:
        return error.details() or ""
    raise AssertionError("the call succeeded")


def source(client: str, scopes: list[str], secret: str | None = None) -> TokenSource:
    return TokenSource(token_endpoint_fetcher(TOKEN_URL, E[f"{client}_CLIENT_ID"], secret or E[f"{client}_CLIENT_SECRET"], scopes))


reader = source("CALLER", ["billing/read"])
get_invoice = stub(E["BILLING_ADDR"], "/billing.v1.Billing/GetInvoice", reader)


@check("allowed scope: Python → Billing (Go, billing/read) → Orders (TypeScript, Billing's own orders/read token)")
def _():
    answer = get_invoice("A-1")
    assert answer == f"invoice for order A-1: 2 items, for {E['BILLING_CLIENT_ID']} (asked by {E['CALLER_CLIENT_ID']})", answer


@check("missing scope at the TypeScript service: caller → Orders.GetOrder without orders/read → PERMISSION_DENIED")
def _():
    get_order = stub(E["ORDERS_ADDR"], "/orders.v1.Orders/GetOrder", reader)
    assert code_of(lambda: get_order("A-1")) == grpc.StatusCode.PERMISSION_DENIED


@check("missing scope at the Go service: VoidInvoice without billing/write → PERMISSION_DENIED")
def _():
    void = stub(E["BILLING_ADDR"], "/billing.v1.Billing/VoidInvoice", reader)
    assert "billing/write" in details_of(lambda: void("A-1"))
    assert code_of(lambda: void("A-1")) == grpc.StatusCode.PERMISSION_DENIED


@check("missing scope downstream: billing/write passes Billing, Billing's token lacks orders/write → PERMISSION_DENIED from Orders")
def _():
    void = stub(E["BILLING_ADDR"], "/billing.v1.Billing/VoidInvoice", source("CALLER", ["billing/read", "billing/write"]))
    assert "orders/write" in details_of(lambda: void("A-1"))


@check("no token → UNAUTHENTICATED (Go and TypeScript services)")
def _():
    for address, path in ((E["BILLING_ADDR"], "/billing.v1.Billing/GetInvoice"), (E["ORDERS_ADDR"], "/orders.v1.Orders/GetOrder")):
        assert code_of(lambda: stub(address, path)("A-1")) == grpc.StatusCode.UNAUTHENTICATED


@check("tampered token → UNAUTHENTICATED (Go and TypeScript services)")
def _():
    head, body, sig = reader.token().split(".")
    forged = f"{head}.{body}.{sig[:-6]}{'AAAAAA' if not sig.endswith('AAAAAA') else 'BBBBBB'}"
    for address, path in ((E["BILLING_ADDR"], "/billing.v1.Billing/GetInvoice"), (E["ORDERS_ADDR"], "/orders.v1.Orders/GetOrder")):
        call = stub(address, path)
        assert code_of(lambda: call("A-1", metadata=(("authorization", f"Bearer {forged}"),))) == grpc.StatusCode.UNAUTHENTICATED


@check("a client outside the allow-list → UNAUTHENTICATED at Orders")
def _():
    rotating = source("ROTATING", ["billing/read"])
    assert code_of(lambda: stub(E["ORDERS_ADDR"], "/orders.v1.Orders/GetOrder", rotating)("A-1")) == grpc.StatusCode.UNAUTHENTICATED


@check("one token for many concurrent calls (TokenSource refreshes once)")
def _():
    shared = source("CALLER", ["billing/read"])
    call = stub(E["BILLING_ADDR"], "/billing.v1.Billing/GetInvoice", shared)
    errors: list[BaseException] = []

    def run() -> None:
        try:
            call("B-2")
        except BaseException as error:  # noqa: BLE001
            errors.append(error)

    threads = [threading.Thread(target=run) for _ in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and shared.fetches == 1, (errors, shared.fetches)


@check("a standard OAuth2 client (requests-oauthlib) gets a token the services accept")
def _():
    # oauthlib refuses http:// unless told; this example's identity server is plaintext loopback.
    os.environ["OAUTHLIB_INSECURE_TRANSPORT"] = "1"
    session = OAuth2Session(client=BackendApplicationClient(client_id=E["CALLER_CLIENT_ID"]))
    token = session.fetch_token(TOKEN_URL, client_id=E["CALLER_CLIENT_ID"], client_secret=E["CALLER_CLIENT_SECRET"], scope=["billing/read"])
    assert token["token_type"] == "Bearer" and token["expires_in"] > 0, token
    via_oauthlib = TokenSource(lambda: FetchedToken(token["access_token"], float(token["expires_in"])))
    assert stub(E["BILLING_ADDR"], "/billing.v1.Billing/GetInvoice", via_oauthlib)("C-3").startswith("invoice for order C-3")


@check("GetClientToken over gRPC as the token source")
def _():
    with IdentityClient(E["IDP_GRPC_ADDR"], timeout=10) as identity:
        grpc_source = TokenSource(get_client_token_fetcher(identity, E["CALLER_CLIENT_ID"], E["CALLER_CLIENT_SECRET"], ["billing/read"]))
        assert stub(E["BILLING_ADDR"], "/billing.v1.Billing/GetInvoice", grpc_source)("D-4").startswith("invoice for order D-4")


@check("rotated secret: the new one works, the revoked one gets no new tokens (token endpoint and GetClientToken)")
def _():
    pool, client_id, old = E["IDP_POOL_ID"], E["ROTATING_CLIENT_ID"], E["ROTATING_CLIENT_SECRET"]
    token_endpoint_fetcher(TOKEN_URL, client_id, old, ["billing/read"])()  # the old secret works before the rotation
    with IdentityClient(E["IDP_GRPC_ADDR"], timeout=10, metadata=[("authorization", f"Bearer {E['IDP_ADMIN_TOKEN']}")]) as admin:
        arm, added = result(admin.admin.AddUserPoolClientSecret(m2m_pb2.AddUserPoolClientSecretRequest(user_pool_id=pool, client_id=client_id)))
        assert arm == "success", arm
        new = added.client_secret_value
        token_endpoint_fetcher(TOKEN_URL, client_id, new, ["billing/read"])()  # both work during the rotation
        token_endpoint_fetcher(TOKEN_URL, client_id, old, ["billing/read"])()
        arm, listed = result(admin.admin.ListUserPoolClientSecrets(m2m_pb2.ListUserPoolClientSecretsRequest(user_pool_id=pool, client_id=client_id)))
        assert arm == "success" and len(listed.client_secrets) == 2, (arm, listed)
        oldest = listed.client_secrets[0].client_secret_id
        arm, _ = result(admin.admin.DeleteUserPoolClientSecret(m2m_pb2.DeleteUserPoolClientSecretRequest(user_pool_id=pool, client_id=client_id, client_secret_id=oldest)))
        assert arm == "success", arm
    try:
        token_endpoint_fetcher(TOKEN_URL, client_id, old, ["billing/read"])()
        raise AssertionError("the revoked secret still gets tokens")
    except TokenEndpointError as error:
        assert (error.error, error.status) == ("invalid_client", 401), (error.error, error.status)
    with IdentityClient(E["IDP_GRPC_ADDR"], timeout=10) as identity:
        try:
            get_client_token_fetcher(identity, client_id, old, ["billing/read"])()
            raise AssertionError("GetClientToken accepted the revoked secret")
        except ClientTokenError as error:
            assert error.arm == "not_authorized", error.arm
    fresh = TokenSource(token_endpoint_fetcher(TOKEN_URL, client_id, new, ["billing/read"]))
    assert fresh.token()


print(f"s2s-example: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
