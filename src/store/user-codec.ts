import type { UserRecord, UserStatus } from "./records.js";
import type { CredentialSealer } from "./credentials.js";
import { wireHex } from "../crypto/srp-group.js";

/**
 * The stored form of a user (README "Security", about 500 bytes for a user with an email, so that
 * a user costs under 1 KiB of Redis memory with its lookup entries): a fixed binary header, the
 * attributes as (name code, value) pairs, then the salt and verifier sealed (credentials.ts), as
 * bytes. Lua reads the version and edits the verified flags in place (update-user.lua,
 * create-user.lua), so those offsets are fixed:
 *
 *   0   u8   format (2)
 *   1   u32  version (big-endian; every write bumps it)
 *   5   u8   flags: bits 0-1 status, bit 2 enabled, bit 3 passwordSetAt present, bit 4 credentials
 *            present, bit 5 sub is not a UUID (then stored as u8 length + UTF-8), bit 6 the salt is
 *            not 16 bytes (then the credentials start with its u8 length), bit 7 the credentials
 *            are over the canonical username (UserRecord.credentialsOverCanonicalName)
 *   6   u8   bits 0-1 email_verified, bits 2-3 phone_number_verified (0 absent, 1 "false", 2 "true");
 *            bits 4-7 version - the version the credentials were sealed at (Lua bumps the version
 *            without re-sealing; every write from here re-seals and stores 0)
 *   7   16   sub (a UUID's bytes)
 *   23  u48  createdAt, u48 updatedAt, u48 passwordSetAt (ms)
 *   41  u8   attribute count, then per attribute: u8 name code (ATTRIBUTE_CODES; 0: u8 length + the
 *            name follows), value length (1 byte below 128, else 2 bytes with the top bit set), value
 *   …        the sealed credentials: salt (16 bytes) || verifier, minimal hex as bytes
 */
export const USER_FORMAT = 2;
const STATUSES: readonly UserStatus[] = ["UNCONFIRMED", "CONFIRMED", "RESET_REQUIRED", "FORCE_CHANGE_PASSWORD"];
const VERIFIED = ["email_verified", "phone_number_verified"] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SALT_BYTES = 16;
/** Codes of Cognito's standard attributes; the numbers are part of the format (append only). */
const ATTRIBUTE_CODES: readonly string[] = [
  "", "email", "phone_number", "name", "given_name", "family_name", "middle_name", "nickname", "preferred_username", "profile",
  "picture", "website", "gender", "birthdate", "zoneinfo", "locale", "address", "updated_at", "email_verified", "phone_number_verified",
];
const CODE_OF = new Map(ATTRIBUTE_CODES.map((name, code) => [name, code]));
const HEADER_BYTES = 41;

/** The credential scope of a user's own salt and verifier. */
export const srpScope = (poolId: string, owner: string, version: number) => ({ kind: "srp", poolId, owner, version });

export function encodeUser(sealer: CredentialSealer, poolId: string, user: UserRecord): Buffer {
  let verified = 0;
  const attributes: Buffer[] = [];
  let count = 0;
  for (const [name, value] of Object.entries(user.attributes)) {
    const slot = VERIFIED.indexOf(name as (typeof VERIFIED)[number]);
    if (slot >= 0 && (value === "true" || value === "false")) {
      verified |= (value === "true" ? 2 : 1) << (slot * 2);
      continue;
    }
    const code = CODE_OF.get(name) ?? 0;
    attributes.push(code === 0 ? Buffer.concat([Buffer.from([0]), shortString(name, "attribute name")]) : Buffer.from([code]), valueBytes(value));
    count++;
  }
  if (count > 255) throw new Error("more than 255 attributes");
  const subIsUuid = UUID.test(user.sub);
  const hasCredentials = user.salt !== undefined && user.verifier !== undefined;
  const salt = hasCredentials ? hexBytes(user.salt!) : Buffer.alloc(0);
  const oddSalt = hasCredentials && salt.length !== SALT_BYTES;
  const status = STATUSES.indexOf(user.status);
  if (status < 0) throw new Error(`unknown user status ${user.status}`);
  const head = Buffer.alloc(7);
  head.writeUInt8(USER_FORMAT, 0);
  head.writeUInt32BE(user.version, 1);
  head.writeUInt8(status | (user.enabled ? 4 : 0) | (user.passwordSetAt !== undefined ? 8 : 0) | (hasCredentials ? 16 : 0) | (subIsUuid ? 0 : 32) | (oddSalt ? 64 : 0) | (hasCredentials && user.credentialsOverCanonicalName ? 128 : 0), 5);
  head.writeUInt8(verified, 6);
  const sub = subIsUuid ? Buffer.from(user.sub.replace(/-/g, ""), "hex") : shortString(user.sub, "sub");
  const times = Buffer.alloc(19);
  times.writeUIntBE(user.createdAt, 0, 6);
  times.writeUIntBE(user.updatedAt, 6, 6);
  times.writeUIntBE(user.passwordSetAt ?? 0, 12, 6);
  times.writeUInt8(count, 18);
  const plaintext = hasCredentials ? Buffer.concat([oddSalt ? shortBytes(salt, "salt") : salt, hexBytes(user.verifier!)]) : undefined;
  const credentials = plaintext ? sealer.seal(srpScope(poolId, user.username, user.version), plaintext) : Buffer.alloc(0);
  return Buffer.concat([head, sub, times, ...attributes, credentials]);
}

