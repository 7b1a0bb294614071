import { expect } from "chai";
import { randomBytes } from "node:crypto";
import { openSecretBlock, sealSecretBlock, secretBlockBytes, type SecretBlockState } from "../../../src/crypto/secret-block.js";
import { elementFromBigint, N } from "../../../src/crypto/srp-group.js";

const key = randomBytes(32);
const state: SecretBlockState = {
  poolId: "us-east-1_TestPool1", clientId: "enabledclient0000000000000", userId: "alice", lockoutSubject: "u:alice",
  simulated: false, b: Buffer.alloc(32, 0x2e), A: elementFromBigint(N - 1n), B: elementFromBigint(5n), issuedAt: 1_790_000_000_123,
};

describe("crypto/secret-block", () => {
  it("round-trips the state", () => {
    expect(openSecretBlock(key, secretBlockBytes(sealSecretBlock(key, state)))).to.deep.equal(state);
    const simulated = { ...state, simulated: true, userId: "ghost", lockoutSubject: "n:ghost" };
    expect(openSecretBlock(key, secretBlockBytes(sealSecretBlock(key, simulated)))).to.deep.equal(simulated);
  });

  it("has one length whatever the names, integers and flag", () => {
    const lengths = new Set([
      sealSecretBlock(key, state),
      sealSecretBlock(key, { ...state, userId: "0f5c3c1e-6d3b-4a57-9d0b-3c9b1f0a2e11", simulated: true, A: elementFromBigint(1n), B: elementFromBigint(1n), b: Buffer.alloc(32, 1) }),
      sealSecretBlock(key, { ...state, userId: "ü".repeat(128), lockoutSubject: `n:${"ü".repeat(128)}` }),
      sealSecretBlock(key, { ...state, userId: "i̇".repeat(128), lockoutSubject: `n:${"i̇".repeat(128)}` }),
    ].map((block) => block.length));
    expect([...lengths]).to.have.length(1);
  });

  it("is unreadable with another key, with any byte changed, or truncated", () => {
    const box = secretBlockBytes(sealSecretBlock(key, state));
    expect(openSecretBlock(randomBytes(32), box)).to.equal(undefined);
    for (let i = 0; i < box.length; i += 97) {
      const changed = Buffer.from(box);
      changed[i] = changed[i]! ^ 0x80;
      expect(openSecretBlock(key, changed), `byte ${i}`).to.equal(undefined);
    }
    expect(openSecretBlock(key, box.subarray(0, box.length - 1))).to.equal(undefined);
  });

  it("refuses to seal what does not fit its fixed slots (a caller bug)", () => {
    expect(() => sealSecretBlock(key, { ...state, userId: "x".repeat(385) })).to.throw(RangeError);
    // b, A and B have exactly their slot's width: nothing pads or truncates them silently.
    expect(() => sealSecretBlock(key, { ...state, A: Buffer.alloc(385, 1) })).to.throw(RangeError);
    expect(() => sealSecretBlock(key, { ...state, B: Buffer.alloc(383, 1) })).to.throw(RangeError);
    expect(() => sealSecretBlock(key, { ...state, b: Buffer.alloc(33, 1) })).to.throw(RangeError);
    expect(() => sealSecretBlock(key, { ...state, b: Buffer.alloc(31, 1) })).to.throw(RangeError);
  });
});
