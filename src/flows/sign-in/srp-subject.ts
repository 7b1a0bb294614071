import type { UserRecord } from "../../store/records.js";
import type { ClientContext } from "../client-context.js";
import type { Deps } from "../deps.js";
import { policyOf } from "../existence/policy.js";
import { srpIdentity, type SrpIdentity } from "../existence/srp-identity.js";
import { resolveSubject } from "../existence/subject.js";
import { messages } from "../messages.js";
import { decideSignIn, type SignInDecision, type SignInFailure } from "./decide.js";

/**
 * Who USER_SRP_AUTH's first step answers for, real or simulated. Everything the challenge shows
 * (SALT, USER_ID_FOR_SRP) and hides (the verifier behind SRP_B) comes from here.
 */
export interface SrpSubject extends SrpIdentity {
  /** The user the name resolved to, also when the challenge is simulated to mask their state. */
  readonly user: UserRecord | undefined;
  readonly lockoutSubject: string;
  /**
   * What the mode answers before any proof, if anything: LEGACY's user_not_found, and the states
   * decideSignIn reveals whatever the password (docs/cognito.md §2.0: UNCONFIRMED "at InitiateAuth").
   */
  readonly answer: SignInFailure | undefined;
}

/**
 * Resolves the USERNAME of USER_SRP_AUTH: one lookup (existence/subject.ts), the identity the
 * challenge names (existence/srp-identity.ts: one read and the simulated values, for every name),
 * and what the policy answers before any proof. A user whose state no proof could reveal is
 * simulated exactly like an unknown name (where the policy hides unknown names).
 */
export async function srpSubject(deps: Deps, { pool, client }: ClientContext, input: string): Promise<SrpSubject> {
  const policy = policyOf(client);
  const subject = await resolveSubject(deps, pool, input);
  const facts = { policy, pool, user: subject.user, attempt: "ok" as const, now: deps.clock() };
  const answer = revealedBeforeProof(decideSignIn({ ...facts, passwordOk: false }));
  const masked = !policy.revealsUnknownUsers && isIncorrect(decideSignIn({ ...facts, passwordOk: true }));
  const identity = await srpIdentity(deps, pool, policy, subject, masked);
  return { ...identity, user: subject.user, lockoutSubject: subject.counterKey, answer };
}

/** srpSubject for callers that give the before-proof answer at once (CUSTOM_AUTH's SRP_A path). */
export async function resolveSrpSubject(deps: Deps, context: ClientContext, input: string): Promise<SrpSubject | SignInFailure> {
  const subject = await srpSubject(deps, context, input);
  return subject.answer ?? subject;
}

/** A failure decideSignIn gives whatever the password: it is the first step's answer. */
function revealedBeforeProof(ifWrong: SignInDecision): SignInFailure | undefined {
  return "$case" in ifWrong && !isIncorrect(ifWrong) ? ifWrong : undefined;
}

function isIncorrect(decision: SignInDecision): boolean {
  return "$case" in decision && decision.$case === "notAuthorized" && decision.value.message === messages.incorrectCredentials;
}
