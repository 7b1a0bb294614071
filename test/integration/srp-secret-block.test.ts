// Attacks on PASSWORD_VERIFIER's server state: SECRET_BLOCK replayed, tampered with, expired,
// carried to another client or pool, or forged with A ≡ 0; and SRP_A values that must be refused.
import { expect } from "chai";
import { createHash, createHmac, hkdfSync } from "node:crypto";
import { sealSecretBlock } from "../../src/crypto/secret-block.js";
import { elementFromBigint, N_BUFFER, N_HEX } from "../../src/crypto/srp-group.js";
import { CLIENTS, EMAIL_POOL, POOL, startTestApp, type TestApp } from "../helpers/test-app.js";
import { librarySignIn, seedUser, SRP_CLIENTS, SRP_TEST_CONFIG, srpStart, type Exchange, type RespondRequest, type RespondResult } from "./srp-client.js";

const PASSWORD = "Correct-Horse-1";
const INCORRECT = { kind: "failure", code: "NotAuthorizedException", message: "Incorrect username or password." };
const NOT_AUTHORIZED = { $case: "notAuthorized", value: { message: "Incorrect username or password." } };
const N = BigInt(`0x${N_HEX}`);

describe("USER_SRP_AUTH SECRET_BLOCK and SRP_A attacks (gRPC + Redis)", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ config: SRP_TEST_CONFIG });
    await seedUser(t, POOL, { username: "target", password: PASSWORD });
  });
  after(() => t.stop());
  beforeEach(() => {
    t.clock.nowMs = Date.now();
  });

  const respond = (request: RespondRequest) => t.auth.respondToAuthChallenge(request).then((r) => r.result);

  it("answers a replayed SECRET_BLOCK with not_authorized, however it is re-encoded", async () => {
    const exchange: Exchange = {};
    expect((await librarySignIn(t, POOL, CLIENTS.enabled, "target", PASSWORD, {}, exchange)).kind).to.equal("tokens");
    const answer = exchange.answer!;
    const replay = { clientId: CLIENTS.enabled, challengeName: 1, session: "", challengeResponses: answer, clientMetadata: {} };
    expect(await respond(replay)).to.deep.equal(NOT_AUTHORIZED);
    // The same bytes in the URL-safe alphabet: clients' lenient base64 decoders read it alike.
    const urlSafe = { ...answer, PASSWORD_CLAIM_SECRET_BLOCK: answer.PASSWORD_CLAIM_SECRET_BLOCK!.replace(/\+/g, "-").replace(/\//g, "_") };
    expect(urlSafe.PASSWORD_CLAIM_SECRET_BLOCK).to.not.equal(answer.PASSWORD_CLAIM_SECRET_BLOCK);
    expect(await respond({ ...replay, challengeResponses: urlSafe })).to.deep.equal(NOT_AUTHORIZED);
  });

  it("lets exactly one of two simultaneous answers with one block through", async () => {
    let both: RespondResult[] = [];
    const sendAnswer = async (request: RespondRequest) => {
      both = await Promise.all([respond(request), respond(request)]);
      return both[0];
    };
    await librarySignIn(t, POOL, CLIENTS.enabled, "target", PASSWORD, { sendAnswer });
    expect(both.map((r) => r?.$case).sort()).to.deep.equal(["authenticationResult", "notAuthorized"]);
  });

  it("refuses a SECRET_BLOCK with one byte changed, even when the library signed the changed bytes", async () => {
    for (const where of ["start", "middle", "tag"] as const) {
      const editChallenge = (p: Record<string, string>) => ({ ...p, SECRET_BLOCK: flipByte(p.SECRET_BLOCK!, where) });
      expect(await librarySignIn(t, POOL, CLIENTS.enabled, "target", PASSWORD, { editChallenge }), where).to.deep.equal(INCORRECT);
    }
    const truncate = (p: Record<string, string>) => ({ ...p, SECRET_BLOCK: p.SECRET_BLOCK!.slice(0, 40) });
    expect(await librarySignIn(t, POOL, CLIENTS.enabled, "target", PASSWORD, { editChallenge: truncate })).to.deep.equal(INCORRECT);
    expect((await librarySignIn(t, POOL, CLIENTS.enabled, "target", PASSWORD)).kind).to.equal("tokens");
  });

  it("expires a block with the client's auth session validity", async () => {
    const late = (ms: number) => ({ betweenSteps: () => t.clock.advance(ms) });
    expect(await librarySignIn(t, POOL, CLIENTS.enabled, "target", PASSWORD, late(3 * 60_000 + 1_000))).to.deep.equal(INCORRECT);
    t.clock.nowMs = Date.now();
    expect((await librarySignIn(t, POOL, CLIENTS.enabled, "target", PASSWORD, late(2 * 60_000 + 50_000))).kind).to.equal("tokens");
    t.clock.nowMs = Date.now();
    // This client's sessions last 15 minutes: four minutes late is still in time.
    expect((await librarySignIn(t, POOL, SRP_CLIENTS.longSession, "target", PASSWORD, late(4 * 60_000))).kind).to.equal("tokens");
  });

  it("refuses a block at another client or pool, without using it up", async () => {
    let elsewhere: RespondResult;
    const sendAnswer = async (request: RespondRequest) => {
      elsewhere = await respond({ ...request, clientId: CLIENTS.strict });
      return respond(request);
    };
    expect((await librarySignIn(t, POOL, CLIENTS.enabled, "target", PASSWORD, { sendAnswer })).kind).to.equal("tokens");
    expect(elsewhere).to.deep.equal(NOT_AUTHORIZED);
    const otherPool = (request: RespondRequest) => respond({ ...request, clientId: CLIENTS.emailEnabled });
    expect(await librarySignIn(t, POOL, CLIENTS.enabled, "target", PASSWORD, { sendAnswer: otherPool })).to.deep.equal(INCORRECT);
  });

  it("refuses an answer for another USERNAME than the block's, and accepts another case of it", async () => {
    const other = { editAnswer: (r: Record<string, string>) => ({ ...r, USERNAME: "someone-else" }) };
    expect(await librarySignIn(t, POOL, CLIENTS.enabled, "target", PASSWORD, other)).to.deep.equal(INCORRECT);
    const upper = { editAnswer: (r: Record<string, string>) => ({ ...r, USERNAME: "TARGET" }) };
    expect((await librarySignIn(t, POOL, CLIENTS.enabled, "target", PASSWORD, upper)).kind).to.equal("tokens");
  });

  it("asks for every PASSWORD_VERIFIER parameter, Session not among them", async () => {
    for (const key of ["USERNAME", "PASSWORD_CLAIM_SECRET_BLOCK", "TIMESTAMP", "PASSWORD_CLAIM_SIGNATURE"]) {
      const editAnswer = (r: Record<string, string>) => Object.fromEntries(Object.entries(r).filter(([k]) => k !== key));
      const result = await librarySignIn(t, POOL, CLIENTS.enabled, "target", PASSWORD, { editAnswer });
      expect(result, key).to.deep.equal({ kind: "failure", code: "InvalidParameterException", message: `Missing required parameter ${key}` });
    }
  });

  it("refuses SRP_A ≡ 0 mod N, SRP_A ≥ N and non-hex SRP_A at the first step", async () => {
    const refused = { $case: "invalidParameter", value: { field: "auth_parameters.SRP_A", message: "Illegal parameter. SRP_A must be a hexadecimal integer with 0 < A < N." } };
    for (const srpA of ["0", "000", N_HEX, N_HEX.toLowerCase(), (2n * N).toString(16), (N + 1n).toString(16), "xyz", "-1"]) {
      expect(await srpStart(t, CLIENTS.enabled, "target", srpA), srpA.slice(0, 8)).to.deep.equal(refused);
      expect(await srpStart(t, CLIENTS.enabled, "ghost-a", srpA), srpA.slice(0, 8)).to.deep.equal(refused);
    }
    expect((await srpStart(t, CLIENTS.enabled, "target", (N - 1n).toString(16)))?.$case).to.equal("challenge");
  });

  it("never issues tokens for a block carrying A ≡ 0, even sealed with the server's own key", async () => {
    // An attacker with A = N would know S = 0 without the password (docs/cognito.md §4.4 step 1); the second
    // step must refuse it too, whatever the first let through.
    const now = t.clock.now();
    const state = { poolId: POOL, clientId: CLIENTS.enabled, userId: "target", lockoutSubject: "u:target", simulated: false, b: Buffer.alloc(32, 0x2e), A: N_BUFFER, B: elementFromBigint(5n), issuedAt: now };
    const block = sealSecretBlock(t.app.deps.keys.clientState, state);
    const timestamp = new Date(now).toUTCString().replace(/^(\w+), (\d+) (\w+) (\d+) ([\d:]+) GMT$/, (_, w, d, m, y, hms) => `${w} ${m} ${Number(d)} ${hms} UTC ${y}`);
    const signature = signatureForZeroS(N, 5n, "TestPool1", "target", block, timestamp);
    const result = await respond({ clientId: CLIENTS.enabled, challengeName: 1, session: "", clientMetadata: {}, challengeResponses: { USERNAME: "target", PASSWORD_CLAIM_SECRET_BLOCK: block, TIMESTAMP: timestamp, PASSWORD_CLAIM_SIGNATURE: signature } });
    expect(result).to.deep.equal(NOT_AUTHORIZED);
  });

  it("refuses a block from another pool's client", async () => {
    const params = await srpStart(t, CLIENTS.emailEnabled, "ghost@example.com");
    if (params?.$case !== "challenge") throw new Error("no challenge");
    const { SECRET_BLOCK, USERNAME } = params.value.challengeParameters;
    const result = await respond({ clientId: CLIENTS.enabled, challengeName: 1, session: "", clientMetadata: {}, challengeResponses: { USERNAME: USERNAME!, PASSWORD_CLAIM_SECRET_BLOCK: SECRET_BLOCK!, TIMESTAMP: "Thu Nov 26 12:00:00 UTC 2026", PASSWORD_CLAIM_SIGNATURE: "AAAA" } });
    expect(result).to.deep.equal(NOT_AUTHORIZED);
    expect(EMAIL_POOL).to.not.equal(POOL);
  });
});

