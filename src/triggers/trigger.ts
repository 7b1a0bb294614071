// The trigger interface flows depend on: a runner takes a Cognito event and answers with either the
// event (response filled in) or one of the three Cognito trigger errors (docs/cognito.md §5.13). The error arms
// are the ts-proto oneof arms of every operation that runs triggers, so a flow can return them as-is.
import type { InvalidLambdaResponse, UnexpectedLambda, UserLambdaValidation } from "../gen/identity/v1/errors.js";
import type { TriggerEventMap } from "./events.js";

/** Cognito's trigger names, as they appear in "<TriggerName> failed with error …." (§5.13). */
export type TriggerName =
  | "PreSignUp"
  | "PostConfirmation"
  | "PreAuthentication"
  | "PostAuthentication"
  | "CustomMessage"
  | "PreTokenGeneration"
  | "DefineAuthChallenge"
  | "CreateAuthChallenge"
  | "VerifyAuthChallengeResponse"
  | "UserMigration";

/** Every trigger name, for config validation and iteration. */
export const TRIGGER_NAMES: readonly TriggerName[] = [
  "PreSignUp",
  "PostConfirmation",
  "PreAuthentication",
  "PostAuthentication",
  "CustomMessage",
  "PreTokenGeneration",
  "DefineAuthChallenge",
  "CreateAuthChallenge",
  "VerifyAuthChallengeResponse",
  "UserMigration",
];

// Compile-time guard: the event map and the name union must list the same triggers.
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const eventMapCoversNames: SameKeys<keyof TriggerEventMap, TriggerName> = true;
void eventMapCoversNames;

/** The event a given trigger receives. */
export type TriggerEventOf<N extends TriggerName> = TriggerEventMap[N];

/** Cognito's three trigger exceptions, as ts-proto oneof arms (errors.proto). */
export type TriggerError =
  | { $case: "userLambdaValidation"; value: UserLambdaValidation }
  | { $case: "unexpectedLambda"; value: UnexpectedLambda }
  | { $case: "invalidLambdaResponse"; value: InvalidLambdaResponse };

/** What a trigger call produced: the returned event, or the error the operation must answer. */
export type TriggerOutcome<E = TriggerEventMap[TriggerName]> = { ok: true; event: E } | { ok: false; error: TriggerError };

/** One configured trigger: time-boxed, validated, never throws for anything the hook does. */
export interface TriggerRunner<N extends TriggerName = TriggerName> {
  /**
   * Runs the hook. `deadlineMs` is an absolute time on the Date.now() scale (e.g. the gRPC call's
   * deadline; Infinity for none): the call is cut at the earlier of it and the trigger's own time box.
   */
  run(event: TriggerEventOf<N>, deadlineMs: number): Promise<TriggerOutcome<TriggerEventOf<N>>>;
}
