import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createHmac, randomBytes } from "node:crypto";
import { decodeProtectedHeader } from "jose";
import { startApp, type RunningApp } from "../../src/app.js";
import { AdminCreateUserRequest } from "../../src/gen/identity/v1/admin_service.js";
import { AuthFlow, ChallengeName, MessageAction } from "../../src/gen/identity/v1/common.js";
import { masterKey, masterKeyRing, type MasterKeyRing } from "../../src/crypto/master-keys.js";
import { Sealer } from "../../src/crypto/sealer.js";
import { keys } from "../../src/store/keys.js";
import { resealAll } from "../../src/store/reseal.js";
import { sealedCredentials } from "../../src/store/user-codec.js";
import { requireBuild } from "../helpers/built-server.js";
import { testClients } from "../helpers/clients.js";
import { CLIENT_SECRET, CLIENTS, POOL, startTestApp, type TestApp } from "../helpers/test-app.js";
import { srpChallengeParameters } from "./srp-client.js";

const PASSWORD = "Correct-Horse-1";

/**
 * Master key rotation (README "Security"): ring [A] → [A, B] on every server → `make reseal` while
 * serving → ring [B]. Nothing breaks (users sign in, old tokens and refresh tokens work, a session
 * opened before completes after, client secrets and signing keys open) and nothing an unknown name
 * is answered changes (simulation comes from the stable seed, not from the master key).
 */
