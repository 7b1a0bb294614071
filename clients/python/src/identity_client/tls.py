"""Channel credentials for a server that serves TLS, and mTLS client certificates."""

from __future__ import annotations

from pathlib import Path

import grpc


def tls_credentials(
    ca_file: str | Path | None = None,
    cert_file: str | Path | None = None,
    key_file: str | Path | None = None,
) -> grpc.ChannelCredentials:
    """Credentials that verify the server against ``ca_file`` (PEM; None: the system roots) and, with
    ``cert_file`` (PEM chain, leaf first) and ``key_file``, present a client certificate (mTLS).

    AdminService accepts a client certificate whose identity (SAN URI such as a SPIFFE ID, SAN DNS
    name, or CN) an ``adminCredentials`` entry of the server's config names, for that entry's pools::

        creds = tls_credentials("ca.pem", "client.pem", "client.key")
        with IdentityClient("identity.internal:50051", credentials=creds) as client: ...
    """
    if (cert_file is None) != (key_file is None):
        raise ValueError("cert_file and key_file go together")
    read = lambda path: Path(path).read_bytes() if path is not None else None  # noqa: E731
    return grpc.ssl_channel_credentials(
        root_certificates=read(ca_file),
        private_key=read(key_file),
        certificate_chain=read(cert_file),
    )
