import { filterEntry, indexEntry, keys, type ListedAttribute } from "./keys.js";
import type { RedisClient } from "./redis.js";
import { runScript, runScriptBuffer } from "./redis.js";
import type { UserRecord } from "./records.js";
import { STAND_IN_USER } from "./stand-in.js";
import type { CredentialSealer } from "./credentials.js";
import { decodeUser, encodeUser } from "./user-codec.js";
import { claimEntry, claimsOf, indexChange, listingMembers, type Claim, type UserIndex, type UserIndexOf } from "./user-index.js";

/** How a username may find a user: its normalised name, a verified alias, or its sub. */
export type UserLookup =
  | { readonly kind: "name"; readonly value: string }
  | { readonly kind: "alias"; readonly attribute: string; readonly value: string }
  | { readonly kind: "sub"; readonly value: string };

export type CreateUserResult = { readonly ok: true } | { readonly ok: false; readonly conflict: "username" } | { readonly ok: false; readonly conflict: "alias"; readonly attribute: string };
/** On "taken", `claim` is the claimed name or alias another user holds. */
export type UpdateUserResult<T> = { readonly ok: true; readonly user: UserRecord; readonly value: T } | { readonly ok: false; readonly reason: "gone" } | { readonly ok: false; readonly reason: "taken"; readonly claim: Claim };

/** A user listed by a filter: where the listing continues after it (the member without its attribute code). */
export interface Listed {
  readonly username: string;
  readonly position: string;
}

/** Compare-and-set attempts before a write gives up (each conflict means another write won). */
const ATTEMPTS = 8;

export class UserStore {
  constructor(
    private readonly redis: RedisClient,
    /** Seals each user's salt and verifier (user-codec.ts); exposed for stores of other credential material. */
    readonly credentials: CredentialSealer,
  ) {}

  /**
   * One round trip whatever the outcome, so unknown users cost the store what known ones do: a miss
   * reads and returns a stand-in record of a real one's length, decoded like one (find-user.lua).
   * A pool's first miss writes the stand-in.
   */
  async find(poolId: string, lookups: readonly UserLookup[]): Promise<UserRecord | undefined> {
    const found = await runScriptBuffer(this.redis, "findUser", [keys.userIndex(poolId)], [keys.userPrefix(poolId), ...lookups.flatMap(lookupEntries)]);
    if (!Array.isArray(found)) {
      await this.redis.set(keys.userPrefix(poolId), encodeUser(this.credentials, poolId, STAND_IN_USER), "NX");
      return undefined;
    }
    const [name, record] = found as [Buffer, Buffer];
    // The stand-in is decoded (and its credentials opened) as a user is: the same work either way.
    const user = decodeUser(this.credentials, poolId, name.toString("utf8"), record);
    return user.username === "" ? undefined : user;
  }

  /** A record read by another store's script (auth-events.ts grantOf), decoded as get decodes. */
  decode(poolId: string, username: string, record: Buffer): UserRecord {
    return decodeUser(this.credentials, poolId, username, record);
  }

  async get(poolId: string, username: string): Promise<UserRecord | undefined> {
    const record = await this.redis.getBuffer(keys.user(poolId, username));
    return record === null ? undefined : decodeUser(this.credentials, poolId, username, record);
  }

  async create(poolId: string, user: UserRecord, index: UserIndex, forceAlias: boolean): Promise<CreateUserResult> {
    return (await this.createMany(poolId, [{ user, index }], forceAlias))[0]!;
  }

  /**
   * Creates users in order, in one script call (create-user.lua): each is answered as if it were
   * created alone, after the ones before it. Callers keep a batch small (Redis runs it in one go).
   */
  async createMany(poolId: string, users: readonly { user: UserRecord; index: UserIndex }[], forceAlias: boolean): Promise<CreateUserResult[]> {
    const args: (string | number | Buffer)[] = [forceAlias ? "1" : "0", keys.userPrefix(poolId)];
    for (const { user, index } of users) {
      const listings = listingMembers(index, user.username);
      // A sub that is the username needs no entry: the user key answers it (find-user.lua).
      args.push(user.username, encodeUser(this.credentials, poolId, user), user.sub === user.username ? "" : indexEntry.sub(user.sub), index.names.length, index.aliases.length, listings.length);
      args.push(...index.names.map((n) => indexEntry.name(n)), ...index.aliases.map((a) => indexEntry.alias(a.attribute, a.value)), ...index.aliases.map((a) => a.attribute), ...listings);
    }
    const results = (await runScript(this.redis, "createUser", [keys.users(poolId), keys.userIndex(poolId), keys.filterIndex(poolId), ...users.map(({ user }) => keys.user(poolId, user.username))], args)) as [string, number][];
    return results.map(([status, position], i): CreateUserResult => {
      if (status === "OK") return { ok: true };
      if (status === "EXISTS") return { ok: false, conflict: "username" };
      return { ok: false, conflict: "alias", attribute: users[i]!.index.aliases[position - 1]?.attribute ?? "email" };
    });
  }

