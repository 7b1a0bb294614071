// The indistinguishability suite's alias and canonical-identity paths (docs/existence.md §4): a real
// user's alias (or mixed-case username) and an unknown name of the same shape make the same request,
// and everything a caller sees is compared — the serialized response, the gRPC status and details,
// header and trailer metadata. SRP's first step carries per-name values by design (SALT,
// USER_ID_FOR_SRP) and random ones (SRP_B, the SECRET_BLOCK's bytes): those are checked for their
// rule (the canonical typed name; hex of a salt; the block's length) and then blanked, and the rest of
// the bytes must match.
import { expect } from "chai";
import { InitiateAuthResponse } from "../../src/gen/identity/v1/auth_service.js";
import { AuthFlow } from "../../src/gen/identity/v1/common.js";
import { observe, type FinalCall, type Observed } from "../helpers/existence-probes.js";
import { ALIAS_POOL, CLIENTS, POOL, startTestApp, type TestApp } from "../helpers/test-app.js";
import { LIFECYCLE_CONFIG, MODE_CLIENTS, PASSWORD, storeUser, WRONG_PASSWORD } from "../helpers/user-states.js";
import { libraryA } from "./srp-client.js";

const STRICT_ALIAS = MODE_CLIENTS[ALIAS_POOL].STRICT;

describe("indistinguishability: aliases and canonical identities answer as unknown names do", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ config: LIFECYCLE_CONFIG });
  });
  after(() => t.stop());
  beforeEach(() => {
    t.clock.nowMs = Date.now();
  });

  const srpStep1 = (clientId: string, name: string): FinalCall => ({ service: "auth", method: "initiateAuth", request: { clientId, authFlow: AuthFlow.AUTH_FLOW_USER_SRP_AUTH, authParameters: { USERNAME: name, SRP_A: libraryA(ALIAS_POOL) }, clientMetadata: {} } });
  const passwordAuth = (clientId: string, name: string): FinalCall => ({ service: "auth", method: "initiateAuth", request: { clientId, authFlow: AuthFlow.AUTH_FLOW_USER_PASSWORD_AUTH, authParameters: { USERNAME: name, PASSWORD: WRONG_PASSWORD }, clientMetadata: {} } });

  /** The response with SRP's per-name and random values checked, then blanked. */
  function blankSrp(bytes: Buffer, typed: string): Buffer {
    const response = InitiateAuthResponse.decode(bytes);
    expect(response.result?.$case).to.equal("challenge");
    if (response.result?.$case !== "challenge") return bytes;
    const p = response.result.value.challengeParameters;
    expect(p.USER_ID_FOR_SRP, "USER_ID_FOR_SRP is the typed name, canonical").to.equal(typed.toLowerCase());
    expect(p.USERNAME).to.equal(typed.toLowerCase());
    expect(p.SALT).to.match(/^[1-9a-f][0-9a-f]{29,31}$/);
    response.result.value.challengeParameters = { ...p, SALT: "", SRP_B: "", SECRET_BLOCK: String(p.SECRET_BLOCK!.length), USER_ID_FOR_SRP: "", USERNAME: "" };
    return Buffer.from(InitiateAuthResponse.encode(response).finish());
  }

  function expectSame(a: Observed, b: Observed): void {
    expect(a.bytes.toString("hex"), "serialized response").to.equal(b.bytes.toString("hex"));
    expect(a.code).to.equal(b.code);
    expect(a.details).to.equal(b.details);
    const { date: _a, ...ha } = a.headers;
    const { date: _b, ...hb } = b.headers;
    expect(ha).to.deep.equal(hb);
    expect(a.trailers).to.deep.equal(b.trailers);
  }

  it("STRICT, SRP step 1 by alias: a user's verified email and an unknown email of the same length", async () => {
    await storeUser(t, ALIAS_POOL, "Udf5yes6vsed", "olive.r@example.com", { status: "CONFIRMED" });
    const [real, unknown] = ["Olive.R@Example.com", "Ghost.Q@Example.com"];
    const a = await observe(t, srpStep1(STRICT_ALIAS, real));
    const b = await observe(t, srpStep1(STRICT_ALIAS, unknown));
    expectSame({ ...a, bytes: blankSrp(a.bytes, real) }, { ...b, bytes: blankSrp(b.bytes, unknown) });
  });

  it("STRICT, SRP step 1 by a mixed-case username typed in another case, beside an unknown name", async () => {
    await storeUser(t, ALIAS_POOL, "Mixdb1lcx", "mixdb@example.com", { status: "CONFIRMED" });
    const a = await observe(t, srpStep1(STRICT_ALIAS, "MIXDB1LCX"));
    const b = await observe(t, srpStep1(STRICT_ALIAS, "GHOSTDB1X"));
    expectSame({ ...a, bytes: blankSrp(a.bytes, "MIXDB1LCX") }, { ...b, bytes: blankSrp(b.bytes, "GHOSTDB1X") });
  });

  it("ENABLED, SRP step 1 by a mixed-case username in a plain pool: the canonical name, as for an unknown name", async () => {
    await storeUser(t, POOL, "CaseEcho7", "case.echo@example.com", { status: "CONFIRMED" });
    const a = await observe(t, srpStep1(CLIENTS.enabled, "cASEeCHO7"));
    const b = await observe(t, srpStep1(CLIENTS.enabled, "gHOSTeCH7"));
    expectSame({ ...a, bytes: blankSrp(a.bytes, "cASEeCHO7") }, { ...b, bytes: blankSrp(b.bytes, "gHOSTeCH7") });
  });

  for (const mode of ["ENABLED", "STRICT"] as const) {
    it(`${mode}, USER_PASSWORD_AUTH by alias with a wrong password: byte for byte as an unknown email`, async () => {
      const local = `pw-${mode.toLowerCase()}`;
      await storeUser(t, ALIAS_POOL, `${local}-owner`, `${local}@example.com`, { status: "CONFIRMED", password: PASSWORD });
      const clientId = MODE_CLIENTS[ALIAS_POOL][mode];
      expectSame(await observe(t, passwordAuth(clientId, `${local.toUpperCase()}@Example.com`)), await observe(t, passwordAuth(clientId, `${local.replace("pw", "px").toUpperCase()}@Example.com`)));
    });
  }
});
