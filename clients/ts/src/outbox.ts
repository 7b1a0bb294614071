import { createDecipheriv, createHash } from "node:crypto";

/**
 * Opens entries of the server's outbox stream (`CODE_SENDER=redis-stream`, stream
 * `idp:{p:<poolId>}:outbox`). Routing fields are readable; the code or temporary password, and the
 * CustomMessage subject and body that quote it, are sealed under the outbox key the operator holds
 * (`IDP_OUTBOX_KEY`): AES-256-GCM, `sealed` = base64(iv(12) || ciphertext || tag(16)), associated
 * data = "identity.v1 outbox\n" + pool + "\n" + event + "\n" + username + "\n" + destination.
 */
export interface OutboxMessage {
  readonly event: string;
  readonly pool: string;
  readonly username: string;
  readonly attribute: string;
  readonly medium: string;
  readonly destination: string;
  /** The code, or the temporary password of an invitation. */
  readonly code: string;
  /** Set when a CustomMessage trigger wrote the message. */
  readonly subject?: string;
  readonly body?: string;
}

export class OutboxEntryError extends Error {
  readonly code = "OUTBOX_ENTRY_UNREADABLE";
}

/** The key id an entry names (`kid`) for a key: pick the right key when you hold several. */
export function outboxKeyId(key: Uint8Array): string {
  return createHash("sha256").update("identity.v1 outbox key").update(key).digest().subarray(0, 4).toString("hex");
}

/**
 * Opens one entry, given as its field map (or the flat `[field, value, …]` list XREAD returns).
 * Throws OutboxEntryError when a field is missing or the entry was not sealed under `key`
 * (another key, altered, or its sealed part moved from another entry).
 */
export function openOutboxEntry(entry: Readonly<Record<string, string>> | readonly string[], key: Uint8Array): OutboxMessage {
  const fields = Array.isArray(entry) ? pairs(entry as readonly string[]) : (entry as Readonly<Record<string, string>>);
  if (key.length !== 32) throw new OutboxEntryError("the outbox key must be 32 bytes");
  const need = (name: string) => {
    const value = fields[name];
    if (value === undefined) throw new OutboxEntryError(`the entry has no ${name} field`);
    return value;
  };
  const routing = { event: need("event"), pool: need("pool"), username: need("username"), attribute: need("attribute"), medium: need("medium"), destination: need("destination") };
  const box = Buffer.from(need("sealed"), "base64");
  if (box.length < 28) throw new OutboxEntryError("the sealed part is too short");
  const decipher = createDecipheriv("aes-256-gcm", key, box.subarray(0, 12));
  decipher.setAAD(Buffer.from(["identity.v1 outbox", routing.pool, routing.event, routing.username, routing.destination].join("\n"), "utf8"));
  decipher.setAuthTag(box.subarray(box.length - 16));
  let plain: Buffer;
  try {
    plain = Buffer.concat([decipher.update(box.subarray(12, box.length - 16)), decipher.final()]);
  } catch {
    throw new OutboxEntryError("the entry does not open under this key (another key, or altered)");
  }
  const secret = JSON.parse(plain.toString("utf8")) as { code: string; subject?: string; body?: string };
  return { ...routing, code: secret.code, ...(secret.subject !== undefined ? { subject: secret.subject } : {}), ...(secret.body !== undefined ? { body: secret.body } : {}) };
}

function pairs(flat: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i + 1 < flat.length; i += 2) out[flat[i]!] = flat[i + 1]!;
  return out;
}
