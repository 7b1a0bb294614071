import { expect } from "chai";
import fc from "fast-check";
import { seeded } from "./seeded-random.js";
import { getDiffieHellman, hkdfSync } from "node:crypto";
import { modPow } from "../../../src/crypto/modpow.js";
import {
  N, N_BUFFER, N_BYTES, N_HEX, bigintFromBuffer, bigintFromHex, bigintToBuffer, bigintToHex, elementFromBigint,
  elementFromHex, g, hexHash, isBelowN, k, padBytes, padHex, wireHex,
} from "../../../src/crypto/srp-group.js";
import {
  type RandomBytes, clientComputeA, clientSessionKey, clientSignature, computeU, computeVerifier, computeX,
  formatTimestamp, newSalt, parseTimestamp, passwordClaimSignature, poolNameFromId, readClientA,
  serverChallenge, serverSessionKey, sessionKeyFromElements, signaturesMatch, uFromDigest, verifierFromPassword,
  verifierMatches,
} from "../../../src/crypto/srp.js";

/** randomBytes that hands out the given chunks in order (and checks the requested sizes). */
function replay(...chunks: Buffer[]): RandomBytes {
  let next = 0;
  return (size) => {
    const chunk = chunks[next++];
    if (chunk === undefined || chunk.length !== size) throw new Error(`unexpected randomBytes(${size})`);
    return chunk;
  };
}

const hex = (s: string) => BigInt(`0x${s}`);

describe("crypto/srp: group and encodings (docs/cognito.md §4.1, §4.2)", () => {
  it("uses the RFC 3526 3072-bit prime, the same one OpenSSL knows as modp15", () => {
    expect(N_HEX.toLowerCase()).to.equal(getDiffieHellman("modp15").getPrime("hex"));
    expect(N.toString(2)).to.have.length(3072);
    expect(g).to.equal(2n);
  });

  it("derives k = H(PAD(N) || PAD(g)) = 0x538282c4…", () => {
    expect(k).to.equal(hex("538282c4354742d7cbbde2359fcf67f9f5b3a6b08791e5011b43b8a5b66d9ee6"));
    expect(k).to.equal(37772559067617796309459009502931177628717927509759535181635788491848250400486n);
  });

  const padCases: ReadonlyArray<readonly [bigint, string]> = [
    [20n, "14"], [236n, "00ec"], [200n, "00c8"], [56n, "38"], [0n, "00"],
    [0x123abcdn, "0123abcd"], [0x8123abcdn, "008123abcd"],
  ];
  for (const [n, want] of padCases) {
    it(`padHex(0x${n.toString(16)}) = "${want}"`, () => expect(padHex(n)).to.equal(want));
  }

  it("pads N to 770 hex chars (its top bit is set)", () => {
    expect(padHex(N)).to.have.length(770).and.match(/^00ff/);
  });

  it("refuses to hash an odd-length hex string instead of silently dropping a nibble", () => {
    expect(() => hexHash("abc")).to.throw(RangeError);
  });

  it("converts between integers, hex and bytes", () => {
    expect(bigintFromHex("00FF")).to.equal(255n);
    expect(bigintFromHex("")).to.equal(undefined);
    expect(bigintFromHex("0x12")).to.equal(undefined);
    expect(bigintToHex(255n)).to.equal("ff");
    expect(bigintToBuffer(1n, 4).toString("hex")).to.equal("00000001");
    expect(bigintToBuffer(0x1234n).toString("hex")).to.equal("1234");
    expect(bigintFromBuffer(Buffer.alloc(0))).to.equal(0n);
    expect(bigintFromBuffer(Buffer.from("000102", "hex"))).to.equal(0x102n);
  });

  it("keeps group elements as N_BYTES big-endian bytes, and writes them as minimal hex", () => {
    expect(elementFromBigint(5n)).to.have.length(N_BYTES);
    expect(bigintFromBuffer(elementFromBigint(N - 1n))).to.equal(N - 1n);
    expect(() => elementFromBigint(N)).to.throw(RangeError);
    expect(() => elementFromBigint(-1n)).to.throw(RangeError);
    expect(N_BUFFER.toString("hex")).to.equal(N_HEX.toLowerCase());
    expect(wireHex(elementFromBigint(0xabcn))).to.equal("abc");
    expect(wireHex(elementFromBigint(0n))).to.equal("0");
    expect(wireHex(Buffer.alloc(32, 0x2e))).to.equal("2e".repeat(32));
    expect(isBelowN(elementFromBigint(N - 1n))).to.equal(true);
    expect(isBelowN(N_BUFFER)).to.equal(false);
    expect(isBelowN(Buffer.alloc(N_BYTES - 1))).to.equal(false);
  });

  it("reads a hex integer as an element reduced mod N, as modPow reduced its base", () => {
    expect(elementFromHex("")).to.equal(undefined);
    expect(elementFromHex("12z")).to.equal(undefined);
    expect(bigintFromBuffer(elementFromHex("ABC")!)).to.equal(0xabcn);
    expect(bigintFromBuffer(elementFromHex(`0000${bigintToHex(N - 1n)}`)!)).to.equal(N - 1n);
    expect(bigintFromBuffer(elementFromHex(N_HEX)!)).to.equal(0n);
    expect(bigintFromBuffer(elementFromHex(bigintToHex(2n * N + 7n))!)).to.equal(7n);
  });

  it("padBytes gives the bytes of padHex, for any width and leading zeros", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: (1n << 3072n) - 1n }), fc.nat({ max: 8 }), (n, shift) => {
        const value = n >> BigInt(shift * 64); // small values too: many leading zero bytes
        const bytes = bigintToBuffer(value, N_BYTES);
        expect(padBytes(bytes).toString("hex")).to.equal(padHex(value));
      }),
      { seed: 20240305, numRuns: 200 },
    );
    for (const [n, want] of padCases) expect(padBytes(bigintToBuffer(n, 4)).toString("hex")).to.equal(want);
    expect(padBytes(Buffer.alloc(0)).toString("hex")).to.equal("00");
  });

  it("takes the pool name from the pool id, case preserved", () => {
    expect(poolNameFromId("us-east-1_AbC123")).to.equal("AbC123");
    expect(() => poolNameFromId("nounderscore")).to.throw(RangeError);
  });
});

