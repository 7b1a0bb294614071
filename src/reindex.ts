#!/usr/bin/env node
import { configFromEnv } from "./config/config.js";
import { ConfigError } from "./config/problems.js";
import { indexOf } from "./flows/usernames.js";
import { keys } from "./store/keys.js";
import { PoolStore } from "./store/pools.js";
import { connectRedis } from "./store/redis.js";
import { filterIndexComplete, reindexPool } from "./store/reindex.js";

/**
 * `make reindex` (`node dist/reindex.js`): builds the filter index of every pool created before it
 * (docs/storage.md "The filter index"), with the server's own environment. Pools whose index is complete are left
 * alone, so it can run again at any time; safe while serving. One line per pool it lists.
 */
try {
  const config = configFromEnv();
  const redis = await connectRedis(config.redisUrl, config.redisCluster);
  try {
    const pools = new PoolStore(redis);
    let done = 0;
    for (const poolId of await redis.zrange(keys.poolIndex(), "0", "-1")) {
      const pool = await pools.get(poolId);
      if (!pool || (await filterIndexComplete(redis, poolId))) continue;
      const report = await reindexPool(redis, poolId, indexOf(pool));
      process.stdout.write(`reindex: ${poolId}: ${report.users} users, ${report.listed} listed, ${report.changed} written meanwhile (listed by their write)\n`);
      done++;
    }
    process.stdout.write(`reindex: ${done} pool(s) indexed\n`);
  } finally {
    redis.disconnect();
  }
} catch (error) {
  process.stderr.write(`reindex: ${error instanceof ConfigError ? error.problems.join("\n  ") : error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
