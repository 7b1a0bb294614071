import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

/**
 * The outbox's sealing (README "Outbox"), as Cognito's custom email and SMS sender triggers receive
 * the code encrypted under a key the operator holds: each entry's secret part — the code or
 * temporary password, and the CustomMessage subject and body that quote it — is one AES-256-GCM box
 * under the outbox key (`IDP_OUTBOX_KEY`), with the entry's routing fields as associated data so a
 * box moved to another entry does not open. The SDKs open entries the same way (clients/*: outbox).
 *
 *   sealed = base64(iv(12) || ciphertext || tag(16)), plaintext = JSON {"code", "subject"?, "body"?}
 *   aad    = "identity.v1 outbox\n" + pool + "\n" + event + "\n" + username + "\n" + destination
 *   kid    = hex of the first 4 bytes of SHA-256("identity.v1 outbox key" || key)
 */
export interface OutboxSecret {
  readonly code: string;
  readonly subject?: string;
  readonly body?: string;
}

export interface OutboxRouting {
  readonly pool: string;
  readonly event: string;
  readonly username: string;
  readonly destination: string;
}

export function outboxKeyId(key: Buffer): string {
  return createHash("sha256").update("identity.v1 outbox key").update(key).digest().subarray(0, 4).toString("hex");
}

export function outboxAad(routing: OutboxRouting): Buffer {
  return Buffer.from(["identity.v1 outbox", routing.pool, routing.event, routing.username, routing.destination].join("\n"), "utf8");
}

export function sealOutboxSecret(key: Buffer, routing: OutboxRouting, secret: OutboxSecret): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(outboxAad(routing));
  const body = Buffer.concat([cipher.update(JSON.stringify(secret), "utf8"), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]).toString("base64");
}

/** The secret of an entry, or undefined when it does not open under `key` (another key, tampered, moved). */
export function openOutboxSecret(key: Buffer, routing: OutboxRouting, sealed: string): OutboxSecret | undefined {
  const box = Buffer.from(sealed, "base64");
  if (box.length < 28) return undefined;
  const decipher = createDecipheriv("aes-256-gcm", key, box.subarray(0, 12));
  decipher.setAAD(outboxAad(routing));
  decipher.setAuthTag(box.subarray(box.length - 16));
  try {
    return JSON.parse(Buffer.concat([decipher.update(box.subarray(12, box.length - 16)), decipher.final()]).toString("utf8")) as OutboxSecret;
  } catch {
    return undefined;
  }
}
