import type { UserRecord, UserStatus } from "./records.js";
import type { CredentialSealer } from "./credentials.js";

/**
 * The stored form of a user (docs/security.md "What a dump holds"; about 500 bytes for a user with
 * an email): a fixed binary header, the other attributes as JSON, then the salt and verifier sealed
 * (credentials.ts), as bytes. Lua reads the version and edits the verified flags in place
 * (update-user.lua, create-user.lua), so their offsets are fixed:
 *
 *   0   u8   format (1)
 *   1   u32  version (big-endian; every write bumps it)
 *   5   u8   version - the version the credentials were sealed at (Lua bumps the version without
 *            re-sealing; every write from here re-seals and stores 0)
 *   6   u8   flags: bits 0-1 status, bit 2 enabled, bit 3 passwordSetAt present, bit 4 credentials
 *            present, bit 5 sub is not a UUID (then stored as u8 length + UTF-8)
 *   7   u8   email_verified (bits 0-1) and phone_number_verified (bits 2-3): 0 absent, 1 "false", 2 "true"
 *   8   16   sub (a UUID's bytes)
 *   24  u48  createdAt, u48 updatedAt, u48 passwordSetAt (ms)
 *   42  u16  length of the attributes' JSON (without sub and the two flags above), then the JSON
 *   …        the sealed credentials: plaintext u8 salt length || salt || verifier (minimal hex as bytes)
 */
export const USER_FORMAT = 1;
const STATUSES: readonly UserStatus[] = ["UNCONFIRMED", "CONFIRMED", "RESET_REQUIRED", "FORCE_CHANGE_PASSWORD"];
const VERIFIED = ["email_verified", "phone_number_verified"] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The credential scope of a user's own salt and verifier. */
export const srpScope = (poolId: string, owner: string, version: number) => ({ kind: "srp", poolId, owner, version });

export function encodeUser(sealer: CredentialSealer, poolId: string, user: UserRecord): Buffer {
  const attributes: Record<string, string> = {};
  let verified = 0;
  for (const [name, value] of Object.entries(user.attributes)) {
    const slot = VERIFIED.indexOf(name as (typeof VERIFIED)[number]);
    if (slot >= 0 && (value === "true" || value === "false")) verified |= (value === "true" ? 2 : 1) << (slot * 2);
    else attributes[name] = value;
  }
  const subIsUuid = UUID.test(user.sub);
  const sub = subIsUuid ? Buffer.from(user.sub.replace(/-/g, ""), "hex") : lengthPrefixed(Buffer.from(user.sub, "utf8"));
  const hasCredentials = user.salt !== undefined && user.verifier !== undefined;
  const status = STATUSES.indexOf(user.status);
  if (status < 0) throw new Error(`unknown user status ${user.status}`);
  const flags = status | (user.enabled ? 4 : 0) | (user.passwordSetAt !== undefined ? 8 : 0) | (hasCredentials ? 16 : 0) | (subIsUuid ? 0 : 32);
  const json = Buffer.from(JSON.stringify(attributes), "utf8");
  const head = Buffer.alloc(8);
  head.writeUInt8(USER_FORMAT, 0);
  head.writeUInt32BE(user.version, 1);
  head.writeUInt8(0, 5);
  head.writeUInt8(flags, 6);
  head.writeUInt8(verified, 7);
  const times = Buffer.alloc(20);
  times.writeUIntBE(user.createdAt, 0, 6);
  times.writeUIntBE(user.updatedAt, 6, 6);
  times.writeUIntBE(user.passwordSetAt ?? 0, 12, 6);
  times.writeUInt16BE(json.length, 18);
  const credentials = hasCredentials ? sealer.seal(srpScope(poolId, user.username, user.version), credentialPlaintext(user.salt!, user.verifier!)) : Buffer.alloc(0);
  return Buffer.concat([head, sub, times, json, credentials]);
}

