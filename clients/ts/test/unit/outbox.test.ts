import assert from "node:assert/strict";
import { test } from "node:test";
import { openOutboxEntry, OutboxEntryError, outboxKeyId } from "../../src/index.js";

// The shared vector: the server's test suite and the Go and Python SDKs open the same entry.
const KEY = Buffer.from("0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20", "hex");
const ENTRY = {
  event: "ForgotPassword", pool: "us-east-1_Vector1", username: "alice", attribute: "email", medium: "EMAIL",
  destination: "alice@example.com", kid: "", sealed: "oKGio6SlpqeoqaqrwvNeCZnQeD5dP5BYxbAWpnv1w2w6AgXnU3nv3wshrUcRsvasivCcFk8ZpOCEDGx+dsMC5K/0mrBojfDQ8wQ0XJl0gZmFczcWwzHM256yEGXIfD2D",
};

test("outbox: opens the shared vector", () => {
  const message = openOutboxEntry(ENTRY, KEY);
  assert.equal(message.code, "123456");
  assert.equal(message.subject, "Your code");
  assert.equal(message.body, "Your code is 123456");
  assert.equal(message.destination, "alice@example.com");
});

test("outbox: opens the flat field list XREAD returns", () => {
  assert.equal(openOutboxEntry(Object.entries(ENTRY).flat(), KEY).code, "123456");
});

test("outbox: refuses another key, another entry's routing, and a missing field", () => {
  assert.throws(() => openOutboxEntry(ENTRY, Buffer.alloc(32, 1)), OutboxEntryError);
  assert.throws(() => openOutboxEntry({ ...ENTRY, username: "mallory" }, KEY), OutboxEntryError);
  assert.throws(() => openOutboxEntry({ ...ENTRY, destination: "mallory@example.com" }, KEY), OutboxEntryError);
  const { sealed: _, ...unsealed } = ENTRY;
  assert.throws(() => openOutboxEntry(unsealed, KEY), OutboxEntryError);
});

test("outbox: key id is stable and key-dependent", () => {
  assert.equal(outboxKeyId(KEY), outboxKeyId(Buffer.from(KEY)));
  assert.notEqual(outboxKeyId(KEY), outboxKeyId(Buffer.alloc(32, 1)));
  assert.match(outboxKeyId(KEY), /^[0-9a-f]{8}$/);
});
