"""Opens entries of the server's outbox stream (CODE_SENDER=redis-stream, ``idp:{p:<poolId>}:outbox``).

Routing fields are readable; the code (or an invitation's temporary password) and any CustomMessage
subject and body are sealed under the outbox key the operator holds (``IDP_OUTBOX_KEY``):
AES-256-GCM, ``sealed`` = base64(iv(12) || ciphertext || tag(16)), associated data =
``"identity.v1 outbox\\n" + pool + "\\n" + event + "\\n" + username + "\\n" + destination``.
AES-GCM comes from ``cryptography`` (a dependency of the package through ``PyJWT[crypto]``).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from dataclasses import dataclass
from typing import Mapping, Optional, Union

_ROUTING = ("event", "pool", "username", "attribute", "medium", "destination")


class OutboxEntryError(ValueError):
    """The entry lacks a field, or does not open under the key (another key, altered, or moved)."""


@dataclass(frozen=True)
class OutboxMessage:
    event: str
    pool: str
    username: str
    attribute: str
    medium: str
    destination: str
    code: str
    subject: Optional[str] = None
    body: Optional[str] = None


def outbox_key_id(key: bytes) -> str:
    """The id entries carry in their ``kid`` field for the key that sealed them."""
    return hashlib.sha256(b"identity.v1 outbox key" + key).digest()[:4].hex()


def open_outbox_entry(fields: Mapping[Union[str, bytes], Union[str, bytes]], key: bytes) -> OutboxMessage:
    """Opens one entry, given as the field mapping XREAD / XRANGE return (str or bytes)."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    text = {_text(k): _text(v) for k, v in fields.items()}
    if len(key) != 32:
        raise OutboxEntryError("the outbox key must be 32 bytes")
    missing = [name for name in (*_ROUTING, "sealed") if name not in text]
    if missing:
        raise OutboxEntryError(f"the entry has no {', '.join(missing)} field")
    try:
        box = base64.b64decode(text["sealed"], validate=True)
    except (binascii.Error, ValueError) as error:
        raise OutboxEntryError("the sealed part is not base64") from error
    if len(box) < 28:
        raise OutboxEntryError("the sealed part is too short")
    aad = "\n".join(["identity.v1 outbox", text["pool"], text["event"], text["username"], text["destination"]]).encode()
    try:
        plain = AESGCM(key).decrypt(box[:12], box[12:], aad)
    except InvalidTag as error:
        raise OutboxEntryError("the entry does not open under this key (another key, or altered)") from error
    secret = json.loads(plain)
    return OutboxMessage(**{name: text[name] for name in _ROUTING}, code=secret["code"], subject=secret.get("subject"), body=secret.get("body"))


def _text(value: Union[str, bytes]) -> str:
    return value.decode() if isinstance(value, bytes) else value