describe("crypto/srp: salts and verifiers (docs/cognito.md §4.2, §4.4)", () => {
  it("redraws a salt whose first byte is 0 and emits minimal hex", () => {
    const zeroFirst = Buffer.from("00112233445566778899aabbccddeeff", "hex");
    const smallFirst = Buffer.from("0a112233445566778899aabbccddeeff", "hex");
    expect(newSalt(replay(zeroFirst, smallFirst))).to.equal("a112233445566778899aabbccddeeff");
  });

  it("keeps a salt with the top bit set as its 32 hex chars", () => {
    const high = Buffer.from("8f112233445566778899aabbccddeeff", "hex");
    expect(newSalt(replay(high))).to.equal("8f112233445566778899aabbccddeeff");
  });

  it("gives up instead of looping when randomBytes is broken", () => {
    expect(() => newSalt((n) => Buffer.alloc(n))).to.throw(Error);
  });

  it("derives the same x whether the salt string is padded or minimal (amplify vs pycognito)", () => {
    const x1 = computeX("pool", "user", "pw", "0a112233445566778899aabbccddeeff");
    const x2 = computeX("pool", "user", "pw", "a112233445566778899aabbccddeeff");
    expect(x1).to.equal(x2);
  });

  it("matches a verifier only for the right password, however it is padded", () => {
    const salt = newSalt(seeded("verifier"));
    const stored = verifierFromPassword("pool", "alice", "right", salt);
    expect(verifierMatches(stored, verifierFromPassword("pool", "alice", "right", salt))).to.equal(true);
    expect(verifierMatches(stored, `0000${stored}`)).to.equal(true);
    expect(verifierMatches(stored, verifierFromPassword("pool", "alice", "wrong", salt))).to.equal(false);
    expect(verifierMatches(stored, verifierFromPassword("pool", "bob", "right", salt))).to.equal(false);
    expect(verifierMatches(stored, verifierFromPassword("other", "alice", "right", salt))).to.equal(false);
    expect(verifierMatches(stored, "not hex")).to.equal(false);
    expect(verifierMatches(stored, bigintToHex(N + 1n))).to.equal(false);
  });
});

