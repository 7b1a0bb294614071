import { createHash } from "node:crypto";

/**
 * The master key ring (docs/security.md "Key rotation"): every key opens what it sealed, the newest
 * seals. A key is known in sealed data by its fingerprint (two bytes of a hash of the key), not by
 * the operator's id, so renaming an id in the configuration never orphans data.
 */
export interface MasterKey {
  /** The operator's name for the key (`IDP_MASTER_KEYS` entry); "default" for `IDP_MASTER_KEY`. */
  readonly id: string;
  readonly key: Buffer;
  /** What sealed data carries to say which key sealed it. */
  readonly fingerprint: Buffer;
}

export interface MasterKeyRing {
  /** Seals everything new; the last key of `IDP_MASTER_KEYS`. */
  readonly newest: MasterKey;
  /** Newest first. */
  readonly keys: readonly MasterKey[];
}

export const FINGERPRINT_BYTES = 2;
const KEY_ID = /^[A-Za-z0-9._-]{1,32}$/;

export function masterKey(id: string, key: Buffer): MasterKey {
  if (!KEY_ID.test(id)) throw new Error(`master key id ${JSON.stringify(id)}: 1-32 characters of A-Z a-z 0-9 . _ -`);
  if (key.length !== 32) throw new Error(`master key ${id} must be 32 bytes (base64 or hex)`);
  const fingerprint = createHash("sha256").update("identity.v1 master key fingerprint").update(key).digest().subarray(0, FINGERPRINT_BYTES);
  return Object.freeze({ id, key, fingerprint });
}

/** A ring from keys oldest first (the configuration's order); ids and keys must be distinct. */
export function masterKeyRing(keys: readonly MasterKey[]): MasterKeyRing {
  if (keys.length === 0) throw new Error("the master key ring is empty");
  const ids = new Set(keys.map((k) => k.id));
  const secrets = new Set(keys.map((k) => k.key.toString("hex")));
  if (ids.size !== keys.length) throw new Error("master key ids must be distinct");
  if (secrets.size !== keys.length) throw new Error("a master key is listed twice");
  const newestFirst = [...keys].reverse();
  return Object.freeze({ newest: newestFirst[0]!, keys: Object.freeze(newestFirst) });
}

/** Parses 32 bytes given as 64 hex digits or base64. */
export function parseKeyBytes(text: string, what: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, "hex") : Buffer.from(trimmed, "base64");
  if (key.length !== 32) throw new Error(`${what} must be 32 bytes (base64 or hex), not ${key.length}`);
  return key;
}

/** `IDP_MASTER_KEYS`: `id:key,id:key,…`, oldest first; the last one seals. */
export function parseMasterKeys(text: string): MasterKeyRing {
  const entries = text.split(",").map((s) => s.trim()).filter(Boolean);
  return masterKeyRing(entries.map((entry) => {
    const colon = entry.indexOf(":");
    if (colon <= 0) throw new Error("IDP_MASTER_KEYS entries are id:key (key as base64 or hex)");
    const id = entry.slice(0, colon);
    return masterKey(id, parseKeyBytes(entry.slice(colon + 1), `master key ${id}`));
  }));
}
