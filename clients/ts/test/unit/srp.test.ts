import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  computeS,
  computeU,
  computeX,
  formatTimestamp,
  g,
  k,
  modPow,
  N,
  padHex,
  passwordAuthenticationKey,
  passwordClaimSignature,
  SrpClient,
} from "../../src/srp.js";

describe("SRP primitives (docs/cognito.md §4.1-4.2)", () => {
  test("k", () => {
    assert.equal(k.toString(16), "538282c4354742d7cbbde2359fcf67f9f5b3a6b08791e5011b43b8a5b66d9ee6");
    assert.equal(k, 37772559067617796309459009502931177628717927509759535181635788491848250400486n);
  });
  test("padHex", () => {
    assert.equal(padHex(20n), "14");
    assert.equal(padHex(236n), "00ec");
    assert.equal(padHex(200n), "00c8");
    assert.equal(padHex(0x123abcdn), "0123abcd");
    assert.equal(padHex(0x8123abcdn), "008123abcd");
    assert.equal(padHex(N).length, 770);
  });
  test("timestamp format: day without leading zero, 24-hour clock", () => {
    assert.equal(formatTimestamp(new Date(Date.UTC(2024, 2, 5, 9, 7, 3))), "Tue Mar 5 09:07:03 UTC 2024");
    assert.equal(formatTimestamp(new Date(Date.UTC(2018, 6, 10, 11, 1, 0))), "Tue Jul 10 11:01:00 UTC 2018");
    assert.equal(formatTimestamp(new Date(Date.UTC(2025, 11, 31, 23, 59, 59))), "Wed Dec 31 23:59:59 UTC 2025");
  });
  test("modPow", () => {
    assert.equal(modPow(4n, 13n, 497n), 445n);
    assert.equal(modPow(-3n, 3n, 7n), 1n); // (-27 mod 7) = 1
    assert.equal(modPow(5n, 0n, 7n), 1n);
  });
});

describe("SRP test vectors (docs/cognito.md §4.5)", () => {
  test("vector 1 (alexrudd/cognito-srp)", () => {
    const srp = new SrpClient("eu-west-1_myPool", { a: 1234567890n });
    const B = 0x499602d2n;
    const u = computeU(srp.A, B);
    const x = computeX("myPool", "test", "test", "499602d2");
    const key = passwordAuthenticationKey(computeS(B, x, 1234567890n, u), u);
    assert.equal(key.toString("hex"), "d96cde6c95dda17175c1293140c5a81f");

    const secretBlock = Buffer.from("secretssecrestssecrets").toString("base64");
    const responses = srp.passwordVerifierResponses(
      { SALT: "499602d2", SRP_B: "499602d2", SECRET_BLOCK: secretBlock, USER_ID_FOR_SRP: "test", USERNAME: "test" },
      "test",
      { now: new Date(Date.UTC(2018, 6, 10, 11, 1, 0)) },
    );
    assert.deepEqual(responses, {
      USERNAME: "test",
      PASSWORD_CLAIM_SECRET_BLOCK: secretBlock,
      TIMESTAMP: "Tue Jul 10 11:01:00 UTC 2018",
      PASSWORD_CLAIM_SIGNATURE: "tdvQu/Li/qWl8Nni0aFPs+MwY4rvKZm0kSMrGIMSUHk=",
    });
  });

  test("vector 2 (client and server agree on S)", () => {
    const poolId = "us-east-1_ExAmPle12";
    const userId = "a1b2c3d4-0000-4000-8000-000000000001";
    const password = "Passw0rd!";
    const salt = "7f3c2a91e0d4b6c85a1f0e9d8c7b6a59";
    const a = BigInt(`0x${"1f".repeat(32)}`);
    const b = BigInt(`0x${"2e".repeat(32)}`);

    const x = computeX("ExAmPle12", userId, password, salt);
    assert.equal(x.toString(16), "6ae4db0b4e63663cf553a91cc0ea9c844125c8a3d6f4e1496f557ed273e1ae55");
    const v = modPow(g, x, N);
    const B = (k * v + modPow(g, b, N)) % N; // the server's B (§4.4)
    const srp = new SrpClient(poolId, { a });
    assert.ok(srp.srpA.startsWith("89830aec1b6010b91bc65e075a7732b2a68cb03f04d03cd2fd948304"));
    assert.ok(B.toString(16).startsWith("841c9b638e5d89d22287eec26f1bd3a065266579d82d947b02e1bde2"));
    const u = computeU(srp.A, B);
    assert.equal(u.toString(16), "49667e4b5448d79c2ae025415996870a258b15fc4ebf5da1556f978d452cb1f9");

    const clientS = computeS(B, x, a, u);
    const serverS = modPow(srp.A * modPow(v, u, N), b, N);
    assert.equal(clientS, serverS);
    assert.equal(passwordAuthenticationKey(clientS, u).toString("hex"), "fb3f04362a1c45897affbf1bc67b6589");

    const responses = srp.passwordVerifierResponses(
      { SALT: salt, SRP_B: B.toString(16), SECRET_BLOCK: "b3BhcXVlLXNlcnZlci1zdGF0ZS1leGFtcGxl", USER_ID_FOR_SRP: userId },
      password,
      { now: new Date(Date.UTC(2024, 2, 5, 9, 7, 3)) },
    );
    assert.equal(responses.TIMESTAMP, "Tue Mar 5 09:07:03 UTC 2024");
    assert.equal(responses.USERNAME, userId);
    assert.equal(responses.PASSWORD_CLAIM_SIGNATURE, "qlhilolDEYg9LBMwCOXE9mlZqBp9duaSt1JPZ3S3qgI=");
    assert.equal(
      passwordClaimSignature(
        passwordAuthenticationKey(clientS, u),
        "ExAmPle12",
        userId,
        "b3BhcXVlLXNlcnZlci1zdGF0ZS1leGFtcGxl",
        "Tue Mar 5 09:07:03 UTC 2024",
      ),
      "qlhilolDEYg9LBMwCOXE9mlZqBp9duaSt1JPZ3S3qgI=",
    );
  });
});

describe("SrpClient", () => {
  test("random a gives a fresh A each time; SECRET_HASH over the internal USERNAME", () => {
    const one = new SrpClient("us-east-1_Pool");
    const two = new SrpClient("us-east-1_Pool");
    assert.notEqual(one.srpA, two.srpA);
    assert.match(one.srpA, /^[0-9a-f]+$/);
    const responses = one.passwordVerifierResponses(
      { SALT: "0102", SRP_B: "499602d2", SECRET_BLOCK: "AAAA", USER_ID_FOR_SRP: "uuid-1", USERNAME: "uuid-1" },
      "pw",
      { clientId: "123abd", clientSecret: "clientSecret" },
    );
    assert.ok(responses.SECRET_HASH);
  });
  test("rejects B = 0 mod N and a bad pool id", () => {
    const srp = new SrpClient("us-east-1_Pool");
    assert.throws(
      () => srp.passwordVerifierResponses({ SALT: "01", SRP_B: N.toString(16), SECRET_BLOCK: "AA==", USER_ID_FOR_SRP: "u" }, "pw"),
      /B cannot be zero/,
    );
    assert.throws(() => new SrpClient("nounderscore"), /not a user pool id/);
  });
});
