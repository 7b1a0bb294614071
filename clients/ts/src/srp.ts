/**
 * Client side of Cognito's SRP-6a variant for USER_SRP_AUTH (docs/cognito.md §4), standalone: node:crypto
 * for hashes and randomness, BigInt for the group arithmetic. Wire-compatible with
 * amazon-cognito-identity-js, pycognito and alexrudd/cognito-srp (§4.8).
 *
 *   const srp = new SrpClient(poolId);
 *   InitiateAuth(USER_SRP_AUTH, { USERNAME, SRP_A: srp.srpA })            → PASSWORD_VERIFIER challenge
 *   RespondToAuthChallenge(PASSWORD_VERIFIER, srp.passwordVerifierResponses(challengeParameters, password))
 */
import { createHash, createHmac, randomBytes } from "node:crypto";
import { secretHash } from "./secret-hash.js";

/** The 3072-bit MODP prime of RFC 3526 §4 / RFC 5054 Appendix A (§4.1). */
export const N = BigInt(
  "0x" +
    "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD" +
    "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED" +
    "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F" +
    "83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B" +
    "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510" +
    "15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7" +
    "ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C" +
    "BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF",
);
/** The generator. */
export const g = 2n;

const INFO = Buffer.from("Caldera Derived Key", "utf8");
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

/**
 * Minimal two's-complement big-endian hex of a non-negative integer (§4.2): even length, and a
 * leading `00` when the top bit would be set. 236 → "00ec", 20 → "14".
 */
export function padHex(n: bigint): string {
  if (n < 0n) throw new RangeError("padHex: negative values do not occur in the protocol");
  let hex = n.toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  if ("89abcdef".includes(hex.charAt(0))) hex = `00${hex}`;
  return hex;
}

/** SHA-256 of the bytes a hex string spells, as lowercase hex. */
export function hexHash(hex: string): string {
  return createHash("sha256").update(Buffer.from(hex, "hex")).digest("hex");
}

/** base^exponent mod modulus for non-negative exponent and positive modulus (result in [0, modulus)). */
export function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  if (modulus <= 0n || exponent < 0n) throw new RangeError("modPow: bad modulus or exponent");
  let result = 1n % modulus;
  let b = ((base % modulus) + modulus) % modulus;
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
    e >>= 1n;
  }
  return result;
}

/** k = H(PAD(N) || PAD(g)) (§4.1). */
export const k = BigInt(`0x${hexHash(padHex(N) + padHex(g))}`);

/** The pool name used in x and in the claim: the part of the pool id after `_` (as the SDKs split it). */
export function poolNameOf(poolId: string): string {
  const name = poolId.split("_")[1];
  if (!name) throw new Error(`not a user pool id: ${JSON.stringify(poolId)}`);
  return name;
}

/** x = H(PAD(salt) || H(poolName || userId || ":" || password)); SALT is parsed as an integer first (§4.2). */
export function computeX(poolName: string, userId: string, password: string, saltHex: string): bigint {
  const inner = createHash("sha256").update(`${poolName}${userId}:${password}`, "utf8").digest("hex");
  return BigInt(`0x${hexHash(padHex(BigInt(`0x${saltHex}`)) + inner)}`);
}

/** u = H(PAD(A) || PAD(B)). */
export function computeU(A: bigint, B: bigint): bigint {
  return BigInt(`0x${hexHash(padHex(A) + padHex(B))}`);
}

/** S = (B - k·g^x)^(a + u·x) mod N, reduced into [0, N) before exponentiation. */
export function computeS(B: bigint, x: bigint, a: bigint, u: bigint): bigint {
  const base = (((B - k * modPow(g, x, N)) % N) + N) % N;
  return modPow(base, a + u * x, N);
}

/** The 16-byte key: HKDF-SHA256(salt = PAD(u), ikm = PAD(S), info = "Caldera Derived Key"), one block. */
export function passwordAuthenticationKey(S: bigint, u: bigint): Buffer {
  const prk = createHmac("sha256", Buffer.from(padHex(u), "hex")).update(Buffer.from(padHex(S), "hex")).digest();
  return createHmac("sha256", prk)
    .update(Buffer.concat([INFO, Buffer.from([1])]))
    .digest()
    .subarray(0, 16);
}

/** The TIMESTAMP format `EEE MMM d HH:mm:ss UTC yyyy`, in UTC, day without leading zero (§4.3). */
export function formatTimestamp(date: Date): string {
  const two = (n: number) => String(n).padStart(2, "0");
  return (
    `${WEEKDAYS[date.getUTCDay()]} ${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()} ` +
    `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} UTC ${date.getUTCFullYear()}`
  );
}

