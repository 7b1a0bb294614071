import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { AdminCreateUserRequest } from "../../src/gen/identity/v1/admin_service.js";
import { AuthFlow, MessageAction, type UserType } from "../../src/gen/identity/v1/common.js";
import { indexOf } from "../../src/flows/usernames.js";
import { filterEntry, indexEntry, keys } from "../../src/store/keys.js";
import type { UserRecord } from "../../src/store/records.js";
import { claimEntry, claimsOf, listingMembers } from "../../src/store/user-index.js";
import { runScript } from "../../src/store/redis.js";
import { requireBuild } from "../helpers/built-server.js";
import { ALIAS_POOL, CLIENTS, EMAIL_POOL, POOL, startTestApp, type TestApp } from "../helpers/test-app.js";

const PASSWORD = "Permanent-Pass-2";

/**
 * The pool's lookup index (store/keys.ts userIndex): entries the user key itself answers are implied,
 * not stored — the internal username as a name, and the sub of a user whose username is its sub
 * (username-attribute pools, docs/cognito.md §1.5) — and every lookup still finds the user.
 */
describe("user indexes (gRPC + Redis)", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.stop());

  async function created(userPoolId: string, username: string, attributes: Record<string, string> = {}): Promise<UserType> {
    const request = AdminCreateUserRequest.fromPartial({ userPoolId, username, temporaryPassword: "Temporary-Pass-1", messageAction: MessageAction.MESSAGE_ACTION_SUPPRESS, userAttributes: Object.entries(attributes).map(([name, value]) => ({ name, value })) });
    const response = await t.admin.adminCreateUser(request, t.adminMetadata);
    if (response.result?.$case !== "success") throw new Error(`AdminCreateUser(${username}) answered ${response.result?.$case}`);
    expect((await t.admin.adminSetUserPassword({ userPoolId, username, password: PASSWORD, permanent: true }, t.adminMetadata)).result?.$case).to.equal("success");
    return response.result.value;
  }
  const getUser = async (userPoolId: string, username: string) => (await t.admin.adminGetUser({ userPoolId, username }, t.adminMetadata)).result;
  const usernameOf = async (userPoolId: string, username: string) => {
    const result = await getUser(userPoolId, username);
    return result?.$case === "success" ? result.value.username : result?.$case;
  };
  const signIn = (clientId: string, username: string) =>
    t.auth.initiateAuth({ clientId, authFlow: AuthFlow.AUTH_FLOW_USER_PASSWORD_AUTH, authParameters: { USERNAME: username, PASSWORD }, clientMetadata: {} }).then((r) => r.result?.$case);
  /** The index entries that name `username`. */
  async function entriesOf(poolId: string, username: string): Promise<string[]> {
    const all = await t.redis.hgetall(keys.userIndex(poolId));
    return Object.entries(all).filter(([, holder]) => holder === username).map(([entry]) => entry).sort();
  }

  it("email as username: the username is the sub, and only the email has an entry", async () => {
    const user = await created(EMAIL_POOL, "erin@example.com", { email_verified: "true" });
    const sub = user.attributes.find((a) => a.name === "sub")?.value;
    expect(user.username).to.equal(sub);
    expect(await entriesOf(EMAIL_POOL, user.username)).to.deep.equal([indexEntry.name("erin@example.com")]);
    expect(await usernameOf(EMAIL_POOL, "Erin@Example.com"), "by email").to.equal(user.username);
    expect(await usernameOf(EMAIL_POOL, user.username), "by username (the sub)").to.equal(user.username);
    expect(await signIn(CLIENTS.emailEnabled, "erin@example.com")).to.equal("authenticationResult");
    expect(await signIn(CLIENTS.emailEnabled, user.username)).to.equal("authenticationResult");
    expect((await t.admin.adminDeleteUser({ userPoolId: EMAIL_POOL, username: "erin@example.com" }, t.adminMetadata)).result?.$case).to.equal("success");
    expect(await entriesOf(EMAIL_POOL, user.username)).to.deep.equal([]);
    expect(await usernameOf(EMAIL_POOL, user.username)).to.equal("userNotFound");
  });

  it("chosen usernames: a name that is its own canonical form has no entry, and still claims the name", async () => {
    const carol = await created(POOL, "carol");
    const sub = carol.attributes.find((a) => a.name === "sub")!.value;
    expect(await entriesOf(POOL, "carol")).to.deep.equal([indexEntry.sub(sub)]);
    const dave = await created(POOL, "Dave");
    expect(await entriesOf(POOL, "Dave")).to.include(indexEntry.name("dave"));
    // The pool is case-insensitive: either spelling of either name is taken and finds its user.
    for (const [taken, holder] of [["CAROL", "carol"], ["dave", "Dave"], ["carol", "carol"]] as const) {
      const response = await t.admin.adminCreateUser(AdminCreateUserRequest.fromPartial({ userPoolId: POOL, username: taken, messageAction: MessageAction.MESSAGE_ACTION_SUPPRESS }), t.adminMetadata);
      expect(response.result?.$case, taken).to.equal("usernameExists");
      expect(await usernameOf(POOL, taken)).to.equal(holder);
    }
    expect(await signIn(CLIENTS.enabled, "Carol")).to.equal("authenticationResult");
    expect(await usernameOf(POOL, sub), "by sub").to.equal("carol");
    expect(dave.username).to.equal("Dave");
  });

  it("a username shaped like another user's sub is not that sub", async () => {
    const first = await created(POOL, "frank");
    const sub = first.attributes.find((a) => a.name === "sub")!.value;
    await t.admin.adminDeleteUser({ userPoolId: POOL, username: "frank" }, t.adminMetadata);
    await created(POOL, sub); // a new user whose chosen name is the deleted user's sub
    expect(await t.app.deps.stores.users.find(POOL, [{ kind: "sub", value: sub }])).to.equal(undefined);
    expect((await t.app.deps.stores.users.find(POOL, [{ kind: "name", value: sub }]))?.username).to.equal(sub);
  });

  it("a sub's entry is compact (u: and 22 characters); one written as text before is still found and removed", async () => {
    const olga = await created(POOL, "olga");
    const sub = olga.attributes.find((a) => a.name === "sub")!.value;
    expect(indexEntry.sub(sub)).to.match(/^u:[A-Za-z0-9_-]{22}$/);
    expect(await usernameOf(POOL, sub.toUpperCase()), "a UUID reads case-insensitively").to.equal("olga");
    // As stored before: the sub as text.
    await t.redis.hdel(keys.userIndex(POOL), indexEntry.sub(sub));
    await t.redis.hset(keys.userIndex(POOL), indexEntry.subText(sub), "olga");
    expect(await usernameOf(POOL, sub)).to.equal("olga");
    expect((await t.admin.adminDeleteUser({ userPoolId: POOL, username: "olga" }, t.adminMetadata)).result?.$case).to.equal("success");
    expect(await entriesOf(POOL, "olga")).to.deep.equal([]);
  });

  it("users stored with explicit entries (username other than the sub) are still found by each", async () => {
    const pool = (await t.app.deps.stores.pools.get(EMAIL_POOL))!;
    const now = Date.now();
    const user: UserRecord = { username: "0b5c9a8e-3f0e-4d6b-9a57-4e9d7b1c2a10", sub: "7d0e6f4a-1c2b-4a3d-8e9f-0a1b2c3d4e5f", status: "CONFIRMED", enabled: true, attributes: { email: "gail@example.com" }, salt: undefined, verifier: undefined, passwordSetAt: undefined, createdAt: now, updatedAt: now, version: 1 };
    const result = await t.app.deps.stores.users.create(pool.id, user, { names: [user.username, "gail@example.com"], aliases: [], listings: [] }, false);
    expect(result.ok).to.equal(true);
    expect(await entriesOf(EMAIL_POOL, user.username)).to.deep.equal([indexEntry.name("gail@example.com"), indexEntry.sub(user.sub)]);
    expect(await usernameOf(EMAIL_POOL, user.sub)).to.equal(user.username);
    expect(await usernameOf(EMAIL_POOL, user.username)).to.equal(user.username);
    expect(await usernameOf(EMAIL_POOL, "gail@example.com")).to.equal(user.username);
  });

  /**
   * The indexes hold exactly what the pool's rules derive from the stored records: every filter
   * member is a listing of its user, every listing is a member, every claim finds its user, and
   * every stored entry names a user that claims it.
   */
  async function expectIndexesMatchRecords(poolId: string): Promise<void> {
    const pool = (await t.app.deps.stores.pools.get(poolId))!;
    const users = t.app.deps.stores.users;
    const records = await users.getMany(poolId, await t.redis.zrange(keys.users(poolId), "0", "-1"));
    const expectedMembers = records.flatMap((u) => listingMembers(indexOf(pool)(u), u.username)).sort();
    const members = (await t.redis.zrange(keys.filterIndex(poolId), "0", "-1")).filter((m) => m !== filterEntry.complete).sort();
    expect(members, "filter index").to.deep.equal(expectedMembers);
    const claimed = new Map(records.flatMap((u) => [indexEntry.sub(u.sub), ...claimsOf(indexOf(pool)(u)).map(claimEntry)].map((e) => [e, u.username] as const)));
    for (const [entry, holder] of Object.entries(await t.redis.hgetall(keys.userIndex(poolId)))) expect(claimed.get(entry), entry).to.equal(holder);
    for (const u of records) {
      for (const claim of claimsOf(indexOf(pool)(u))) expect((await users.find(poolId, [claim.kind === "name" ? claim : { kind: "alias", attribute: claim.attribute, value: claim.value }]))?.username, claimEntry(claim)).to.equal(u.username);
    }
  }
  const listed = async (poolId: string, username: string) => (await t.redis.zrange(keys.filterIndex(poolId), "0", "-1")).filter((m) => m.endsWith(`\u0000${username}`));
  const update = (userPoolId: string, username: string, attributes: Record<string, string>) =>
    t.admin.adminUpdateUserAttributes({ userPoolId, username, userAttributes: Object.entries(attributes).map(([name, value]) => ({ name, value })), clientMetadata: {} }, t.adminMetadata).then((r) => r.result?.$case);

  describe("filter index", () => {
    it("every pool is created with its filter index marked complete", async () => {
      for (const poolId of [POOL, ALIAS_POOL, EMAIL_POOL]) expect(await t.app.deps.stores.users.filterIndexComplete(poolId), poolId).to.equal(true);
    });

    it("chosen usernames: email and phone are listed from creation, follow updates and leave with the user", async () => {
      await created(POOL, "hana", { email: "Hana@Example.com", phone_number: "+15550001111" });
      expect(await listed(POOL, "hana")).to.deep.equal([filterEntry.member("email", "hana@example.com", "hana"), filterEntry.member("phone_number", "+15550001111", "hana")]);
      expect(await update(POOL, "hana", { email: "hana2@example.com" })).to.equal("success");
      expect(await listed(POOL, "hana")).to.deep.equal([filterEntry.member("email", "hana2@example.com", "hana"), filterEntry.member("phone_number", "+15550001111", "hana")]);
      await expectIndexesMatchRecords(POOL);
      expect((await t.admin.adminDeleteUser({ userPoolId: POOL, username: "hana" }, t.adminMetadata)).result?.$case).to.equal("success");
      expect(await listed(POOL, "hana")).to.deep.equal([]);
      await expectIndexesMatchRecords(POOL);
    });

    it("alias pools: an unverified email is listed, a verified one is its alias, and a forced alias moves back to the listing", async () => {
      await created(ALIAS_POOL, "ivan", { email: "ivan@example.com" });
      expect(await listed(ALIAS_POOL, "ivan")).to.deep.equal([filterEntry.member("email", "ivan@example.com", "ivan")]);
      expect(await update(ALIAS_POOL, "ivan", { email_verified: "true" })).to.equal("success");
      expect(await listed(ALIAS_POOL, "ivan")).to.deep.equal([]);
      // ForceAliasCreation on create (create-user.lua): ivan keeps the value, unverified, listed again.
      const request = AdminCreateUserRequest.fromPartial({ userPoolId: ALIAS_POOL, username: "jana", forceAliasCreation: true, messageAction: MessageAction.MESSAGE_ACTION_SUPPRESS, userAttributes: [{ name: "email", value: "IVAN@example.com" }, { name: "email_verified", value: "true" }] });
      expect((await t.admin.adminCreateUser(request, t.adminMetadata)).result?.$case).to.equal("success");
      expect(await listed(ALIAS_POOL, "ivan")).to.deep.equal([filterEntry.member("email", "ivan@example.com", "ivan")]);
      expect(await listed(ALIAS_POOL, "jana")).to.deep.equal([]);
      await expectIndexesMatchRecords(ALIAS_POOL);
      // Without force, a verified value another user holds is refused and nothing moves.
      expect(await update(ALIAS_POOL, "ivan", { email_verified: "true" })).to.equal("aliasExists");
      await expectIndexesMatchRecords(ALIAS_POOL);
    });

    it("alias pools: confirming a sign-up with force moves the alias and lists the previous holder's value", async () => {
      await created(ALIAS_POOL, "kira", { email: "kira@example.com", email_verified: "true" });
      const mark = await t.outboxMark(ALIAS_POOL);
      const signUp = await t.auth.signUp({ clientId: CLIENTS.aliasEnabled, secretHash: "", username: "kira2", password: PASSWORD, userAttributes: [{ name: "email", value: "kira@example.com" }], validationData: [], clientMetadata: {} });
      expect(signUp.result?.$case).to.equal("success");
      expect(await listed(ALIAS_POOL, "kira2")).to.deep.equal([filterEntry.member("email", "kira@example.com", "kira2")]);
      const code = (await t.nextDelivery(ALIAS_POOL, mark, "kira@example.com")).code!;
      const confirm = await t.auth.confirmSignUp({ clientId: CLIENTS.aliasEnabled, secretHash: "", username: "kira2", confirmationCode: code, forceAliasCreation: true, clientMetadata: {} });
      expect(confirm.result?.$case).to.equal("success");
      expect(await listed(ALIAS_POOL, "kira")).to.deep.equal([filterEntry.member("email", "kira@example.com", "kira")]);
      expect(await listed(ALIAS_POOL, "kira2")).to.deep.equal([]);
      await expectIndexesMatchRecords(ALIAS_POOL);
    });

    it("username-attribute pools list nothing: the email and phone are sign-in names", async () => {
      const user = await created(EMAIL_POOL, "lena@example.com", { phone_number: "+15550002222" });
      expect(await listed(EMAIL_POOL, user.username)).to.deep.equal([]);
      await expectIndexesMatchRecords(EMAIL_POOL);
    });

    it("imported users are listed like created ones", async () => {
      const response = await t.admin.importUsers({ userPoolId: POOL, users: [{ username: "mona", attributes: [{ name: "email", value: "mona@example.com" }, { name: "email_verified", value: "true" }] }] }, t.adminMetadata);
      expect(response.result?.$case).to.equal("success");
      expect(await listed(POOL, "mona")).to.deep.equal([filterEntry.member("email", "mona@example.com", "mona")]);
      await expectIndexesMatchRecords(POOL);
    });

    it("a deletion racing an update removes what the user holds at the time (compare-and-set)", async () => {
      await created(POOL, "nina", { email: "nina@example.com" });
      const stale = (await t.app.deps.stores.users.get(POOL, "nina"))!;
      expect(await update(POOL, "nina", { email: "nina-new@example.com" })).to.equal("success");
      const pool = (await t.app.deps.stores.pools.get(POOL))!;
      expect(await t.app.deps.stores.users.delete(POOL, stale, indexOf(pool))).to.equal(true);
      expect(await listed(POOL, "nina")).to.deep.equal([]);
      await expectIndexesMatchRecords(POOL);
    });
  });

  describe("make reindex (pools created before the filter index)", () => {
    const OLD_POOL = "us-east-1_OldPool1";
    const reindex = () => {
      requireBuild();
      const cluster = t.config.redisCluster.length > 0 ? { REDIS_CLUSTER_NODES: t.config.redisCluster.join(",") } : {};
      const env = { PATH: process.env.PATH ?? "", REDIS_URL: t.config.redisUrl, ...cluster, IDP_MASTER_KEY: randomBytes(32).toString("base64"), HTTP_ADDR: "off" };
      return spawnSync(process.execPath, [fileURLToPath(new URL("../../dist/reindex.js", import.meta.url))], { env, encoding: "utf8", timeout: 30_000 });
    };

    it("lists every user, marks the index complete, and leaves complete pools alone", async () => {
      expect((await t.admin.createUserPool({ poolName: "old", userPoolId: OLD_POOL, settings: undefined }, t.adminMetadata)).result?.$case).to.equal("success");
      const rows = Array.from({ length: 1_200 }, (_, i) => ({ username: `old${i}`, attributes: [{ name: "email", value: `old${i}@example.com` }] }));
      for (let i = 0; i < rows.length; i += 500) expect((await t.admin.importUsers({ userPoolId: OLD_POOL, users: rows.slice(i, i + 500) }, t.adminMetadata)).result?.$case).to.equal("success");
      // As a pool stored before the filter index existed: no members, not complete.
      await t.redis.del(keys.filterIndex(OLD_POOL));
      expect(await t.app.deps.stores.users.filterIndexComplete(OLD_POOL)).to.equal(false);
      const run = reindex();
      expect(run.status, run.stderr).to.equal(0);
      expect(run.stdout).to.include(`reindex: ${OLD_POOL}: 1200 users, 1200 listed, 0 written meanwhile`);
      expect(run.stdout).to.match(/reindex: 1 pool\(s\) indexed/);
      expect(await t.app.deps.stores.users.filterIndexComplete(OLD_POOL)).to.equal(true);
      await expectIndexesMatchRecords(OLD_POOL);
      const again = reindex();
      expect(again.stdout).to.match(/reindex: 0 pool\(s\) indexed/);
    });

    it("lists a user only at the version it read (compare-and-set)", async () => {
      const user = (await t.app.deps.stores.users.get(OLD_POOL, "old1"))!;
      const member = filterEntry.member("email", "stale@example.com", "old1");
      expect(await runScript(t.redis, "indexUser", [keys.user(OLD_POOL, "old1"), keys.filterIndex(OLD_POOL)], [user.version - 1, member])).to.equal(0);
      expect(await t.redis.zscore(keys.filterIndex(OLD_POOL), member)).to.equal(null);
    });
  });
});