  /**
   * Read-modify-write with compare-and-set on the version, retried on conflict. `change` returns the
   * new record or undefined to leave the user as it is; the index entries it moves are derived from
   * both versions by `indexOf` (the pool's rules), so no write path can leave an index behind.
   */
  async update<T>(
    poolId: string,
    username: string,
    change: (user: UserRecord) => { user: UserRecord; value: T } | undefined,
    now: number,
    indexOf: UserIndexOf,
  ): Promise<UpdateUserResult<T> | undefined> {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const current = await this.get(poolId, username);
      if (!current) return { ok: false, reason: "gone" };
      const next = change(current);
      if (!next) return undefined;
      const user: UserRecord = { ...next.user, version: current.version + 1, updatedAt: now };
      const moved = indexChange(indexOf(current), indexOf(user), username);
      const outcome = await runScript(
        this.redis,
        "updateUser",
        [keys.user(poolId, username), keys.userIndex(poolId), keys.filterIndex(poolId)],
        [current.version, encodeUser(this.credentials, poolId, user), username, moved.claim.length, moved.release.length, moved.list.length, ...moved.claim.map(claimEntry), ...moved.release, ...moved.list, ...moved.unlist],
      );
      if (outcome === "OK") return { ok: true, user, value: next.value };
      if (outcome === "GONE") return { ok: false, reason: "gone" };
      if (typeof outcome === "string" && outcome.startsWith("TAKEN")) return { ok: false, reason: "taken", claim: moved.claim[Number(outcome.slice("TAKEN:".length)) - 1]! };
    }
    throw new Error("user update kept conflicting");
  }

  /** Deletes the user as stored now (compare-and-set, so the entries removed are the ones it holds); false when it is gone. */
  async delete(poolId: string, user: UserRecord, indexOf: UserIndexOf): Promise<boolean> {
    let current: UserRecord | undefined = user;
    for (let attempt = 0; attempt < ATTEMPTS && current; attempt++) {
      const index = indexOf(current);
      const entries = [...new Set([indexEntry.sub(current.sub), indexEntry.subText(current.sub)]), ...claimsOf(index).map(claimEntry)];
      const result = await runScript(
        this.redis,
        "deleteUser",
        [keys.user(poolId, current.username), keys.users(poolId), keys.userAuthEvents(poolId, current.username), keys.userIndex(poolId), keys.filterIndex(poolId)],
        [current.username, keys.authEvent(poolId, ""), current.version, entries.length, ...entries, ...listingMembers(index, current.username)],
      );
      if (result !== "CONFLICT") return result === "OK";
      current = await this.get(poolId, user.username);
    }
    if (!current) return false;
    throw new Error("user deletion kept conflicting");
  }

  /** A page of users in username order, after `after` (exclusive). */
  async page(poolId: string, after: string | undefined, count: number): Promise<UserRecord[]> {
    return this.getMany(poolId, await this.names(poolId, after, count));
  }

  /** Usernames in order after `after` (exclusive), only those starting with `prefix` when given: the pool's user list, by lex range. */
  async names(poolId: string, after: string | undefined, count: number, prefix?: string): Promise<string[]> {
    const [min, max] = lexRange(prefix === undefined ? undefined : Buffer.from(prefix, "utf8"), after === undefined ? undefined : Buffer.from(after, "utf8"));
    return this.redis.zrangebylex(keys.users(poolId), min, max, "LIMIT", 0, count);
  }

  /** The stored users of `usernames` (one MGET), in that order; gone ones are left out. */
  async getMany(poolId: string, usernames: readonly string[]): Promise<UserRecord[]> {
    if (usernames.length === 0) return [];
    const values = await this.redis.mgetBuffer(...usernames.map((n) => keys.user(poolId, n)));
    return values.flatMap((v, i) => (v === null ? [] : [decodeUser(this.credentials, poolId, usernames[i]!, v)]));
  }

  /**
   * Users the filter index lists under `attribute` with a value starting with `text` (a whole value:
   * `text` ending in NUL), in (value, username) order, after `after` (a Listed position, exclusive).
   */
  async listed(poolId: string, attribute: ListedAttribute, text: string, after: string | undefined, count: number): Promise<Listed[]> {
    const start = Buffer.from(filterEntry.prefix(attribute, text), "utf8");
    const [min, max] = lexRange(start, after === undefined ? undefined : Buffer.from(filterEntry.prefix(attribute, after), "utf8"));
    const members = await this.redis.zrangebylex(keys.filterIndex(poolId), min, max, "LIMIT", 0, count);
    return members.map((member) => ({ username: member.slice(member.lastIndexOf("\u0000") + 1), position: member.slice(member.indexOf(":") + 1) }));
  }

  /** Whether every user of the pool is in its filter index (keys.filterIndex). */
  async filterIndexComplete(poolId: string): Promise<boolean> {
    return (await this.redis.zscore(keys.filterIndex(poolId), filterEntry.complete)) !== null;
  }
}

/**
 * ZRANGEBYLEX bounds (bytes: Redis compares members with memcmp) of the members starting with
 * `prefix` (all when undefined) that sort after `after` (exclusive; none when undefined).
 */
function lexRange(prefix: Buffer | undefined, after: Buffer | undefined): [Buffer | string, Buffer | string] {
  const from = prefix ?? Buffer.alloc(0);
  const min = after !== undefined && Buffer.compare(after, from) >= 0 ? Buffer.concat([Buffer.from("("), after]) : prefix === undefined ? "-" : Buffer.concat([Buffer.from("["), prefix]);
  const end = prefix === undefined ? undefined : successor(prefix);
  return [min, end === undefined ? "+" : Buffer.concat([Buffer.from("("), end])];
}

/** The smallest byte string above every string that starts with `bytes` (undefined: none, all 0xff). */
function successor(bytes: Buffer): Buffer | undefined {
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0xff) end--;
  if (end === 0) return undefined;
  const next = Buffer.from(bytes.subarray(0, end));
  next[end - 1] = next[end - 1]! + 1;
  return next;
}

/** The index entries a lookup reads, in order: a sub in its compact form, then as text (older users, and users whose username is their sub). */
function lookupEntries(lookup: UserLookup): string[] {
  if (lookup.kind === "name") return [indexEntry.name(lookup.value)];
  if (lookup.kind === "alias") return [indexEntry.alias(lookup.attribute, lookup.value)];
  return [...new Set([indexEntry.sub(lookup.value), indexEntry.subText(lookup.value)])];
}
