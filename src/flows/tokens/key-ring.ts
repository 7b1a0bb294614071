import { newSigningKeyMaterial, signingKeyFrom, type SigningKey } from "../../crypto/signing-keys.js";
import type { SigningKeySet, SigningKeyStore } from "../../store/signing-keys.js";

/** How long a previous key keeps verifying after a rotation: Cognito's longest id/access token life (1 day) plus clock skew. */
export const PREVIOUS_KEY_LIFETIME_MS = 24 * 3_600_000 + 5 * 60_000;
/** How often a process re-reads a pool's keys (another replica may have rotated them). */
const REFRESH_MS = 10_000;
/** A token naming a kid we do not know makes us re-read at most this often per pool. */
const UNKNOWN_KID_REFRESH_MS = 1_000;

interface Loaded {
  readonly signing: SigningKey;
  /** Current and unretired previous keys, with when each retires (Infinity: current). */
  readonly verifying: readonly (SigningKey & { readonly retireAt: number })[];
  readonly loadedAt: number;
}

/**
 * Signing keys by pool. The first replica to need a pool's key creates it; the others load the same
 * one (SigningKeyStore.putIfAbsent). A process re-reads a pool's keys every 10 s and when a token
 * names an unknown kid (at most once a second), so a rotation on one replica reaches every replica.
 */
export class KeyRing {
  private readonly loaded = new Map<string, Promise<Loaded>>();
  private readonly refreshedAt = new Map<string, number>();

  constructor(
    private readonly store: SigningKeyStore,
    private readonly wallClock: () => number = Date.now,
  ) {}

  /** The key new tokens are signed with. */
  async keyOf(poolId: string): Promise<SigningKey> {
    return (await this.load(poolId)).signing;
  }

  /** Keys that verify a token at `now`, newest first: the current one and previous ones not yet retired. */
  async verificationKeys(poolId: string, now: number): Promise<SigningKey[]> {
    return (await this.load(poolId)).verifying.filter((k) => k.retireAt > now);
  }

  /** Re-reads the pool's keys after a token named an unknown kid; rate-limited per pool. */
  async refreshForUnknownKid(poolId: string): Promise<boolean> {
    const last = this.refreshedAt.get(poolId) ?? 0;
    if (this.wallClock() - last < UNKNOWN_KID_REFRESH_MS) return false;
    this.refreshedAt.set(poolId, this.wallClock());
    this.loaded.delete(poolId);
    await this.load(poolId);
    return true;
  }

  /**
   * A new current key; the old one verifies until the last token it signed has expired. Returns the
   * new kid. Two replicas rotating at once both get a fresh key (compare-and-set on the set).
   */
  async rotate(poolId: string, now: number): Promise<{ kid: string; previous: string[] }> {
    await this.keyOf(poolId); // the pool's first key exists
    const material = await newSigningKeyMaterial();
    const set = await this.store.update(poolId, (old) => ({
      current: { ...material, createdAt: now },
      previous: [{ ...old.current, retireAt: now + PREVIOUS_KEY_LIFETIME_MS }, ...old.previous.filter((k) => k.retireAt > now)],
    }));
    this.loaded.delete(poolId);
    if (!set) throw new Error(`pool ${poolId} has no signing key`);
    return { kid: set.current.kid, previous: set.previous.map((k) => k.kid) };
  }

  /** Rotates when the current key is older than `maxAgeMs` (the optional schedule); true when it did. */
  async rotateIfOlder(poolId: string, now: number, maxAgeMs: number): Promise<boolean> {
    const set = await this.store.get(poolId);
    if (!set || set.current.createdAt + maxAgeMs > now) return false;
    // createdAt 0: a key from before rotation existed; it starts its life now rather than rotating at once.
    if (set.current.createdAt === 0) {
      await this.store.update(poolId, (s) => (s.current.createdAt === 0 ? { ...s, current: { ...s.current, createdAt: now } } : undefined));
      return false;
    }
    await this.rotate(poolId, now);
    return true;
  }

  forget(poolId: string): void {
    this.loaded.delete(poolId);
  }

  private load(poolId: string): Promise<Loaded> {
    let entry = this.loaded.get(poolId);
    if (entry) {
      const current = entry;
      void current.then((l) => { if (this.wallClock() - l.loadedAt > REFRESH_MS && this.loaded.get(poolId) === current) this.loaded.delete(poolId); }, () => undefined);
      return current;
    }
    entry = this.read(poolId);
    this.loaded.set(poolId, entry);
    entry.catch(() => this.loaded.delete(poolId));
    return entry;
  }

  private async read(poolId: string): Promise<Loaded> {
    const set = (await this.store.get(poolId)) ?? (await this.store.putIfAbsent(poolId, { current: { ...(await newSigningKeyMaterial()), createdAt: 0 }, previous: [] }));
    return toLoaded(set, this.wallClock());
  }
}

async function toLoaded(set: SigningKeySet, loadedAt: number): Promise<Loaded> {
  const signing = await signingKeyFrom(set.current);
  const previous = await Promise.all(set.previous.map(async (k) => ({ ...(await signingKeyFrom(k)), retireAt: k.retireAt })));
  return { signing, verifying: [{ ...signing, retireAt: Number.POSITIVE_INFINITY }, ...previous], loadedAt };
}