describe("master key rotation and re-sealing (gRPC + Redis)", () => {
  let t: TestApp;
  const A = () => masterKey("A", t.config.masterKey);
  const B = masterKey("B", randomBytes(32));
  const servers: RunningApp[] = [];

  before(async () => {
    t = await startTestApp();
  });
  after(async () => {
    for (const server of servers) await server.stop();
    await t.stop();
  });

  async function serverWith(ring: MasterKeyRing) {
    const app = await startApp({ ...t.config, masterKeys: ring }, { clock: t.clock.now, log: t.log, configFile: t.configFile });
    servers.push(app);
    return { app, ...testClients(app.grpcPort) };
  }

  const unknownAnswers = async (auth: TestApp["auth"], probe: TestApp) => {
    const srp = await srpChallengeParameters({ ...probe, auth } as TestApp, CLIENTS.enabled, "ghost-rota");
    const forgot = await auth.forgotPassword({ clientId: CLIENTS.enabled, secretHash: "", username: "ghost-rota@example.com", clientMetadata: {} });
    return { SALT: srp.SALT, USER_ID_FOR_SRP: srp.USER_ID_FOR_SRP, SECRET_BLOCK_LENGTH: srp.SECRET_BLOCK?.length, forgot: forgot.result };
  };

  it("keeps every user, token, session, secret and simulated answer through [A] → [A, B] → reseal → [B]", async () => {
    // Under ring [A]: a user, its tokens, a client with a secret, a challenge session in flight.
    let mark = await t.outboxMark(POOL);
    const secretHash = createHmac("sha256", CLIENT_SECRET).update(`rota${CLIENTS.secret}`).digest("base64");
    expect((await t.auth.signUp({ clientId: CLIENTS.secret, secretHash, username: "rota", password: PASSWORD, userAttributes: [{ name: "email", value: "rota@example.com" }], validationData: [], clientMetadata: {} })).result?.$case).to.equal("success");
    const code = (await t.nextDelivery(POOL, mark, "rota@example.com")).code!;
    expect((await t.auth.confirmSignUp({ clientId: CLIENTS.secret, secretHash, username: "rota", confirmationCode: code, forceAliasCreation: false, clientMetadata: {} })).result?.$case).to.equal("success");
    const signedIn = await t.auth.initiateAuth({ clientId: CLIENTS.enabled, authFlow: AuthFlow.AUTH_FLOW_USER_PASSWORD_AUTH, authParameters: { USERNAME: "rota", PASSWORD }, clientMetadata: {} });
    if (signedIn.result?.$case !== "authenticationResult") throw new Error(String(signedIn.result?.$case));
    const tokens = signedIn.result.value;
    mark = await t.outboxMark(POOL);
    expect((await t.admin.adminCreateUser(AdminCreateUserRequest.fromPartial({ userPoolId: POOL, username: "rota-new", messageAction: MessageAction.MESSAGE_ACTION_UNSPECIFIED, userAttributes: [{ name: "email", value: "rota-new@example.com" }, { name: "email_verified", value: "true" }] }), t.adminMetadata)).result?.$case).to.equal("success");
    const temporary = (await t.nextDelivery(POOL, mark, "rota-new@example.com")).code!;
    const challenged = await t.auth.initiateAuth({ clientId: CLIENTS.enabled, authFlow: AuthFlow.AUTH_FLOW_USER_PASSWORD_AUTH, authParameters: { USERNAME: "rota-new", PASSWORD: temporary }, clientMetadata: {} });
    if (challenged.result?.$case !== "challenge") throw new Error(String(challenged.result?.$case));
    const before = await unknownAnswers(t.auth, t);

    // Every server gets [A, B]; B seals from now on, A still opens.
    const both = await serverWith(masterKeyRing([A(), B]));
    expect((await both.auth.getUser({ accessToken: tokens.accessToken })).result?.$case).to.equal("success");

    // Re-seal while a server runs; everything ends sealed by B.
    const sealer = new Sealer(masterKeyRing([A(), B]), "sealing");
    const report = await resealAll(t.redis, sealer);
    expect(report.resealed).to.be.greaterThanOrEqual(5); // seed, signing key, 2 users + stand-in, session
    // (The config file's clients were stored again by the [A, B] server at its start: sealed by B already.)
    expect(report.byKind).to.include.keys("stable seed", "signing keys", "user credentials", "sessions", "identity verifiers");
    const verifiers = await t.redis.hgetallBuffer(keys.identityVerifiers(POOL, "rota"));
    const rota = (await both.app.deps.stores.users.get(POOL, "rota"))!;
    expect(Object.keys(verifiers), "rota's sub has a verifier beside the record's (the pool has a STRICT client)").to.include.members([rota.sub]);
    for (const box of Object.values(verifiers)) expect(sealer.sealedBy(box)).to.equal("B");
    const client = JSON.parse((await t.redis.get(keys.client(CLIENTS.secret)))!) as { sealedSecret: string };
    expect(sealer.sealedBy(Buffer.from(client.sealedSecret, "base64"))).to.equal("B");
    const again = await resealAll(t.redis, sealer);
    expect(again.resealed).to.equal(0);
    const record = sealedCredentials((await t.redis.getBuffer(keys.user(POOL, "rota")))!)!;
    expect(sealer.sealedBy(record.box)).to.equal("B");

    // Ring [B] alone: A is gone, everything still opens.
    const only = await serverWith(masterKeyRing([B]));
    const answered = await only.auth.respondToAuthChallenge({ clientId: CLIENTS.enabled, challengeName: ChallengeName.CHALLENGE_NAME_NEW_PASSWORD_REQUIRED, session: challenged.result.value.session, challengeResponses: { USERNAME: "rota-new", NEW_PASSWORD: "Rota-New-Pass-2" }, clientMetadata: {} });
    expect(answered.result?.$case).to.equal("authenticationResult");
    expect((await only.auth.initiateAuth({ clientId: CLIENTS.enabled, authFlow: AuthFlow.AUTH_FLOW_USER_PASSWORD_AUTH, authParameters: { USERNAME: "rota", PASSWORD }, clientMetadata: {} })).result?.$case).to.equal("authenticationResult");
    expect((await only.auth.initiateAuth({ clientId: CLIENTS.enabled, authFlow: AuthFlow.AUTH_FLOW_REFRESH_TOKEN_AUTH, authParameters: { REFRESH_TOKEN: tokens.refreshToken }, clientMetadata: {} })).result?.$case).to.equal("authenticationResult");
    expect((await only.auth.getUser({ accessToken: tokens.accessToken })).result?.$case).to.equal("success");
    const withSecret = await only.auth.initiateAuth({ clientId: CLIENTS.secret, authFlow: AuthFlow.AUTH_FLOW_USER_PASSWORD_AUTH, authParameters: { USERNAME: "rota", PASSWORD, SECRET_HASH: secretHash }, clientMetadata: {} });
    expect(withSecret.result?.$case).to.equal("authenticationResult");

    // An unknown name gets the very same answers: rotation is no existence oracle.
    expect(await unknownAnswers(only.auth, t)).to.deep.equal(before);
  });

  it("make reseal (node dist/reseal.js) re-seals under the newest key of IDP_MASTER_KEYS and says how many", async () => {
    requireBuild();
    const D = masterKey("D", randomBytes(32));
    const env = { PATH: process.env.PATH ?? "", REDIS_URL: t.config.redisUrl, IDP_MASTER_KEYS: `B:${B.key.toString("hex")},D:${D.key.toString("base64")}`, HTTP_ADDR: "off" };
    const run = spawnSync(process.execPath, [fileURLToPath(new URL("../../dist/reseal.js", import.meta.url))], { env, encoding: "utf8", timeout: 30_000 });
    expect(run.status, run.stderr).to.equal(0);
    expect(run.stdout).to.match(/^reseal: \d+ sealed values, [1-9]\d* re-sealed under key D, 0 changed meanwhile/);
    const sealer = new Sealer(masterKeyRing([B, D]), "sealing");
    expect(sealer.sealedBy(sealedCredentials((await t.redis.getBuffer(keys.user(POOL, "rota")))!)!.box)).to.equal("D");
    const twice = spawnSync(process.execPath, [fileURLToPath(new URL("../../dist/reseal.js", import.meta.url))], { env, encoding: "utf8", timeout: 30_000 });
    expect(twice.stdout).to.match(/ 0 re-sealed under key D/);
  });

  it("refuses to start with a ring that lacks the key the stored values were sealed under", async () => {
    const stranger = masterKeyRing([masterKey("C", randomBytes(32))]);
    let error: unknown;
    try {
      servers.push(await startApp({ ...t.config, masterKeys: stranger }, { clock: t.clock.now, log: t.log, configFile: t.configFile }));
    } catch (e) {
      error = e;
    }
    expect(String(error)).to.match(/cannot be opened/);
  });

  it("re-seals by compare-and-set: a value changed since it was read is left to the writer", async () => {
    const key = keys.user(POOL, "rota");
    const read = (await t.redis.getBuffer(key))!;
    const changed = Buffer.concat([read.subarray(0, read.length - 1), Buffer.from([read[read.length - 1]! ^ 1])]);
    await t.redis.set(key, changed);
    const { runScript } = await import("../../src/store/redis.js");
    expect(await runScript(t.redis, "swapSealed", [key], ["", read, Buffer.from("stale write")])).to.equal(0);
    expect((await t.redis.getBuffer(key))!.equals(changed)).to.equal(true);
    await t.redis.set(key, read);
  });
});

export const kidOf = (token: string) => decodeProtectedHeader(token).kid;
