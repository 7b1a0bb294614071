// Cognito's SRP-6a variant (docs/cognito.md §4): verifiers, the server side of USER_SRP_AUTH, the
// client side (tests, our TypeScript SDK), and the TIMESTAMP format mixed into the signature.
// Byte-exact with amazon-cognito-identity-js, pycognito and alexrudd/cognito-srp (§4.5 vectors).
import { createHmac, createHash, hkdfSync, timingSafeEqual } from "node:crypto";
import { modPow, powElement } from "./modpow.js";
import {
  HEX, N, N_BYTES, g, k, bigintFromBuffer, bigintFromHex, bigintToBuffer, bigintToHex, elementFromBigint,
  elementFromHex, hexHash, isBelowN, isZero, padBytes, padHex, sha256Hex, wireHex,
} from "./srp-group.js";

/** Injected randomness (crypto.randomBytes in production) so tests are deterministic. */
export type RandomBytes = (size: number) => Buffer;

const SALT_BYTES = 16; // §4.4 storage: 16 random bytes
const SERVER_SECRET_BYTES = 32; // §4.4 step 2: b ≥ 256 random bits
const MAX_DRAWS = 16; // a sane RNG never needs a second draw; a broken one must not loop forever
const HKDF_INFO = "Caldera Derived Key"; // §4.1
const HKDF_BYTES = 16; // §4.3
// A legitimate SRP_A has ≤ 768 hex digits; leave room for zero padding, bound the parse cost.
const MAX_A_HEX_CHARS = 1024;
const G = elementFromBigint(g);

/** Pool name inside x and the signature: the part of the pool id after "_" (§4.1). */
export function poolNameFromId(userPoolId: string): string {
  const name = userPoolId.split("_")[1];
  if (name === undefined || name === "") throw new RangeError("user pool id has no '_<name>' part");
  return name;
}

/**
 * A new user salt as hex (§4.4 storage). The first byte is never 0, and the hex is the
 * integer's minimal form (no leading "0" nibbles): amplify re-pads SALT as an integer while
 * pycognito/Go pad the string, and the two only agree on such strings (§4.2 SALT subtlety).
 * The result is also exactly what the server emits as SALT.
 */
export function newSalt(randomBytes: RandomBytes): string {
  const bytes = draw(randomBytes, SALT_BYTES, (b) => b[0] !== 0);
  return bigintToHex(bigintFromBuffer(bytes));
}

/** x = H(padHex(salt) || H(poolName + username + ":" + password)) (§4.3). */
export function computeX(poolName: string, username: string, password: string, saltHex: string): bigint {
  const inner = sha256Hex(`${poolName}${username}:${password}`);
  return BigInt(`0x${hexHash(padHex(requireHex(saltHex, "salt")) + inner)}`);
}

/** v = g^x mod N as minimal lowercase hex (§4.4 storage). */
export function computeVerifier(x: bigint): string {
  return bigintToHex(modPow(g, x));
}

/** The verifier stored for a password; x binds pool name and internal username (§4.4). */
export function verifierFromPassword(poolName: string, username: string, password: string, saltHex: string): string {
  return computeVerifier(computeX(poolName, username, password, saltHex));
}

/** Constant-time verifier comparison (USER_PASSWORD_AUTH, §4.4); padding differences do not matter. */
export function verifierMatches(storedVerifierHex: string, candidateVerifierHex: string): boolean {
  const stored = verifierBytes(storedVerifierHex);
  const candidate = verifierBytes(candidateVerifierHex);
  if (stored === undefined || candidate === undefined) return false;
  return timingSafeEqual(stored, candidate);
}

// ---- Server side (§4.4). Group elements stay N_BYTES-wide Buffers from SRP_A to S: OpenSSL takes
// and gives them as bytes, and BigInt is used only for the two products (docs/performance.md §3).

/** What InitiateAuth keeps (b, inside SECRET_BLOCK) and sends (B; SRP_B is wireHex(B)). */
export interface ChallengeElements {
  /** The 32 random bytes drawn, as drawn: the exponent. */
  readonly b: Buffer;
  /** An element, 0 < B < N. */
  readonly B: Buffer;
}

/** B = (k·v + g^b) mod N with fresh b; redrawn if b = 0 or B ≡ 0 (§4.4 step 2). */
export function challengeElements(verifierHex: string, randomBytes: RandomBytes): ChallengeElements {
  const kv = (k * requireHex(verifierHex, "verifier")) % N;
  for (let i = 0; i < MAX_DRAWS; i++) {
    const b = draw(randomBytes, SERVER_SECRET_BYTES, (bytes) => !isZero(bytes));
    const B = (kv + bigintFromBuffer(powElement(G, b))) % N;
    if (B !== 0n) return { b, B: elementFromBigint(B) };
  }
  throw new Error("randomBytes keeps producing b with B ≡ 0 mod N");
}

/**
 * SRP_A as the server accepts it (§4.4 step 1), as an element: `undefined` unless 0 < A < N.
 * Clients send `A.toString(16)`, so any case, odd length or zero padding is fine (§4.2); the
 * check is on bytes, with no BigInt: leading zeros off, at most N's width, then below N.
 */
