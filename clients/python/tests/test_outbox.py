"""The outbox opener against the vector the server's suite and the TS and Go SDKs open too."""

import pytest

from identity_client import OutboxEntryError, open_outbox_entry, outbox_key_id

KEY = bytes.fromhex("0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20")
ENTRY = {
    "event": "ForgotPassword", "pool": "us-east-1_Vector1", "username": "alice", "attribute": "email",
    "medium": "EMAIL", "destination": "alice@example.com",
    "sealed": "oKGio6SlpqeoqaqrwvNeCZnQeD5dP5BYxbAWpnv1w2w6AgXnU3nv3wshrUcRsvasivCcFk8ZpOCEDGx+dsMC5K/0mrBojfDQ8wQ0XJl0gZmFczcWwzHM256yEGXIfD2D",
}


def test_opens_the_shared_vector():
    message = open_outbox_entry(ENTRY, KEY)
    assert (message.code, message.subject, message.body) == ("123456", "Your code", "Your code is 123456")
    assert message.destination == "alice@example.com"


def test_opens_bytes_fields_as_redis_py_returns_them():
    raw = {k.encode(): v.encode() for k, v in ENTRY.items()}
    assert open_outbox_entry(raw, KEY).code == "123456"


@pytest.mark.parametrize("change", [{"username": "mallory"}, {"destination": "mallory@example.com"}, {"pool": "us-east-1_Other"}])
def test_refuses_an_entry_whose_routing_changed(change):
    with pytest.raises(OutboxEntryError):
        open_outbox_entry({**ENTRY, **change}, KEY)


def test_refuses_another_key_and_missing_fields():
    with pytest.raises(OutboxEntryError):
        open_outbox_entry(ENTRY, bytes(32))
    with pytest.raises(OutboxEntryError):
        open_outbox_entry({k: v for k, v in ENTRY.items() if k != "sealed"}, KEY)


def test_key_id():
    assert len(outbox_key_id(KEY)) == 8 and outbox_key_id(KEY) != outbox_key_id(bytes(32))
