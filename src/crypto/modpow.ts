// base^exponent mod N for the SRP group, computed by OpenSSL through a node:crypto
// Diffie-Hellman object instead of JS BigInt arithmetic: ~10x faster, and OpenSSL marks the DH
// private value BN_FLG_CONSTTIME, so the (secret) exponent goes through a constant-time ladder.
//
// Options measured (Node 20.20.2, OpenSSL 3.0.19, one AMD EPYC core; ms per call):
//   * createDiffieHellman(N, 2) once + setPrivateKey(exp) + computeSecret(base)   ← chosen
//       256-bit exponent ≈ 0.65–0.75 ms, 1024-bit ≈ 2.5 ms, 3072-bit ≈ 6.5–7.5 ms
//   * same object, setPrivateKey + generateKeys (g^exp only): same cost (0.67 / 6.9 ms), so one
//     code path serves every base.
//   * createDiffieHellman(N, base) per call: ≈ 1700 ms. For a (p, g) pair that is not a named
//     group, OpenSSL's DH_check runs a primality test on the 3072-bit N at construction.
//     (N, 2) is RFC 3526's named group, so building it costs ≈ 0.3 ms and happens once.
//   * getDiffieHellman('modp15'): no setPrivateKey, so it cannot take a chosen exponent.
//   * BigInt square-and-multiply reference: ≈ 6.5 ms (256-bit), ≈ 47 ms (3072-bit), not constant time.
//
// Behaviour of computeSecret found while measuring, and handled below:
//   * it rejects "public keys" 0, 1, N-1 (range check [2, N-2]), and an empty private key;
//   * it applies no subgroup check (non-residues such as N-2 work), so any base is accepted;
//   * it refuses a result of 1 (SP 800-56A "Z != 1" check), e.g. 2^((N-1)/2);
//   * it left-pads its output to 384 bytes (N_BYTES): powElement returns it as it is, an element.
//   * setPrivateKey(empty buffer) leaves a key computeSecret refuses: no stale exponent is ever used.
import { createDiffieHellman } from "node:crypto";
import { N, N_HEX, bigintFromBuffer, bigintToBuffer, elementFromBigint, g } from "./srp-group.js";

// One object, reused: calls are synchronous, so on one thread they never interleave.
const group = createDiffieHellman(Buffer.from(N_HEX, "hex"), bigintToBuffer(g));

/** base^exponent mod N (the SRP group's N, docs/cognito.md §4.1). Inputs must be non-negative. */
export function modPow(base: bigint, exponent: bigint): bigint {
  if (base < 0n || exponent < 0n) throw new RangeError("modPow takes non-negative integers");
  const reduced = base % N;
  const trivial = trivialPow(reduced, exponent);
  if (trivial !== undefined) return trivial;
  try {
    return openSslPow(reduced, exponent);
  } catch {
    // Only reachable when the result is 1 (OpenSSL's Z != 1 check). Then base^(e-1) is the
    // inverse of base, which is not 1 because base != 1, so this second call succeeds.
    return (openSslPow(reduced, exponent - 1n) * reduced) % N;
  }
}

/** The cases OpenSSL's range check refuses, answered exactly (0^0 = 1 by convention). */
function trivialPow(base: bigint, exponent: bigint): bigint | undefined {
  if (exponent === 0n) return 1n;
  if (base === 0n || base === 1n) return base;
  if (base === N - 1n) return exponent % 2n === 0n ? 1n : base;
  return undefined;
}

function openSslPow(base: bigint, exponent: bigint): bigint {
  group.setPrivateKey(bigintToBuffer(exponent));
  return bigintFromBuffer(group.computeSecret(bigintToBuffer(base)));
}

/**
 * base^exponent mod N on bytes: `base` an element (N_BYTES wide, below N), `exponent` big-endian
 * bytes of any width (leading zeros included, as drawn). The server's SRP path (docs/performance.md
 * §3): OpenSSL reads and writes these bytes directly, so no BigInt or hex sits between two
 * exponentiations. The inputs OpenSSL refuses (bases 0, 1, N-1 or ≥ N, exponent 0, a result of 1)
 * are answered by modPow instead, exactly; with a random exponent they are next to impossible.
 */
export function powElement(base: Buffer, exponent: Buffer): Buffer {
  try {
    group.setPrivateKey(exponent);
    return group.computeSecret(base);
  } catch {
    return elementFromBigint(modPow(bigintFromBuffer(base), bigintFromBuffer(exponent)));
  }
}
