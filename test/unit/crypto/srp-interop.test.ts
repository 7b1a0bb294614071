// Cross-check against amazon-cognito-identity-js itself: its AuthenticationHelper (the SRP maths)
// and its CognitoUser sign-in (signature message, DateHelper TIMESTAMP) run against our server side.
import { expect } from "chai";
import { seeded } from "./seeded-random.js";
import { createRequire } from "node:module";
import { padHex, k } from "../../../src/crypto/srp-group.js";
import {
  formatTimestamp, newSalt, parseTimestamp, passwordClaimSignature, readClientA,
  poolNameFromId, serverChallenge, serverSessionKey, signaturesMatch, verifierFromPassword,
} from "../../../src/crypto/srp.js";

// The library ships CommonJS without types for these internals; describe what we touch.
interface JsbnInteger {
  toString(radix: number): string;
}
interface AmplifyHelper {
  readonly k: JsbnInteger;
  smallAValue: JsbnInteger;
  largeAValue: JsbnInteger | undefined;
  padHex(n: JsbnInteger): string;
  getLargeAValue(callback: (err: unknown, A: JsbnInteger) => void): void;
  getPasswordAuthenticationKey(
    username: string, password: string, B: JsbnInteger, salt: JsbnInteger,
    callback: (err: unknown, hkdf: Buffer) => void,
  ): void;
}
type Cognito = typeof import("amazon-cognito-identity-js");

const require = createRequire(import.meta.url);
const cognito = require("amazon-cognito-identity-js") as Cognito;
const AuthenticationHelper = (require("amazon-cognito-identity-js/lib/AuthenticationHelper.js") as {
  default: new (poolName: string) => AmplifyHelper;
}).default;
const BigInteger = (require("amazon-cognito-identity-js/lib/BigInteger.js") as {
  default: new (value: string, radix: number) => JsbnInteger;
}).default;

function largeA(helper: AmplifyHelper): string {
  let A = "";
  helper.getLargeAValue((err, value) => {
    if (err) throw err;
    A = value.toString(16);
  });
  return A;
}

function amplifyKey(helper: AmplifyHelper, userId: string, password: string, BHex: string, saltHex: string): Buffer {
  let key: Buffer | undefined;
  helper.getPasswordAuthenticationKey(userId, password, new BigInteger(BHex, 16), new BigInteger(saltHex, 16), (err, hkdf) => {
    if (err) throw err;
    key = Buffer.from(hkdf);
  });
  if (key === undefined) throw new Error("no key from amplify");
  return key;
}

