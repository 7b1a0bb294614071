import type { Deps } from "../deps.js";

/** How often each process looks for signing keys past their age (a replica that finds one rotates it; compare-and-set makes it once). */
const CHECK_EVERY_MS = 3_600_000;

/**
 * The optional schedule (`SIGNING_KEY_ROTATION_DAYS`): every hour, each pool whose current signing
 * key is older than the period gets a new one (KeyRing.rotateIfOlder), exactly as RotateSigningKey.
 */
export function scheduleSigningKeyRotation(deps: Deps, maxAgeMs: number): { stop(): void; checkNow(): Promise<number> } {
  const checkNow = async () => {
    let rotated = 0;
    for (let after: string | undefined; ;) {
      const pools = await deps.stores.pools.page(after, 100);
      for (const pool of pools) if (await deps.keyRing.rotateIfOlder(pool.id, deps.clock(), maxAgeMs)) rotated++;
      if (pools.length < 100) return rotated;
      after = pools[pools.length - 1]!.id;
    }
  };
  const timer = setInterval(() => {
    checkNow().then(
      (rotated) => { if (rotated > 0) deps.log.info({ rotated }, "signing keys rotated on schedule"); },
      (error: unknown) => deps.log.warn({ err: error instanceof Error ? error.message : String(error) }, "scheduled signing key rotation failed"),
    );
  }, CHECK_EVERY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer), checkNow };
}
