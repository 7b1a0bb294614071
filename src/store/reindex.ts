import { filterEntry, keys } from "./keys.js";
import { runScript, type RedisClient } from "./redis.js";
import { decodeProfile } from "./user-codec.js";
import { listingMembers, type UserIndexOf } from "./user-index.js";

/** Users read per round trip: one lex range of the user list and one MGET. */
const BATCH = 500;

export interface ReindexReport {
  readonly users: number;
  /** Users listed now. */
  readonly listed: number;
  /** Users written meanwhile: their own write listed them. */
  readonly changed: number;
}

/**
 * Lists every user of a pool created before the filter index (keys.filterIndex), then marks the
 * index complete so ListUsers uses it. Safe while serving: a user is listed by compare-and-set on
 * its version (index-user.lua), and every write since this version listed the user itself. Needs no
 * key ring: the members come from attributes, never from credentials. Run after every server has
 * this version (an older server does not list the users it writes).
 */
export async function reindexPool(redis: RedisClient, poolId: string, indexOf: UserIndexOf): Promise<ReindexReport> {
  const counts = { users: 0, listed: 0, changed: 0 };
  const page = (after: string | undefined) => redis.zrangebylex(keys.users(poolId), after === undefined ? "-" : `(${after}`, "+", "LIMIT", 0, BATCH);
  for (let names = await page(undefined); names.length > 0; names = await page(names[names.length - 1])) {
    const records = await redis.mgetBuffer(...names.map((n) => keys.user(poolId, n)));
    await Promise.all(names.map(async (username, i) => {
      const bytes = records[i];
      if (!bytes) return;
      counts.users++;
      const user = decodeProfile(poolId, username, bytes);
      const members = listingMembers(indexOf(user), username);
      if (members.length === 0) return;
      const listed = await runScript(redis, "indexUser", [keys.user(poolId, username), keys.filterIndex(poolId)], [user.version, ...members]);
      if (listed === 1) counts.listed++;
      else counts.changed++;
    }));
  }
  await redis.zadd(keys.filterIndex(poolId), 0, filterEntry.complete);
  return counts;
}

/** Whether every user of the pool is in its filter index. */
export async function filterIndexComplete(redis: RedisClient, poolId: string): Promise<boolean> {
  return (await redis.zscore(keys.filterIndex(poolId), filterEntry.complete)) !== null;
}
