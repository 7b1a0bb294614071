import { expect } from "chai";
import fc from "fast-check";
import { modPow, powElement } from "../../../src/crypto/modpow.js";
import { N, N_BYTES, bigintFromBuffer, bigintToBuffer, elementFromBigint } from "../../../src/crypto/srp-group.js";

/** Plain square-and-multiply: the slow, obviously-correct reference the OpenSSL path must match. */
function referencePow(base: bigint, exponent: bigint): bigint {
  let result = 1n;
  let b = base % N;
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % N;
    b = (b * b) % N;
  }
  return result;
}

const Q = (N - 1n) / 2n; // N is a safe prime: N = 2q + 1
const SEED = 20240305; // fixed so a failure reproduces

const edges: ReadonlyArray<readonly [string, bigint, bigint, bigint]> = [
  ["exponent 0", 12345n, 0n, 1n],
  ["exponent 1", 12345n, 1n, 12345n],
  ["base 0", 0n, 7n, 0n],
  ["base 0, exponent 0", 0n, 0n, 1n],
  ["base 1", 1n, 1n << 200n, 1n],
  ["base N-1, even exponent", N - 1n, 10n, 1n],
  ["base N-1, odd exponent", N - 1n, 11n, N - 1n],
  ["base N", N, 5n, 0n],
  ["base N+1", N + 1n, 5n, 1n],
  ["base 2N+3", 2n * N + 3n, 2n, 9n],
  ["base N-2, a non-residue (no subgroup check)", N - 2n, 3n, referencePow(N - 2n, 3n)],
  ["small result, 2^10", 2n, 10n, 1024n],
  ["result 1: 2^q (OpenSSL refuses Z = 1)", 2n, Q, 1n],
  ["result 1: 4^q", 4n, Q, 1n],
  ["exponent above N", 3n, 5n * N + 7n, referencePow(3n, 5n * N + 7n)],
];

describe("crypto/modpow", () => {
  it("matches the reference for random bases below 2N and 256-bit exponents", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n * N }), fc.bigInt({ min: 0n, max: (1n << 256n) - 1n }), (base, exp) => {
        expect(modPow(base, exp)).to.equal(referencePow(base, exp));
      }),
      { seed: SEED, numRuns: 40 },
    );
  });

  it("matches the reference for full-size (3072-bit) exponents", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: N - 1n }), fc.bigInt({ min: 0n, max: N - 1n }), (base, exp) => {
        expect(modPow(base, exp)).to.equal(referencePow(base, exp));
      }),
      { seed: SEED, numRuns: 8 },
    );
  });

  it("computes a full-size exponent exactly: b^(N-2) is b's inverse (Fermat)", () => {
    for (const b of [3n, N - 2n, (N * 2n) / 3n]) {
      expect((modPow(b, N - 2n) * b) % N).to.equal(1n);
    }
  });

  it("matches the reference for bases whose byte form has leading zero bytes", () => {
    // Values far below 2^3064 encode to fewer than 384 bytes: the padding/stripping cases.
    fc.assert(
      fc.property(fc.bigInt({ min: 2n, max: 1n << 3000n }), fc.nat({ max: 380 }), fc.bigInt({ min: 1n, max: 1n << 256n }), (raw, shift, exp) => {
        const base = (raw >> BigInt(shift)) + 2n;
        expect(modPow(base, exp)).to.equal(referencePow(base, exp));
      }),
      { seed: SEED, numRuns: 30 },
    );
  });

  for (const [name, base, exp, want] of edges) {
    it(`edge case: ${name}`, () => {
      expect(modPow(base, exp)).to.equal(want);
    });
  }

  it("rejects negative inputs as a programming error", () => {
    expect(() => modPow(-2n, 3n)).to.throw(RangeError);
    expect(() => modPow(2n, -3n)).to.throw(RangeError);
  });
});

describe("crypto/modpow: powElement, on bytes", () => {
  /** powElement on integers: base as an element, exponent as `width` bytes (leading zeros kept). */
  const pow = (base: bigint, exponent: bigint, width = 0) => powElement(elementFromBigint(base), bigintToBuffer(exponent, width));

  it("matches the reference, as an N_BYTES element, for bases below N and 256-bit exponents", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: N - 1n }), fc.bigInt({ min: 0n, max: (1n << 256n) - 1n }), (base, exp) => {
        const result = pow(base, exp, 32);
        expect(result).to.have.length(N_BYTES);
        expect(bigintFromBuffer(result)).to.equal(referencePow(base, exp));
      }),
      { seed: SEED, numRuns: 40 },
    );
  });

  it("matches the reference for small bases and results (leading zero bytes on both sides)", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 2n, max: 1n << 64n }), fc.nat({ max: 40 }), fc.nat({ max: 32 }), (base, exp, width) => {
        const result = pow(base, BigInt(exp), width);
        expect(result).to.have.length(N_BYTES);
        expect(bigintFromBuffer(result)).to.equal(referencePow(base, BigInt(exp)));
      }),
      { seed: SEED, numRuns: 40 },
    );
  });

  for (const [name, base, exp, want] of edges.filter(([, base]) => base < N)) {
    it(`edge case on bytes: ${name}`, () => {
      const result = pow(base, exp, 32);
      expect(result).to.have.length(N_BYTES);
      expect(bigintFromBuffer(result)).to.equal(want);
    });
  }

  it("takes an empty exponent as 0 (OpenSSL refuses it; modPow answers)", () => {
    expect(bigintFromBuffer(powElement(elementFromBigint(5n), Buffer.alloc(0)))).to.equal(1n);
    // …and the next call is not affected by the refused key.
    expect(bigintFromBuffer(pow(3n, 4n))).to.equal(81n);
  });
});
