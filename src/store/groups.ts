import { keys } from "./keys.js";
import { runScript, type RedisClient } from "./redis.js";

/** A group (Cognito's GroupType) as stored; the role ARN is data only. */
export interface GroupRecord {
  readonly name: string;
  readonly description: string;
  readonly roleArn: string;
  readonly precedence: number | undefined;
  readonly createdAt: number;
  readonly updatedAt: number;
}

export type AddMemberResult = "ok" | "no-group" | "limit";

/**
 * Groups of a pool and their memberships. Members are kept by `sub`, not username: a user deleted
 * and re-created under the same name is a new sub and inherits no group.
 */
export class GroupStore {
  constructor(private readonly redis: RedisClient) {}

  async get(poolId: string, name: string): Promise<GroupRecord | undefined> {
    const json = await this.redis.get(keys.group(poolId, name));
    return json === null ? undefined : (JSON.parse(json) as GroupRecord);
  }

  /** False when the name is taken. */
  async create(poolId: string, group: GroupRecord): Promise<boolean> {
    if ((await this.redis.set(keys.group(poolId, group.name), JSON.stringify(group), "NX")) === null) return false;
    await this.redis.zadd(keys.groups(poolId), 0, group.name);
    return true;
  }

  /** False when the group is gone. */
  async put(poolId: string, group: GroupRecord): Promise<boolean> {
    return (await this.redis.set(keys.group(poolId, group.name), JSON.stringify(group), "XX")) !== null;
  }

  /** Deletes the group with its memberships (delete-group.lua); false when it did not exist. */
  async delete(poolId: string, name: string): Promise<boolean> {
    const deleted = await runScript(this.redis, "deleteGroup", [keys.group(poolId, name), keys.groupMembers(poolId, name), keys.groups(poolId)], [keys.userGroupsPrefix(poolId), name]);
    return deleted === 1;
  }

  async count(poolId: string): Promise<number> {
    return this.redis.zcard(keys.groups(poolId));
  }

  async page(poolId: string, after: string | undefined, count: number): Promise<GroupRecord[]> {
    return this.records(poolId, await this.redis.zrangebylex(keys.groups(poolId), lexStart(after), "+", "LIMIT", 0, count));
  }

  async addMember(poolId: string, name: string, sub: string, maxGroupsPerUser: number): Promise<AddMemberResult> {
    return (await runScript(this.redis, "addToGroup", [keys.group(poolId, name), keys.groupMembers(poolId, name), keys.userGroups(poolId, sub)], [sub, name, maxGroupsPerUser])) as AddMemberResult;
  }

  async removeMember(poolId: string, name: string, sub: string): Promise<void> {
    await this.redis.multi().zrem(keys.groupMembers(poolId, name), sub).zrem(keys.userGroups(poolId, sub), name).exec();
  }

  /** A deleted user's memberships. */
  async forgetUser(poolId: string, sub: string): Promise<void> {
    const names = await this.redis.zrange(keys.userGroups(poolId, sub), "0", "-1");
    const batch = this.redis.multi();
    for (const name of names) batch.zrem(keys.groupMembers(poolId, name), sub);
    await batch.del(keys.userGroups(poolId, sub)).exec();
  }

  /** A page of the subs in a group, in sub order. */
  async memberPage(poolId: string, name: string, after: string | undefined, count: number): Promise<string[]> {
    return this.redis.zrangebylex(keys.groupMembers(poolId, name), lexStart(after), "+", "LIMIT", 0, count);
  }

  /** A page of a user's groups, in name order. */
  async groupPageOf(poolId: string, sub: string, after: string | undefined, count: number): Promise<GroupRecord[]> {
    return this.records(poolId, await this.redis.zrangebylex(keys.userGroups(poolId, sub), lexStart(after), "+", "LIMIT", 0, count));
  }

  /** Every group of a user (at most the per-user limit): what their tokens carry. */
  async groupsOf(poolId: string, sub: string): Promise<GroupRecord[]> {
    return this.records(poolId, await this.redis.zrange(keys.userGroups(poolId, sub), "0", "-1"));
  }

  private async records(poolId: string, names: readonly string[]): Promise<GroupRecord[]> {
    if (names.length === 0) return [];
    const values = await this.redis.mget(names.map((n) => keys.group(poolId, n)));
    return values.filter((v): v is string => v !== null).map((v) => JSON.parse(v) as GroupRecord);
  }
}

function lexStart(after: string | undefined): string {
  return after === undefined ? "-" : `(${after}`;
}