export function readClientA(hex: string): Buffer | undefined {
  if (hex.length > MAX_A_HEX_CHARS || !HEX.test(hex)) return undefined;
  const digits = hex.replace(/^0+/, "");
  if (digits === "" || digits.length > N_BYTES * 2) return undefined;
  const A = Buffer.from(digits.padStart(N_BYTES * 2, "0"), "hex");
  return isBelowN(A) ? A : undefined;
}

/**
 * Server half of the key agreement (§4.4 step 7): u, S = (A·v^u)^b mod N → 16-byte HKDF key, from
 * the elements of the SECRET_BLOCK. `undefined` when A is not in (0, N) — A ≡ 0 gives S = 0 — or
 * u = 0: the caller treats it as a wrong password.
 */
export function sessionKeyFromElements(A: Buffer, B: Buffer, b: Buffer, verifierHex: string): Buffer | undefined {
  if (!isBelowN(A) || isZero(A)) return undefined;
  const u = uBytes(A, B);
  if (u === undefined) return undefined;
  const v = elementFromHex(verifierHex);
  if (v === undefined) throw new RangeError("verifier is not a hex string");
  const base = (bigintFromBuffer(A) * bigintFromBuffer(powElement(v, u))) % N;
  return hkdf(padBytes(powElement(elementFromBigint(base), b)), padBytes(u));
}

/** u = H(padHex(A) || padHex(B)) as its 32 digest bytes, from elements; `undefined` when u = 0 (§4.3). */
function uBytes(A: Buffer, B: Buffer): Buffer | undefined {
  const digest = createHash("sha256").update(padBytes(A)).update(padBytes(B)).digest();
  return isZero(digest) ? undefined : digest;
}

// ---- The same exchange on hex strings: the form of the spec's vectors (§4.5) and of the tests.

/** challengeElements with b and B as minimal hex, the form of the vectors (§4.5). */
export interface ServerChallenge {
  readonly b: string;
  readonly B: string;
}

/** B = (k·v + g^b) mod N with fresh b (§4.4 step 2): challengeElements, in hex. */
export function serverChallenge(verifierHex: string, randomBytes: RandomBytes): ServerChallenge {
  const { b, B } = challengeElements(verifierHex, randomBytes);
  return { b: wireHex(b), B: wireHex(B) };
}

/** u = H(padHex(A) || padHex(B)); `undefined` when u = 0, which both sides must refuse (§4.3). */
export function computeU(A: bigint, B: bigint): bigint | undefined {
  return uFromDigest(hexHash(padHex(A) + padHex(B)));
}

/** The u = 0 rule on a digest; exported so the rule is testable without a SHA-256 preimage of 0. */
export function uFromDigest(digestHex: string): bigint | undefined {
  const u = BigInt(`0x${digestHex}`);
  return u === 0n ? undefined : u;
}

/**
 * sessionKeyFromElements on hex (§4.4 step 7). `undefined` unless 0 < A < N and 0 ≤ B < N — the
 * only values a server ever holds — or when u = 0.
 */
export function serverSessionKey(AHex: string, BHex: string, bHex: string, verifierHex: string): Buffer | undefined {
  const A = readClientA(AHex);
  const B = bigintFromHex(BHex);
  const b = bigintFromHex(bHex);
  if (A === undefined || B === undefined || B >= N || b === undefined) return undefined;
  return sessionKeyFromElements(A, elementFromBigint(B), bigintToBuffer(b), verifierHex);
}

/** RFC 5869 HKDF-SHA256, salt = padHex(u) bytes, IKM = padHex(S) bytes, one 16-byte block (§4.3). */
function sessionKey(S: bigint, u: bigint): Buffer {
  return hkdf(Buffer.from(padHex(S), "hex"), Buffer.from(padHex(u), "hex"));
}

function hkdf(ikm: Buffer, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync("sha256", ikm, salt, HKDF_INFO, HKDF_BYTES));
}

/**
 * PASSWORD_CLAIM_SIGNATURE = base64 HMAC-SHA256(hkdf, poolName || userId || SECRET_BLOCK bytes ||
 * timestamp) (§4.3). The server passes the re-formatted timestamp, not the raw one (§4.4 step 5).
 */
export function passwordClaimSignature(
  hkdf: Buffer, poolName: string, userIdForSrp: string, secretBlockBase64: string, timestamp: string,
): string {
  const message = Buffer.concat([
    Buffer.from(poolName, "utf8"),
    Buffer.from(userIdForSrp, "utf8"),
    Buffer.from(secretBlockBase64, "base64"), // lenient like the clients' own Buffer.from
    Buffer.from(timestamp, "utf8"),
  ]);
  return createHmac("sha256", hkdf).update(message).digest("base64");
}

/** Constant-time signature comparison; different lengths give false without leaking which. */
export function signaturesMatch(expected: string, given: string): boolean {
  // Hashing first gives equal-length inputs, which timingSafeEqual requires.
  const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();
  return timingSafeEqual(digest(expected), digest(given));
}

