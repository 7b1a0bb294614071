import { keys } from "./keys.js";
import type { RedisClient } from "./redis.js";

/** A resource server (Cognito's ResourceServerType) as stored. */
export interface ResourceServerRecord {
  readonly identifier: string;
  readonly name: string;
  readonly scopes: readonly { readonly name: string; readonly description: string }[];
}

/** Resource servers of a pool: one JSON value each, and a sorted set of identifiers for listings. */
export class ResourceServerStore {
  constructor(private readonly redis: RedisClient) {}

  async get(poolId: string, identifier: string): Promise<ResourceServerRecord | undefined> {
    const json = await this.redis.get(keys.resourceServer(poolId, identifier));
    return json === null ? undefined : (JSON.parse(json) as ResourceServerRecord);
  }

  /** False when the identifier is taken. */
  async create(poolId: string, server: ResourceServerRecord): Promise<boolean> {
    const created = await this.redis.set(keys.resourceServer(poolId, server.identifier), JSON.stringify(server), "NX");
    if (created === null) return false;
    await this.redis.zadd(keys.resourceServers(poolId), 0, server.identifier);
    return true;
  }

  /** False when the resource server is gone. */
  async put(poolId: string, server: ResourceServerRecord): Promise<boolean> {
    return (await this.redis.set(keys.resourceServer(poolId, server.identifier), JSON.stringify(server), "XX")) !== null;
  }

  /** False when there was nothing to delete. */
  async delete(poolId: string, identifier: string): Promise<boolean> {
    const deleted = await this.redis.del(keys.resourceServer(poolId, identifier));
    await this.redis.zrem(keys.resourceServers(poolId), identifier);
    return deleted > 0;
  }

  async count(poolId: string): Promise<number> {
    return this.redis.zcard(keys.resourceServers(poolId));
  }

  async page(poolId: string, after: string | undefined, count: number): Promise<ResourceServerRecord[]> {
    const ids = await this.redis.zrangebylex(keys.resourceServers(poolId), after === undefined ? "-" : `(${after}`, "+", "LIMIT", 0, count);
    if (ids.length === 0) return [];
    const values = await this.redis.mget(ids.map((id) => keys.resourceServer(poolId, id)));
    return values.filter((v): v is string => v !== null).map((v) => JSON.parse(v) as ResourceServerRecord);
  }

  /** Every scope of the pool, as tokens carry them: `<identifier>/<scope name>`. */
  async scopesOf(poolId: string): Promise<Set<string>> {
    const servers = await this.page(poolId, undefined, 1_000);
    return new Set(servers.flatMap((s) => s.scopes.map((scope) => `${s.identifier}/${scope.name}`)));
  }
}