/** The user; throws when the record cannot be read or its credentials opened (wrong key ring). */
export function decodeUser(sealer: CredentialSealer, poolId: string, username: string, bytes: Buffer): UserRecord {
  const { user, credentialsAt, sealedAt } = readUser(poolId, username, bytes);
  if (!(bytes.readUInt8(5) & 16)) return user;
  const plain = sealer.open(srpScope(poolId, username, sealedAt), bytes.subarray(credentialsAt));
  if (!plain) throw new Error(`the credentials of a user of ${poolId} cannot be opened: wrong master key ring?`);
  const oddSalt = (bytes.readUInt8(5) & 64) !== 0;
  const saltLength = oddSalt ? plain.readUInt8(0) : SALT_BYTES;
  const saltAt = oddSalt ? 1 : 0;
  const salt = wireHex(plain.subarray(saltAt, saltAt + saltLength));
  const verifier = wireHex(plain.subarray(saltAt + saltLength));
  return { ...user, salt, verifier, ...(bytes.readUInt8(5) & 128 ? { credentialsOverCanonicalName: true } : {}) };
}

/** The user without its salt and verifier (left sealed): what index upkeep reads (`make reindex`), no key ring needed. */
export function decodeProfile(poolId: string, username: string, bytes: Buffer): UserRecord {
  return readUser(poolId, username, bytes).user;
}

function readUser(poolId: string, username: string, bytes: Buffer): { user: UserRecord; credentialsAt: number; sealedAt: number } {
  const layout = readLayout(poolId, bytes);
  const flags = bytes.readUInt8(5);
  const verified = bytes.readUInt8(6);
  const attributes: Record<string, string> = {};
  let at = layout.attributesAt;
  for (let i = 0; i < layout.attributeCount; i++) {
    const code = bytes.readUInt8(at++);
    let name = ATTRIBUTE_CODES[code];
    if (code === 0 || name === undefined) {
      const length = bytes.readUInt8(at);
      name = bytes.subarray(at + 1, at + 1 + length).toString("utf8");
      at += 1 + length;
    }
    let length = bytes.readUInt8(at++);
    if (length & 0x80) length = ((length & 0x7f) << 8) | bytes.readUInt8(at++);
    attributes[name] = bytes.subarray(at, at + length).toString("utf8");
    at += length;
  }
  VERIFIED.forEach((name, slot) => {
    const value = (verified >> (slot * 2)) & 3;
    if (value !== 0) attributes[name] = value === 2 ? "true" : "false";
  });
  const user: UserRecord = {
    username, sub: layout.sub, status: STATUSES[flags & 3]!, enabled: (flags & 4) !== 0, attributes, salt: undefined, verifier: undefined,
    passwordSetAt: flags & 8 ? bytes.readUIntBE(layout.timesAt + 12, 6) : undefined,
    createdAt: bytes.readUIntBE(layout.timesAt, 6), updatedAt: bytes.readUIntBE(layout.timesAt + 6, 6), version: layout.version,
  };
  return { user, credentialsAt: at, sealedAt: layout.sealedAt };
}

/** The sealed credentials of a stored record and the version they were sealed at, for `make reseal`. */
export function sealedCredentials(bytes: Buffer): { readonly box: Buffer; readonly offset: number; readonly version: number; readonly sealedAt: number } | undefined {
  if (bytes.length < HEADER_BYTES || bytes[0] !== USER_FORMAT || !(bytes.readUInt8(5) & 16)) return undefined;
  const layout = readLayout("", bytes);
  let at = layout.attributesAt;
  for (let i = 0; i < layout.attributeCount; i++) {
    if (bytes.readUInt8(at++) === 0) at += 1 + bytes.readUInt8(at);
    const length = bytes.readUInt8(at++);
    at += length & 0x80 ? (((length & 0x7f) << 8) | bytes.readUInt8(at++)) : length;
  }
  return { box: bytes.subarray(at), offset: at, version: layout.version, sealedAt: layout.sealedAt };
}

function readLayout(poolId: string, bytes: Buffer) {
  if (bytes.length < HEADER_BYTES || bytes[0] !== USER_FORMAT) throw new Error(`a user record of ${poolId} has an unknown format`);
  const version = bytes.readUInt32BE(1);
  const sealedAt = version - (bytes.readUInt8(6) >> 4);
  let at = 7;
  let sub: string;
  if (bytes.readUInt8(5) & 32) {
    const length = bytes.readUInt8(at);
    sub = bytes.subarray(at + 1, at + 1 + length).toString("utf8");
    at += 1 + length;
  } else {
    const hex = bytes.subarray(at, at + 16).toString("hex");
    sub = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    at += 16;
  }
  return { version, sealedAt, sub, timesAt: at, attributeCount: bytes.readUInt8(at + 18), attributesAt: at + 19 };
}

function valueBytes(value: string): Buffer {
  const bytes = Buffer.from(value, "utf8");
  if (bytes.length > 0x7fff) throw new Error("attribute value longer than 32767 bytes");
  const length = bytes.length < 0x80 ? Buffer.from([bytes.length]) : Buffer.from([0x80 | (bytes.length >> 8), bytes.length & 0xff]);
  return Buffer.concat([length, bytes]);
}

function shortString(text: string, what: string): Buffer {
  return shortBytes(Buffer.from(text, "utf8"), what);
}

function shortBytes(bytes: Buffer, what: string): Buffer {
  if (bytes.length > 255) throw new Error(`${what} longer than 255 bytes`);
  return Buffer.concat([Buffer.from([bytes.length]), bytes]);
}

function hexBytes(hex: string): Buffer {
  const lower = hex.toLowerCase().replace(/^0+(?=.)/, "");
  if (!/^[0-9a-f]+$/.test(lower)) throw new Error("salt and verifier must be hex");
  if (lower === "0") return Buffer.alloc(0);
  return Buffer.from(lower.length % 2 ? `0${lower}` : lower, "hex");
}
