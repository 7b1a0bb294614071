// Micro-benchmark of the server's USER_SRP_AUTH crypto, both steps, without transport or store:
//   step 1: readSrpA + passwordVerifierChallenge (B = k·v + g^b, SECRET_BLOCK sealed)
//   step 2: openSecretBlock + passwordClaimMatches (u, S = (A·v^u)^b, HKDF, HMAC)
// and the floor: the same three exponentiations on ready-made buffers. "above floor" is everything
// else: conversions, BigInt products, SHA-256, HKDF, HMAC, AES-GCM, the block's encoding.
// SRP_MICRO_NO_EXP=1 times everything but the exponentiations: once the sign-ins are prepared, OpenSSL's
// setPrivateKey/computeSecret are replaced by a constant 384-byte answer (proofs then fail, the work
// done is the same), so the part above the floor is measured without the noise of 2 ms of modexp.
// Usage: node --import tsx bench/srp-server-micro.ts [iterations=500] [rounds=5]
import { createDiffieHellman, randomBytes } from "node:crypto";
import type { ClientContext } from "../src/flows/client-context.js";
import type { Deps } from "../src/flows/deps.js";
import { openSecretBlock, secretBlockBytes } from "../src/crypto/secret-block.js";
import { N_HEX } from "../src/crypto/srp-group.js";
import { clientComputeA, clientSignature, formatTimestamp, newSalt, poolNameFromId, verifierFromPassword } from "../src/crypto/srp.js";
import { readSrpA } from "../src/flows/sign-in/srp-auth.js";
import { passwordVerifierChallenge } from "../src/flows/sign-in/srp-challenge.js";
import { passwordClaimMatches } from "../src/flows/sign-in/srp-proof.js";
import type { SrpSubject } from "../src/flows/sign-in/srp-subject.js";

const iterations = Number(process.argv[2] ?? 500);
const rounds = Number(process.argv[3] ?? 5);
const poolId = "us-east-1_BenchPool1";
const userId = "a1b2c3d4-0000-4000-8000-000000000001";
const password = "Passw0rd!";
const salt = newSalt(randomBytes);
const verifier = verifierFromPassword(poolNameFromId(poolId), userId, password, salt);
const key = randomBytes(32);
const deps = { random: randomBytes, clock: () => Date.now(), keys: { clientState: key } } as unknown as Deps;
const context = { pool: { id: poolId }, client: { clientId: "benchclient" } } as unknown as ClientContext;
const subject = { userId, salt, verifier, simulated: false, user: undefined, lockoutSubject: `u:${userId}`, answer: undefined } as SrpSubject;

/** One sign-in's client values, prepared outside the timed loop. */
function clientRound() {
  const a = BigInt(`0x${randomBytes(32).toString("hex")}`);
  const srpA = clientComputeA(a);
  const A = readSrpA(srpA);
  if (typeof A === "object" && "$case" in A) throw new Error("bad A");
  const outcome = passwordVerifierChallenge(deps, context, subject, A as never);
  if (outcome.$case !== "challenge") throw new Error("no challenge");
  const p = outcome.value.challengeParameters as Record<string, string>;
  const now = new Date();
  const timestamp = formatTimestamp(now);
  const signature = clientSignature({ poolName: poolNameFromId(poolId), userId, password, saltHex: salt, BHex: p.SRP_B!, a, A: srpA, secretBlock: p.SECRET_BLOCK!, timestamp })!;
  return { srpA, block: p.SECRET_BLOCK!, claim: { username: userId, secretBlock: p.SECRET_BLOCK!, timestamp: now, signature } };
}

function step1(srpA: string): string {
  const A = readSrpA(srpA);
  const outcome = passwordVerifierChallenge(deps, context, subject, A as never);
  if (outcome.$case !== "challenge") throw new Error("no challenge");
  return outcome.value.challengeParameters.SECRET_BLOCK!;
}

function step2(round: ReturnType<typeof clientRound>): boolean {
  const state = openSecretBlock(key, secretBlockBytes(round.block));
  if (!state) throw new Error("block did not open");
  return passwordClaimMatches(poolId, state, verifier, round.claim as never);
}

// The floor (docs/performance.md §1, without the token signatures): the three exponentiations.
const dh = createDiffieHellman(Buffer.from(N_HEX, "hex"), Buffer.from([2]));
function floor(base: Buffer, A: Buffer): void {
  dh.setPrivateKey(randomBytes(32));
  dh.generateKeys(); // g^b
  dh.setPrivateKey(randomBytes(32));
  dh.computeSecret(base); // v^u
  dh.setPrivateKey(randomBytes(32));
  dh.computeSecret(A); // (A·v^u)^b
}

function time(label: string, fn: (i: number) => void): number {
  const start = process.cpuUsage();
  for (let i = 0; i < iterations; i++) fn(i);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / iterations;
}

const prepared = Array.from({ length: iterations }, clientRound);
for (const r of prepared.slice(0, 20)) if (!step2(r)) throw new Error("proof did not verify");
if (process.env.SRP_MICRO_NO_EXP === "1") stubExponentiation();

/** Every DiffieHellman object's modexp becomes a constant: what is left is the code around it. */
function stubExponentiation(): void {
  const constant = Buffer.from(randomBytes(384).toString("hex").replace(/^./, "1"), "hex"); // below N
  const proto = Object.getPrototypeOf(dh) as { setPrivateKey: unknown; computeSecret: unknown; generateKeys: unknown };
  proto.setPrivateKey = () => undefined;
  proto.computeSecret = () => constant;
  proto.generateKeys = () => constant;
}
const base = Buffer.from(verifier.padStart(768, "0"), "hex");
const As = prepared.map((r) => Buffer.from(r.srpA.padStart(768, "0"), "hex"));
const results: Record<string, number[]> = { step1: [], step2: [], floor: [] };
for (let r = 0; r < rounds; r++) {
  results.step1!.push(time("step1", (i) => step1(prepared[i]!.srpA)));
  results.step2!.push(time("step2", (i) => step2(prepared[i]!)));
  results.floor!.push(time("floor", (i) => floor(base, As[i]!)));
}
// Median for the typical call, minimum for the least disturbed round: on shared cores the minimum
// moves least with what the neighbours do.
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const report = (label: string, pick: (xs: number[]) => number) => {
  const [s1, s2, f] = [pick(results.step1!), pick(results.step2!), pick(results.floor!)];
  console.log(`  ${label}: step 1 ${s1.toFixed(1)}  step 2 ${s2.toFixed(1)}  both ${(s1 + s2).toFixed(1)}  floor ${f.toFixed(1)}  above floor ${(s1 + s2 - f).toFixed(1)}`);
};
console.log(`µs CPU per call, ${rounds} rounds × ${iterations}:`);
report("median", median);
report("min   ", (xs) => Math.min(...xs));
console.log(`  all rounds: ${JSON.stringify(Object.fromEntries(Object.entries(results).map(([k, v]) => [k, v.map((x) => Math.round(x))])))}`);