describe("crypto/srp interop with amazon-cognito-identity-js", () => {
  const poolId = "us-east-1_ExAmPle12";
  const poolName = poolNameFromId(poolId);
  const userId = "a1b2c3d4-0000-4000-8000-000000000001";

  it("agrees on k and padHex", () => {
    const helper = new AuthenticationHelper(poolName);
    expect(BigInt(`0x${helper.k.toString(16)}`)).to.equal(k);
    const random = seeded("padHex");
    for (let i = 0; i < 64; i++) {
      const bytes = random(1 + (i % 48));
      const n = BigInt(`0x${bytes.toString("hex")}`);
      expect(padHex(n)).to.equal(helper.padHex(new BigInteger(bytes.toString("hex"), 16)).toLowerCase());
    }
  });

  it("reproduces spec vector 2 through the library's own maths", () => {
    const helper = new AuthenticationHelper(poolName);
    helper.smallAValue = new BigInteger("1f".repeat(32), 16); // the vector's a
    helper.largeAValue = undefined; // let the library recompute A = g^a itself
    const A = largeA(helper);
    const salt = "7f3c2a91e0d4b6c85a1f0e9d8c7b6a59";
    const verifier = verifierFromPassword(poolName, userId, "Passw0rd!", salt);
    const { b, B } = serverChallenge(verifier, () => Buffer.alloc(32, 0x2e));
    const theirs = amplifyKey(helper, userId, "Passw0rd!", B, salt);
    expect(theirs.toString("hex")).to.equal("fb3f04362a1c45897affbf1bc67b6589");
    expect(serverSessionKey(A, B, b, verifier)?.equals(theirs)).to.equal(true);
  });

  for (const seed of ["interop-1", "interop-2", "interop-3"]) {
    it(`derives the same key as the library for its random a (${seed})`, () => {
      const random = seeded(seed);
      const salt = newSalt(random);
      const verifier = verifierFromPassword(poolName, userId, "S3cret!pw", salt);
      const helper = new AuthenticationHelper(poolName);
      const A = largeA(helper);
      expect(readClientA(A)).to.not.equal(undefined);
      const { b, B } = serverChallenge(verifier, random);
      const server = serverSessionKey(A, B, b, verifier);
      expect(amplifyKey(helper, userId, "S3cret!pw", B, salt).equals(server ?? Buffer.alloc(0))).to.equal(true);
      expect(amplifyKey(helper, userId, "S3cret!pW", B, salt).equals(server ?? Buffer.alloc(0))).to.equal(false);
    });
  }

  describe("full CognitoUser.authenticateUser against our server side", () => {
    // USER_SRP_AUTH as in docs/cognito.md §3.3 / §4.4, with the transport replaced by these functions.
    const username = userId; // internal username; the client signs in with an alias
    const random = seeded("flow");
    const salt = newSalt(random);
    const verifier = verifierFromPassword(poolName, username, "Correct-h0rse", salt);

    type Reply = (err: unknown, data?: unknown) => void;
    interface Exchange { A: string; b: string; B: string; timestamp?: string }

    function fakeCognito(exchange: Partial<Exchange>) {
      return (operation: string, params: Record<string, Record<string, string>>, reply: Reply) => {
        if (operation === "InitiateAuth") {
          const A = params.AuthParameters?.SRP_A ?? "";
          const { b, B } = serverChallenge(verifier, random);
          Object.assign(exchange, { A, b, B });
          const block = random(64).toString("base64");
          return reply(null, {
            ChallengeName: "PASSWORD_VERIFIER",
            ChallengeParameters: { SALT: salt, SRP_B: B, SECRET_BLOCK: block, USER_ID_FOR_SRP: username, USERNAME: username },
          });
        }
        const r = params.ChallengeResponses ?? {};
        exchange.timestamp = r.TIMESTAMP ?? "";
        const parsed = parseTimestamp(r.TIMESTAMP ?? "");
        if (parsed === undefined) return reply({ code: "InvalidParameterException" });
        const hkdf = serverSessionKey(exchange.A ?? "", exchange.B ?? "", exchange.b ?? "", verifier);
        const block = r.PASSWORD_CLAIM_SECRET_BLOCK ?? "";
        const expected = hkdf && passwordClaimSignature(hkdf, poolName, r.USERNAME ?? "", block, formatTimestamp(parsed));
        const ok = expected !== undefined && r.USERNAME === username && signaturesMatch(expected, r.PASSWORD_CLAIM_SIGNATURE ?? "");
        // SMS_MFA is the library's simplest non-token continuation: reaching it means "signature accepted".
        return ok ? reply(null, { ChallengeName: "SMS_MFA", ChallengeParameters: {}, Session: "s" })
          : reply({ code: "NotAuthorizedException", message: "Incorrect username or password." });
      };
    }

    function signIn(password: string, exchange: Partial<Exchange>): Promise<string> {
      const pool = new cognito.CognitoUserPool({ UserPoolId: poolId, ClientId: "client123" });
      (pool as unknown as { client: unknown }).client = { request: fakeCognito(exchange) };
      const user = new cognito.CognitoUser({ Username: "alice@example.com", Pool: pool });
      const details = new cognito.AuthenticationDetails({ Username: "alice@example.com", Password: password });
      return new Promise((resolve) => {
        user.authenticateUser(details, {
          onSuccess: () => resolve("tokens"),
          onFailure: (err: { code?: string }) => resolve(`failure:${err.code ?? String(err)}`),
          mfaRequired: () => resolve("accepted"),
        });
      });
    }

    it("accepts the library's signature for the right password", async () => {
      const exchange: Partial<Exchange> = {};
      expect(await signIn("Correct-h0rse", exchange)).to.equal("accepted");
      // The library's DateHelper output is already canonical: re-formatting changes nothing.
      const sent = exchange.timestamp ?? "";
      const parsed = parseTimestamp(sent);
      expect(parsed && formatTimestamp(parsed)).to.equal(sent);
    });

    it("rejects it for a wrong password", async () => {
      expect(await signIn("Wrong-h0rse", {})).to.equal("failure:NotAuthorizedException");
    });
  });
});