describe("crypto/srp: test vectors (docs/cognito.md §4.5)", () => {
  it("vector 1 (alexrudd/cognito-srp): hkdf and signature", () => {
    const a = 1234567890n;
    const input = {
      poolName: poolNameFromId("eu-west-1_myPool"), userId: "test", password: "test",
      saltHex: "499602d2", BHex: "499602d2", a, A: clientComputeA(a),
    };
    expect(clientSessionKey(input)?.toString("hex")).to.equal("d96cde6c95dda17175c1293140c5a81f");
    const secretBlock = Buffer.from("secretssecrestssecrets").toString("base64");
    const timestamp = "Tue Jul 10 11:01:00 UTC 2018";
    expect(clientSignature({ ...input, secretBlock, timestamp })).to.equal("tdvQu/Li/qWl8Nni0aFPs+MwY4rvKZm0kSMrGIMSUHk=");
  });

  describe("vector 2 (client and server)", () => {
    const poolName = poolNameFromId("us-east-1_ExAmPle12");
    const userId = "a1b2c3d4-0000-4000-8000-000000000001";
    const password = "Passw0rd!";
    const salt = "7f3c2a91e0d4b6c85a1f0e9d8c7b6a59";
    const a = hex("1f".repeat(32));
    const secretBlock = "b3BhcXVlLXNlcnZlci1zdGF0ZS1leGFtcGxl";
    const timestamp = "Tue Mar 5 09:07:03 UTC 2024";
    const x = computeX(poolName, userId, password, salt);
    const verifier = computeVerifier(x);
    const { b, B } = serverChallenge(verifier, replay(Buffer.alloc(32, 0x2e)));
    const A = clientComputeA(a);

    it("x, A, B and u", () => {
      expect(x).to.equal(hex("6ae4db0b4e63663cf553a91cc0ea9c844125c8a3d6f4e1496f557ed273e1ae55"));
      expect(b).to.equal("2e".repeat(32));
      expect(A.startsWith("89830aec1b6010b91bc65e075a7732b2a68cb03f04d03cd2fd948304")).to.equal(true);
      expect(B.startsWith("841c9b638e5d89d22287eec26f1bd3a065266579d82d947b02e1bde2")).to.equal(true);
      expect(computeU(hex(A), hex(B))).to.equal(hex("49667e4b5448d79c2ae025415996870a258b15fc4ebf5da1556f978d452cb1f9"));
    });

    it("server and client derive the same hkdf", () => {
      const server = serverSessionKey(A, B, b, verifier);
      expect(server?.toString("hex")).to.equal("fb3f04362a1c45897affbf1bc67b6589");
      const client = clientSessionKey({ poolName, userId, password, saltHex: salt, BHex: B, a, A });
      expect(client?.toString("hex")).to.equal("fb3f04362a1c45897affbf1bc67b6589");
    });

    it("signature", () => {
      const hkdf = serverSessionKey(A, B, b, verifier);
      if (hkdf === undefined) throw new Error("no session key");
      const expected = "qlhilolDEYg9LBMwCOXE9mlZqBp9duaSt1JPZ3S3qgI=";
      expect(passwordClaimSignature(hkdf, poolName, userId, secretBlock, timestamp)).to.equal(expected);
      const fromClient = clientSignature({ poolName, userId, password, saltHex: salt, BHex: B, a, A, secretBlock, timestamp });
      expect(fromClient).to.equal(expected);
    });
  });
});

