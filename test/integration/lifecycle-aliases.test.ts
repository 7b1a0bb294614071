import { expect } from "chai";
import { ALIAS_POOL, EMAIL_POOL, startTestApp, type TestApp } from "../helpers/test-app.js";
import { deliveredSince, deliveryTo, LIFECYCLE_CONFIG, MODE_CLIENTS, NEW_PASSWORD, PASSWORD, passwordSignIn, PHONE_POOL, seedUser } from "../helpers/user-states.js";

const ALIAS = MODE_CLIENTS[ALIAS_POOL];

describe("lifecycle: aliases and username attributes (gRPC + Redis)", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ config: LIFECYCLE_CONFIG });
  });
  after(() => t.stop());

  let n = 0;
  const fresh = (prefix: string) => `${prefix}${++n}`;
  const signUp = (clientId: string, username: string, attributes: { name: string; value: string }[] = []) =>
    t.auth.signUp({ clientId, secretHash: "", username, password: PASSWORD, userAttributes: attributes, validationData: [], clientMetadata: {} }).then((r) => r.result);
  const forgot = (clientId: string, username: string) => t.auth.forgotPassword({ clientId, secretHash: "", username, clientMetadata: {} }).then((r) => r.result);
  const confirm = (clientId: string, username: string, code: string, force = false) =>
    t.auth.confirmSignUp({ clientId, secretHash: "", username, confirmationCode: code, forceAliasCreation: force, clientMetadata: {} }).then((r) => r.result);
  const stored = (poolId: string, name: string) => t.app.deps.stores.users.find(poolId, [{ kind: "name", value: name.toLowerCase() }]);

  describe("alias_attributes (email, phone_number, preferred_username)", () => {
    it("refuses usernames shaped like an email or a phone number", async () => {
      expect((await signUp(ALIAS.ENABLED, "someone@example.com"))?.value).to.deep.include({ message: "Username cannot be of email format, since user pool is configured for email alias." });
      expect((await signUp(ALIAS.ENABLED, "+15551234567"))?.value).to.deep.include({ message: "Username cannot be of phone number format, since user pool is configured for phone number alias." });
    });

    it("signs in and recovers by a verified alias, in any case", async () => {
      const user = await seedUser(t, ALIAS_POOL, "CONFIRMED", fresh("vera"), { email: `${fresh("Vera")}@Example.com` });
      expect((await passwordSignIn(t, ALIAS.ENABLED, user.email.toLowerCase(), PASSWORD)).result?.$case).to.equal("authenticationResult");
      expect((await passwordSignIn(t, ALIAS.ENABLED, user.name.toUpperCase(), PASSWORD)).result?.$case).to.equal("authenticationResult");
      const mark = await t.outboxMark(ALIAS_POOL);
      expect((await forgot(ALIAS.ENABLED, user.email))?.value).to.deep.equal({ codeDeliveryDetails: { destination: "v***@e***", deliveryMedium: 2, attributeName: "email" } });
      expect((await deliveryTo(t, ALIAS_POOL, user.email, mark)).event).to.equal("ForgotPassword");
    });

    it("treats an unverified alias as an unknown name", async () => {
      const user = await seedUser(t, ALIAS_POOL, "UNCONFIRMED", fresh("una"));
      expect((await passwordSignIn(t, ALIAS.ENABLED, user.name, PASSWORD)).result?.$case, "by username").to.equal("userNotConfirmed");
      expect((await passwordSignIn(t, ALIAS.LEGACY, user.email, PASSWORD)).result).to.deep.equal({ $case: "userNotFound", value: { message: "User does not exist." } });
      expect((await passwordSignIn(t, ALIAS.ENABLED, user.email, PASSWORD)).result).to.deep.equal({ $case: "notAuthorized", value: { message: "Incorrect username or password." } });
      expect((await forgot(ALIAS.LEGACY, user.email))?.$case).to.equal("userNotFound");
      const mark = await t.outboxMark(ALIAS_POOL);
      expect((await forgot(ALIAS.ENABLED, user.email))?.value).to.deep.equal({ codeDeliveryDetails: { destination: "u***@e***", deliveryMedium: 2, attributeName: "email" } });
      expect(await deliveredSince(t, ALIAS_POOL, mark)).to.deep.equal([]);
    });

    it("signs up with another user's email, says alias_exists only to the code's holder, and moves the alias when forced", async () => {
      const shared = `${fresh("shared")}@example.com`;
      const holder = await seedUser(t, ALIAS_POOL, "CONFIRMED", fresh("holder"), { email: shared });
      const newcomer = fresh("newcomer");
      const mark = await t.outboxMark(ALIAS_POOL);
      expect((await signUp(ALIAS.ENABLED, newcomer, [{ name: "email", value: shared }]))?.$case).to.equal("success");
      const code = (await deliveryTo(t, ALIAS_POOL, shared, mark)).code!;
      expect((await confirm(ALIAS.ENABLED, newcomer, "0000000"))?.$case, "a wrong code learns nothing").to.equal("codeMismatch");
      expect(await confirm(ALIAS.ENABLED, newcomer, code)).to.deep.equal({ $case: "aliasExists", value: { message: "An account with the email already exists." } });
      expect((await stored(ALIAS_POOL, newcomer))?.status).to.equal("UNCONFIRMED");
      expect((await confirm(ALIAS.ENABLED, newcomer, code, true))?.$case, "the same code, forced").to.equal("success");
      expect((await stored(ALIAS_POOL, newcomer))?.attributes.email_verified).to.equal("true");
      expect((await stored(ALIAS_POOL, holder.name))?.attributes.email_verified).to.equal("false");
      const byEmail = await passwordSignIn(t, ALIAS.ENABLED, shared, PASSWORD);
      expect(byEmail.result?.$case === "authenticationResult" && JSON.parse(Buffer.from(byEmail.result.value.accessToken.split(".")[1]!, "base64url").toString()).username).to.equal(newcomer);
      expect((await passwordSignIn(t, ALIAS.ENABLED, holder.name, PASSWORD)).result?.$case, "the holder keeps its username").to.equal("authenticationResult");
    });
  });

  describe("username_attributes (email and phone as the username)", () => {
    const EMAIL = MODE_CLIENTS[EMAIL_POOL];

    it("generates a UUID username and refuses a taken email as username_exists", async () => {
      const email = `${fresh("uma")}@example.com`;
      expect((await signUp(EMAIL.ENABLED, email))?.$case).to.equal("success");
      expect((await stored(EMAIL_POOL, email))?.username).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(await signUp(EMAIL.STRICT, email.toUpperCase())).to.deep.equal({ $case: "usernameExists", value: { message: "An account with the given email already exists." } });
    });

    it("masks real and simulated SMS deliveries alike: +*******dddd", async () => {
      const PHONE = MODE_CLIENTS[PHONE_POOL];
      const phone = `+1555${String(1000000 + n).slice(-7)}`;
      const mark = await t.outboxMark(PHONE_POOL);
      expect((await signUp(PHONE.ENABLED, phone))?.value).to.deep.include({ codeDeliveryDetails: { destination: `+*******${phone.slice(-4)}`, deliveryMedium: 1, attributeName: "phone_number" } });
      expect((await confirm(PHONE.ENABLED, phone, (await deliveryTo(t, PHONE_POOL, phone, mark)).code!))?.$case).to.equal("success");
      const real = await forgot(PHONE.ENABLED, phone);
      const unknown = await forgot(PHONE.ENABLED, `+1444${phone.slice(-7)}`);
      expect(unknown).to.deep.equal(real);
      expect(real?.value).to.deep.equal({ codeDeliveryDetails: { destination: `+*******${phone.slice(-4)}`, deliveryMedium: 1, attributeName: "phone_number" } });
      expect((await passwordSignIn(t, PHONE.ENABLED, phone, NEW_PASSWORD)).result?.$case).to.equal("notAuthorized");
    });
  });
});
