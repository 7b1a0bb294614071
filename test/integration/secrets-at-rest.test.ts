import { expect } from "chai";
import { createHmac } from "node:crypto";
import type { Redis } from "ioredis";
import { AdminCreateUserRequest } from "../../src/gen/identity/v1/admin_service.js";
import { AuthFlow, ChallengeName, MessageAction } from "../../src/gen/identity/v1/common.js";
import { CLIENT_SECRET, CLIENTS, POOL, startTestApp, TEST_OUTBOX_KEY, type TestApp } from "../helpers/test-app.js";
import { librarySignIn } from "./srp-client.js";

/**
 * A Redis dump alone enables no offline attack (docs/security.md "What a dump holds"): after every
 * flow that handles a secret, every key Redis holds is read, and no password, code, temporary
 * password, verifier, salt, token, client secret or private key appears in it in any common encoding.
 */
describe("secrets at rest: a Redis dump holds nothing in clear (gRPC + Redis)", () => {
  let t: TestApp;
  const secrets = new Map<string, string | Buffer>();
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.stop());

  const remember = (name: string, value: string | Buffer) => {
    expect(value.length, name).to.be.greaterThan(0);
    secrets.set(name, value);
  };

  it("runs sign-up, confirm, sign-in, SRP, refresh, forgot/confirm-forgot and admin create with a temporary password", async () => {
    const password = "Correct-Horse-1";
    let mark = await t.outboxMark(POOL);
    const signedUp = await t.auth.signUp({ clientId: CLIENTS.secret, secretHash: secretHash("dora"), username: "dora", password, userAttributes: [{ name: "email", value: "dora@example.com" }], validationData: [], clientMetadata: {} });
    expect(signedUp.result?.$case).to.equal("success");
    const signUpCode = (await t.nextDelivery(POOL, mark, "dora@example.com")).code!;
    remember("password", password);
    remember("sign-up code", signUpCode);
    expect((await t.auth.confirmSignUp({ clientId: CLIENTS.secret, secretHash: secretHash("dora"), username: "dora", confirmationCode: signUpCode, forceAliasCreation: false, clientMetadata: {} })).result?.$case).to.equal("success");

    const signedIn = await t.auth.initiateAuth({ clientId: CLIENTS.enabled, authFlow: AuthFlow.AUTH_FLOW_USER_PASSWORD_AUTH, authParameters: { USERNAME: "dora", PASSWORD: password }, clientMetadata: {} });
    if (signedIn.result?.$case !== "authenticationResult") throw new Error(`sign-in answered ${signedIn.result?.$case}`);
    rememberTokens("password sign-in", signedIn.result.value);
    const refreshed = await t.auth.initiateAuth({ clientId: CLIENTS.enabled, authFlow: AuthFlow.AUTH_FLOW_REFRESH_TOKEN_AUTH, authParameters: { REFRESH_TOKEN: signedIn.result.value.refreshToken }, clientMetadata: {} });
    if (refreshed.result?.$case !== "authenticationResult") throw new Error(`refresh answered ${refreshed.result?.$case}`);
    rememberTokens("refresh", refreshed.result.value);

    // The library stamps TIMESTAMP with the real clock; the server's injected clock follows it.
    t.clock.nowMs = Date.now();
    const srp = await librarySignIn(t, POOL, CLIENTS.enabled, "dora", password);
    if (srp.kind !== "tokens") throw new Error(`SRP sign-in answered ${srp.kind}`);
    remember("SRP access token", srp.accessToken);
    remember("SRP id token", srp.idToken);

    const stored = await t.app.deps.stores.users.get(POOL, "dora");
    remember("verifier (hex)", stored!.verifier!);
    remember("salt (hex)", stored!.salt!);
    remember("verifier (bytes)", hexBytes(stored!.verifier!));
    remember("salt (bytes)", hexBytes(stored!.salt!));

    mark = await t.outboxMark(POOL);
    expect((await t.auth.forgotPassword({ clientId: CLIENTS.enabled, secretHash: "", username: "dora", clientMetadata: {} })).result?.$case).to.equal("success");
    const resetCode = (await t.nextDelivery(POOL, mark, "dora@example.com")).code!;
    remember("reset code", resetCode);
    const newPassword = "Battery-Staple-2";
    remember("new password", newPassword);
    expect((await t.auth.confirmForgotPassword({ clientId: CLIENTS.enabled, secretHash: "", username: "dora", confirmationCode: resetCode, password: newPassword, clientMetadata: {} })).result?.$case).to.equal("success");
    const after = await t.app.deps.stores.users.get(POOL, "dora");
    remember("new verifier (hex)", after!.verifier!);
    remember("new verifier (bytes)", hexBytes(after!.verifier!));

    mark = await t.outboxMark(POOL);
    const created = await t.admin.adminCreateUser(AdminCreateUserRequest.fromPartial({ userPoolId: POOL, username: "eli", messageAction: MessageAction.MESSAGE_ACTION_UNSPECIFIED, userAttributes: [{ name: "email", value: "eli@example.com" }, { name: "email_verified", value: "true" }] }), t.adminMetadata);
    expect(created.result?.$case).to.equal("success");
    const temporary = (await t.nextDelivery(POOL, mark, "eli@example.com")).code!;
    remember("temporary password", temporary);
    const challenged = await t.auth.initiateAuth({ clientId: CLIENTS.enabled, authFlow: AuthFlow.AUTH_FLOW_USER_PASSWORD_AUTH, authParameters: { USERNAME: "eli", PASSWORD: temporary }, clientMetadata: {} });
    if (challenged.result?.$case !== "challenge") throw new Error(`temporary sign-in answered ${challenged.result?.$case}`);
    remember("challenge session", challenged.result.value.session);
    const eliPassword = "Eli-Chosen-Pass-3";
    remember("chosen password", eliPassword);
    const answered = await t.auth.respondToAuthChallenge({ clientId: CLIENTS.enabled, challengeName: ChallengeName.CHALLENGE_NAME_NEW_PASSWORD_REQUIRED, session: challenged.result.value.session, challengeResponses: { USERNAME: "eli", NEW_PASSWORD: eliPassword }, clientMetadata: {} });
    if (answered.result?.$case !== "authenticationResult") throw new Error(`NEW_PASSWORD_REQUIRED answered ${answered.result?.$case}`);
    rememberTokens("new password", answered.result.value);

    const key = await t.app.deps.stores.signingKeys.get(POOL);
    for (const part of ["d", "p", "q", "dp", "dq", "qi"] as const) remember(`signing key ${part}`, key!.current.privateJwk[part]!);
    remember("client secret", CLIENT_SECRET);
    remember("master key", t.config.masterKey);
    remember("outbox key", TEST_OUTBOX_KEY);
    expect(secrets.size).to.be.greaterThan(25);
  });

  it("finds none of them in any key or value Redis holds, in clear, hex or base64", async () => {
    const dump = await dumpAll(t.redis);
    expect(dump.length).to.be.greaterThan(2_000);
    const found: string[] = [];
    for (const [name, secret] of secrets) {
      for (const [encoding, needle] of encodings(secret)) if (contains(dump, needle)) found.push(`${name} (${encoding})`);
    }
    expect(found).to.deep.equal([]);
  });

  it("would see a secret hidden in any value: the check itself works", async () => {
    const code = secrets.get("reset code") as string;
    const verifier = secrets.get("verifier (bytes)") as Buffer;
    await t.redis.hset("planted", "f", Buffer.concat([Buffer.from("x"), verifier, Buffer.from("y")]));
    await t.redis.xadd("planted-stream", "*", "note", `code ${code}.`);
    try {
      const dump = await dumpAll(t.redis);
      expect(encodings(verifier).some(([, needle]) => contains(dump, needle))).to.equal(true);
      expect(contains(dump, Buffer.from(code))).to.equal(true);
      expect(contains(Buffer.from(`17${code}00`), Buffer.from(code))).to.equal(false);
    } finally {
      await t.redis.del("planted", "planted-stream");
    }
  });

  it("keeps only sealed values where the secrets were: user records, sessions, outbox", async () => {
    const entries = await t.redis.xrange(`idp:{p:${POOL}}:outbox`, "-", "+");
    expect(entries.length).to.be.greaterThanOrEqual(3, "sign-up code, reset code, invitation");
    for (const [, fields] of entries) {
      expect(fields).to.not.include("code");
      expect(fields).to.include("sealed");
    }
  });

  function rememberTokens(label: string, tokens: { accessToken: string; idToken: string; refreshToken: string }) {
    remember(`${label} access token`, tokens.accessToken);
    remember(`${label} id token`, tokens.idToken);
    if (tokens.refreshToken) remember(`${label} refresh token`, tokens.refreshToken);
    remember(`${label} access token signature`, tokens.accessToken.split(".")[2]!);
  }
});