/** The user, or an Error when the record cannot be read or its credentials opened (wrong key ring). */
export function decodeUser(sealer: CredentialSealer, poolId: string, username: string, bytes: Buffer): UserRecord {
  if (bytes.length < 44 || bytes[0] !== USER_FORMAT) throw new Error(`user record of ${poolId} has an unknown format`);
  const version = bytes.readUInt32BE(1);
  const sealedAt = version - bytes.readUInt8(5);
  const flags = bytes.readUInt8(6);
  const verified = bytes.readUInt8(7);
  let at = 8;
  let sub: string;
  if (flags & 32) {
    const length = bytes.readUInt8(at);
    sub = bytes.subarray(at + 1, at + 1 + length).toString("utf8");
    at += 1 + length;
  } else {
    const hex = bytes.subarray(at, at + 16).toString("hex");
    sub = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    at += 16;
  }
  const createdAt = bytes.readUIntBE(at, 6);
  const updatedAt = bytes.readUIntBE(at + 6, 6);
  const passwordSetAt = bytes.readUIntBE(at + 12, 6);
  const jsonLength = bytes.readUInt16BE(at + 18);
  at += 20;
  const attributes = JSON.parse(bytes.subarray(at, at + jsonLength).toString("utf8")) as Record<string, string>;
  at += jsonLength;
  VERIFIED.forEach((name, slot) => {
    const value = (verified >> (slot * 2)) & 3;
    if (value !== 0) attributes[name] = value === 2 ? "true" : "false";
  });
  let salt: string | undefined;
  let verifier: string | undefined;
  if (flags & 16) {
    const plain = sealer.open(srpScope(poolId, username, sealedAt), bytes.subarray(at));
    if (!plain) throw new Error(`the credentials of a user of ${poolId} cannot be opened: wrong master key ring?`);
    const saltLength = plain.readUInt8(0);
    salt = minimalHex(plain.subarray(1, 1 + saltLength));
    verifier = minimalHex(plain.subarray(1 + saltLength));
  }
  return {
    username, sub, status: STATUSES[flags & 3]!, enabled: (flags & 4) !== 0, attributes, salt, verifier,
    passwordSetAt: flags & 8 ? passwordSetAt : undefined, createdAt, updatedAt, version,
  };
}

/** The sealed credentials of a stored record and the scope they open under, for `make reseal`. */
export function sealedCredentials(bytes: Buffer): { readonly box: Buffer; readonly offset: number; readonly version: number; readonly sealedAt: number } | undefined {
  if (bytes.length < 44 || bytes[0] !== USER_FORMAT || !(bytes.readUInt8(6) & 16)) return undefined;
  const version = bytes.readUInt32BE(1);
  let at = 8 + (bytes.readUInt8(6) & 32 ? 1 + bytes.readUInt8(8) : 16);
  at += 20 + bytes.readUInt16BE(at + 18);
  return { box: bytes.subarray(at), offset: at, version, sealedAt: version - bytes.readUInt8(5) };
}

function credentialPlaintext(saltHex: string, verifierHex: string): Buffer {
  const salt = hexBytes(saltHex);
  if (salt.length > 255) throw new Error("salt longer than 255 bytes");
  return Buffer.concat([Buffer.from([salt.length]), salt, hexBytes(verifierHex)]);
}

function hexBytes(hex: string): Buffer {
  const lower = hex.toLowerCase();
  if (!/^[0-9a-f]*$/.test(lower)) throw new Error("salt and verifier must be hex");
  return Buffer.from(lower.length % 2 ? `0${lower}` : lower, "hex");
}

function minimalHex(bytes: Buffer): string {
  return bytes.toString("hex").replace(/^0+(?=.)/, "") || "0";
}

function lengthPrefixed(bytes: Buffer): Buffer {
  if (bytes.length > 255) throw new Error("sub longer than 255 bytes");
  return Buffer.concat([Buffer.from([bytes.length]), bytes]);
}
