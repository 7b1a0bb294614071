import { kolmogorovSmirnov, percentile } from "./lib/stats.js";
import { startStack } from "./lib/stack.js";
import { createConfirmedUsers } from "./lib/users.js";
import { authClients, SrpLoadClient, srpInitiate, srpRespond } from "./srp-load-client.js";

const POOL = "us-east-1_BenchSrpEnum";
const CLIENT = "benchsrpenumclient00000000";
/** An alias pool (email) with a STRICT and an ENABLED client: SRP by alias and canonical identities (docs/existence.md §4). */
const ALIAS_POOL = "us-east-1_BenchSrpAlias";
const STRICT_CLIENT = "benchsrpstrictclient000000";
const ALIAS_ENABLED_CLIENT = "benchsrpaliasenabled000000";
const PASSWORD = "Bench-Password-1";
const NAMES = 250;
/** Failed proofs per name stay below the lockout threshold (5), so every answer is the generic one. */
const PROOFS_PER_NAME = 4;
const MAX_MEDIAN_GAP = 0.03;
const MIN_KS_P = 0.01;

type Auth = ReturnType<typeof authClients>[number];

/**
 * The SRP section of the enumeration-timing report: response times of both USER_SRP_AUTH steps
 * for names with a user against names without one, one request at a time, known and unknown
 * interleaved in random order so drift and noise fall on both alike. The second step is a wrong
 * proof for known users, the only answer it can share with unknown names. Three paths: ENABLED by
 * username (the stored verifier), STRICT by alias (the per-identifier verifier behind the typed
 * identifier, docs/existence.md §4), and ENABLED with a mixed-case username typed in another case
 * (the canonical identity's verifier).
 */
export async function srpEnumerationTimingBench(workers: number): Promise<string[]> {
  const client = (clientId: string, mode: "ENABLED" | "STRICT") => ({ clientId, name: clientId, explicitAuthFlows: ["ALLOW_USER_SRP_AUTH"], preventUserExistenceErrors: mode });
  const stack = await startStack({
    pools: [
      { id: POOL, name: "enum", settings: { autoVerifiedAttributes: ["email"] }, clients: [client(CLIENT, "ENABLED")] },
      { id: ALIAS_POOL, name: "enum-alias", settings: { aliasAttributes: ["email"], autoVerifiedAttributes: ["email"] }, clients: [client(STRICT_CLIENT, "STRICT"), client(ALIAS_ENABLED_CLIENT, "ENABLED")] },
    ],
  }, workers);
  try {
    const known = await createConfirmedUsers(stack, POOL, CLIENT, "enum-known-", NAMES, PASSWORD);
    const unknown = known.map((name) => name.replace("known", "ghost"));
    // Mixed-case usernames with an email alias (<username>@example.com), typed in another case.
    const mixed = await createConfirmedUsers(stack, ALIAS_POOL, STRICT_CLIENT, "Enum-Mixed-", NAMES, PASSWORD);
    const byAlias = mixed.map((name) => `${name}@Example.com`);
    const ghostAliases = byAlias.map((name) => name.replace("Mixed", "Ghost"));
    const byUpperName = mixed.map((name) => name.toUpperCase());
    const ghostUpperNames = byUpperName.map((name) => name.replace("MIXED", "GHOST"));
    const auth = authClients(stack.address, 1)[0]!;
    const plain = new SrpLoadClient(POOL);
    const alias = new SrpLoadClient(ALIAS_POOL);
    await firstStepTimes(auth, CLIENT, plain, known.slice(0, 50), unknown.slice(0, 50)); // warm-up
    const first = await firstStepTimes(auth, CLIENT, plain, known, unknown);
    const second = await secondStepTimes(auth, CLIENT, plain, known, unknown);
    const aliasFirst = await firstStepTimes(auth, STRICT_CLIENT, alias, byAlias, ghostAliases);
    const aliasSecond = await secondStepTimes(auth, STRICT_CLIENT, alias, byAlias, ghostAliases);
    const canonicalFirst = await firstStepTimes(auth, ALIAS_ENABLED_CLIENT, alias, byUpperName, ghostUpperNames);
    return [
      `USER_SRP_AUTH, known vs unknown user, ${workers} server process(es), sequential, interleaved; pass: medians within ${MAX_MEDIAN_GAP * 100} %, KS p ≥ ${MIN_KS_P}`,
      "  step                                          n    median known   median unknown   gap      KS D     KS p     verdict",
      row("InitiateAuth (ENABLED, username)", first),
      row("RespondToAuthChallenge (ENABLED, no)", second),
      row("InitiateAuth (STRICT, by alias)", aliasFirst),
      row("RespondToAuthChallenge (STRICT, alias, no)", aliasSecond),
      row("InitiateAuth (ENABLED, other-case name)", canonicalFirst),
    ];
  } finally {
    await stack.stop();
  }
}

interface Samples {
  readonly known: number[];
  readonly unknown: number[];
}

async function firstStepTimes(auth: Auth, clientId: string, client: SrpLoadClient, known: string[], unknown: string[]): Promise<Samples> {
  const samples: Samples = { known: [], unknown: [] };
  for (let round = 0; round < PROOFS_PER_NAME; round++) {
    for (let i = 0; i < known.length; i++) {
      for (const [name, into] of pairInRandomOrder([known[i]!, samples.known], [unknown[i]!, samples.unknown])) {
        const t0 = performance.now();
        await srpInitiate(auth, clientId, name, client.A);
        into.push(performance.now() - t0);
      }
    }
  }
  return samples;
}

async function secondStepTimes(auth: Auth, clientId: string, client: SrpLoadClient, known: string[], unknown: string[]): Promise<Samples> {
  const samples: Samples = { known: [], unknown: [] };
  for (let round = 0; round < PROOFS_PER_NAME; round++) {
    for (let i = 0; i < known.length; i++) {
      for (const [name, into] of pairInRandomOrder([known[i]!, samples.known], [unknown[i]!, samples.unknown])) {
        const answer = client.answer(await srpInitiate(auth, clientId, name, client.A), `Wrong-${PASSWORD}`);
        const t0 = performance.now();
        const outcome = await srpRespond(auth, clientId, answer);
        into.push(performance.now() - t0);
        if (outcome !== "notAuthorized") throw new Error(`wrong proof for ${name} answered ${outcome}`);
      }
    }
  }
  return samples;
}

/** A name and where its response times go. */
type Slot = readonly [name: string, into: number[]];

function pairInRandomOrder(a: Slot, b: Slot): [Slot, Slot] {
  return Math.random() < 0.5 ? [a, b] : [b, a];
}

function row(label: string, { known, unknown }: Samples): string {
  const mk = percentile(known, 50);
  const mu = percentile(unknown, 50);
  const gap = Math.abs(mu - mk) / mk;
  const { d, p } = kolmogorovSmirnov(known, unknown);
  const verdict = gap <= MAX_MEDIAN_GAP && p >= MIN_KS_P ? "pass" : "FAIL";
  return `  ${label.padEnd(42)} ${String(known.length).padStart(4)}   ${mk.toFixed(3).padStart(9)} ms   ${mu.toFixed(3).padStart(9)} ms    ${(gap * 100).toFixed(2).padStart(5)} %   ${d.toFixed(4)}   ${p.toFixed(3)}    ${verdict}`;
}
