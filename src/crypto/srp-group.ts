// The SRP group and byte-exact encoding primitives of Cognito's SRP-6a variant
// (docs/cognito.md §4.1, §4.2). Every client (amazon-cognito-identity-js, pycognito, cognito-srp)
// hashes these exact encodings, so nothing here may change without breaking sign-in.
import { createHash } from "node:crypto";

/** RFC 3526 §4 / RFC 5054 Appendix A 3072-bit MODP prime: the `N` of all Cognito clients (§4.1). */
export const N_HEX =
  "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD" +
  "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED" +
  "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F" +
  "83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B" +
  "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510" +
  "15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7" +
  "ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C" +
  "BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF";

export const N = BigInt(`0x${N_HEX}`);

/** Byte length of N; fixed-width encodings (verifier comparison) use it. */
export const N_BYTES = N_HEX.length / 2;

/** Generator (§4.1). */
export const g = 2n;

/** Minimal big-endian hex, the way integers travel on the wire: lowercase, unpadded (§4.2). */
export function bigintToHex(n: bigint): string {
  if (n < 0n) throw new RangeError("negative integers never occur in the SRP protocol");
  return n.toString(16);
}

/** Hex digits, either case, at least one: how integers may arrive (§4.2). */
export const HEX = /^[0-9a-f]+$/i;

/** Strict hex → integer; `undefined` for empty or non-hex input. Leading zeros are allowed. */
export function bigintFromHex(hex: string): bigint | undefined {
  return HEX.test(hex) ? BigInt(`0x${hex}`) : undefined;
}

/** Big-endian bytes, left-padded with zeros to at least `minLength` bytes. */
export function bigintToBuffer(n: bigint, minLength = 0): Buffer {
  const hex = bigintToHex(n);
  const even = hex.length % 2 === 0 ? hex : `0${hex}`;
  return Buffer.from(even.padStart(minLength * 2, "0"), "hex");
}

/** Big-endian bytes → integer (an empty buffer is 0). */
export function bigintFromBuffer(bytes: Uint8Array): bigint {
  if (bytes.length === 0) return 0n;
  // Buffer's toString without Buffer.from: a Buffer needs no copy, a plain Uint8Array gets a view.
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  return BigInt(`0x${buffer.toString("hex")}`);
}

// ---- Group elements as bytes (docs/performance.md §3): the server's SRP path keeps A, B, v^u and S
// as N_BYTES-wide big-endian Buffers, the form OpenSSL takes and gives back, and converts to BigInt
// only around its two products (k·v + g^b, A·v^u).

/** N as N_BYTES big-endian bytes; an element e satisfies 0 ≤ e < N and has exactly this width. */
export const N_BUFFER: Buffer = Buffer.from(N_HEX, "hex");

const ELEMENT_HEX_CHARS = N_BYTES * 2;

/** 0 ≤ n < N as an N_BYTES-wide element; anything else is a caller bug. */
export function elementFromBigint(n: bigint): Buffer {
  if (n < 0n || n >= N) throw new RangeError("a group element is an integer in [0, N)");
  return Buffer.from(n.toString(16).padStart(ELEMENT_HEX_CHARS, "0"), "hex");
}

/**
 * Hex integer reduced mod N, as an element; `undefined` for empty or non-hex input. Below N (every
 * verifier we store) it goes straight from hex to bytes; only a larger value takes BigInt's `%`.
 */
export function elementFromHex(hex: string): Buffer | undefined {
  if (!HEX.test(hex)) return undefined;
  if (hex.length <= ELEMENT_HEX_CHARS) {
    const bytes = Buffer.from(hex.padStart(ELEMENT_HEX_CHARS, "0"), "hex");
    if (isBelowN(bytes)) return bytes;
  }
  return elementFromBigint(BigInt(`0x${hex}`) % N);
}

/** True for an N_BYTES-wide value below N (big-endian, so byte order is numeric order). */
export function isBelowN(bytes: Buffer): boolean {
  return bytes.length === N_BYTES && Buffer.compare(bytes, N_BUFFER) < 0;
}

/** True when every byte is 0 (also for an empty buffer). */
export function isZero(bytes: Uint8Array): boolean {
  return bytes.every((byte) => byte === 0);
}

/** Big-endian bytes as minimal lowercase hex, the wire form of bigintToHex (§4.2); "0" for zero. */
export function wireHex(bytes: Buffer): string {
  const hex = bytes.toString("hex").replace(/^0+/, "");
  return hex === "" ? "0" : hex;
}

/** The bytes `padHex` denotes, from big-endian bytes instead of an integer: minimal, 00 before a set top bit. */
export function padBytes(bytes: Buffer): Buffer {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  const minimal = bytes.subarray(start);
  if (minimal.length === 0) return Buffer.alloc(1); // padHex(0) = "00"
  return (minimal[0]! & 0x80) !== 0 ? Buffer.concat([Buffer.alloc(1), minimal]) : minimal;
}

/**
 * Java `BigInteger.toByteArray()` as hex: even length, and a `00` byte in front when the top bit
 * is set, so the value reads as non-negative (§4.2). 20 → "14", 236 → "00ec".
 */
export function padHex(n: bigint): string {
  const hex = bigintToHex(n);
  const even = hex.length % 2 === 0 ? hex : `0${hex}`;
  return /^[89a-f]/.test(even) ? `00${even}` : even;
}

/** SHA-256 as 64 lowercase hex chars; strings are hashed as UTF-8 (§4.2 `hash`). */
export function sha256Hex(data: Uint8Array | string): string {
  return createHash("sha256").update(data).digest("hex");
}

/** SHA-256 of the bytes a hex string denotes (§4.2 `hexHash`). */
export function hexHash(hex: string): string {
  // Buffer.from silently drops a trailing odd nibble; every caller passes padHex output or hashes.
  if (hex.length % 2 !== 0) throw new RangeError("hexHash needs an even-length hex string");
  return sha256Hex(Buffer.from(hex, "hex"));
}

/** Multiplier k = H(PAD(N) || PAD(g)) = 0x538282c4… (§4.1); derived here, pinned by a test. */
export const k = BigInt(`0x${hexHash(padHex(N) + padHex(g))}`);