function secretHash(username: string): string {
  return createHmac("sha256", CLIENT_SECRET).update(username + CLIENTS.secret).digest("base64");
}

function hexBytes(hex: string): Buffer {
  return Buffer.from(hex.length % 2 ? `0${hex}` : hex, "hex");
}

/** Every key name and value of every type, concatenated (what a dump holds, decoded). */
async function dumpAll(redis: Redis): Promise<Buffer> {
  const parts: Buffer[] = [];
  let cursor = "0";
  do {
    const [next, names] = await redis.scanBuffer(cursor, "COUNT", 1000);
    cursor = next.toString();
    for (const name of names) {
      parts.push(name);
      const type = await redis.type(name);
      if (type === "string") parts.push((await redis.getBuffer(name))!);
      else if (type === "hash") parts.push(...Object.entries(await redis.hgetallBuffer(name)).flatMap(([k, v]) => [Buffer.from(k), v]));
      else if (type === "zset") parts.push(...(await redis.zrangeBuffer(name, "0", "-1", "WITHSCORES")));
      else if (type === "set") parts.push(...(await redis.smembersBuffer(name)));
      else if (type === "list") parts.push(...(await redis.lrangeBuffer(name, 0, -1)));
      else if (type === "stream") for (const [id, fields] of await redis.xrangeBuffer(name, "-", "+")) parts.push(id, ...fields);
      else throw new Error(`a key of type ${type}: teach the dump to read it`);
      parts.push(Buffer.from("\n"));
    }
  } while (cursor !== "0");
  return Buffer.concat(parts);
}

function encodings(secret: string | Buffer): [string, Buffer][] {
  const bytes = typeof secret === "string" ? Buffer.from(secret, "utf8") : secret;
  const list: [string, Buffer][] = [["raw", bytes], ["hex", Buffer.from(bytes.toString("hex"))], ["HEX", Buffer.from(bytes.toString("hex").toUpperCase())], ["base64", Buffer.from(bytes.toString("base64").replace(/=+$/, ""))], ["base64url", Buffer.from(bytes.toString("base64url"))]];
  return list.filter(([, needle]) => needle.length >= 6);
}

/** True when `needle` occurs; a digits-only needle (a code) must not be part of a longer run of digits. */
function contains(haystack: Buffer, needle: Buffer): boolean {
  const digits = /^[0-9]+$/.test(needle.toString("latin1"));
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    if (!digits) return true;
    const before = at > 0 ? haystack[at - 1]! : 0;
    const after = haystack[at + needle.length] ?? 0;
    if (!isDigit(before) && !isDigit(after)) return true;
  }
  return false;
}

function isDigit(byte: number): boolean {
  return byte >= 0x30 && byte <= 0x39;
}
