// The cross-operation property (docs/existence.md §2, §4, §5): for random names in every user state,
// the whole sequence of client-facing calls a caller can make about a name — ResendConfirmationCode,
// ForgotPassword, ConfirmForgotPassword with a wrong code, ConfirmSignUp with a wrong code,
// USER_PASSWORD_AUTH and USER_SRP_AUTH (amazon-cognito-identity-js) with a wrong password, CUSTOM_AUTH
// (the email-OTP example) with wrong codes, and, by alias, SignUp of a new user with that email — by
// username and by alias. The transcript of a real name must be one an unknown name could have
// produced: the same arms and messages, the same lengths, and the same equalities among the per-name
// values (destinations, USER_ID_FOR_SRP, SALT) — compared after renaming each distinct value to a
// placeholder in order of appearance. Under STRICT for every state; under ENABLED the rule every mode
// keeps: one destination per name across operations.
import { expect } from "chai";
import type { ConfigFile } from "../../src/config/config-file.js";
import type { UserState } from "../../src/flows/existence/table.js";
import { AuthFlow, ChallengeName } from "../../src/gen/identity/v1/common.js";
import { ALIAS_POOL, EMAIL_POOL, POOL, startTestApp, type TestApp } from "../helpers/test-app.js";
import { example } from "../helpers/triggers.js";
import { LIFECYCLE_CONFIG, lockOut, MODE_CLIENTS, seedUser, WRONG_CODE, WRONG_PASSWORD } from "../helpers/user-states.js";
import { librarySignIn, type Exchange } from "./srp-client.js";

const OTP_TRIGGERS = {
  DefineAuthChallenge: { module: example("email-otp/define-auth-challenge.mjs") },
  CreateAuthChallenge: { module: example("email-otp/create-auth-challenge.mjs") },
  VerifyAuthChallengeResponse: { module: example("email-otp/verify-auth-challenge-response.mjs") },
};
const POOLS = [POOL, ALIAS_POOL, EMAIL_POOL] as const;
type PoolId = (typeof POOLS)[number];
const CONFIG: ConfigFile = {
  ...LIFECYCLE_CONFIG,
  pools: (LIFECYCLE_CONFIG.pools ?? []).map((pool) => (POOLS.includes(pool.id as PoolId) ? { ...pool, triggers: OTP_TRIGGERS } : pool)),
};
const STATES: UserState[] = ["CONFIRMED", "UNCONFIRMED", "disabled", "no verified contact", "RESET_REQUIRED", "FORCE_CHANGE_PASSWORD", "locked out"];
/** Alias sign-in works once the alias is verified; these states have an unverified email (docs/cognito.md §1.5). */
const ALIAS_INACTIVE: UserState[] = ["UNCONFIRMED", "no verified contact"];

