import { indexEntry, keys } from "./keys.js";
import type { RedisClient } from "./redis.js";
import { runScript, runScriptBuffer } from "./redis.js";
import type { UserRecord } from "./records.js";
import { STAND_IN_USER } from "./stand-in.js";
import type { CredentialSealer } from "./credentials.js";
import { decodeUser, encodeUser } from "./user-codec.js";

/** How a username may find a user: its normalised name, a verified alias, or its sub. */
export type UserLookup =
  | { readonly kind: "name"; readonly value: string }
  | { readonly kind: "alias"; readonly attribute: string; readonly value: string }
  | { readonly kind: "sub"; readonly value: string };

/** Index keys a user holds; `names` must be unique, `aliases` are verified aliases. */
export interface UserClaims {
  readonly names: readonly string[];
  readonly aliases: readonly { readonly attribute: string; readonly value: string }[];
}

export type CreateUserResult = { readonly ok: true } | { readonly ok: false; readonly conflict: "username" } | { readonly ok: false; readonly conflict: "alias"; readonly attribute: string };
/** On "taken", `claim` is the position (from 0) of the claimed key another user holds: names first, then aliases. */
export type UpdateUserResult<T> = { readonly ok: true; readonly user: UserRecord; readonly value: T } | { readonly ok: false; readonly reason: "gone" | "taken"; readonly claim?: number };

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
    const found = await runScriptBuffer(this.redis, "findUser", [keys.userIndex(poolId)], [keys.userPrefix(poolId), ...lookups.map(lookupEntry)]);
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

  async create(poolId: string, user: UserRecord, claims: UserClaims, forceAlias: boolean): Promise<CreateUserResult> {
    const names = claims.names.map((n) => indexEntry.name(n));
    const aliases = claims.aliases.map((a) => indexEntry.alias(a.attribute, a.value));
    const result = (await runScript(
      this.redis,
      "createUser",
      [keys.user(poolId, user.username), keys.users(poolId), keys.userIndex(poolId)],
      [user.username, encodeUser(this.credentials, poolId, user), forceAlias ? "1" : "0", keys.userPrefix(poolId), indexEntry.sub(user.sub), names.length, aliases.length, ...names, ...aliases, ...claims.aliases.map((a) => a.attribute)],
    )) as [string, number];
    if (result[0] === "OK") return { ok: true };
    if (result[0] === "EXISTS") return { ok: false, conflict: "username" };
    return { ok: false, conflict: "alias", attribute: claims.aliases[result[1] - 1]?.attribute ?? "email" };
  }

  /**
   * Read-modify-write with compare-and-set on the version, retried on conflict. `change` returns the
   * new record (and the index keys to claim and release) or undefined to leave the user as it is.
   */
  async update<T>(
    poolId: string,
    username: string,
    change: (user: UserRecord) => { user: UserRecord; claim?: UserClaims; release?: UserClaims; value: T } | undefined,
    now: number,
  ): Promise<UpdateUserResult<T> | undefined> {
    for (let attempt = 0; attempt < 8; attempt++) {
      const current = await this.get(poolId, username);
      if (!current) return { ok: false, reason: "gone" };
      const next = change(current);
      if (!next) return undefined;
      const user: UserRecord = { ...next.user, version: current.version + 1, updatedAt: now };
      const claim = claimEntries(next.claim);
      const outcome = await runScript(
        this.redis,
        "updateUser",
        [keys.user(poolId, username), keys.userIndex(poolId)],
        [current.version, encodeUser(this.credentials, poolId, user), username, claim.length, ...claim, ...claimEntries(next.release)],
      );
      if (outcome === "OK") return { ok: true, user, value: next.value };
      if (outcome === "GONE") return { ok: false, reason: "gone" };
      if (typeof outcome === "string" && outcome.startsWith("TAKEN")) return { ok: false, reason: "taken", claim: Number(outcome.slice("TAKEN:".length)) - 1 };
    }
    throw new Error("user update kept conflicting");
  }

  async delete(poolId: string, user: UserRecord, claims: UserClaims): Promise<boolean> {
    const result = await runScript(
      this.redis,
      "deleteUser",
      [keys.user(poolId, user.username), keys.users(poolId), keys.userAuthEvents(poolId, user.username), keys.userIndex(poolId)],
      [user.username, keys.authEvent(poolId, ""), indexEntry.sub(user.sub), ...claimEntries(claims)],
    );
    return result === 1;
  }

  /** A page of users in username order, after `after` (exclusive). */
  async page(poolId: string, after: string | undefined, count: number): Promise<UserRecord[]> {
    const names = await this.redis.zrangebylex(keys.users(poolId), after === undefined ? "-" : `(${after}`, "+", "LIMIT", 0, count);
    if (names.length === 0) return [];
    const values = await this.redis.mgetBuffer(...names.map((n) => keys.user(poolId, n)));
    return values.flatMap((v, i) => (v === null ? [] : [decodeUser(this.credentials, poolId, names[i]!, v)]));
  }
}


function lookupEntry(lookup: UserLookup): string {
  if (lookup.kind === "name") return indexEntry.name(lookup.value);
  if (lookup.kind === "alias") return indexEntry.alias(lookup.attribute, lookup.value);
  return indexEntry.sub(lookup.value);
}

function claimEntries(claims: UserClaims | undefined): string[] {
  if (!claims) return [];
  return [...claims.names.map((n) => indexEntry.name(n)), ...claims.aliases.map((a) => indexEntry.alias(a.attribute, a.value))];
}
