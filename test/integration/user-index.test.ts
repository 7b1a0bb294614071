import { expect } from "chai";
import { AdminCreateUserRequest } from "../../src/gen/identity/v1/admin_service.js";
import { AuthFlow, MessageAction, type UserType } from "../../src/gen/identity/v1/common.js";
import { indexEntry, keys } from "../../src/store/keys.js";
import type { UserRecord } from "../../src/store/records.js";
import { CLIENTS, EMAIL_POOL, POOL, startTestApp, type TestApp } from "../helpers/test-app.js";

const PASSWORD = "Permanent-Pass-2";

/**
 * The pool's lookup index (store/keys.ts userIndex): entries the user key itself answers are implied,
 * not stored — the internal username as a name, and the sub of a user whose username is its sub
 * (username-attribute pools, docs/cognito.md §1.5) — and every lookup still finds the user.
 */
describe("user lookup index: implied entries (gRPC + Redis)", () => {
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

  it("users stored with explicit entries (username other than the sub) are still found by each", async () => {
    const pool = (await t.app.deps.stores.pools.get(EMAIL_POOL))!;
    const now = Date.now();
    const user: UserRecord = { username: "0b5c9a8e-3f0e-4d6b-9a57-4e9d7b1c2a10", sub: "7d0e6f4a-1c2b-4a3d-8e9f-0a1b2c3d4e5f", status: "CONFIRMED", enabled: true, attributes: { email: "gail@example.com" }, salt: undefined, verifier: undefined, passwordSetAt: undefined, createdAt: now, updatedAt: now, version: 1 };
    const result = await t.app.deps.stores.users.create(pool.id, user, { names: [user.username, "gail@example.com"], aliases: [] }, false);
    expect(result.ok).to.equal(true);
    expect(await entriesOf(EMAIL_POOL, user.username)).to.deep.equal([indexEntry.name("gail@example.com"), indexEntry.sub(user.sub)]);
    expect(await usernameOf(EMAIL_POOL, user.sub)).to.equal(user.username);
    expect(await usernameOf(EMAIL_POOL, user.username)).to.equal(user.username);
    expect(await usernameOf(EMAIL_POOL, "gail@example.com")).to.equal(user.username);
  });
});
