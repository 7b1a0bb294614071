import { expect } from "chai";
import { AdminCreateUserRequest } from "../../src/gen/identity/v1/admin_service.js";
import { AuthFlow, ChallengeName, MessageAction } from "../../src/gen/identity/v1/common.js";
import { bearer } from "../helpers/clients.js";
import { startTestCluster, type TestCluster } from "../helpers/redis-cluster.js";
import { startServerProcess, type ServerProcess } from "../helpers/built-server-process.js";
import { ADMIN_TOKEN, CLUSTER_CONFIG, PASSWORD, POOLS, clientOf, serverEnv } from "./cluster-fixture.js";

/**
 * Two independent server processes (separate ports, same master key and config) on one cluster:
 * whatever one hands out, the other honours — sessions, tokens and their revocation, lockouts — and
 * simulated answers for unknown names are the same from both. (The SDK end-to-end suites also run
 * through a per-call round-robin proxy in front of two processes: scripts/sdk/with-server.sh.)
 */
describe("several server instances on one Redis Cluster", function () {
  this.timeout(120_000);
  let cluster: TestCluster;
  let a: ServerProcess;
  let b: ServerProcess;
  const pool = POOLS[2]!;
  const clientId = clientOf(pool);

  before(async () => {
    cluster = await startTestCluster();
    const env = serverEnv(cluster.nodes);
    [a, b] = await Promise.all([startServerProcess(CLUSTER_CONFIG, env), startServerProcess(CLUSTER_CONFIG, env)]);
    expect(a.pid).to.not.equal(b.pid);
    expect(a.port).to.not.equal(b.port);
  });
  after(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await cluster?.stop();
  });

  const passwordAuth = (server: ServerProcess, username: string, password: string) =>
    server.clients.auth.initiateAuth({ clientId, authFlow: AuthFlow.AUTH_FLOW_USER_PASSWORD_AUTH, authParameters: { USERNAME: username, PASSWORD: password }, clientMetadata: {} });

  async function signedUpUser(username: string) {
    const signedUp = await a.clients.auth.signUp({ clientId, secretHash: "", username, password: PASSWORD, userAttributes: [], validationData: [], clientMetadata: {} });
    expect(signedUp.result?.$case).to.equal("success");
    const confirmed = await b.clients.admin.adminConfirmSignUp({ userPoolId: pool, username, clientMetadata: {} }, bearer(ADMIN_TOKEN));
    expect(confirmed.result?.$case).to.equal("success");
  }

  it("a challenge Session from one instance is answered on the other", async () => {
    const created = await a.clients.admin.adminCreateUser(AdminCreateUserRequest.fromPartial({ userPoolId: pool, username: "invited", temporaryPassword: "Temporary-Pass-1", messageAction: MessageAction.MESSAGE_ACTION_SUPPRESS }), bearer(ADMIN_TOKEN));
    expect(created.result?.$case).to.equal("success");
    const started = await a.clients.auth.initiateAuth({ clientId, authFlow: AuthFlow.AUTH_FLOW_USER_PASSWORD_AUTH, authParameters: { USERNAME: "invited", PASSWORD: "Temporary-Pass-1" }, clientMetadata: {} });
    expect(started.result?.$case).to.equal("challenge");
    const challenge = started.result?.$case === "challenge" ? started.result.value : undefined;
    expect(challenge?.challengeName).to.equal(ChallengeName.CHALLENGE_NAME_NEW_PASSWORD_REQUIRED);
    const answered = await b.clients.auth.respondToAuthChallenge({ clientId, challengeName: ChallengeName.CHALLENGE_NAME_NEW_PASSWORD_REQUIRED, session: challenge!.session, challengeResponses: { USERNAME: "invited", NEW_PASSWORD: "Chosen-Pass-1" }, clientMetadata: {} });
    expect(answered.result?.$case).to.equal("authenticationResult");
    // The session was consumed on B: A refuses it now.
    const again = await a.clients.auth.respondToAuthChallenge({ clientId, challengeName: ChallengeName.CHALLENGE_NAME_NEW_PASSWORD_REQUIRED, session: challenge!.session, challengeResponses: { USERNAME: "invited", NEW_PASSWORD: "Chosen-Pass-2" }, clientMetadata: {} });
    expect(again.result?.$case).to.equal("notAuthorized");
  });

  it("tokens from one instance are accepted, then revoked, on the other", async () => {
    await signedUpUser("traveller");
    const signedIn = await a.clients.auth.initiateAuth({ clientId, authFlow: AuthFlow.AUTH_FLOW_USER_PASSWORD_AUTH, authParameters: { USERNAME: "traveller", PASSWORD }, clientMetadata: {} });
    const accessToken = signedIn.result?.$case === "authenticationResult" ? signedIn.result.value.accessToken : "";
    expect((await b.clients.auth.getUser({ accessToken })).result?.$case).to.equal("success");
    expect((await b.clients.auth.globalSignOut({ accessToken })).result?.$case).to.equal("success");
    expect((await a.clients.auth.getUser({ accessToken })).result?.$case).to.equal("notAuthorized");
  });

  it("failed attempts on both instances add up to one lockout, seen by both", async () => {
    await signedUpUser("hammered");
    for (let i = 0; i < 5; i++) {
      const wrong = await passwordAuth(i % 2 === 0 ? a : b, "hammered", "Wrong-Horse-1");
      expect(wrong.result?.$case).to.equal("notAuthorized");
    }
    for (const server of [a, b]) {
      const locked = await passwordAuth(server, "hammered", PASSWORD);
      expect(locked.result?.$case).to.equal("notAuthorized");
      expect(locked.result?.$case === "notAuthorized" ? locked.result.value.message : "").to.equal("Password attempts exceeded");
    }
  });

  it("simulated answers for an unknown name are the same from both instances", async () => {
    const ask = (server: ServerProcess) => server.clients.auth.forgotPassword({ clientId, secretHash: "", username: "nobody-at-all", clientMetadata: {} }).then((r) => r.result);
    const fromA = await ask(a);
    expect(fromA?.$case).to.equal("success");
    expect(await ask(b)).to.deep.equal(fromA);
    const srp = (server: ServerProcess) => server.clients.auth.initiateAuth({ clientId, authFlow: AuthFlow.AUTH_FLOW_USER_SRP_AUTH, authParameters: { USERNAME: "nobody-at-all", SRP_A: "a1".repeat(192) }, clientMetadata: {} }).then((r) => r.result);
    const [srpA, srpB] = [await srp(a), await srp(b)];
    expect(srpA?.$case).to.equal("challenge");
    const salt = (r: typeof srpA) => (r?.$case === "challenge" ? r.value.challengeParameters.SALT : undefined);
    expect(salt(srpA)).to.be.a("string").and.equal(salt(srpB));
  });
});
