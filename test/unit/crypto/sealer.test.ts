import { expect } from "chai";
import { randomBytes } from "node:crypto";
import { masterKey, masterKeyRing, parseMasterKeys } from "../../../src/crypto/master-keys.js";
import { seal } from "../../../src/crypto/seal.js";
import { Sealer } from "../../../src/crypto/sealer.js";
import { deriveKeys } from "../../../src/crypto/derived-keys.js";

const A = masterKey("2026-01", Buffer.alloc(32, 1));
const B = masterKey("2026-06", Buffer.alloc(32, 2));

describe("master key ring and sealing", () => {
  it("seals with the newest key; every key of the ring opens", () => {
    const old = new Sealer(masterKeyRing([A]), "sealing");
    const both = new Sealer(masterKeyRing([A, B]), "sealing");
    const box = old.seal(Buffer.from("verifier"), "ctx");
    expect(both.open(box, "ctx")?.toString()).to.equal("verifier");
    expect(both.isCurrent(box)).to.equal(false);
    expect(both.sealedBy(box)).to.equal("2026-01");
    const fresh = both.seal(Buffer.from("verifier"), "ctx");
    expect(both.isCurrent(fresh)).to.equal(true);
    expect(both.sealedBy(fresh)).to.equal("2026-06");
    expect(old.open(fresh, "ctx")).to.equal(undefined);
  });

  it("does not open under other associated data, a tampered box or a ring without the key", () => {
    const sealer = new Sealer(masterKeyRing([A]), "sealing");
    const box = sealer.seal(Buffer.from("secret"), "user:alice:v1");
    expect(sealer.open(box, "user:bob:v1")).to.equal(undefined);
    expect(sealer.open(box, "user:alice:v2")).to.equal(undefined);
    const tampered = Buffer.from(box);
    tampered[tampered.length - 1]! ^= 1;
    expect(sealer.open(tampered, "user:alice:v1")).to.equal(undefined);
    expect(new Sealer(masterKeyRing([B]), "sealing").open(box, "user:alice:v1")).to.equal(undefined);
    expect(new Sealer(masterKeyRing([A]), "other purpose").open(box, "user:alice:v1")).to.equal(undefined);
  });

  it("opens values sealed before the ring existed (no fingerprint) with the single key's sealing key", () => {
    const legacy = seal(deriveKeys(A.key).sealing, Buffer.from("old secret"), "client-secret:x");
    expect(new Sealer(masterKeyRing([A, B]), "sealing").open(legacy, "client-secret:x")?.toString()).to.equal("old secret");
  });

  it("parses IDP_MASTER_KEYS oldest first, and refuses duplicates, bad ids and bad keys", () => {
    const ring = parseMasterKeys(`one:${Buffer.alloc(32, 1).toString("base64")}, two:${Buffer.alloc(32, 2).toString("hex")}`);
    expect(ring.newest.id).to.equal("two");
    expect(ring.keys.map((k) => k.id)).to.deep.equal(["two", "one"]);
    expect(() => parseMasterKeys(`one:${randomBytes(32).toString("hex")},one:${randomBytes(32).toString("hex")}`)).to.throw(/distinct/);
    const same = randomBytes(32).toString("hex");
    expect(() => parseMasterKeys(`one:${same},two:${same}`)).to.throw(/twice/);
    expect(() => parseMasterKeys(`bad id:${same}`)).to.throw(/id/);
    expect(() => parseMasterKeys(`short:${randomBytes(16).toString("hex")}`)).to.throw(/32 bytes/);
    expect(() => parseMasterKeys(same)).to.throw(/id:key/);
  });

  it("derives simulation, code and SECRET_BLOCK keys from the stable seed, not from the newest master key", () => {
    const seed = randomBytes(32);
    const before = deriveKeys(masterKeyRing([A]), seed);
    const after = deriveKeys(masterKeyRing([A, B]), seed);
    expect(after.simulation.equals(before.simulation)).to.equal(true);
    expect(after.codes.equals(before.codes)).to.equal(true);
    expect(after.clientState.equals(before.clientState)).to.equal(true);
    expect(after.sealing.equals(before.sealing)).to.equal(false);
    // A single master key without a stored seed derives what it always did.
    expect(deriveKeys(A.key).simulation.equals(deriveKeys(masterKeyRing([A])).simulation)).to.equal(true);
  });
});
