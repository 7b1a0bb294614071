import { newSigningKeyMaterial, signingKeyFrom, type SigningKey } from "../../crypto/signing-keys.js";
import type { SigningKeyStore } from "../../store/signing-keys.js";

/**
 * Signing keys by pool, loaded once per process. The first replica to need a pool's key creates it;
 * the others load the same one (SigningKeyStore.putIfAbsent).
 */
export class KeyRing {
  private readonly loaded = new Map<string, Promise<SigningKey>>();

  constructor(private readonly store: SigningKeyStore) {}

  keyOf(poolId: string): Promise<SigningKey> {
    let key = this.loaded.get(poolId);
    if (!key) {
      key = this.load(poolId);
      this.loaded.set(poolId, key);
      key.catch(() => this.loaded.delete(poolId));
    }
    return key;
  }

  forget(poolId: string): void {
    this.loaded.delete(poolId);
  }

  private async load(poolId: string): Promise<SigningKey> {
    const stored = await this.store.get(poolId);
    return signingKeyFrom(stored ?? (await this.store.putIfAbsent(poolId, await newSigningKeyMaterial())));
  }
}
