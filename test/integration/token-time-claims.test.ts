import { expect } from "chai";
import { decodeJwt, decodeProtectedHeader, SignJWT, type JWTPayload } from "jose";
import { AuthFlow, MessageAction } from "../../src/gen/identity/v1/common.js";
import { CLIENTS, POOL, startTestApp, type TestApp } from "../helpers/test-app.js";

const PASSWORD = "Correct-Horse-1";

/**
 * Tokens signed with the pool's own key but missing exp or iat, or not valid before a future nbf,
 * are refused by every RPC that takes an access token. A control re-signs the same claims intact,
 * so a refusal can only come from the claim under test.
 */
describe("access tokens need exp and iat and honour nbf (gRPC + Redis)", () => {
  let t: TestApp;
  let claims: JWTPayload;
  let kid: string;
  before(async () => {
    t = await startTestApp();
    const userAttributes = [{ name: "email", value: "times@example.com" }];
    await t.admin.adminCreateUser({ userPoolId: POOL, username: "times", userAttributes, validationData: [], temporaryPassword: "", forceAliasCreation: false, messageAction: MessageAction.MESSAGE_ACTION_SUPPRESS, desiredDeliveryMediums: [], clientMetadata: {} }, t.adminMetadata);
    await t.admin.adminSetUserPassword({ userPoolId: POOL, username: "times", password: PASSWORD, permanent: true }, t.adminMetadata);
  });
  after(() => t.stop());

  // A fresh sign-in per test: a token wrongly accepted by GlobalSignOut would revoke the one before.
  beforeEach(async () => {
    const signedIn = await t.auth.initiateAuth({ clientId: CLIENTS.enabled, authFlow: AuthFlow.AUTH_FLOW_USER_PASSWORD_AUTH, authParameters: { USERNAME: "times", PASSWORD }, clientMetadata: {} });
    if (signedIn.result?.$case !== "authenticationResult") throw new Error(`sign-in failed: ${signedIn.result?.$case}`);
    claims = decodeJwt(signedIn.result.value.accessToken);
    kid = decodeProtectedHeader(signedIn.result.value.accessToken).kid!;
  });

  /** The pool's real signing key over `payload`, exactly as the service signs. */
  async function forge(payload: JWTPayload): Promise<string> {
    const key = await t.app.deps.keyRing.keyOf(POOL);
    expect(key.kid).to.equal(kid);
    return new SignJWT(payload).setProtectedHeader({ alg: "RS256", kid }).sign(key.privateKey);
  }

  const without = (name: string) => Object.fromEntries(Object.entries(claims).filter(([claim]) => claim !== name));
  const nowSeconds = () => Math.floor(t.clock.now() / 1000);
  const uses = {
    GetUser: async (accessToken: string) => (await t.auth.getUser({ accessToken })).result,
    ChangePassword: async (accessToken: string) => (await t.auth.changePassword({ accessToken, previousPassword: PASSWORD, proposedPassword: PASSWORD })).result,
    GlobalSignOut: async (accessToken: string) => (await t.auth.globalSignOut({ accessToken })).result,
  };

  for (const [rpc, use] of Object.entries(uses)) {
    it(`${rpc} accepts the same claims re-signed intact (the control)`, async () => {
      expect((await use(await forge({ ...claims })))?.$case).to.equal("success");
    });
  }

  const cases: [string, () => JWTPayload][] = [
    ["without exp", () => without("exp")],
    ["without iat", () => without("iat")],
    ["with nbf in the future", () => ({ ...claims, nbf: nowSeconds() + 600 })],
    ["with a non-numeric exp", () => ({ ...claims, exp: "never" as unknown as number })],
  ];
  for (const [what, payload] of cases) {
    for (const [rpc, use] of Object.entries(uses)) {
      it(`${rpc} refuses a correctly signed token ${what}`, async () => {
        const result = await use(await forge(payload()));
        expect(result?.$case).to.equal("notAuthorized");
      });
    }
  }

  it("accepts a token whose nbf has passed", async () => {
    const result = await uses.GetUser(await forge({ ...claims, nbf: nowSeconds() - 1 }));
    expect(result?.$case).to.equal("success");
  });
});