/** One byte of the sealed block changed: in the IV, the ciphertext or the GCM tag. */
function flipByte(base64: string, where: "start" | "middle" | "tag"): string {
  const bytes = Buffer.from(base64, "base64");
  const index = where === "start" ? 0 : where === "middle" ? bytes.length >> 1 : bytes.length - 1;
  bytes[index] = bytes[index]! ^ 0x01;
  return bytes.toString("base64");
}

/** What a client that knows S = 0 signs (docs/cognito.md §4.3), written out here with node:crypto only. */
function signatureForZeroS(A: bigint, B: bigint, poolName: string, userId: string, block: string, timestamp: string): string {
  const pad = (n: bigint) => {
    const hex = n.toString(16);
    const even = hex.length % 2 ? `0${hex}` : hex;
    return /^[89a-f]/.test(even) ? `00${even}` : even;
  };
  const u = BigInt(`0x${createHash("sha256").update(Buffer.from(pad(A) + pad(B), "hex")).digest("hex")}`);
  const hkdf = Buffer.from(hkdfSync("sha256", Buffer.from(pad(0n), "hex"), Buffer.from(pad(u), "hex"), "Caldera Derived Key", 16));
  const message = Buffer.concat([Buffer.from(poolName), Buffer.from(userId), Buffer.from(block, "base64"), Buffer.from(timestamp)]);
  return createHmac("sha256", hkdf).update(message).digest("base64");
}
