import { expect } from "chai";
import { ImportUsersRequest, ListUsersRequest } from "../../src/gen/identity/v1/admin_service.js";
import { UserPoolSettings, type AttributeType } from "../../src/gen/identity/v1/common.js";
import { filterEntry, keys } from "../../src/store/keys.js";
import { startTestApp, type TestApp } from "../helpers/test-app.js";

const attrs = (values: Record<string, string>): AttributeType[] => Object.entries(values).map(([name, value]) => ({ name, value }));
/** More users than one ListUsers call scans (SCAN_LIMIT), all sorting before the users searched for. */
const FILLERS = 1_100;

/**
 * ListUsers through the indexes (list-users-sources.ts): the users searched for sort after more
 * users than one call may scan, so a first page that holds them with no token proves the call read
 * an index rather than the pool. Each answer must equal what a full scan answers.
 */
describe("ListUsers through the indexes (gRPC + Redis)", () => {
  let t: TestApp;
  const pools = { names: "us-east-1_ListIdx1", alias: "us-east-1_ListIdx2", email: "us-east-1_ListIdx3" };
  const subs = new Map<string, string>();

  before(async () => {
    t = await startTestApp();
    const settings = { names: {}, alias: { aliasAttributes: ["email", "phone_number", "preferred_username"] }, email: { usernameAttributes: ["email"] } };
    for (const [kind, userPoolId] of Object.entries(pools)) {
      const created = await t.admin.createUserPool({ poolName: kind, userPoolId, settings: UserPoolSettings.fromPartial(settings[kind as keyof typeof settings]) }, t.adminMetadata);
      expect(created.result?.$case, kind).to.equal("success");
      const username = (i: number) => (kind === "email" ? `a${String(i).padStart(5, "0")}@filler.example` : `a${String(i).padStart(5, "0")}`);
      for (let start = 0; start < FILLERS; start += 500) {
        const rows = Array.from({ length: Math.min(500, FILLERS - start) }, (_, i) => ({ username: username(start + i), attributes: attrs({ email: `filler${start + i}@example.com`, phone_number: `+1555${String(start + i).padStart(7, "0")}` }) }));
        await importRows(userPoolId, rows);
      }
    }
    await importRows(pools.names, [
      { username: "zoe", attributes: attrs({ email: "Zed@Example.com", phone_number: "+15557770000" }) },
      { username: "zack", attributes: attrs({ email: "zed@example.com" }) },
      { username: "zara", attributes: attrs({ email: "Zed@Example.com" }) },
      { username: "zelda", attributes: attrs({ email: "Zed@Example.org" }) },
    ]);
    await importRows(pools.alias, [
      { username: "zoe", attributes: attrs({ email: "zed@example.com", email_verified: "true", preferred_username: "Zedster" }) },
      { username: "zack", attributes: attrs({ email: "zed@example.com" }) },
      { username: "zara", attributes: attrs({ email: "zed@example.com", phone_number: "+15557770000" }) },
    ]);
    await importRows(pools.email, [{ username: "zed@example.com", attributes: [] }]);
  });
  after(() => t.stop());

  async function importRows(userPoolId: string, users: ImportUsersRequest["users"]) {
    const response = await t.admin.importUsers(ImportUsersRequest.fromPartial({ userPoolId, users }), t.adminMetadata);
    if (response.result?.$case !== "success" || response.result.value.refusedCount > 0) throw new Error(`import into ${userPoolId}: ${JSON.stringify(response.result)}`);
    for (const o of response.result.value.outcomes) if (o.result?.$case === "imported") subs.set(`${userPoolId}/${o.username}`, o.result.value.attributes.find((a) => a.name === "sub")!.value);
  }

  async function list(userPoolId: string, filter: string, limit = 0, paginationToken = "") {
    const response = await t.admin.listUsers(ListUsersRequest.fromPartial({ userPoolId, filter, limit, paginationToken }), t.adminMetadata);
    if (response.result?.$case !== "success") throw new Error(`ListUsers answered ${JSON.stringify(response.result)}`);
    return { names: response.result.value.users.map((u) => u.username), token: response.result.value.paginationToken };
  }

  /** Every match, page after page (a scan takes several calls). */
  async function all(userPoolId: string, filter: string, limit = 0): Promise<string[]> {
    const names: string[] = [];
    let token = "";
    for (let calls = 0; calls < 50; calls++) {
      const page = await list(userPoolId, filter, limit, token);
      names.push(...page.names);
      if (page.token === "") return names;
      token = page.token;
    }
    throw new Error("ListUsers did not finish in 50 calls");
  }

  const indexed = (names: string[]) => ({ names, token: "" });

  it("email = reads the filter index: exact (case-sensitive) matches at once, in username order", async () => {
    expect(await list(pools.names, 'email = "Zed@Example.com"')).to.deep.equal(indexed(["zara", "zoe"]));
    expect(await list(pools.names, 'email = "zed@example.com"')).to.deep.equal(indexed(["zack"]));
    expect(await list(pools.names, 'email = "nobody@example.com"')).to.deep.equal(indexed([]));
    expect(await list(pools.names, 'phone_number = "+15557770000"')).to.deep.equal(indexed(["zoe"]));
  });

  it("email ^= reads the filter index's range where every value is a member", async () => {
    expect(await list(pools.names, 'email ^= "Zed@"')).to.deep.equal(indexed(["zara", "zoe", "zelda"]));
    expect(await list(pools.names, 'email ^= "zed"')).to.deep.equal(indexed(["zack"]));
    // In value order: "filler1090@…" sorts before "filler109@…" ("0" < "@").
    expect(await list(pools.names, 'email ^= "filler109"')).to.deep.equal(indexed(["a01090", "a01091", "a01092", "a01093", "a01094", "a01095", "a01096", "a01097", "a01098", "a01099", "a00109"]));
  });

  it("pages through one value's users and a prefix's, with tokens", async () => {
    expect(await all(pools.names, 'email = "Zed@Example.com"', 1)).to.deep.equal(["zara", "zoe"]);
    expect(await all(pools.names, 'email ^= "Zed"', 2)).to.deep.equal(["zara", "zoe", "zelda"]);
    const first = await list(pools.names, 'email ^= "Zed"', 2);
    expect(first).to.deep.equal({ names: ["zara", "zoe"], token: first.token });
    expect(first.token).to.not.equal("");
  });

  it("alias pools: the verified holder (lookup entry) and the unverified ones (filter index) together", async () => {
    expect(await list(pools.alias, 'email = "zed@example.com"')).to.deep.equal(indexed(["zack", "zara", "zoe"]));
    expect(await all(pools.alias, 'email = "zed@example.com"', 1)).to.deep.equal(["zack", "zara", "zoe"]);
    expect(await list(pools.alias, 'phone_number = "+15557770000"')).to.deep.equal(indexed(["zara"]));
    expect(await list(pools.alias, 'preferred_username = "Zedster"')).to.deep.equal(indexed(["zoe"]));
    // A verified value is a lookup entry, not a member: ^= has no complete range here and scans.
    expect((await list(pools.alias, 'email ^= "zed"')).token).to.not.equal("");
    expect(await all(pools.alias, 'email ^= "zed"')).to.deep.equal(["zack", "zara", "zoe"]);
  });

  it("email as username: the sign-in name's lookup entry", async () => {
    const zed = subs.get(`${pools.email}/zed@example.com`)!;
    expect(await list(pools.email, 'email = "zed@example.com"')).to.deep.equal(indexed([zed]));
    expect(await list(pools.email, 'email = "Zed@example.com"')).to.deep.equal(indexed([]));
  });

  it("username and sub use the user list and the lookup index", async () => {
    expect(await list(pools.names, 'username = "zoe"')).to.deep.equal(indexed(["zoe"]));
    expect(await list(pools.names, 'username ^= "z"')).to.deep.equal(indexed(["zack", "zara", "zelda", "zoe"]));
    expect(await list(pools.names, `sub = "${subs.get(`${pools.names}/zara`)!}"`)).to.deep.equal(indexed(["zara"]));
    const zed = subs.get(`${pools.email}/zed@example.com`)!;
    expect(await list(pools.email, `sub = "${zed}"`)).to.deep.equal(indexed([zed]));
  });

  it("filters without an index scan, a bounded slice per call, and find the same users", async () => {
    expect((await list(pools.names, 'name = "nobody"')).token).to.not.equal("");
    expect(await all(pools.names, 'cognito:user_status = "RESET_REQUIRED"', 60).then((n) => n.length)).to.equal(FILLERS + 4);
  });

  it("a pool whose filter index is not complete scans, and answers the same", async () => {
    await t.redis.zrem(keys.filterIndex(pools.names), filterEntry.complete);
    try {
      expect((await list(pools.names, 'email = "Zed@Example.com"')).token).to.not.equal("");
      expect(await all(pools.names, 'email = "Zed@Example.com"')).to.deep.equal(["zara", "zoe"]);
    } finally {
      await t.redis.zadd(keys.filterIndex(pools.names), 0, filterEntry.complete);
    }
  });
});
