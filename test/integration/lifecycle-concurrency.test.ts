import { expect } from "chai";
import { AuthFlow } from "../../src/gen/identity/v1/common.js";
import { CLIENTS, POOL, startPeerApp, startTestApp, type PeerApp, type TestApp } from "../helpers/test-app.js";
import { deliveryTo, LIFECYCLE_CONFIG, NEW_PASSWORD, passwordSignIn, seedUser, WRONG_PASSWORD } from "../helpers/user-states.js";

/**
 * Two servers on one Redis (two replicas of the service), called in parallel: single-use codes,
 * lockout and hourly limits hold because each is one atomic Redis script, not a read-then-write in
 * a server. The clock is frozen, so every call falls into the same lockout and limit windows.
 */
describe("lifecycle: parallel calls through two servers (gRPC + Redis)", () => {
  let t: TestApp;
  let peer: PeerApp;
  before(async () => {
    t = await startTestApp({ config: LIFECYCLE_CONFIG });
    peer = await startPeerApp(t);
  });
  after(async () => {
    await peer.stop();
    await t.stop();
  });

  const servers = () => [t.auth, peer.auth];
  /** `count` calls, alternating between the two servers, all in flight at once. */
  function inParallel<R>(count: number, call: (auth: TestApp["auth"], i: number) => Promise<R>): Promise<R[]> {
    return Promise.all(Array.from({ length: count }, (_, i) => call(servers()[i % 2]!, i)));
  }
  const tally = (cases: (string | undefined)[]) => cases.reduce<Record<string, number>>((acc, c) => ({ ...acc, [String(c)]: (acc[String(c)] ?? 0) + 1 }), {});

  it("lets exactly one of 50 ConfirmForgotPassword calls with the right code succeed", async () => {
    const user = await seedUser(t, POOL, "CONFIRMED", "racer-reset");
    const mark = await t.outboxMark(POOL);
    await peer.auth.forgotPassword({ clientId: CLIENTS.enabled, secretHash: "", username: user.name, clientMetadata: {} });
    const code = (await deliveryTo(t, POOL, user.email, mark)).code!;
    const results = await inParallel(50, (auth) => auth.confirmForgotPassword({ clientId: CLIENTS.enabled, secretHash: "", username: user.name, confirmationCode: code, password: NEW_PASSWORD, clientMetadata: {} }));
    const counts = tally(results.map((r) => r.result?.$case));
    expect(counts.success).to.equal(1);
    // The 10 calls the hourly limit lets through raced for the code; the rest were turned away.
    expect(counts).to.deep.equal({ success: 1, expiredCode: 9, limitExceeded: 40 });
    expect((await passwordSignIn(t, CLIENTS.enabled, user.name, NEW_PASSWORD)).result?.$case).to.equal("authenticationResult");
  });

  it("lets exactly one of 50 ConfirmSignUp calls with the right code succeed", async () => {
    const user = await seedUser(t, POOL, "UNCONFIRMED", "racer-confirm");
    const results = await inParallel(50, (auth) => auth.confirmSignUp({ clientId: CLIENTS.enabled, secretHash: "", username: user.name, confirmationCode: user.signUpCode!, forceAliasCreation: false, clientMetadata: {} }));
    const counts = tally(results.map((r) => r.result?.$case));
    expect(counts.success).to.equal(1);
    expect(counts.limitExceeded).to.equal(35);
  });

  for (const who of ["a user", "an unknown name"] as const) {
    it(`locks ${who} out after exactly five failures among 20 parallel attempts`, async () => {
      const name = who === "a user" ? (await seedUser(t, POOL, "CONFIRMED", "racer-lock")).name : "racer-lock-ghost";
      const results = await inParallel(20, (auth) => auth.initiateAuth({ clientId: CLIENTS.enabled, authFlow: AuthFlow.AUTH_FLOW_USER_PASSWORD_AUTH, authParameters: { USERNAME: name, PASSWORD: WRONG_PASSWORD }, clientMetadata: {} }));
      const messages = tally(results.map((r) => (r.result?.value as { message?: string } | undefined)?.message));
      expect(messages).to.deep.equal({ "Incorrect username or password.": 5, "Password attempts exceeded": 15 });
    });

    it(`lets exactly five of 20 parallel ForgotPassword calls for ${who} through`, async () => {
      const name = who === "a user" ? (await seedUser(t, POOL, "CONFIRMED", "racer-forgot")).name : "racer-forgot-ghost";
      const results = await inParallel(20, (auth) => auth.forgotPassword({ clientId: CLIENTS.enabled, secretHash: "", username: name, clientMetadata: {} }));
      expect(tally(results.map((r) => r.result?.$case))).to.deep.equal({ success: 5, limitExceeded: 15 });
    });
  }
});
