import { expect } from "chai";
import { AdminCreateUserRequest, ImportUsersRequest, ListUsersRequest } from "../../src/gen/identity/v1/admin_service.js";
import { AuthFlow, ChallengeName, DeliveryMedium, MessageAction, UserStatus, type AttributeType, type UserType } from "../../src/gen/identity/v1/common.js";
import { keys } from "../../src/store/keys.js";
import { ALIAS_POOL, CLIENTS, EMAIL_POOL, openedDelivery, POOL, startTestApp, type TestApp } from "../helpers/test-app.js";

const TEMP = "Temporary-Pass-1";
const PASSWORD = "Permanent-Pass-2";
const NEW_PASSWORD = "Brand-New-Pass-3";
const DAY = 86_400_000;

const attrs = (values: Record<string, string>): AttributeType[] => Object.entries(values).map(([name, value]) => ({ name, value }));
const attributeOf = (user: UserType | undefined, name: string) => user?.attributes.find((a) => a.name === name)?.value;

describe("admin user operations (gRPC + Redis)", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.stop());

  function createUser(username: string, attributes: Record<string, string> = {}, extra: Partial<AdminCreateUserRequest> = {}, userPoolId = POOL) {
    const request = AdminCreateUserRequest.fromPartial({ userPoolId, username, temporaryPassword: TEMP, messageAction: MessageAction.MESSAGE_ACTION_SUPPRESS, userAttributes: attrs(attributes), ...extra });
    return t.admin.adminCreateUser(request, t.adminMetadata);
  }

  async function created(username: string, attributes: Record<string, string> = {}, userPoolId = POOL): Promise<UserType> {
    const response = await createUser(username, attributes, {}, userPoolId);
    if (response.result?.$case !== "success") throw new Error(`AdminCreateUser(${username}) answered ${response.result?.$case}`);
    return response.result.value;
  }

  async function getUser(username: string, userPoolId = POOL) {
    return (await t.admin.adminGetUser({ userPoolId, username }, t.adminMetadata)).result;
  }

  async function userOf(username: string, userPoolId = POOL): Promise<UserType> {
    const result = await getUser(username, userPoolId);
    if (result?.$case !== "success") throw new Error(`AdminGetUser(${username}) answered ${result?.$case}`);
    return result.value;
  }

  function setPassword(username: string, password: string, permanent: boolean, userPoolId = POOL) {
    return t.admin.adminSetUserPassword({ userPoolId, username, password, permanent }, t.adminMetadata);
  }

  function signIn(username: string, password: string, clientId: string = CLIENTS.legacy) {
    return t.auth.initiateAuth({ clientId, authFlow: AuthFlow.AUTH_FLOW_USER_PASSWORD_AUTH, authParameters: { USERNAME: username, PASSWORD: password }, clientMetadata: {} });
  }

  /** A CONFIRMED user with PASSWORD, signed in: its tokens. */
  async function signedInUser(username: string, attributes: Record<string, string> = {}) {
    await created(username, attributes);
    expect((await setPassword(username, PASSWORD, true)).result?.$case).to.equal("success");
    const response = await signIn(username, PASSWORD);
    if (response.result?.$case !== "authenticationResult") throw new Error(`sign-in answered ${response.result?.$case}`);
    return response.result.value;
  }

  /** The next `count` messages of the pool's outbox after `mark`. */
  async function deliveries(poolId: string, mark: string, count: number): Promise<Record<string, string>[]> {
    const found: Record<string, string>[] = [];
    let since = mark;
    while (found.length < count) {
      const reply = (await t.redis.xread("COUNT", count, "BLOCK", 5000, "STREAMS", keys.outbox(poolId), since)) as [string, [string, string[]][]][] | null;
      const entries = reply?.[0]?.[1] ?? [];
      if (entries.length === 0) throw new Error(`only ${found.length} of ${count} messages were delivered`);
      for (const [id, fields] of entries) {
        since = id;
        found.push(openedDelivery(Object.fromEntries(Array.from({ length: fields.length / 2 }, (_, i) => [fields[2 * i]!, fields[2 * i + 1]!]))));
      }
    }
    return found;
  }

  describe("AdminCreateUser", () => {
    it("creates a FORCE_CHANGE_PASSWORD user with admin-set verified flags; SUPPRESS sends nothing", async () => {
      const mark = await t.outboxMark(POOL);
      const user = await created("ann", { email: "ann@example.com", email_verified: "true", name: "Ann" });
      expect(user.username).to.equal("ann");
      expect(user.userStatus).to.equal(UserStatus.USER_STATUS_FORCE_CHANGE_PASSWORD);
      expect(user.enabled).to.equal(true);
      expect(attributeOf(user, "sub")).to.match(/^[0-9a-f-]{36}$/);
      expect(attributeOf(user, "email_verified")).to.equal("true");
      // The outbox is ordered: the first message after the mark is the invitation that followed.
      await createUser("ann-invited", { email: "ann.invited@example.com" }, { messageAction: MessageAction.MESSAGE_ACTION_UNSPECIFIED });
      const [invitation] = await deliveries(POOL, mark, 1);
      expect(invitation).to.include({ event: "AdminCreateUser", username: "ann-invited", medium: "EMAIL", attribute: "email", destination: "ann.invited@example.com", code: TEMP });
    });

    it("generates a temporary password that fits the policy, sends it by SMS by default, and it signs in to NEW_PASSWORD_REQUIRED", async () => {
      const mark = await t.outboxMark(POOL);
      const response = await createUser("gen", { phone_number: "+15550000001", email: "gen@example.com" }, { temporaryPassword: "", messageAction: MessageAction.MESSAGE_ACTION_UNSPECIFIED });
      expect(response.result?.$case).to.equal("success");
      const [invitation] = await deliveries(POOL, mark, 1);
      expect(invitation).to.include({ username: "gen", medium: "SMS", attribute: "phone_number", destination: "+15550000001" });
      const password = invitation!.code!;
      expect(password).to.have.length.of.at.least(12);
      expect(password).to.match(/[A-Z]/).and.match(/[a-z]/).and.match(/\d/).and.match(/[^A-Za-z0-9]/);
      const signedIn = await signIn("gen", password);
      expect(signedIn.result?.$case).to.equal("challenge");
      if (signedIn.result?.$case === "challenge") expect(signedIn.result.value.challengeName).to.equal(ChallengeName.CHALLENGE_NAME_NEW_PASSWORD_REQUIRED);
    });

    it("sends to every requested medium the user has, and creates users without any contact silently", async () => {
      const mark = await t.outboxMark(POOL);
      const both = [DeliveryMedium.DELIVERY_MEDIUM_EMAIL, DeliveryMedium.DELIVERY_MEDIUM_SMS];
      expect((await createUser("nocontact", {}, { messageAction: MessageAction.MESSAGE_ACTION_UNSPECIFIED, desiredDeliveryMediums: both })).result?.$case).to.equal("success");
      expect((await createUser("emailonly", { email: "only@example.com" }, { messageAction: MessageAction.MESSAGE_ACTION_UNSPECIFIED, desiredDeliveryMediums: [DeliveryMedium.DELIVERY_MEDIUM_SMS] })).result?.$case).to.equal("success");
      expect((await createUser("twoways", { email: "two@example.com", phone_number: "+15550000002" }, { messageAction: MessageAction.MESSAGE_ACTION_UNSPECIFIED, desiredDeliveryMediums: both })).result?.$case).to.equal("success");
      const sent = await deliveries(POOL, mark, 2);
      expect(sent.map((m) => [m.username, m.medium])).to.deep.equal([["twoways", "EMAIL"], ["twoways", "SMS"]]);
      expect((await userOf("nocontact")).userStatus).to.equal(UserStatus.USER_STATUS_FORCE_CHANGE_PASSWORD);
    });

    it("refuses a temporary password the policy rejects, and creates nothing", async () => {
      const response = await createUser("weakling", {}, { temporaryPassword: "short" });
      expect(response.result).to.deep.equal({ $case: "invalidPassword", value: { message: "Password did not conform with policy: Password not long enough" } });
      expect((await getUser("weakling"))?.$case).to.equal("userNotFound");
    });

    it("refuses a taken username", async () => {
      await created("taken");
      expect((await createUser("taken")).result).to.deep.equal({ $case: "usernameExists", value: { message: "User already exists" } });
    });

    it("refuses a verified alias another user holds, unless force_alias_creation moves it", async () => {
      await created("holder", { email: "shared@example.com", email_verified: "true" }, ALIAS_POOL);
      const refused = await createUser("taker", { email: "shared@example.com", email_verified: "true" }, {}, ALIAS_POOL);
      expect(refused.result).to.deep.equal({ $case: "aliasExists", value: { message: "An account with the email already exists." } });
      expect((await getUser("taker", ALIAS_POOL))?.$case).to.equal("userNotFound");
      const forced = await createUser("taker", { email: "shared@example.com", email_verified: "true" }, { forceAliasCreation: true }, ALIAS_POOL);
      expect(forced.result?.$case).to.equal("success");
      expect((await userOf("shared@example.com", ALIAS_POOL)).username).to.equal("taker");
      expect(attributeOf(await userOf("holder", ALIAS_POOL), "email_verified")).to.equal("false");
    });

    it("follows the pool's username design", async () => {
      const user = await created("eve@example.com", {}, EMAIL_POOL);
      expect(user.username).to.match(/^[0-9a-f-]{36}$/);
      expect(attributeOf(user, "email")).to.equal("eve@example.com");
      expect((await userOf("eve@example.com", EMAIL_POOL)).username).to.equal(user.username);
      expect((await createUser("eve@example.com", {}, {}, EMAIL_POOL)).result).to.deep.equal({ $case: "usernameExists", value: { message: "An account with the given email already exists." } });
      expect((await createUser("plainname", {}, {}, EMAIL_POOL)).result?.$case).to.equal("invalidParameter");
      expect((await createUser("looks@like.email", {}, {}, ALIAS_POOL)).result?.$case).to.equal("invalidParameter");
    });

    it("RESEND: unknown → user_not_found, not invited → unsupported_user_state", async () => {
      const resend = { messageAction: MessageAction.MESSAGE_ACTION_RESEND };
      expect((await createUser("nobody-here", {}, resend)).result).to.deep.equal({ $case: "userNotFound", value: { message: "User does not exist." } });
      await signedInUser("confirmed-one");
      expect((await createUser("confirmed-one", {}, resend)).result).to.deep.equal({ $case: "unsupportedUserState", value: { message: "Resend not possible. confirmed-one status is not FORCE_CHANGE_PASSWORD." } });
    });

    it("RESEND: a new temporary password, the old one dead, validity counted from now", async () => {
      await created("invitee", { email: "invitee@example.com" });
      t.clock.advance(6 * DAY);
      const mark = await t.outboxMark(POOL);
      const resent = await createUser("invitee", {}, { temporaryPassword: "", messageAction: MessageAction.MESSAGE_ACTION_RESEND, desiredDeliveryMediums: [DeliveryMedium.DELIVERY_MEDIUM_EMAIL] });
      expect(resent.result?.$case).to.equal("success");
      const [invitation] = await deliveries(POOL, mark, 1);
      expect(invitation).to.include({ event: "AdminCreateUser", username: "invitee", medium: "EMAIL" });
      expect((await signIn("invitee", TEMP)).result).to.deep.equal({ $case: "notAuthorized", value: { message: "Incorrect username or password." } });
      t.clock.advance(2 * DAY);
      expect((await signIn("invitee", invitation!.code!)).result?.$case).to.equal("challenge");
    });

    const bad: [string, Partial<AdminCreateUserRequest>][] = [
      ["a missing username", { username: "" }],
      ["an oversize username", { username: "u".repeat(129) }],
      ["a username with spaces", { username: "two words" }],
      ["an oversize attribute value", { userAttributes: attrs({ name: "x".repeat(2049) }) }],
      ["51 attributes", { userAttributes: Array.from({ length: 51 }, (_, i) => ({ name: `custom:a${i}`, value: "v" })) }],
      ["an oversize attribute name", { userAttributes: attrs({ [`custom:${"n".repeat(30)}`]: "v" }) }],
      ["a sub attribute", { userAttributes: attrs({ sub: "mine" }) }],
      ["a malformed email", { userAttributes: attrs({ email: "not-an-email" }) }],
      ["a malformed phone number", { userAttributes: attrs({ phone_number: "555-0100" }) }],
      ["a verified flag that is not a boolean", { userAttributes: attrs({ email: "v@example.com", email_verified: "yes" }) }],
      ["a verified flag without its attribute", { userAttributes: attrs({ email_verified: "true" }) }],
      ["an unknown message action", { messageAction: 7 as MessageAction }],
      ["an unknown delivery medium", { desiredDeliveryMediums: [9 as DeliveryMedium] }],
      ["an oversize temporary password", { temporaryPassword: `Aa1-${"x".repeat(260)}` }],
      ["oversize client metadata", { clientMetadata: { key: "v".repeat(4097) } }],
      ["a malformed pool id", { userPoolId: "no-underscore" }],
    ];
    for (const [label, change] of bad) {
      it(`refuses ${label} with invalid_parameter and creates nothing`, async () => {
        const response = await createUser("refused-user", {}, change);
        expect(response.result?.$case).to.equal("invalidParameter");
        expect((await getUser("refused-user"))?.$case).to.equal("userNotFound");
      });
    }

    it("answers resource_not_found for an unknown pool", async () => {
      expect((await createUser("someone", {}, {}, "us-east-1_Missing1")).result).to.deep.equal({ $case: "resourceNotFound", value: { message: "User pool us-east-1_Missing1 does not exist." } });
    });
  });

  describe("AdminGetUser", () => {
    it("finds a user by username, by verified alias and by sub, but not by an unverified alias", async () => {
      const user = await created("gina", { email: "gina@example.com", email_verified: "true", phone_number: "+15550000003" }, ALIAS_POOL);
      const sub = attributeOf(user, "sub")!;
      for (const name of ["gina", "GINA", "gina@example.com", sub]) expect((await userOf(name, ALIAS_POOL)).username).to.equal("gina");
      expect((await getUser("+15550000003", ALIAS_POOL))?.$case).to.equal("userNotFound");
    });

    it("says user_not_found, resource_not_found or invalid_parameter", async () => {
      expect(await getUser("ghost")).to.deep.equal({ $case: "userNotFound", value: { message: "User does not exist." } });
      expect((await getUser("ghost", "us-east-1_Missing1"))?.$case).to.equal("resourceNotFound");
      expect((await getUser(""))?.$case).to.equal("invalidParameter");
      expect((await getUser("ghost", `us-east-1_${"x".repeat(60)}`))?.$case).to.equal("invalidParameter");
    });
  });

  describe("AdminUpdateUserAttributes", () => {
    function update(username: string, values: Record<string, string>, userPoolId = POOL) {
      return t.admin.adminUpdateUserAttributes({ userPoolId, username, userAttributes: attrs(values), clientMetadata: {} }, t.adminMetadata);
    }

    it("clears the verified flag of a changed contact unless the request sets it", async () => {
      await created("hal", { email: "hal@example.com", email_verified: "true", phone_number: "+15550000004", phone_number_verified: "true" });
      expect((await update("hal", { email: "hal@example.com", name: "Hal" })).result?.$case).to.equal("success");
      expect(attributeOf(await userOf("hal"), "email_verified")).to.equal("true");
      expect((await update("hal", { email: "hal2@example.com" })).result?.$case).to.equal("success");
      let user = await userOf("hal");
      expect([attributeOf(user, "email"), attributeOf(user, "email_verified"), attributeOf(user, "name")]).to.deep.equal(["hal2@example.com", "false", "Hal"]);
      expect((await update("hal", { phone_number: "+15550000005", phone_number_verified: "true" })).result?.$case).to.equal("success");
      user = await userOf("hal");
      expect([attributeOf(user, "phone_number"), attributeOf(user, "phone_number_verified")]).to.deep.equal(["+15550000005", "true"]);
    });

    it("moves a verified alias, and refuses one another user holds without changing anything", async () => {
      await created("ivy", { email: "ivy@example.com", email_verified: "true" }, ALIAS_POOL);
      await created("jon", { email: "jon@example.com", email_verified: "true" }, ALIAS_POOL);
      expect((await update("ivy", { email: "ivy.new@example.com", email_verified: "true" }, ALIAS_POOL)).result?.$case).to.equal("success");
      expect((await userOf("ivy.new@example.com", ALIAS_POOL)).username).to.equal("ivy");
      expect((await getUser("ivy@example.com", ALIAS_POOL))?.$case).to.equal("userNotFound");
      const taken = await update("ivy", { email: "jon@example.com", email_verified: "true", name: "Ivy" }, ALIAS_POOL);
      expect(taken.result).to.deep.equal({ $case: "aliasExists", value: { message: "An account with the email already exists." } });
      const ivy = await userOf("ivy", ALIAS_POOL);
      expect([attributeOf(ivy, "email"), attributeOf(ivy, "name")]).to.deep.equal(["ivy.new@example.com", undefined]);
      expect((await userOf("jon@example.com", ALIAS_POOL)).username).to.equal("jon");
    });

    it("in a username-attribute pool, a new email is the new sign-in name", async () => {
      const kim = await created("kim@example.com", {}, EMAIL_POOL);
      await created("lee@example.com", {}, EMAIL_POOL);
      expect((await setPassword("kim@example.com", PASSWORD, true, EMAIL_POOL)).result?.$case).to.equal("success");
      expect((await update("kim@example.com", { email: "kim.new@example.com" }, EMAIL_POOL)).result?.$case).to.equal("success");
      expect((await getUser("kim@example.com", EMAIL_POOL))?.$case).to.equal("userNotFound");
      expect((await userOf("kim.new@example.com", EMAIL_POOL)).username).to.equal(kim.username);
      expect((await signIn("kim.new@example.com", PASSWORD, CLIENTS.emailLegacy)).result?.$case).to.equal("authenticationResult");
      const taken = await update("kim.new@example.com", { email: "lee@example.com" }, EMAIL_POOL);
      expect(taken.result).to.deep.equal({ $case: "aliasExists", value: { message: "An account with the given email already exists." } });
      expect((await userOf("kim.new@example.com", EMAIL_POOL)).username).to.equal(kim.username);
    });

    it("refuses bad input and unknown users, changing nothing", async () => {
      await created("max", { email: "max@example.com" });
      const before = await userOf("max");
      for (const values of [{}, { sub: "x" }, { "cognito:user_status": "CONFIRMED" }, { email: "nope" }, { phone_number: "12" }, { email_verified: "maybe" }, { name: "n".repeat(2049) }]) {
        expect((await update("max", values)).result?.$case, JSON.stringify(values).slice(0, 40)).to.equal("invalidParameter");
      }
      // 50 is the most one request may carry; with the stored email the user would have 51.
      const tooMany = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`custom:c${i}`, "v"]));
      expect((await update("max", tooMany)).result?.$case).to.equal("invalidParameter");
      expect(await userOf("max")).to.deep.equal(before);
      expect((await update("nobody", { name: "x" })).result?.$case).to.equal("userNotFound");
    });
  });

  describe("AdminDeleteUser", () => {
    it("deletes the user, revokes their tokens and frees the username and aliases", async () => {
      const tokens = await signedInUser("ned", { email: "ned@example.com", email_verified: "true" });
      expect((await t.admin.adminDeleteUser({ userPoolId: POOL, username: "ned" }, t.adminMetadata)).result?.$case).to.equal("success");
      expect((await getUser("ned"))?.$case).to.equal("userNotFound");
      expect((await t.auth.getUser({ accessToken: tokens.accessToken })).result).to.deep.equal({ $case: "notAuthorized", value: { message: "Access Token has been revoked" } });
      expect((await createUser("ned")).result?.$case).to.equal("success");
      expect((await t.admin.adminDeleteUser({ userPoolId: POOL, username: "nobody" }, t.adminMetadata)).result).to.deep.equal({ $case: "userNotFound", value: { message: "User does not exist." } });
    });

    it("drops the user's pending codes, so a later user of the same name cannot use them", async () => {
      const signedUp = await t.auth.signUp({ clientId: CLIENTS.legacy, secretHash: "", username: "stale", password: PASSWORD, userAttributes: attrs({ email: "stale@example.com" }), validationData: [], clientMetadata: {} });
      expect(signedUp.result?.$case).to.equal("success");
      // The code key's layout belongs to the code store; any sign-up code key naming the user counts.
      const codeKeys = () => t.redis.keys(`${keys.code(POOL, "sign-up", "")}*stale`);
      expect(await codeKeys()).to.have.length(1);
      expect((await t.admin.adminDeleteUser({ userPoolId: POOL, username: "stale" }, t.adminMetadata)).result?.$case).to.equal("success");
      expect(await codeKeys()).to.deep.equal([]);
    });

    it("frees a verified alias for another user", async () => {
      await created("olga", { email: "olga@example.com", email_verified: "true" }, ALIAS_POOL);
      expect((await t.admin.adminDeleteUser({ userPoolId: ALIAS_POOL, username: "olga@example.com" }, t.adminMetadata)).result?.$case).to.equal("success");
      expect((await createUser("olga2", { email: "olga@example.com", email_verified: "true" }, {}, ALIAS_POOL)).result?.$case).to.equal("success");
    });
  });

  describe("AdminDisableUser / AdminEnableUser", () => {
    const disable = (username: string) => t.admin.adminDisableUser({ userPoolId: POOL, username }, t.adminMetadata);
    const enable = (username: string) => t.admin.adminEnableUser({ userPoolId: POOL, username }, t.adminMetadata);

    it("revokes issued tokens and blocks sign-in until enabled again", async () => {
      const tokens = await signedInUser("pat");
      expect((await disable("pat")).result?.$case).to.equal("success");
      expect((await disable("pat")).result?.$case).to.equal("success");
      expect((await t.auth.getUser({ accessToken: tokens.accessToken })).result).to.deep.equal({ $case: "notAuthorized", value: { message: "Access Token has been revoked" } });
      const refresh = await t.auth.initiateAuth({ clientId: CLIENTS.legacy, authFlow: AuthFlow.AUTH_FLOW_REFRESH_TOKEN_AUTH, authParameters: { REFRESH_TOKEN: tokens.refreshToken }, clientMetadata: {} });
      expect(refresh.result?.$case).to.equal("notAuthorized");
      expect((await signIn("pat", PASSWORD)).result).to.deep.equal({ $case: "notAuthorized", value: { message: "User is disabled." } });
      expect((await userOf("pat")).enabled).to.equal(false);
      expect((await enable("pat")).result?.$case).to.equal("success");
      expect((await userOf("pat")).enabled).to.equal(true);
      expect((await signIn("pat", PASSWORD)).result?.$case).to.equal("authenticationResult");
    });

    it("answers user_not_found for unknown users", async () => {
      expect((await disable("nobody")).result?.$case).to.equal("userNotFound");
      expect((await enable("nobody")).result?.$case).to.equal("userNotFound");
    });
  });

  describe("AdminSetUserPassword", () => {
    function respond(username: string, session: string, password = NEW_PASSWORD) {
      return t.auth.respondToAuthChallenge({ clientId: CLIENTS.legacy, challengeName: ChallengeName.CHALLENGE_NAME_NEW_PASSWORD_REQUIRED, session, challengeResponses: { USERNAME: username, NEW_PASSWORD: password }, clientMetadata: {} });
    }

    async function challengeSession(username: string, password: string): Promise<string> {
      const response = await signIn(username, password);
      if (response.result?.$case !== "challenge") throw new Error(`sign-in answered ${response.result?.$case}`);
      expect(response.result.value.challengeName).to.equal(ChallengeName.CHALLENGE_NAME_NEW_PASSWORD_REQUIRED);
      return response.result.value.session;
    }

    it("permanent: the user is CONFIRMED and signs in with it", async () => {
      await created("quinn");
      expect((await setPassword("quinn", PASSWORD, true)).result?.$case).to.equal("success");
      expect((await userOf("quinn")).userStatus).to.equal(UserStatus.USER_STATUS_CONFIRMED);
      expect((await signIn("quinn", PASSWORD)).result?.$case).to.equal("authenticationResult");
    });

    it("temporary: NEW_PASSWORD_REQUIRED, then tokens; the session works once", async () => {
      await signedInUser("rita");
      expect((await setPassword("rita", TEMP, false)).result?.$case).to.equal("success");
      expect((await userOf("rita")).userStatus).to.equal(UserStatus.USER_STATUS_FORCE_CHANGE_PASSWORD);
      const session = await challengeSession("rita", TEMP);
      expect((await respond("rita", session)).result?.$case).to.equal("authenticationResult");
      expect((await userOf("rita")).userStatus).to.equal(UserStatus.USER_STATUS_CONFIRMED);
      expect((await respond("rita", session)).result).to.deep.equal({ $case: "notAuthorized", value: { message: "Invalid session for the user, session can only be used once." } });
      expect((await signIn("rita", NEW_PASSWORD)).result?.$case).to.equal("authenticationResult");
    });

    it("temporary: the challenge session expires", async () => {
      await created("sam");
      const session = await challengeSession("sam", TEMP);
      t.clock.advance(3 * 60_000 + 1);
      expect((await respond("sam", session)).result).to.deep.equal({ $case: "notAuthorized", value: { message: "Invalid session for the user, session is expired." } });
      expect((await userOf("sam")).userStatus).to.equal(UserStatus.USER_STATUS_FORCE_CHANGE_PASSWORD);
    });

    it("temporary: expires after the pool's temporary password validity", async () => {
      await created("tom");
      expect((await setPassword("tom", TEMP, false)).result?.$case).to.equal("success");
      t.clock.advance(7 * DAY + 1);
      expect((await signIn("tom", TEMP)).result).to.deep.equal({ $case: "notAuthorized", value: { message: "Temporary password has expired and must be reset by an administrator." } });
    });

    it("refuses a password the policy rejects and keeps the old one", async () => {
      await signedInUser("uma");
      expect((await setPassword("uma", "alllowercase1!", true)).result).to.deep.equal({ $case: "invalidPassword", value: { message: "Password did not conform with policy: Password must have uppercase characters" } });
      expect((await setPassword("uma", "", true)).result?.$case).to.equal("invalidParameter");
      expect((await setPassword("uma", `Aa1-${"x".repeat(300)}`, true)).result?.$case).to.equal("invalidParameter");
      expect((await signIn("uma", PASSWORD)).result?.$case).to.equal("authenticationResult");
      expect((await setPassword("nobody", PASSWORD, true)).result?.$case).to.equal("userNotFound");
    });
  });

  describe("AdminUserGlobalSignOut", () => {
    it("revokes every token issued so far; new sign-ins work", async () => {
      const tokens = await signedInUser("vic");
      expect((await t.admin.adminUserGlobalSignOut({ userPoolId: POOL, username: "vic" }, t.adminMetadata)).result?.$case).to.equal("success");
      expect((await t.auth.getUser({ accessToken: tokens.accessToken })).result).to.deep.equal({ $case: "notAuthorized", value: { message: "Access Token has been revoked" } });
      const refresh = await t.auth.initiateAuth({ clientId: CLIENTS.legacy, authFlow: AuthFlow.AUTH_FLOW_REFRESH_TOKEN_AUTH, authParameters: { REFRESH_TOKEN: tokens.refreshToken }, clientMetadata: {} });
      expect(refresh.result).to.deep.equal({ $case: "notAuthorized", value: { message: "Refresh Token has been revoked" } });
      expect((await signIn("vic", PASSWORD)).result?.$case).to.equal("authenticationResult");
      expect((await t.admin.adminUserGlobalSignOut({ userPoolId: POOL, username: "nobody" }, t.adminMetadata)).result?.$case).to.equal("userNotFound");
    });
  });

  describe("ListUsers", () => {
    const LIST_POOL = "us-east-1_ListPool1";
    const list = (request: Partial<ListUsersRequest>) => t.admin.listUsers(ListUsersRequest.fromPartial({ userPoolId: LIST_POOL, ...request }), t.adminMetadata);
    async function names(request: Partial<ListUsersRequest>): Promise<string[]> {
      const response = await list(request);
      if (response.result?.$case !== "success") throw new Error(`ListUsers answered ${JSON.stringify(response.result)}`);
      return response.result.value.users.map((u) => u.username);
    }

    before(async () => {
      expect((await t.admin.createUserPool({ poolName: "list", userPoolId: LIST_POOL, settings: undefined }, t.adminMetadata)).result?.$case).to.equal("success");
      await created("amy", { email: "amy@example.com", given_name: 'Amy "A"' }, LIST_POOL);
      await created("amelia", { email: "amelia@example.org", family_name: "Pond" }, LIST_POOL);
      await created("bob", { phone_number: "+48555000111", preferred_username: "bobby" }, LIST_POOL);
      await created("carl", { name: "Carl" }, LIST_POOL);
      await created("dora", {}, LIST_POOL);
      expect((await t.admin.adminDisableUser({ userPoolId: LIST_POOL, username: "carl" }, t.adminMetadata)).result?.$case).to.equal("success");
      expect((await setPassword("dora", PASSWORD, true, LIST_POOL)).result?.$case).to.equal("success");
    });

    it("lists every user, disabled ones included, in username order", async () => {
      expect(await names({})).to.deep.equal(["amelia", "amy", "bob", "carl", "dora"]);
    });

    it("filters exactly and by prefix on each searchable attribute", async () => {
      const sub = attributeOf(await userOf("bob", LIST_POOL), "sub")!;
      const cases: [string, string[]][] = [
        ['username = "amy"', ["amy"]],
        ['username ^= "am"', ["amelia", "amy"]],
        ['username = "AMY"', []],
        ['email ^= "am"', ["amelia", "amy"]],
        ['email = "amy@example.com"', ["amy"]],
        ['phone_number ^= "+48"', ["bob"]],
        ['preferred_username = "bobby"', ["bob"]],
        ['name = "Carl"', ["carl"]],
        ['family_name ^= "Po"', ["amelia"]],
        ['given_name = "Amy \\"A\\""', ["amy"]],
        [`sub = "${sub}"`, ["bob"]],
        ['status = "Disabled"', ["carl"]],
        ['status = "Enabled"', ["amelia", "amy", "bob", "dora"]],
        ['cognito:user_status = "confirmed"', ["dora"]],
        ['cognito:user_status = "Force_Change_Password"', ["amelia", "amy", "bob", "carl"]],
        ['email = "nobody@example.com"', []],
      ];
      for (const [filter, expected] of cases) expect(await names({ filter }), filter).to.deep.equal(expected);
    });

    it("pages with limit and an opaque token; the last page has no token", async () => {
      const seen: string[] = [];
      let token = "";
      let pages = 0;
      do {
        const response = await list({ limit: 2, paginationToken: token });
        if (response.result?.$case !== "success") throw new Error("ListUsers failed");
        seen.push(...response.result.value.users.map((u) => u.username));
        token = response.result.value.paginationToken;
        pages++;
        expect(response.result.value.users.length).to.be.at.most(2);
      } while (token !== "");
      expect(seen).to.deep.equal(["amelia", "amy", "bob", "carl", "dora"]);
      expect(pages).to.equal(3);
      const filtered = await list({ limit: 1, filter: 'username ^= "am"' });
      if (filtered.result?.$case !== "success") throw new Error("ListUsers failed");
      expect(filtered.result.value.users.map((u) => u.username)).to.deep.equal(["amelia"]);
      expect(await names({ limit: 1, filter: 'username ^= "am"', paginationToken: filtered.result.value.paginationToken })).to.deep.equal(["amy"]);
    });

    it("returns only attributes_to_get", async () => {
      const response = await list({ filter: 'username = "amy"', attributesToGet: ["email"] });
      if (response.result?.$case !== "success") throw new Error("ListUsers failed");
      expect(response.result.value.users[0]?.attributes).to.deep.equal([{ name: "email", value: "amy@example.com" }]);
    });

    it("refuses malformed filters, limits, tokens and pools", async () => {
      const refusals: [Partial<ListUsersRequest>, string | RegExp][] = [
        [{ filter: "username = amy" }, /^Error while parsing filter: expected a value in double quotes/],
        [{ filter: 'username = "amy' }, /^Error while parsing filter: the quoted value has no closing quote/],
        [{ filter: 'custom:team = "x"' }, "Invalid search attribute: custom:team"],
        [{ filter: `name = "${"x".repeat(260)}"` }, /longer than 256 characters/],
        [{ limit: 61 }, /Member must have value between 1 and 60/],
        [{ limit: -1 }, /Member must have value between 1 and 60/],
        [{ paginationToken: "garbage!" }, "Invalid pagination token."],
        [{ attributesToGet: ["x".repeat(33)] }, /attribute names/],
        [{ userPoolId: "bad" }, /userPoolId/],
      ];
      for (const [request, message] of refusals) {
        const response = await list(request);
        expect(response.result?.$case, JSON.stringify(request).slice(0, 60)).to.equal("invalidParameter");
        if (response.result?.$case === "invalidParameter") expect(response.result.value.message).to.match(typeof message === "string" ? new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`) : message);
      }
      expect((await list({ userPoolId: "us-east-1_Missing1" })).result?.$case).to.equal("resourceNotFound");
    });

    it("scans at most 1,000 users a call for a filter without an index and hands back a token to continue", async () => {
      const BIG_POOL = "us-east-1_BigPool1";
      expect((await t.admin.createUserPool({ poolName: "big", userPoolId: BIG_POOL, settings: undefined }, t.adminMetadata)).result?.$case).to.equal("success");
      const name = (i: number) => `u${String(i).padStart(4, "0")}`;
      for (const start of [0, 500, 1000]) {
        const rows = Array.from({ length: start === 1000 ? 100 : 500 }, (_, i) => ({ username: name(start + i), attributes: start + i === 1050 ? attrs({ name: "Needle" }) : [] }));
        const imported = await t.admin.importUsers(ImportUsersRequest.fromPartial({ userPoolId: BIG_POOL, users: rows }), t.adminMetadata);
        expect(imported.result?.$case === "success" && imported.result.value.importedCount).to.equal(rows.length);
      }
      const list = (filter: string, paginationToken = "") => t.admin.listUsers(ListUsersRequest.fromPartial({ userPoolId: BIG_POOL, filter, paginationToken }), t.adminMetadata).then((r) => {
        if (r.result?.$case !== "success") throw new Error("ListUsers failed");
        return { names: r.result.value.users.map((u) => u.username), token: r.result.value.paginationToken };
      });
      const first = await list('name = "Needle"');
      expect(first.names).to.deep.equal([]);
      expect(first.token).to.not.equal("");
      expect(await list('name = "Needle"', first.token)).to.deep.equal({ names: ["u1050"], token: "" });
      // username = reads the one user key: found at once, however many users sort before it.
      expect(await list('username = "u1050"')).to.deep.equal({ names: ["u1050"], token: "" });
    });
  });

  describe("ImportUsers", () => {
    const importRows = (users: ImportUsersRequest["users"], userPoolId = POOL) => t.admin.importUsers({ userPoolId, users }, t.adminMetadata);

    it("keeps good rows as RESET_REQUIRED users and refuses bad ones with a reason", async () => {
      await created("existing-one");
      const rows = [
        { username: "imp-good", attributes: attrs({ email: "imp@example.com", email_verified: "true", name: "Imp" }) },
        { username: "existing-one", attributes: [] },
        { username: "imp-twice", attributes: [] },
        { username: "imp-twice", attributes: [] },
        { username: "has space", attributes: [] },
        { username: "imp-wide", attributes: Array.from({ length: 51 }, (_, i) => ({ name: `custom:a${i}`, value: "v" })) },
        { username: "imp-long", attributes: attrs({ name: "x".repeat(2049) }) },
        { username: "imp-sub", attributes: attrs({ sub: "mine" }) },
        { username: "", attributes: [] },
      ];
      const response = await importRows(rows);
      if (response.result?.$case !== "success") throw new Error(`ImportUsers answered ${response.result?.$case}`);
      const { outcomes, importedCount, refusedCount } = response.result.value;
      expect([importedCount, refusedCount]).to.deep.equal([2, 7]);
      expect(outcomes.map((o) => [o.index, o.username, o.result?.$case])).to.deep.equal(rows.map((r, i) => [i, r.username, [0, 2].includes(i) ? "imported" : "refused"]));
      const reasons = outcomes.map((o) => (o.result?.$case === "refused" ? o.result.value : ""));
      expect(reasons[1]).to.equal("User already exists");
      expect(reasons[3]).to.equal("User already exists");
      expect(reasons[4]).to.match(/regular expression pattern/);
      expect(reasons[5]).to.match(/more than 50 attributes/);
      expect(reasons[6]).to.match(/at most 2048 characters/);
      expect(reasons[7]).to.equal("Cannot modify the non-mutable attribute sub");
      expect(reasons[8]).to.match(/must not be null/);
      const imported = await userOf("imp-good");
      expect(imported.userStatus).to.equal(UserStatus.USER_STATUS_RESET_REQUIRED);
      expect([attributeOf(imported, "email"), attributeOf(imported, "email_verified")]).to.deep.equal(["imp@example.com", "true"]);
      expect((await signIn("imp-good", "Whatever-Pass-1")).result).to.deep.equal({ $case: "passwordResetRequired", value: { message: "Password reset required for the user" } });
      for (const refused of ["imp-wide", "imp-long", "imp-sub"]) expect((await getUser(refused))?.$case).to.equal("userNotFound");
    });

    it("answers each row as if the rows were stored one by one, in order, though they are stored in batches", async () => {
      await created("imp-held", {}, ALIAS_POOL);
      const phone = { phone_number: "+15550009999", phone_number_verified: "true" };
      const rows = [
        { username: "imp-held", attributes: attrs(phone) }, // refused (the name is taken): the phone stays free
        { username: "imp-second", attributes: attrs(phone) }, // so the next row claiming it gets it
        { username: "imp-third", attributes: attrs(phone) }, // and this one finds it taken
        { username: "Imp-Second", attributes: [] }, // the pool ignores case: taken by row 1
        { username: "imp-other", attributes: attrs({ email: "imp-other@example.com", email_verified: "true" }) },
      ];
      const response = await importRows(rows, ALIAS_POOL);
      if (response.result?.$case !== "success") throw new Error(`ImportUsers answered ${response.result?.$case}`);
      expect(response.result.value.outcomes.map((o) => (o.result?.$case === "refused" ? o.result.value : o.result?.$case))).to.deep.equal([
        "User already exists", "imported", "An account with the phone_number already exists.", "User already exists", "imported",
      ]);
    });

    it("refuses usernames the pool's design forbids", async () => {
      const response = await importRows([{ username: "imp@example.com", attributes: [] }], ALIAS_POOL);
      expect(response.result?.$case === "success" && response.result.value.outcomes[0]?.result).to.deep.equal({ $case: "refused", value: "Username cannot be of email format, since user pool is configured for email alias." });
    });

    it("refuses an empty call, more than 500 rows, and unknown pools, importing nothing", async () => {
      expect((await importRows([])).result?.$case).to.equal("invalidParameter");
      const rows = Array.from({ length: 501 }, (_, i) => ({ username: `bulk${i}`, attributes: [] }));
      expect((await importRows(rows)).result?.$case).to.equal("invalidParameter");
      expect((await getUser("bulk0"))?.$case).to.equal("userNotFound");
      expect((await importRows([{ username: "x", attributes: [] }], "us-east-1_Missing1")).result?.$case).to.equal("resourceNotFound");
    });
  });

  // Last: mocha runs a suite's own tests before its nested suites, so this check sits in a suite too.
  describe("logging", () => {
    it("never logs a password, temporary password or token", () => {
      const logged = t.log.lines.join("\n");
      for (const secret of [TEMP, PASSWORD, NEW_PASSWORD]) expect(logged).to.not.include(secret);
      expect(logged).to.not.match(/"code"\s*:/);
    });
  });
});