describe("crypto/srp: server exchange (docs/cognito.md §4.4)", () => {
  const salt = "7f3c2a91e0d4b6c85a1f0e9d8c7b6a59";
  const verifier = verifierFromPassword("pool", "alice", "pw", salt);

  it("computes B = (k·v + g^b) mod N from 256 random bits", () => {
    const bytes = seeded("b")(32);
    const { b, B } = serverChallenge(verifier, replay(bytes));
    expect(hex(b)).to.equal(bigintFromBuffer(bytes));
    expect(hex(B)).to.equal((k * hex(verifier) + modPow(g, hex(b))) % N);
  });

  it("redraws b when it is 0", () => {
    const second = Buffer.alloc(32, 0x11);
    expect(serverChallenge(verifier, replay(Buffer.alloc(32), second)).b).to.equal("11".repeat(32));
  });

  it("redraws b when B ≡ 0 mod N", () => {
    // A verifier chosen so that k·v ≡ -g^b for the first b: v = -g^b · k^-1 mod N.
    const first = Buffer.alloc(32, 0x01);
    const kInverse = modPow(k, N - 2n);
    const evil = ((N - modPow(g, bigintFromBuffer(first))) * kInverse) % N;
    const second = Buffer.alloc(32, 0x02);
    const { b, B } = serverChallenge(bigintToHex(evil), replay(first, second));
    expect(hex(b)).to.equal(bigintFromBuffer(second));
    expect(hex(B)).to.equal((k * evil + modPow(g, hex(b))) % N);
  });

  const badA: ReadonlyArray<readonly [string, string]> = [
    ["empty", ""], ["non-hex", "xyz"], ["0x prefix", "0x12"], ["sign", "-12"], ["whitespace", " 12"],
    ["zero", "0"], ["zero, padded", "0000"], ["N", N_HEX], ["2N", bigintToHex(2n * N)], ["too long", "1".repeat(1025)],
  ];
  for (const [name, value] of [...badA, ["N + 1", bigintToHex(N + 1n)], ["N + 1, upper case", bigintToHex(N + 1n).toUpperCase()]] as const) {
    it(`readClientA (the server's SRP_A, 0 < A < N) rejects: ${name}`, () => expect(readClientA(value)).to.equal(undefined));
  }

  it("readClientA takes SRP_A leniently (upper case, odd length, zero padding) as a full-width element", () => {
    const cases: [string, bigint][] = [["ABC", 0xabcn], ["0000abc", 0xabcn], ["1", 1n], [`00${N_HEX}`.replace(/F$/, "E"), N - 1n], ["0".repeat(1020) + "abcd", 0xabcdn], [clientComputeA(7n), BigInt(`0x${clientComputeA(7n)}`)]];
    for (const [value, integer] of cases) {
      const A = readClientA(value);
      expect(A, value.slice(0, 12)).to.have.length(N_BYTES);
      expect(bigintFromBuffer(A!)).to.equal(integer);
    }
  });

  it("derives the session key the BigInt way did, byte for byte (elements with leading zero bytes too)", () => {
    // The computation as it was written on integers before elements (docs/performance.md §3).
    const reference = (A: bigint, B: bigint, b: bigint, v: bigint) => {
      const u = computeU(A, B)!;
      const S = modPow((A * modPow(v, u)) % N, b);
      return Buffer.from(hkdfSync("sha256", Buffer.from(padHex(S), "hex"), Buffer.from(padHex(u), "hex"), "Caldera Derived Key", 16));
    };
    const random = seeded("elements");
    const cases = [
      [modPow(g, 12345n), verifier], [2n, verifier], [N - 2n, verifier], [bigintFromBuffer(random(100)), verifier],
      [modPow(g, 777n), "5"], [modPow(g, 778n), `000${bigintToHex(N - 5n)}`], [3n, bigintToHex(N + 9n)],
    ] as const;
    for (const [A, v] of cases) {
      const { b, B } = serverChallenge(v, random);
      const ours = sessionKeyFromElements(elementFromBigint(A), elementFromHex(B)!, Buffer.from(b.padStart(64, "0"), "hex"), v);
      expect(ours?.toString("hex"), `A = ${bigintToHex(A).slice(0, 8)}`).to.equal(reference(A, hex(B), hex(b), hex(v)).toString("hex"));
    }
  });

  it("derives no session key from a block's A outside (0, N)", () => {
    const { b, B } = serverChallenge(verifier, seeded("y"));
    const [bBytes, BBytes] = [Buffer.from(b.padStart(64, "0"), "hex"), elementFromHex(B)!];
    expect(sessionKeyFromElements(Buffer.alloc(N_BYTES), BBytes, bBytes, verifier)).to.equal(undefined);
    expect(sessionKeyFromElements(N_BUFFER, BBytes, bBytes, verifier)).to.equal(undefined);
    expect(sessionKeyFromElements(Buffer.alloc(N_BYTES, 0xff), BBytes, bBytes, verifier)).to.equal(undefined);
    expect(sessionKeyFromElements(elementFromBigint(5n), BBytes, bBytes, verifier)).to.not.equal(undefined);
  });

  it("refuses u = 0 and accepts any other digest", () => {
    expect(uFromDigest("0".repeat(64))).to.equal(undefined);
    expect(uFromDigest(`${"0".repeat(63)}1`)).to.equal(1n);
  });

  it("derives no session key from an unusable A or B", () => {
    const { b, B } = serverChallenge(verifier, seeded("x"));
    expect(serverSessionKey(N_HEX, B, b, verifier)).to.equal(undefined);
    expect(serverSessionKey("zz", B, b, verifier)).to.equal(undefined);
    expect(serverSessionKey("abc", "", b, verifier)).to.equal(undefined);
  });

  it("client refuses B ≡ 0 mod N like amplify ('B cannot be zero.')", () => {
    const input = { poolName: "p", userId: "u", password: "pw", saltHex: salt, a: 5n, A: clientComputeA(5n) };
    expect(clientSessionKey({ ...input, BHex: N_HEX })).to.equal(undefined);
    expect(clientSignature({ ...input, BHex: "0", secretBlock: "", timestamp: "" })).to.equal(undefined);
  });

  for (const seed of ["round-1", "round-2", "round-3"]) {
    it(`round trip (${seed}): same key and signature for the right password only`, () => {
      const random = seeded(seed);
      const poolName = "RoundTrip";
      const userId = `user-${seed}`;
      const saltHex = newSalt(random);
      const stored = verifierFromPassword(poolName, userId, "correct horse", saltHex);
      const a = bigintFromBuffer(random(128)); // amplify: 1024 random bits, not reduced
      const A = clientComputeA(a);
      const { b, B } = serverChallenge(stored, random);
      const server = serverSessionKey(A, B, b, stored);
      if (server === undefined) throw new Error("no session key");
      const client = { poolName, userId, saltHex, BHex: B, a, A };
      expect(clientSessionKey({ ...client, password: "correct horse" })?.equals(server)).to.equal(true);
      expect(clientSessionKey({ ...client, password: "wrong horse" })?.equals(server)).to.equal(false);

      const block = random(48).toString("base64");
      const ts = formatTimestamp(new Date(Date.UTC(2024, 0, 2, 3, 4, 5)));
      const expected = passwordClaimSignature(server, poolName, userId, block, ts);
      const good = clientSignature({ ...client, password: "correct horse", secretBlock: block, timestamp: ts });
      const bad = clientSignature({ ...client, password: "wrong horse", secretBlock: block, timestamp: ts });
      expect(signaturesMatch(expected, good ?? "")).to.equal(true);
      expect(signaturesMatch(expected, bad ?? "")).to.equal(false);
    });
  }
});

