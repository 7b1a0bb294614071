import { expect } from "chai";
import { masterKey, masterKeyRing } from "../../../src/crypto/master-keys.js";
import { Sealer } from "../../../src/crypto/sealer.js";
import { CredentialSealer } from "../../../src/store/credentials.js";
import type { UserRecord } from "../../../src/store/records.js";
import { decodeUser, encodeUser, sealedCredentials } from "../../../src/store/user-codec.js";

const sealer = new CredentialSealer(new Sealer(masterKeyRing([masterKey("k1", Buffer.alloc(32, 9))]), "sealing"));
const POOL = "us-east-1_Unit1";
const user: UserRecord = {
  username: "user000001", sub: "0f8fad5b-d9cb-469f-a165-70867728950e", status: "CONFIRMED", enabled: true,
  attributes: { email: "user000001@example.com", email_verified: "true", name: "Ünïcode Name", "custom:department": "x".repeat(300), locale: "" },
  salt: "c4a1b2d3e4f5061728394a5b6c7d8e9f", verifier: "a".repeat(767), passwordSetAt: 1764625000123, createdAt: 1764625000000, updatedAt: 1764625000456, version: 7,
};

describe("user record encoding", () => {
  it("round-trips every field, salt and verifier included", () => {
    expect(decodeUser(sealer, POOL, user.username, encodeUser(sealer, POOL, user))).to.deep.equal(user);
    const imported: UserRecord = { ...user, sub: "not-a-uuid", status: "RESET_REQUIRED", enabled: false, salt: undefined, verifier: undefined, passwordSetAt: undefined, attributes: { phone_number: "+15555550100", phone_number_verified: "false", email_verified: "maybe" } };
    expect(decodeUser(sealer, POOL, user.username, encodeUser(sealer, POOL, imported))).to.deep.equal(imported);
    const canonical: UserRecord = { ...user, credentialsOverCanonicalName: true };
    expect(decodeUser(sealer, POOL, user.username, encodeUser(sealer, POOL, canonical))).to.deep.equal(canonical);
    // Without credentials there is nothing for the mark to describe: it is not kept.
    const noPassword = { ...imported, credentialsOverCanonicalName: true };
    expect(decodeUser(sealer, POOL, user.username, encodeUser(sealer, POOL, noPassword))).to.deep.equal(imported);
  });

  it("holds neither salt nor verifier in clear, and is compact", () => {
    const bytes = encodeUser(sealer, POOL, { ...user, attributes: { email: "user000001@example.com", email_verified: "true" } });
    expect(bytes.includes(Buffer.from(user.salt!, "hex"))).to.equal(false);
    expect(bytes.includes(Buffer.from(`0${user.verifier!}`, "hex").subarray(0, 16))).to.equal(false);
    expect(bytes.includes(Buffer.from("verifier"))).to.equal(false);
    // ≤ 508 bytes: Redis then keeps the value in a 512-byte allocation.
    expect(bytes.length).to.be.lessThanOrEqual(508);
  });

  it("does not open credentials moved to another user, pool or version", () => {
    const bytes = encodeUser(sealer, POOL, user);
    expect(() => decodeUser(sealer, POOL, "someone-else", bytes)).to.throw(/cannot be opened/);
    expect(() => decodeUser(sealer, "us-east-1_Other1", user.username, bytes)).to.throw(/cannot be opened/);
    const bumped = Buffer.from(bytes);
    bumped.writeUInt32BE(8, 1); // what a version bump without re-sealing and without the distance byte would be
    expect(() => decodeUser(sealer, POOL, user.username, bumped)).to.throw(/cannot be opened/);
    bumped.writeUInt8(bumped.readUInt8(6) | 0x10, 6); // the distance bits say: sealed one version ago (create-user.lua does this)
    expect(decodeUser(sealer, POOL, user.username, bumped).verifier).to.equal(user.verifier);
  });

  it("locates the sealed credentials for re-sealing", () => {
    const bytes = encodeUser(sealer, POOL, user);
    const found = sealedCredentials(bytes)!;
    expect(found.version).to.equal(7);
    expect(found.sealedAt).to.equal(7);
    expect(found.offset + found.box.length).to.equal(bytes.length);
    expect(sealedCredentials(encodeUser(sealer, POOL, { ...user, salt: undefined, verifier: undefined }))).to.equal(undefined);
  });
});
