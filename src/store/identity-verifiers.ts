import type { Sealer } from "../crypto/sealer.js";
import { keys } from "./keys.js";
import type { RedisClient } from "./redis.js";

/**
 * One SRP verifier of a user for one sign-in identifier (docs/existence.md §4): the sub and each
 * email / phone / preferred_username value the user has (the canonical username's is the record's
 * own, except on records of earlier versions). USER_SRP_AUTH
 * proves the password over the identity the challenge names, so a challenge that names the
 * identifier as typed needs a verifier computed over that identifier.
 */
export interface IdentityVerifier {
  /** Which password this was computed from: stale (and ignored) once the user's password changes. */
  readonly stamp: string;
  /** 16 bytes, hex; first byte non-zero. */
  readonly salt: string;
  /** g^x mod N, hex. */
  readonly verifier: string;
}

const STAMP_BYTES = 8;
const SALT_BYTES = 16;
/** A verifier is < N: 3072 bits. Stored at full width, so every value has one encoding whatever its leading zeros. */
const VERIFIER_BYTES = 384;

/**
 * A user's identity verifiers: one Redis hash per user (field = canonical identifier), in the
 * pool's slot. Values are sealed (AES-256-GCM under the master key ring's at-rest key), bound to pool, user and
 * identifier (a value copied to another field or user does not open). Encoding and sealing live in
 * the two functions at the end of this file only.
 */
export class IdentityVerifierStore {
  /** A sealed entry of a real one's size, opened on a miss so that a miss costs what a hit does. */
  private readonly standIn: Buffer;

  constructor(
    private readonly redis: RedisClient,
    private readonly sealer: Sealer,
  ) {
    this.standIn = sealEntry(sealer, "", "", "", { stamp: "0".repeat(2 * STAMP_BYTES), salt: "1".repeat(2 * SALT_BYTES), verifier: "f".repeat(2 * VERIFIER_BYTES) });
  }

  /**
   * The verifier of `identifier` for `username`, or undefined. One HGET and one unsealing whether
   * or not the user exists (callers pass "" for no user: a hash no user has) — a miss opens the
   * stand-in entry, so an unknown name's request does the work a user's does.
   */
  async get(poolId: string, username: string, identifier: string): Promise<IdentityVerifier | undefined> {
    const stored = await this.redis.hgetBuffer(keys.identityVerifiers(poolId, username), identifier);
    if (stored !== null) return openEntry(this.sealer, poolId, username, identifier, stored);
    openEntry(this.sealer, "", "", "", this.standIn);
    return undefined;
  }

  /** Which identifiers have a verifier for the password `stamp` names. */
  async current(poolId: string, username: string, stamp: string): Promise<Set<string>> {
    const all = await this.redis.hgetallBuffer(keys.identityVerifiers(poolId, username));
    const fresh = Object.entries(all).filter(([identifier, value]) => openEntry(this.sealer, poolId, username, identifier, value)?.stamp === stamp);
    return new Set(fresh.map(([identifier]) => identifier));
  }

  /** Replaces every verifier of the user (a new password makes the old ones useless), atomically. */
  async replace(poolId: string, username: string, entries: ReadonlyMap<string, IdentityVerifier>): Promise<void> {
    const key = keys.identityVerifiers(poolId, username);
    const multi = this.redis.multi().del(key);
    if (entries.size > 0) multi.hset(key, ...[...entries].flatMap(([identifier, entry]) => [identifier, sealEntry(this.sealer, poolId, username, identifier, entry)]));
    await multi.exec();
  }

  /** Adds verifiers for the same password (identifiers that had none yet). */
  async add(poolId: string, username: string, entries: ReadonlyMap<string, IdentityVerifier>): Promise<void> {
    if (entries.size === 0) return;
    await this.redis.hset(keys.identityVerifiers(poolId, username), ...[...entries].flatMap(([identifier, entry]) => [identifier, sealEntry(this.sealer, poolId, username, identifier, entry)]));
  }

  /** A deleted user's verifiers go with it. */
  async forget(poolId: string, username: string): Promise<void> {
    await this.redis.del(keys.identityVerifiers(poolId, username));
  }
}

/** What a verifier is sealed to: re-sealing (reseal.ts) opens and seals with the same. */
export function identityVerifierContext(poolId: string, username: string, identifier: string): string {
  return `srp-identity\u0000${poolId}\u0000${username}\u0000${identifier}`;
}

function sealEntry(sealer: Sealer, poolId: string, username: string, identifier: string, entry: IdentityVerifier): Buffer {
  const plain = Buffer.concat([Buffer.from(entry.stamp, "hex"), Buffer.from(entry.salt, "hex"), Buffer.from(entry.verifier.padStart(2 * VERIFIER_BYTES, "0"), "hex")]);
  return sealer.seal(plain, identityVerifierContext(poolId, username, identifier));
}

function openEntry(sealer: Sealer, poolId: string, username: string, identifier: string, box: Buffer): IdentityVerifier | undefined {
  const plain = sealer.open(box, identityVerifierContext(poolId, username, identifier));
  if (!plain || plain.length !== STAMP_BYTES + SALT_BYTES + VERIFIER_BYTES) return undefined;
  return {
    stamp: plain.subarray(0, STAMP_BYTES).toString("hex"),
    salt: plain.subarray(STAMP_BYTES, STAMP_BYTES + SALT_BYTES).toString("hex"),
    verifier: BigInt(`0x${plain.subarray(STAMP_BYTES + SALT_BYTES).toString("hex")}`).toString(16),
  };
}
