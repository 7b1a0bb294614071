import type { Sealer } from "../crypto/sealer.js";
import { keys } from "./keys.js";
import type { RedisClient } from "./redis.js";

const CONTEXT = "stable-seed";

/**
 * The deployment's stable seed (crypto/derived-keys.ts): created once from the master key of the
 * time, kept in Redis sealed under the ring, re-sealed (never changed) by `make reseal`. Every
 * replica reads the same one; the first to start writes it.
 */
export async function loadStableSeed(redis: RedisClient, sealer: Sealer, initial: Buffer): Promise<Buffer> {
  let box = await redis.getBuffer(keys.stableSeed());
  if (box === null) {
    await redis.set(keys.stableSeed(), sealer.seal(initial, CONTEXT), "NX");
    box = await redis.getBuffer(keys.stableSeed());
    if (box === null) throw new Error("the stable seed vanished while it was written");
  }
  const seed = sealer.open(box, CONTEXT);
  if (!seed || seed.length !== 32) throw new Error("the stable seed in Redis cannot be opened: the master key ring lacks the key that sealed it");
  return seed;
}

/** Re-seals the seed under the newest key if another sealed it (compare-and-set); true when it did. */
export async function resealStableSeed(redis: RedisClient, sealer: Sealer): Promise<boolean> {
  const box = await redis.getBuffer(keys.stableSeed());
  if (box === null || sealer.isCurrent(box)) return false;
  const seed = sealer.open(box, CONTEXT);
  if (!seed) throw new Error("the stable seed cannot be opened by any key of the ring");
  const swapped = await redis.eval("if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('SET', KEYS[1], ARGV[2]) return 1 end return 0", 1, keys.stableSeed(), box, sealer.seal(seed, CONTEXT));
  return swapped === 1;
}
