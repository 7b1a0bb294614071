"""Python client for the identity service (identity.v1 over gRPC).

Generated messages and stubs: ``identity_client.v1`` (``auth_service_pb2``, ``auth_service_pb2_grpc``,
``admin_service_pb2``, ``common_pb2``, ``errors_pb2``, ...).
"""

from identity_client.client import IdentityClient, NoResultError, result
from identity_client.outbox import OutboxEntryError, OutboxMessage, open_outbox_entry, outbox_key_id
from identity_client.secret_hash import secret_hash
from identity_client.tls import tls_credentials

__all__ = [
    "IdentityClient", "NoResultError", "OutboxEntryError", "OutboxMessage", "open_outbox_entry", "outbox_key_id",
    "result", "secret_hash", "tls_credentials",
]
