// SECRET_BLOCK of USER_SRP_AUTH (docs/cognito.md §3.1, §4.4 step 3): the server's state between
// InitiateAuth and PASSWORD_VERIFIER, sealed with AES-256-GCM under a key every replica derives
// from the master key, and handed to the client, which echoes it and mixes its bytes into the MAC.
//
// Every field has a fixed width, so a block is the same length for every user, real or simulated
// (a length that varied with the username, or with the simulated flag, would be an oracle).
import { N_BYTES } from "./srp-group.js";
import { seal, unseal } from "./seal.js";

/**
 * What PASSWORD_VERIFIER needs to finish the exchange. The integers are kept as the fixed-width
 * bytes srp.ts computes with (docs/performance.md §3): they go into the block and out of it as they are.
 */
export interface SecretBlockState {
  readonly poolId: string;
  readonly clientId: string;
  /** USER_ID_FOR_SRP: the internal (or simulated) username the signature binds. */
  readonly userId: string;
  /** The lockout counter the proof counts toward (`u:<username>` / `n:<normalized input>`). */
  readonly lockoutSubject: string;
  /** True when the challenge was simulated (RFC 5054 §2.5.1.3): no proof can succeed. */
  readonly simulated: boolean;
  /** The exponent, B_SECRET_BYTES bytes as drawn. */
  readonly b: Buffer;
  /** Group elements, N_BYTES wide. */
  readonly A: Buffer;
  readonly B: Buffer;
  /** Milliseconds since the epoch, by the issuing server's clock. */
  readonly issuedAt: number;
}

const VERSION = 1;
const CONTEXT = "identity.v1 srp-secret-block v1"; // AES-GCM associated data
const B_SECRET_BYTES = 32; // srp.ts draws b as 32 random bytes

/**
 * Text slots in bytes. Pool ids are ≤ 55 ASCII characters, client ids ≤ 128. Names are ≤ 128
 * UTF-16 units (the flow checks), which is ≤ 384 UTF-8 bytes even after case folding (only
 * U+0130 grows when lowercased, 2 → 3 bytes); the lockout subject adds a 2-byte "u:"/"n:" prefix.
 */
const SLOTS = { poolId: 56, clientId: 128, userId: 384, lockoutSubject: 386 } as const;
type TextField = keyof typeof SLOTS;
const TEXT_FIELDS = Object.keys(SLOTS) as TextField[];

const HEADER_BYTES = 1 + 1 + 8; // version, flags, issuedAt
const INTEGER_BYTES = B_SECRET_BYTES + 2 * N_BYTES; // b, A, B
const TEXT_BYTES = TEXT_FIELDS.reduce((sum, field) => sum + 2 + SLOTS[field], 0);
/** Plaintext length; every block has it. */
export const SECRET_BLOCK_PLAINTEXT_BYTES = HEADER_BYTES + INTEGER_BYTES + TEXT_BYTES;

/** Names longer than this many UTF-8 bytes do not fit a block; the flow refuses them first. */
export const MAX_NAME_BYTES = SLOTS.userId;

/** The block as the client sees it: base64 (standard alphabet, padded), as every SRP client decodes it. */
export function sealSecretBlock(key: Buffer, state: SecretBlockState): string {
  return seal(key, encode(state), CONTEXT).toString("base64");
}

/** The sealed bytes of a block as sent back; the single-use claim is keyed by their digest. */
export function secretBlockBytes(base64: string): Buffer {
  return Buffer.from(base64, "base64");
}

/** The state, or undefined for a block that was tampered with, truncated or not ours. */
export function openSecretBlock(key: Buffer, box: Buffer): SecretBlockState | undefined {
  const plaintext = unseal(key, box, CONTEXT);
  return plaintext === undefined ? undefined : decode(plaintext);
}

function encode(state: SecretBlockState): Buffer {
  const out = Buffer.alloc(SECRET_BLOCK_PLAINTEXT_BYTES);
  out.writeUInt8(VERSION, 0);
  out.writeUInt8(state.simulated ? 1 : 0, 1);
  out.writeBigUInt64BE(BigInt(state.issuedAt), 2);
  let offset = HEADER_BYTES;
  offset = writeInteger(out, offset, state.b, B_SECRET_BYTES);
  offset = writeInteger(out, offset, state.A, N_BYTES);
  offset = writeInteger(out, offset, state.B, N_BYTES);
  for (const field of TEXT_FIELDS) offset = writeText(out, offset, state[field], SLOTS[field]);
  return out;
}

function decode(bytes: Buffer): SecretBlockState | undefined {
  if (bytes.length !== SECRET_BLOCK_PLAINTEXT_BYTES || bytes.readUInt8(0) !== VERSION) return undefined;
  let offset = HEADER_BYTES;
  const integer = (width: number) => {
    const value = bytes.subarray(offset, offset + width);
    offset += width;
    return value;
  };
  const b = integer(B_SECRET_BYTES);
  const A = integer(N_BYTES);
  const B = integer(N_BYTES);
  const text: Partial<Record<TextField, string>> = {};
  for (const field of TEXT_FIELDS) {
    const length = bytes.readUInt16BE(offset);
    if (length > SLOTS[field]) return undefined;
    text[field] = bytes.toString("utf8", offset + 2, offset + 2 + length);
    offset += 2 + SLOTS[field];
  }
  const { poolId = "", clientId = "", userId = "", lockoutSubject = "" } = text;
  return { poolId, clientId, userId, lockoutSubject, simulated: bytes.readUInt8(1) === 1, b, A, B, issuedAt: Number(bytes.readBigUInt64BE(2)) };
}

/** Fixed-width big-endian integer, copied as it is; any other width is a caller bug. */
function writeInteger(out: Buffer, offset: number, bytes: Buffer, width: number): number {
  if (bytes.length !== width) throw new RangeError(`secret block integer is ${bytes.length} bytes, not ${width}`);
  bytes.copy(out, offset);
  return offset + width;
}

/** Length-prefixed UTF-8, zero-padded to the slot; a value that does not fit is a caller bug. */
function writeText(out: Buffer, offset: number, value: string, slot: number): number {
  const bytes = Buffer.from(value, "utf8");
  if (bytes.length > slot) throw new RangeError(`secret block text longer than ${slot} bytes`);
  out.writeUInt16BE(bytes.length, offset);
  bytes.copy(out, offset + 2);
  return offset + 2 + slot;
}
