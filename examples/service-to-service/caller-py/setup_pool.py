"""Declares what the example needs in the live pool, through AdminService (the admin token is the
operator's, not a service's): two resource servers and three app clients with client-credentials
grants. Prints shell assignments for run.sh to source.

  resource servers: orders (read, write), billing (read, write)
  billing-svc : orders/read                     (Billing's own identity when it calls Orders)
  caller      : billing/read, billing/write     (the Python caller)
  rotating    : billing/read                    (its secret is rotated and the old one revoked)

Env: IDP_GRPC_ADDR, IDP_POOL_ID, IDP_ADMIN_TOKEN.
"""

import os
import shlex

from identity_client import IdentityClient, result
from identity_client.v1 import admin_service_pb2, common_pb2, m2m_pb2

pool = os.environ["IDP_POOL_ID"]


def must(response, arm="success"):
    name, value = result(response)
    if name != arm:
        raise SystemExit(f"setup: {type(response).__name__}: {name} {value}")
    return value


with IdentityClient(os.environ["IDP_GRPC_ADDR"], timeout=10, metadata=[("authorization", f"Bearer {os.environ['IDP_ADMIN_TOKEN']}")]) as c:
    for identifier in ("orders", "billing"):
        must(
            c.admin.CreateResourceServer(
                m2m_pb2.CreateResourceServerRequest(
                    user_pool_id=pool,
                    identifier=identifier,
                    name=identifier,
                    scopes=[
                        m2m_pb2.ResourceServerScope(scope_name="read", scope_description=f"read {identifier}"),
                        m2m_pb2.ResourceServerScope(scope_name="write", scope_description=f"change {identifier}"),
                    ],
                )
            )
        )
    out = {}
    for name, scopes in (("billing-svc", ["orders/read"]), ("caller", ["billing/read", "billing/write"]), ("rotating", ["billing/read"])):
        client = must(
            c.admin.CreateUserPoolClient(
                admin_service_pb2.CreateUserPoolClientRequest(
                    user_pool_id=pool,
                    client_name=name,
                    generate_secret=True,
                    settings=common_pb2.UserPoolClientSettings(
                        explicit_auth_flows=[common_pb2.EXPLICIT_AUTH_FLOW_ALLOW_CLIENT_TOKEN_AUTH],
                        allowed_oauth_flows=[common_pb2.OAUTH_FLOW_CLIENT_CREDENTIALS],
                        allowed_oauth_scopes=scopes,
                        access_token_validity_seconds=300,
                    ),
                )
            )
        )
        key = name.split("-")[0].upper()
        out[f"{key}_CLIENT_ID"] = client.client_id
        out[f"{key}_CLIENT_SECRET"] = client.client_secret

for key, value in out.items():
    print(f"export {key}={shlex.quote(value)}")