// ---- Client side (§4.3): what amazon-cognito-identity-js computes, for tests and our SDK.

/** A = g^a mod N as SRP_A hex. */
export function clientComputeA(a: bigint): string {
  return bigintToHex(modPow(g, a));
}

/** Inputs of the client computation; A, BHex, saltHex are hex, userId is USER_ID_FOR_SRP. */
export interface ClientKeyInput {
  readonly poolName: string;
  readonly userId: string;
  readonly password: string;
  readonly saltHex: string;
  readonly BHex: string;
  readonly a: bigint;
  readonly A: string;
}

/** S = (B - k·g^x)^(a + u·x) mod N → HKDF key; `undefined` where clients abort (B ≡ 0, u = 0). */
export function clientSessionKey(input: ClientKeyInput): Buffer | undefined {
  const A = requireHex(input.A, "A");
  const B = bigintFromHex(input.BHex);
  if (B === undefined || B % N === 0n) return undefined;
  const u = computeU(A, B);
  if (u === undefined) return undefined;
  const x = computeX(input.poolName, input.userId, input.password, input.saltHex);
  const base = (((B - k * modPow(g, x)) % N) + N) % N;
  return sessionKey(modPow(base, input.a + u * x), u);
}

/** Adds what the client signs besides the key: SECRET_BLOCK (base64, as received) and TIMESTAMP. */
export interface ClientSignatureInput extends ClientKeyInput {
  readonly secretBlock: string;
  readonly timestamp: string;
}

/** PASSWORD_CLAIM_SIGNATURE as a client sends it; `undefined` where clients abort. */
export function clientSignature(input: ClientSignatureInput): string | undefined {
  const hkdf = clientSessionKey(input);
  if (hkdf === undefined) return undefined;
  return passwordClaimSignature(hkdf, input.poolName, input.userId, input.secretBlock, input.timestamp);
}

// ---- TIMESTAMP (§4.3, §4.4 steps 4-5): Java "EEE MMM d HH:mm:ss z yyyy", English.

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;
// Java number fields take 1-2 digits here; the weekday is read but not trusted (see parseTimestamp).
const TIMESTAMP = new RegExp(
  `^(?:${WEEKDAYS.join("|")}) (${MONTHS.join("|")}) (\\d{1,2}) (\\d{1,2}):(\\d{1,2}):(\\d{1,2}) (?:UTC|GMT) (\\d{4})$`,
);

/** Canonical form, as every client writes it: "Tue Mar 5 09:07:03 UTC 2024" (day unpadded). */
export function formatTimestamp(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError("invalid Date");
  const two = (n: number) => String(n).padStart(2, "0");
  const time = `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`;
  const year = String(date.getUTCFullYear()).padStart(4, "0"); // Java "yyyy"
  return `${WEEKDAYS[date.getUTCDay()]} ${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()} ${time} UTC ${year}`;
}

/**
 * Strict parse of a client TIMESTAMP; `undefined` means InvalidParameterException (hour 24,
 * numeric zone, impossible date, garbage). The weekday is ignored: the server signs
 * formatTimestamp(parsed), so a wrong weekday or a padded day fails as a wrong signature (§4.4 step 5).
 */
export function parseTimestamp(text: string): Date | undefined {
  const match = TIMESTAMP.exec(text);
  if (match === null) return undefined;
  const month = MONTHS.findIndex((name) => name === match[1]);
  // Five numeric groups follow the month in TIMESTAMP, so the tuple type holds.
  const [day, hour, minute, second, year] = match.slice(2).map(Number) as [number, number, number, number, number];
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const date = new Date(0);
  date.setUTCFullYear(year, month, day); // not Date.UTC: it maps years 0-99 to 1900-1999
  date.setUTCHours(hour, minute, second, 0);
  // Rolled-over days ("Feb 30", "Jan 0") show up as a different day of month.
  return date.getUTCDate() === day && date.getUTCMonth() === month ? date : undefined;
}

// ---- helpers

/** Hex the caller produced itself (stored salt/verifier, b); malformed means a bug, so throw. */
function requireHex(hex: string, what: string): bigint {
  const n = bigintFromHex(hex);
  if (n === undefined) throw new RangeError(`${what} is not a hex string`);
  return n;
}

/** Fixed-width (N-sized) bytes of a verifier, so equal values compare equal however padded. */
function verifierBytes(hex: string): Buffer | undefined {
  const v = bigintFromHex(hex);
  if (v === undefined || v >= N) return undefined;
  return bigintToBuffer(v, N_BYTES);
}

/** randomBytes(size) until `accept` holds, a bounded number of times. */
function draw(randomBytes: RandomBytes, size: number, accept: (bytes: Buffer) => boolean): Buffer {
  for (let i = 0; i < MAX_DRAWS; i++) {
    const bytes = randomBytes(size);
    if (bytes.length !== size) throw new RangeError(`randomBytes(${size}) returned ${bytes.length} bytes`);
    if (accept(bytes)) return bytes;
  }
  throw new Error("randomBytes keeps returning degenerate values");
}