describe("crypto/srp: signature comparison", () => {
  it("is true only for identical strings, and never throws on length differences", () => {
    const sig = "qlhilolDEYg9LBMwCOXE9mlZqBp9duaSt1JPZ3S3qgI=";
    expect(signaturesMatch(sig, sig)).to.equal(true);
    expect(signaturesMatch(sig, sig.replace("q", "Q"))).to.equal(false);
    expect(signaturesMatch(sig, sig.slice(0, -1))).to.equal(false);
    expect(signaturesMatch(sig, "")).to.equal(false);
  });
});

describe("crypto/srp: TIMESTAMP (docs/cognito.md §4.3, §4.4 steps 4-5)", () => {
  const formats: ReadonlyArray<readonly [Date, string]> = [
    [new Date(Date.UTC(2024, 2, 5, 9, 7, 3)), "Tue Mar 5 09:07:03 UTC 2024"],
    [new Date(Date.UTC(2018, 6, 10, 11, 1, 0)), "Tue Jul 10 11:01:00 UTC 2018"],
    [new Date(Date.UTC(2023, 11, 31, 0, 0, 0)), "Sun Dec 31 00:00:00 UTC 2023"], // midnight is 00, never 24
    [new Date(Date.UTC(2024, 1, 29, 23, 59, 59, 999)), "Thu Feb 29 23:59:59 UTC 2024"],
  ];
  for (const [date, text] of formats) {
    it(`formats ${date.toISOString()} as "${text}" and parses it back`, () => {
      expect(formatTimestamp(date)).to.equal(text);
      expect(parseTimestamp(text)?.getTime()).to.equal(Math.floor(date.getTime() / 1000) * 1000);
    });
  }

  const canonicalised: ReadonlyArray<readonly [string, string]> = [
    ["Tue Mar 05 09:07:03 UTC 2024", "Tue Mar 5 09:07:03 UTC 2024"], // leading-zero day (warrant#12)
    ["Tue Mar 5 09:07:03 GMT 2024", "Tue Mar 5 09:07:03 UTC 2024"],
    ["Tue Mar 5 9:07:03 UTC 2024", "Tue Mar 5 09:07:03 UTC 2024"],
    ["Mon Mar 5 09:07:03 UTC 2024", "Tue Mar 5 09:07:03 UTC 2024"], // wrong weekday: parsed, then corrected
  ];
  for (const [given, canonical] of canonicalised) {
    it(`accepts "${given}" and re-formats it as "${canonical}"`, () => {
      const parsed = parseTimestamp(given);
      expect(parsed).to.be.instanceOf(Date);
      if (parsed !== undefined) expect(formatTimestamp(parsed)).to.equal(canonical);
    });
  }

  it("signs the re-formatted string, so a padded day fails as a wrong signature", () => {
    const hkdf = Buffer.alloc(16, 7);
    const sent = "Tue Mar 05 09:07:03 UTC 2024";
    const parsed = parseTimestamp(sent);
    if (parsed === undefined) throw new Error("should parse");
    const clientSig = passwordClaimSignature(hkdf, "p", "u", "", sent);
    const serverSig = passwordClaimSignature(hkdf, "p", "u", "", formatTimestamp(parsed));
    expect(signaturesMatch(serverSig, clientSig)).to.equal(false);
  });

  const rejected = [
    "Tue Mar 5 24:07:03 UTC 2024", // hour 24 (Chrome Intl, passwordless-auth#145)
    "Tue Mar 5 09:60:03 UTC 2024",
    "Tue Mar 5 09:07:60 UTC 2024",
    "Tue Mar 5 09:07:03 +0000 2024",
    "Tue Mar 5 09:07:03 GMT+00:00 2024",
    "Tue Mar 5 09:07:03 PST 2024",
    "Tue Mar 5 09:07:03 UTC 24",
    "Fri Feb 30 09:07:03 UTC 2024",
    "Tue Mar 0 09:07:03 UTC 2024",
    "Tue Mar 5 09:07 UTC 2024",
    "Tue  Mar 5 09:07:03 UTC 2024",
    "tue mar 5 09:07:03 UTC 2024",
    "Tuesday March 5 09:07:03 UTC 2024",
    "2024-03-05T09:07:03Z",
    "",
  ];
  for (const text of rejected) {
    it(`rejects "${text}"`, () => expect(parseTimestamp(text)).to.equal(undefined));
  }

  it("refuses to format an invalid Date", () => {
    expect(() => formatTimestamp(new Date(Number.NaN))).to.throw(RangeError);
  });
});
