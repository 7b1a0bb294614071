// The three CUSTOM_AUTH hooks (docs/cognito.md §5.7–§5.9), called with the events Cognito sends them.
import type { ClientRecord, PoolRecord } from "../../store/records.js";
import {
  triggerEvent,
  type ChallengeResult,
  type CreateAuthChallengeTriggerEvent,
  type DefineAuthChallengeTriggerEvent,
  type StringMap,
  type TriggerEventOf,
  type TriggerName,
  type TriggerOutcome,
  type VerifyAuthChallengeResponseTriggerEvent,
} from "../../triggers/index.js";
import type { Deps } from "../deps.js";
import { policyOf } from "../existence/policy.js";
import { simulatedContacts } from "../delivery/simulated-destination.js";
import { normalize } from "../usernames.js";
import { messages } from "../messages.js";
import { fail, type Failure } from "../outcome.js";
import { subjectAttributes, type ChallengeSubject } from "../existence/challenge-subject.js";

/** One round of a custom sign-in: who, through which client, with the operation's ClientMetadata. */
export interface Round {
  readonly deps: Deps;
  readonly pool: PoolRecord;
  readonly client: ClientRecord;
  readonly subject: ChallengeSubject;
  /** RespondToAuthChallenge's ClientMetadata; InitiateAuth's is not passed to these hooks (§5.1). */
  readonly clientMetadata: StringMap | undefined;
}

/** invalid_user_pool_configuration when any of `names` has no hook (Cognito's text, §1.3). */
export function unconfigured(deps: Deps, pool: PoolRecord, ...names: TriggerName[]): Failure<"invalidUserPoolConfiguration"> | undefined {
  const triggers = deps.triggers.triggersFor(pool.id);
  return names.every((name) => triggers.has(name)) ? undefined : fail("invalidUserPoolConfiguration", messages.customAuthNotConfigured);
}

export function defineChallenge(round: Round, session: ChallengeResult[]): Promise<TriggerOutcome<DefineAuthChallengeTriggerEvent>> {
  const event = triggerEvent("DefineAuthChallenge", envelopeOf(round, "DefineAuthChallenge_Authentication"), { ...common(round), session });
  return invoke(round, "DefineAuthChallenge", event);
}

export function createChallenge(round: Round, session: ChallengeResult[]): Promise<TriggerOutcome<CreateAuthChallengeTriggerEvent>> {
  const request = { ...common(round), challengeName: "CUSTOM_CHALLENGE", session };
  return invoke(round, "CreateAuthChallenge", triggerEvent("CreateAuthChallenge", envelopeOf(round, "CreateAuthChallenge_Authentication"), request));
}

export function verifyAnswer(round: Round, privateChallengeParameters: StringMap, challengeAnswer: string): Promise<TriggerOutcome<VerifyAuthChallengeResponseTriggerEvent>> {
  const request = { ...common(round), privateChallengeParameters, challengeAnswer };
  return invoke(round, "VerifyAuthChallengeResponse", triggerEvent("VerifyAuthChallengeResponse", envelopeOf(round, "VerifyAuthChallengeResponse_Authentication"), request));
}

function invoke<N extends TriggerName>(round: Round, name: N, event: TriggerEventOf<N>): Promise<TriggerOutcome<TriggerEventOf<N>>> {
  return round.deps.triggers.triggersFor(round.pool.id).invoke(name, event);
}

function envelopeOf<S extends string>(round: Round, triggerSource: S) {
  return { triggerSource, userPoolId: round.pool.id, userName: round.subject.eventUserName, clientId: round.client.clientId };
}

/**
 * The request fields the three hooks share. `userNotFound` is there only when the client hides
 * unknown users (ENABLED, and STRICT, which hides more): Cognito sets it only then (§5.7); with it,
 * for an unknown name, the stand-in contact attributes (simulatedUserAttributes).
 */
function common(round: Round): { userAttributes: StringMap; clientMetadata?: StringMap; userNotFound?: boolean; simulatedUserAttributes?: StringMap } {
  const { deps, pool, subject } = round;
  const told = policyOf(round.client).tellsHooksUserNotFound;
  // Worked out for every name; handed over only for an unknown one (docs/existence.md §6).
  const standIn = simulatedContacts(deps, pool, normalize(pool, subject.eventUserName));
  return {
    userAttributes: subjectAttributes(pool, subject),
    ...(round.clientMetadata ? { clientMetadata: round.clientMetadata } : {}),
    ...(told ? { userNotFound: subject.user === undefined } : {}),
    ...(told && subject.user === undefined ? { simulatedUserAttributes: standIn } : {}),
  };
}
