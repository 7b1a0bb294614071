import { expect } from "chai";
import { createHmac } from "node:crypto";
import { secretHash, secretHashMatches } from "../../../src/crypto/secret-hash.js";

describe("crypto/secret-hash (docs/cognito.md §3.7)", () => {
  it("reproduces the docs/cognito.md §4.5 vector (alexrudd/cognito-srp)", () => {
    expect(secretHash("clientSecret", "test", "123abd")).to.equal("LoIX/oPJWZzFYv8liJYRo+CHv16FNDY10JlZEDjL3Vg=");
  });

  it("binds username and client id", () => {
    const base = secretHash("clientSecret", "test", "123abd");
    expect(secretHash("clientSecret", "Test", "123abd")).to.not.equal(base);
    expect(secretHash("clientSecret", "test", "123abe")).to.not.equal(base);
    expect(secretHash("clientSecreT", "test", "123abd")).to.not.equal(base);
  });

  it("hashes username + clientId as UTF-8 bytes", () => {
    // "é" is C3 A9 in UTF-8 (E9 in Latin-1); the message is those bytes followed by "c".
    const utf8 = createHmac("sha256", "s").update(Buffer.from([0xc3, 0xa9, 0x63])).digest("base64");
    expect(secretHash("s", "é", "c")).to.equal(utf8);
  });

  it("matches only the identical value, whatever the lengths, without throwing", () => {
    const expected = secretHash("clientSecret", "test", "123abd");
    expect(secretHashMatches(expected, expected)).to.equal(true);
    expect(secretHashMatches(expected, expected.toLowerCase())).to.equal(false);
    expect(secretHashMatches(expected, expected.slice(0, -1))).to.equal(false);
    expect(secretHashMatches(expected, "")).to.equal(false);
    expect(secretHashMatches(expected, `${expected}${expected}`)).to.equal(false);
  });
});