/** PASSWORD_CLAIM_SIGNATURE = base64(HMAC-SHA256(key, poolName || userId || SECRET_BLOCK bytes || timestamp)). */
export function passwordClaimSignature(
  key: Buffer,
  poolName: string,
  userId: string,
  secretBlock: string,
  timestamp: string,
): string {
  return createHmac("sha256", key)
    .update(
      Buffer.concat([
        Buffer.from(poolName, "utf8"),
        Buffer.from(userId, "utf8"),
        Buffer.from(secretBlock, "base64"),
        Buffer.from(timestamp, "utf8"),
      ]),
    )
    .digest("base64");
}

/** What the PASSWORD_VERIFIER challenge carries (Challenge.challengeParameters). */
export interface PasswordVerifierParameters {
  readonly SALT?: string;
  readonly SRP_B?: string;
  readonly SECRET_BLOCK?: string;
  readonly USER_ID_FOR_SRP?: string;
  readonly USERNAME?: string;
}

export interface PasswordVerifierOptions {
  /** The signing time (default: now). */
  readonly now?: Date;
  /** With clientSecret: adds SECRET_HASH over the challenge's internal USERNAME (§3.7). */
  readonly clientId?: string;
  readonly clientSecret?: string;
}

/** One USER_SRP_AUTH attempt: holds the ephemeral secret `a`; use a new instance per sign-in. */
export class SrpClient {
  readonly poolName: string;
  /** The public ephemeral A = g^a mod N. */
  readonly A: bigint;
  readonly #a: bigint;

  /** `a` is for tests only; by default 128 random bytes mod N (like pycognito and cognito-srp). */
  constructor(poolId: string, options: { readonly a?: bigint } = {}) {
    this.poolName = poolNameOf(poolId);
    for (;;) {
      const a = options.a ?? BigInt(`0x${randomBytes(128).toString("hex")}`) % N;
      const A = modPow(g, a, N);
      if (A % N !== 0n) {
        this.#a = a;
        this.A = A;
        return;
      }
      if (options.a !== undefined) throw new Error("SRP: A mod N is zero for the given a");
    }
  }

  /** SRP_A for InitiateAuth's AuthParameters: lowercase unpadded hex, as the other clients send it. */
  get srpA(): string {
    return this.A.toString(16);
  }

  /**
   * Computes the ChallengeResponses for PASSWORD_VERIFIER: USERNAME, PASSWORD_CLAIM_SECRET_BLOCK,
   * TIMESTAMP, PASSWORD_CLAIM_SIGNATURE (and SECRET_HASH when a client secret is given).
   */
  passwordVerifierResponses(
    parameters: PasswordVerifierParameters,
    password: string,
    options: PasswordVerifierOptions = {},
  ): Record<string, string> {
    const { SALT, SRP_B, SECRET_BLOCK, USER_ID_FOR_SRP } = parameters;
    if (!SALT || !SRP_B || !SECRET_BLOCK || !USER_ID_FOR_SRP) {
      throw new Error("SRP: the challenge lacks SALT, SRP_B, SECRET_BLOCK or USER_ID_FOR_SRP");
    }
    const username = parameters.USERNAME || USER_ID_FOR_SRP;
    const B = BigInt(`0x${SRP_B}`);
    if (B % N === 0n) throw new Error("SRP: B cannot be zero.");
    const u = computeU(this.A, B);
    if (u === 0n) throw new Error("SRP: U cannot be zero.");
    const x = computeX(this.poolName, USER_ID_FOR_SRP, password, SALT);
    const key = passwordAuthenticationKey(computeS(B, x, this.#a, u), u);
    const timestamp = formatTimestamp(options.now ?? new Date());
    const responses: Record<string, string> = {
      USERNAME: username,
      PASSWORD_CLAIM_SECRET_BLOCK: SECRET_BLOCK,
      TIMESTAMP: timestamp,
      PASSWORD_CLAIM_SIGNATURE: passwordClaimSignature(key, this.poolName, USER_ID_FOR_SRP, SECRET_BLOCK, timestamp),
    };
    if (options.clientSecret !== undefined) {
      if (options.clientId === undefined) throw new Error("SRP: clientSecret needs clientId");
      responses.SECRET_HASH = secretHash(username, options.clientId, options.clientSecret);
    }
    return responses;
  }
}