/** A small seeded PRNG (mulberry32): random names, the same on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };
}
const random = seeded(0x5eed9);
const pick = (chars: string, n: number) => Array.from({ length: n }, () => chars[Math.floor(random() * chars.length)]).join("");
const LOWER = "abcdefghijklmnopqrstuvwxyz";
/** A mixed-case name of fixed length (real and unknown names alike), starting with a letter. */
const randomName = () => pick(LOWER.toUpperCase(), 1) + pick(LOWER + LOWER.toUpperCase() + "0123456789", 9);
const randomEmail = () => `${pick(LOWER, 1)}${pick(LOWER + "0123456789", 7)}@${pick(LOWER, 1)}${pick(LOWER, 6)}.com`;
/** The same name in another case: case-insensitive pools must not care. */
const swapCase = (s: string) => Array.from(s, (c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join("");

interface Step {
  readonly op: string;
  readonly arm: string;
  readonly message?: string;
  /** Per-name values, renamed to placeholders before comparing. */
  readonly values?: Record<string, string>;
  /** Lengths of everything else the answer carries (random fields included: their length is fixed). */
  readonly lengths?: Record<string, number>;
}

type Result = { $case: string; value: Record<string, unknown> } | undefined;

function step(op: string, result: Result, values: Record<string, string> = {}, lengths: Record<string, number> = {}): Step {
  const message = typeof result?.value?.message === "string" ? { message: result.value.message as string } : {};
  return { op, arm: result?.$case ?? "none", ...message, values, lengths };
}

function destinationOf(result: Result): Record<string, string> {
  const details = result?.value?.codeDeliveryDetails as { destination?: string; attributeName?: string } | undefined;
  return details ? { destination: details.destination ?? "", attribute: details.attributeName ?? "" } : {};
}

describe("existence transcripts: what a real name's calls show, an unknown name's could have shown (gRPC + Redis)", function () {
  this.timeout(60_000);
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ config: CONFIG });
  });
  after(() => t.stop());

  /** The whole client-facing sequence about `typed` (as a caller types it). */
  async function transcript(poolId: PoolId, clientId: string, typed: string, byAlias: boolean): Promise<Step[]> {
    const named = { clientId, secretHash: "", username: typed, clientMetadata: {} };
    const steps: Step[] = [];
    const resend = (await t.auth.resendConfirmationCode(named)).result as Result;
    steps.push(step("ResendConfirmationCode", resend, destinationOf(resend)));
    const forgot = (await t.auth.forgotPassword(named)).result as Result;
    steps.push(step("ForgotPassword", forgot, destinationOf(forgot)));
    steps.push(step("ConfirmForgotPassword", (await t.auth.confirmForgotPassword({ ...named, confirmationCode: WRONG_CODE, password: "Battery-Staple-2" })).result as Result));
    steps.push(step("ConfirmSignUp", (await t.auth.confirmSignUp({ ...named, confirmationCode: WRONG_CODE, forceAliasCreation: false })).result as Result));
    const password = await t.auth.initiateAuth({ clientId, authFlow: AuthFlow.AUTH_FLOW_USER_PASSWORD_AUTH, authParameters: { USERNAME: typed, PASSWORD: WRONG_PASSWORD }, clientMetadata: {} });
    steps.push(step("USER_PASSWORD_AUTH", password.result as Result));
    steps.push(await srpSteps(poolId, clientId, typed));
    steps.push(...(await customAuthSteps(clientId, typed)));
    if (byAlias) {
      // Another person signs up with this email: the alias pool lets them, whoever holds it (U9).
      const signUp = (await t.auth.signUp({ clientId, secretHash: "", username: randomName(), password: "Battery-Staple-2", userAttributes: [{ name: "email", value: typed }], validationData: [], clientMetadata: {} })).result as Result;
      const { userSub: _sub, ...rest } = (signUp?.value ?? {}) as Record<string, unknown>;
      steps.push(step("SignUp (the email, another username)", signUp, destinationOf(signUp), { fields: JSON.stringify(Object.keys(rest).sort()).length }));
    }
    return steps;
  }

  async function srpSteps(poolId: PoolId, clientId: string, typed: string): Promise<Step> {
    const exchange: Exchange = {};
    const outcome = await librarySignIn(t, poolId, clientId, typed, WRONG_PASSWORD, {}, exchange);
    const challenge = exchange.challenge ?? {};
    const values = challenge.USER_ID_FOR_SRP === undefined ? {} : { USER_ID_FOR_SRP: challenge.USER_ID_FOR_SRP, USERNAME: challenge.USERNAME ?? "", SALT: challenge.SALT ?? "" };
    const lengths = challenge.SECRET_BLOCK === undefined ? {} : { SECRET_BLOCK: challenge.SECRET_BLOCK.length, keys: Object.keys(challenge).sort().join(",").length };
    const result: Result = outcome.kind === "failure" ? { $case: outcome.code, value: { message: outcome.message } } : { $case: outcome.kind, value: {} };
    return step("USER_SRP_AUTH (wrong password)", result, values, lengths);
  }

  /** CUSTOM_AUTH with the email-OTP example: three wrong codes, each round's USERNAME and masked email. */
  async function customAuthSteps(clientId: string, typed: string): Promise<Step[]> {
    const steps: Step[] = [];
    let response = (await t.auth.initiateAuth({ clientId, authFlow: AuthFlow.AUTH_FLOW_CUSTOM_AUTH, authParameters: { USERNAME: typed }, clientMetadata: {} })).result as Result;
    for (let round = 1; round <= 4; round++) {
      const parameters = (response?.value?.challengeParameters ?? {}) as Record<string, string>;
      const session = (response?.value?.session ?? "") as string;
      steps.push(step(`CUSTOM_AUTH round ${round}`, response, { ...parameters }, { session: session.length }));
      if (response?.$case !== "challenge") break;
      response = (await t.auth.respondToAuthChallenge({ clientId, challengeName: ChallengeName.CHALLENGE_NAME_CUSTOM_CHALLENGE, session, challengeResponses: { USERNAME: parameters.USERNAME ?? typed, ANSWER: "0000000" }, clientMetadata: {} })).result as Result;
    }
    return steps;
  }

  /**
   * The transcript with each distinct per-name value renamed, in order of first appearance, to a
   * placeholder that keeps its shape (a masked email, a UUID, the typed name itself, hex, ...).
   */
  function abstracted(steps: Step[], typed: string, canonical: string): unknown[] {
    const names = new Map<string, string>();
    const shape = (v: string) => (v === canonical ? "typed" : /^[a-z0-9]\*\*\*@[a-z0-9]\*\*\*$/.test(v) ? "email-mask" : /^\+\**\d{4}$/.test(v) ? "phone-mask" : /^[0-9a-f-]{36}$/.test(v) ? "uuid" : /^[0-9a-f]+$/.test(v) ? "hex" : `other(${v.length})`);
    const rename = (v: string) => {
      if (v === typed) return "<as typed>";
      if (!names.has(v)) names.set(v, `<${shape(v)} #${names.size + 1}>`);
      return names.get(v)!;
    };
    return steps.map((s) => ({ ...s, values: Object.fromEntries(Object.entries(s.values ?? {}).map(([k, v]) => [k, k === "attribute" ? v : rename(v)])) }));
  }

  /** Every destination a transcript names (CodeDeliveryDetails and the OTP challenge's masked email). */
  function destinations(steps: Step[]): Set<string> {
    return new Set(steps.flatMap((s) => [s.values?.destination, s.values?.email].filter((v): v is string => v !== undefined)));
  }

  async function realAndUnknown(poolId: PoolId, mode: "ENABLED" | "STRICT", state: UserState, byAlias: boolean): Promise<{ real: Step[]; unknown: Step[]; typed: [string, string] }> {
    t.clock.nowMs = Date.now();
    const clientId = MODE_CLIENTS[poolId][mode];
    const email = randomEmail();
    const username = poolId === EMAIL_POOL ? email : randomName();
    await seedUser(t, poolId, state, username, { email });
    const realTyped = byAlias ? swapCase(email) : swapCase(username);
    const unknownTyped = byAlias || poolId === EMAIL_POOL ? swapCase(randomEmail()) : swapCase(randomName());
    if (state === "locked out") await lockOut(t, poolId, unknownTyped);
    const real = await transcript(poolId, clientId, realTyped, byAlias);
    const unknown = await transcript(poolId, clientId, unknownTyped, byAlias);
    return { real, unknown, typed: [realTyped, unknownTyped] };
  }

  for (const poolId of POOLS) {
    for (const state of STATES) {
      const ways = poolId === ALIAS_POOL && !ALIAS_INACTIVE.includes(state) ? [false, true] : [false];
      for (const byAlias of ways) {
        const how = byAlias ? "by alias" : "by username";
        it(`STRICT | ${poolId} | ${state} | ${how}: the real transcript is one an unknown name produces`, async () => {
          const { real, unknown, typed } = await realAndUnknown(poolId, "STRICT", state, byAlias);
          expect(abstracted(real, typed[0], typed[0].toLowerCase())).to.deep.equal(abstracted(unknown, typed[1], typed[1].toLowerCase()));
          expect(destinations(real).size, JSON.stringify([...destinations(real)])).to.equal(1);
        });
      }
      it(`ENABLED | ${poolId} | ${state} | by username: every answer names one destination, as for an unknown name`, async () => {
        const { real, unknown } = await realAndUnknown(poolId, "ENABLED", state, false);
        expect(destinations(real).size, JSON.stringify([...destinations(real)])).to.equal(1);
        expect(destinations(unknown).size, JSON.stringify([...destinations(unknown)])).to.equal(1);
      });
    }
  }
});
