import { expect } from "chai";
import { startApp } from "../../src/app.js";
import { AuthFlow, ChallengeName, MessageAction } from "../../src/gen/identity/v1/common.js";
import type { CodeSender } from "../../src/flows/delivery/code-sender.js";
import { WRONG_ANSWERS_PER_CODE } from "../../src/store/codes.js";
import { testClients } from "../helpers/clients.js";
import { CLIENTS, MemoryLog, POOL, startTestApp, type TestApp } from "../helpers/test-app.js";
import { LIFECYCLE_CONFIG, PASSWORD, seedUser, WRONG_CODE } from "../helpers/user-states.js";

// The arms that had no producer until docs/quotas.md's "Every declared arm is real": each is
// produced where this service meets Cognito's condition for it, and tested here.
const HOUR = 3_600_000;

describe("contract: rarely produced arms (gRPC + Redis)", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ config: LIFECYCLE_CONFIG, overrides: { maxClientsPerPool: 20 } });
  });
  after(() => t.stop());

  let n = 0;
  const fresh = (prefix: string) => `${prefix}-${++n}`;
  const named = (username: string) => ({ clientId: CLIENTS.enabled, secretHash: "", username, clientMetadata: {} });

  describe("unsupported_operation", () => {
    it("answers USER_AUTH, Cognito's choice-based flow, on InitiateAuth and AdminInitiateAuth", async () => {
      const auth = await t.auth.initiateAuth({ clientId: CLIENTS.enabled, authFlow: AuthFlow.AUTH_FLOW_USER_AUTH, authParameters: { USERNAME: "anyone" }, clientMetadata: {} });
      expect(auth.result).to.deep.equal({ $case: "unsupportedOperation", value: { message: "USER_AUTH is not supported by this user pool." } });
      const admin = await t.admin.adminInitiateAuth({ userPoolId: POOL, clientId: CLIENTS.enabled, authFlow: AuthFlow.AUTH_FLOW_USER_AUTH, authParameters: { USERNAME: "anyone" }, clientMetadata: {} }, t.adminMetadata);
      expect(admin.result?.$case).to.equal("unsupportedOperation");
    });

    it("answers Cognito's challenges this service never issues, before any session is looked at", async () => {
      for (const challenge of [ChallengeName.CHALLENGE_NAME_SMS_MFA, ChallengeName.CHALLENGE_NAME_SOFTWARE_TOKEN_MFA, ChallengeName.CHALLENGE_NAME_EMAIL_OTP, ChallengeName.CHALLENGE_NAME_DEVICE_SRP_AUTH]) {
        const answer = await t.auth.respondToAuthChallenge({ clientId: CLIENTS.enabled, challengeName: challenge, session: "", challengeResponses: { USERNAME: "anyone" }, clientMetadata: {} });
        expect(answer.result?.$case, ChallengeName[challenge]).to.equal("unsupportedOperation");
      }
      const admin = await t.admin.adminRespondToAuthChallenge({ userPoolId: POOL, clientId: CLIENTS.enabled, challengeName: ChallengeName.CHALLENGE_NAME_SMS_MFA, session: "", challengeResponses: {}, clientMetadata: {} }, t.adminMetadata);
      expect(admin.result).to.deep.equal({ $case: "unsupportedOperation", value: { message: "The SMS_MFA challenge is not supported by this user pool." } });
    });

    it("answers RevokeToken for a client with token revocation turned off, and revokes nothing", async () => {
      const created = await t.admin.createUserPoolClient({ userPoolId: POOL, clientName: "no-revocation", clientId: "", generateSecret: false, settings: { explicitAuthFlows: [], preventUserExistenceErrors: 0, accessTokenValiditySeconds: 0, idTokenValiditySeconds: 0, refreshTokenValiditySeconds: 0, authSessionValidityMinutes: 0, allowedOauthFlows: [], allowedOauthScopes: [], enableTokenRevocation: false } }, t.adminMetadata);
      const client = created.result?.$case === "success" ? created.result.value : undefined;
      expect(client?.settings?.enableTokenRevocation).to.equal(false);
      const revoked = await t.auth.revokeToken({ clientId: client!.clientId, clientSecret: "", token: "an-opaque-refresh-token" });
      expect(revoked.result).to.deep.equal({ $case: "unsupportedOperation", value: { message: "Token revocation is not enabled for this app client." } });
      const described = await t.admin.describeUserPoolClient({ userPoolId: POOL, clientId: CLIENTS.enabled }, t.adminMetadata);
      expect(described.result?.$case === "success" && described.result.value.settings?.enableTokenRevocation, "on by default").to.equal(true);
    });
  });

  describe("too_many_failed_attempts", () => {
    const confirm = (username: string, code: string) => t.auth.confirmSignUp({ ...named(username), confirmationCode: code, forceAliasCreation: false }).then((r) => r.result?.$case);

    it(`closes a sign-up code after ${WRONG_ANSWERS_PER_CODE} wrong answers, even to the right code, for real and unknown names alike`, async () => {
      const user = await seedUser(t, POOL, "UNCONFIRMED", fresh("guessed"));
      const ghost = fresh("ghost");
      const transcripts: string[][] = [];
      for (const name of [user.name, ghost]) {
        const answers: string[] = [];
        for (let i = 0; i < WRONG_ANSWERS_PER_CODE; i++) {
          if (i > 0 && i % 15 === 0) t.clock.advance(HOUR); // past the hourly limit of 15
          answers.push((await confirm(name, WRONG_CODE))!);
        }
        answers.push((await confirm(name, WRONG_CODE))!);
        transcripts.push(answers);
        t.clock.advance(HOUR);
      }
      expect(transcripts[0]).to.deep.equal(transcripts[1]);
      expect(transcripts[0]!.slice(0, WRONG_ANSWERS_PER_CODE).every((c) => c === "codeMismatch")).to.equal(true);
      expect(transcripts[0]![WRONG_ANSWERS_PER_CODE]).to.equal("tooManyFailedAttempts");
      const right = await t.auth.confirmSignUp({ ...named(user.name), confirmationCode: user.signUpCode!, forceAliasCreation: false });
      expect(right.result).to.deep.equal({ $case: "tooManyFailedAttempts", value: { message: "Too many failed attempts with this code; request a new one." } });
      const stored = await t.app.deps.stores.users.find(POOL, [{ kind: "name", value: user.name }]);
      expect(stored?.status, "the closed code confirmed nothing").to.equal("UNCONFIRMED");
    });

    it("opens again with a new code", async () => {
      const user = await seedUser(t, POOL, "UNCONFIRMED", fresh("reopened"));
      for (let i = 0; i < WRONG_ANSWERS_PER_CODE; i++) {
        if (i > 0 && i % 15 === 0) t.clock.advance(HOUR);
        await confirm(user.name, WRONG_CODE);
      }
      t.clock.advance(HOUR);
      expect(await confirm(user.name, WRONG_CODE)).to.equal("tooManyFailedAttempts");
      const mark = await t.outboxMark(POOL);
      expect((await t.auth.resendConfirmationCode(named(user.name))).result?.$case).to.equal("success");
      const code = (await t.nextDelivery(POOL, mark, user.email)).code!;
      expect(await confirm(user.name, code)).to.equal("success");
    });

    it("closes a recovery slot after as many wrong answers, with or without a code outstanding, real and unknown alike", async () => {
      // A reset code lives an hour and ConfirmForgotPassword allows 10 calls an hour, so guesses pile
      // up only where no code is outstanding: a slot that never held one, or whose code expired.
      const user = await seedUser(t, POOL, "CONFIRMED", fresh("reset-guessed"));
      const transcripts: (string | undefined)[][] = [];
      for (const name of [user.name, fresh("ghost")]) {
        const answers: (string | undefined)[] = [];
        for (let i = 0; i <= WRONG_ANSWERS_PER_CODE; i++) {
          if (i > 0 && i % 10 === 0) t.clock.advance(HOUR);
          answers.push((await t.auth.confirmForgotPassword({ ...named(name), confirmationCode: WRONG_CODE, password: "Another-Password-3" })).result?.$case);
        }
        transcripts.push(answers);
      }
      expect(transcripts[0]).to.deep.equal(transcripts[1]);
      expect(transcripts[0]!.slice(0, WRONG_ANSWERS_PER_CODE).every((c) => c === "expiredCode")).to.equal(true);
      expect(transcripts[0]![WRONG_ANSWERS_PER_CODE]).to.equal("tooManyFailedAttempts");
      expect((await t.auth.forgotPassword(named(user.name))).result?.$case, "a new code opens the slot").to.equal("success");
      t.clock.advance(HOUR);
    });
  });

  describe("code_delivery_failure", () => {
    it("AdminCreateUser: the user is created, and the arm says the invitation did not go out", async () => {
      const failing: CodeSender = { send: () => Promise.reject(new Error("mail relay refused")) };
      const app = await startApp(t.config, { clock: t.clock.now, log: new MemoryLog(), configFile: LIFECYCLE_CONFIG, sender: failing });
      const clients = testClients(app.grpcPort);
      try {
        const username = fresh("invited");
        const created = await clients.admin.adminCreateUser({ userPoolId: POOL, username, userAttributes: [{ name: "email", value: `${username}@example.com` }], validationData: [], temporaryPassword: PASSWORD, forceAliasCreation: false, messageAction: MessageAction.MESSAGE_ACTION_UNSPECIFIED, desiredDeliveryMediums: [], clientMetadata: {} }, t.adminMetadata);
        expect(created.result).to.deep.equal({ $case: "codeDeliveryFailure", value: { message: "The user was created, but the invitation could not be delivered." } });
        const stored = await clients.admin.adminGetUser({ userPoolId: POOL, username }, t.adminMetadata);
        expect(stored.result?.$case === "success" && stored.result.value.userStatus).to.equal(4 /* FORCE_CHANGE_PASSWORD */);
        const suppressed = await clients.admin.adminCreateUser({ userPoolId: POOL, username: fresh("quiet"), userAttributes: [], validationData: [], temporaryPassword: PASSWORD, forceAliasCreation: false, messageAction: MessageAction.MESSAGE_ACTION_SUPPRESS, desiredDeliveryMediums: [], clientMetadata: {} }, t.adminMetadata);
        expect(suppressed.result?.$case, "nothing to deliver, nothing to fail").to.equal("success");
      } finally {
        clients.close();
        await app.stop();
      }
    });
  });

  describe("limit_exceeded (resource quotas)", () => {
    it("CreateUserPoolClient past the pool's limit of app clients", async () => {
      const pool = await t.admin.createUserPool({ poolName: "crowded", userPoolId: "", settings: undefined }, t.adminMetadata);
      const poolId = pool.result?.$case === "success" ? pool.result.value.id : "";
      const create = () => t.admin.createUserPoolClient({ userPoolId: poolId, clientName: "c", clientId: "", generateSecret: false, settings: undefined }, t.adminMetadata).then((r) => r.result?.$case);
      const answers = [];
      for (let i = 0; i < 21; i++) answers.push(await create());
      expect(answers.filter((c) => c === "success")).to.have.length(20);
      expect(answers[20]).to.equal("limitExceeded");
    });

    it("CreateUserPool past the service's limit of pools", async () => {
      const existing = await t.app.deps.stores.pools.count();
      const app = await startApp({ ...t.config, maxUserPools: existing + 1 }, { clock: t.clock.now, log: new MemoryLog(), configFile: LIFECYCLE_CONFIG });
      const clients = testClients(app.grpcPort);
      try {
        const create = () => clients.admin.createUserPool({ poolName: "one-more", userPoolId: "", settings: undefined }, t.adminMetadata).then((r) => r.result);
        expect((await create())?.$case).to.equal("success");
        expect(await create()).to.deep.equal({ $case: "limitExceeded", value: { message: `The maximum number of user pools (${existing + 1}) has been reached.` } });
      } finally {
        clients.close();
        await app.stop();
      }
    });
  });
});

