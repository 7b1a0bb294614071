#!/usr/bin/env node
import { masterKeysOf } from "./app.js";
import { configFromEnv } from "./config/config.js";
import { ConfigError } from "./config/problems.js";
import { Sealer } from "./crypto/sealer.js";
import { connectRedis } from "./store/redis.js";
import { resealAll } from "./store/reseal.js";

/**
 * `make reseal` (`node dist/reseal.js`): re-seals everything in Redis under the newest key of
 * IDP_MASTER_KEYS, with the server's own environment. Run it after every server has the new ring;
 * then the old key may leave the ring. Safe while serving; prints one line per kind of value.
 */
try {
  const config = configFromEnv();
  const ring = masterKeysOf(config);
  const redis = await connectRedis(config.redisUrl, config.redisCluster);
  try {
    const report = await resealAll(redis, new Sealer(ring, "sealing"));
    process.stdout.write(`reseal: ${report.seen} sealed values, ${report.resealed} re-sealed under key ${ring.newest.id}, ${report.raced} changed meanwhile\n`);
    for (const [kind, count] of Object.entries(report.byKind)) process.stdout.write(`  ${kind}: ${count}\n`);
  } finally {
    redis.disconnect();
  }
} catch (error) {
  process.stderr.write(`reseal: ${error instanceof ConfigError ? error.problems.join("\n  ") : error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
