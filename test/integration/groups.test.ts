// Groups through the real server: Cognito's group operations, pagination, cognito:groups in id and
// access tokens, PreTokenGeneration's groupConfiguration and groupOverrideDetails, and deletions.
import { expect } from "chai";
import { decodeJwt } from "jose";
import { AuthFlow, MessageAction } from "../../src/gen/identity/v1/common.js";
import { CreateGroupRequest, UpdateGroupRequest } from "../../src/gen/identity/v1/groups.js";
import type { PreTokenGenerationTriggerEvent } from "../../src/triggers/index.js";
import { clearRecordedEvents, clientEntry, fixture, recordedEvents, triggerPool } from "../helpers/triggers.js";
import { ADMIN_TOKEN, sha256, startTestApp, type TestApp } from "../helpers/test-app.js";

const POOL = "us-east-1_GroupPool1";
const HOOK_POOL = "us-east-1_GroupHook1";
const CLIENT = "groupclient000000000000000";
const HOOK_CLIENT = "grouphook00000000000000000";
const PASSWORD = "Permanent-Pass-2";
const ROLE = (name: string) => `arn:aws:iam::123456789012:role/${name}`;

describe("groups (gRPC + Redis)", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({
      config: {
        adminCredentials: [{ tokenSha256: sha256(ADMIN_TOKEN), pools: "*" }],
        pools: [
          { id: POOL, name: "groups", clients: [clientEntry(CLIENT, "ENABLED")] },
          triggerPool(HOOK_POOL, { PreTokenGeneration: { module: fixture("group-override.mjs") } }, [clientEntry(HOOK_CLIENT, "ENABLED")]),
        ],
      },
    });
  });
  after(() => t.stop());

  const create = (groupName: string, extra: Partial<CreateGroupRequest> = {}, userPoolId = POOL) =>
    t.admin.createGroup(CreateGroupRequest.fromPartial({ userPoolId, groupName, ...extra }), t.adminMetadata);
  const add = (username: string, groupName: string, userPoolId = POOL) => t.admin.adminAddUserToGroup({ userPoolId, username, groupName }, t.adminMetadata);
  const remove = (username: string, groupName: string) => t.admin.adminRemoveUserFromGroup({ userPoolId: POOL, username, groupName }, t.adminMetadata);

  async function createUser(username: string, userPoolId = POOL) {
    const request = { userPoolId, username, userAttributes: [{ name: "email", value: `${username}@example.com` }], validationData: [], temporaryPassword: "Temporary-Pass-1", forceAliasCreation: false, messageAction: MessageAction.MESSAGE_ACTION_SUPPRESS, desiredDeliveryMediums: [], clientMetadata: {} };
    expect((await t.admin.adminCreateUser(request, t.adminMetadata)).result?.$case).to.equal("success");
    expect((await t.admin.adminSetUserPassword({ userPoolId, username, password: PASSWORD, permanent: true }, t.adminMetadata)).result?.$case).to.equal("success");
  }

  async function tokens(username: string, clientId = CLIENT) {
    const response = await t.auth.initiateAuth({ clientId, authFlow: AuthFlow.AUTH_FLOW_USER_PASSWORD_AUTH, authParameters: { USERNAME: username, PASSWORD }, clientMetadata: {} });
    if (response.result?.$case !== "authenticationResult") throw new Error(JSON.stringify(response.result));
    return { id: decodeJwt(response.result.value.idToken), access: decodeJwt(response.result.value.accessToken), refreshToken: response.result.value.refreshToken };
  }

  async function groupNamesOf(username: string): Promise<string[]> {
    const listed = await t.admin.adminListGroupsForUser({ userPoolId: POOL, username, limit: 0, nextToken: "" }, t.adminMetadata);
    if (listed.result?.$case !== "success") throw new Error(JSON.stringify(listed.result));
    return listed.result.value.groups.map((g) => g.groupName);
  }

  describe("operations", () => {
    it("creates, gets, updates and lists groups with Cognito's members", async () => {
      const created = await create("editors", { description: "can edit", roleArn: ROLE("editor"), precedence: 5 });
      if (created.result?.$case !== "success") throw new Error(JSON.stringify(created.result));
      expect(created.result.value).to.deep.include({ groupName: "editors", userPoolId: POOL, description: "can edit", roleArn: ROLE("editor"), precedence: 5 });
      expect(created.result.value.creationDate).to.be.instanceOf(Date);
      const got = await t.admin.getGroup({ userPoolId: POOL, groupName: "editors" }, t.adminMetadata);
      expect(got.result).to.deep.equal(created.result);
      t.clock.advance(1000);
      const updated = await t.admin.updateGroup(UpdateGroupRequest.fromPartial({ userPoolId: POOL, groupName: "editors", description: "edits things" }), t.adminMetadata);
      if (updated.result?.$case !== "success") throw new Error(JSON.stringify(updated.result));
      expect(updated.result.value).to.deep.include({ description: "edits things", roleArn: ROLE("editor"), precedence: 5 });
      expect(updated.result.value.lastModifiedDate!.getTime()).to.be.greaterThan(updated.result.value.creationDate!.getTime());
      const noPrecedence = await create("viewers");
      expect(noPrecedence.result?.$case === "success" && noPrecedence.result.value.precedence).to.equal(undefined);
    });

    it("pages ListGroups in name order", async () => {
      for (const name of ["page-a", "page-b", "page-c"]) await create(name);
      const names: string[] = [];
      let nextToken = "";
      do {
        const page = await t.admin.listGroups({ userPoolId: POOL, limit: 2, nextToken }, t.adminMetadata);
        if (page.result?.$case !== "success") throw new Error(JSON.stringify(page.result));
        expect(page.result.value.groups.length).to.be.at.most(2);
        names.push(...page.result.value.groups.map((g) => g.groupName));
        nextToken = page.result.value.nextToken;
      } while (nextToken !== "");
      expect(names).to.deep.equal([...names].sort());
      expect(names).to.include.members(["editors", "page-a", "page-b", "page-c", "viewers"]);
    });

    it("refuses a taken name, bad members, unknown pools and groups", async () => {
      expect((await create("editors")).result).to.deep.equal({ $case: "groupExists", value: { message: "A group with the name already exists." } });
      for (const [name, extra] of [["", {}], ["has space", {}], ["x".repeat(129), {}], ["ok", { precedence: -1 }], ["ok", { roleArn: "not-an-arn-but-long-enough" }], ["ok", { description: "d".repeat(2049) }]] as const) {
        expect((await create(name, extra)).result?.$case, name).to.equal("invalidParameter");
      }
      expect((await create("ok", {}, "us-east-1_Missing1")).result?.$case).to.equal("resourceNotFound");
      expect((await t.admin.getGroup({ userPoolId: POOL, groupName: "missing" }, t.adminMetadata)).result).to.deep.equal({ $case: "resourceNotFound", value: { message: "Group not found." } });
      expect((await t.admin.listGroups({ userPoolId: POOL, limit: 61, nextToken: "" }, t.adminMetadata)).result?.$case).to.equal("invalidParameter");
      expect((await t.admin.listGroups({ userPoolId: POOL, limit: 1, nextToken: "!!" }, t.adminMetadata)).result?.$case).to.equal("invalidParameter");
    });

    it("adds and removes members idempotently, and lists both ways", async () => {
      await createUser("ann");
      await createUser("bob");
      for (let i = 0; i < 2; i++) expect((await add("ann", "editors")).result?.$case).to.equal("success");
      expect((await add("bob", "editors")).result?.$case).to.equal("success");
      expect((await add("ann", "viewers")).result?.$case).to.equal("success");
      expect(await groupNamesOf("ann")).to.deep.equal(["editors", "viewers"]);
      const members = await t.admin.listUsersInGroup({ userPoolId: POOL, groupName: "editors", limit: 1, nextToken: "" }, t.adminMetadata);
      if (members.result?.$case !== "success") throw new Error(JSON.stringify(members.result));
      expect(members.result.value.users).to.have.length(1);
      const rest = await t.admin.listUsersInGroup({ userPoolId: POOL, groupName: "editors", limit: 1, nextToken: members.result.value.nextToken }, t.adminMetadata);
      if (rest.result?.$case !== "success") throw new Error(JSON.stringify(rest.result));
      expect([...members.result.value.users, ...rest.result.value.users].map((u) => u.username).sort()).to.deep.equal(["ann", "bob"]);
      expect(rest.result.value.nextToken).to.equal("");
      for (let i = 0; i < 2; i++) expect((await remove("bob", "editors")).result?.$case).to.equal("success");
      expect(await groupNamesOf("bob")).to.deep.equal([]);
      expect((await add("nobody", "editors")).result?.$case).to.equal("userNotFound");
      expect((await add("ann", "missing")).result?.$case).to.equal("resourceNotFound");
      expect((await remove("ann", "missing")).result?.$case).to.equal("resourceNotFound");
      expect((await t.admin.listUsersInGroup({ userPoolId: POOL, groupName: "missing", limit: 0, nextToken: "" }, t.adminMetadata)).result?.$case).to.equal("resourceNotFound");
    });

    it("limits a user to 100 groups", async () => {
      await createUser("collector");
      for (let i = 0; i < 100; i++) {
        const name = `many-${String(i).padStart(3, "0")}`;
        await create(name);
        expect((await add("collector", name)).result?.$case).to.equal("success");
      }
      await create("many-100");
      expect((await add("collector", "many-100")).result).to.deep.equal({ $case: "limitExceeded", value: { message: "The user is in the maximum number of groups (100)." } });
    });
  });

  describe("tokens", () => {
    it("carry cognito:groups in both tokens, lowest precedence first, with roles in the id token", async () => {
      await createUser("carol");
      await create("admins", { precedence: 1, roleArn: ROLE("admin") });
      await add("carol", "viewers");
      await add("carol", "admins");
      await add("carol", "editors");
      const { id, access } = await tokens("carol");
      expect(access["cognito:groups"]).to.deep.equal(["admins", "editors", "viewers"]);
      expect(id["cognito:groups"]).to.deep.equal(["admins", "editors", "viewers"]);
      expect(id["cognito:roles"]).to.deep.equal([ROLE("admin"), ROLE("editor")]);
      expect(id["cognito:preferred_role"]).to.equal(ROLE("admin"));
      expect(access).to.not.have.property("cognito:roles");
    });

    it("follow membership changes on refresh, and carry no claim for a user in no group", async () => {
      await createUser("dave");
      expect((await tokens("dave")).access).to.not.have.property("cognito:groups");
      await add("dave", "editors");
      const { refreshToken } = await tokens("dave");
      await remove("dave", "editors");
      const refreshed = await t.auth.initiateAuth({ clientId: CLIENT, authFlow: AuthFlow.AUTH_FLOW_REFRESH_TOKEN_AUTH, authParameters: { REFRESH_TOKEN: refreshToken }, clientMetadata: {} });
      if (refreshed.result?.$case !== "authenticationResult") throw new Error(JSON.stringify(refreshed.result));
      expect(decodeJwt(refreshed.result.value.accessToken)).to.not.have.property("cognito:groups");
    });

    it("lose a deleted group at once, and a group re-created under its name starts empty", async () => {
      await createUser("erin");
      await create("temporary");
      await add("erin", "temporary");
      expect((await tokens("erin")).access["cognito:groups"]).to.deep.equal(["temporary"]);
      expect((await t.admin.deleteGroup({ userPoolId: POOL, groupName: "temporary" }, t.adminMetadata)).result?.$case).to.equal("success");
      expect(await groupNamesOf("erin")).to.deep.equal([]);
      expect((await tokens("erin")).access).to.not.have.property("cognito:groups");
      await create("temporary");
      const members = await t.admin.listUsersInGroup({ userPoolId: POOL, groupName: "temporary", limit: 0, nextToken: "" }, t.adminMetadata);
      expect(members.result?.$case === "success" && members.result.value.users).to.deep.equal([]);
      expect((await t.admin.deleteGroup({ userPoolId: POOL, groupName: "temporary" }, t.adminMetadata)).result?.$case).to.equal("success");
      expect((await t.admin.deleteGroup({ userPoolId: POOL, groupName: "temporary" }, t.adminMetadata)).result?.$case).to.equal("resourceNotFound");
    });

    it("are not inherited by a user re-created under a deleted user's name", async () => {
      await createUser("frank");
      await add("frank", "editors");
      expect((await t.admin.adminDeleteUser({ userPoolId: POOL, username: "frank" }, t.adminMetadata)).result?.$case).to.equal("success");
      await createUser("frank");
      expect(await groupNamesOf("frank")).to.deep.equal([]);
      expect((await tokens("frank")).access).to.not.have.property("cognito:groups");
      const members = await t.admin.listUsersInGroup({ userPoolId: POOL, groupName: "editors", limit: 0, nextToken: "" }, t.adminMetadata);
      expect(members.result?.$case === "success" && members.result.value.users.map((u) => u.username)).to.not.include("frank");
    });

    it("PreTokenGeneration sees the user's groups and replaces them with groupOverrideDetails", async () => {
      clearRecordedEvents();
      await create("staff", { precedence: 2, roleArn: ROLE("staff") }, HOOK_POOL);
      await createUser("gina", HOOK_POOL);
      await add("gina", "staff", HOOK_POOL);
      const { id, access } = await tokens("gina", HOOK_CLIENT);
      const [event] = recordedEvents("TokenGeneration_Authentication") as PreTokenGenerationTriggerEvent[];
      expect(event?.request.groupConfiguration).to.deep.equal({ groupsToOverride: ["staff"], iamRolesToOverride: [ROLE("staff")], preferredRole: ROLE("staff") });
      expect(access["cognito:groups"]).to.deep.equal(["staff", "from-hook"]);
      expect(id["cognito:groups"]).to.deep.equal(["staff", "from-hook"]);
      expect(id["cognito:preferred_role"]).to.equal(ROLE("hook"));
    });
  });
});
