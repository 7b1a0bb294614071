// What a CUSTOM_CHALLENGE session carries from one round to the next (docs/cognito.md §3.5, §5.7–§5.9). The
// session is server-side and single use, so the private parameters never reach the client.
import type { ChallengeResult, StringMap } from "../../triggers/index.js";

export interface CustomAuthState {
  /** The session array DefineAuthChallenge has seen so far. */
  readonly history: ChallengeResult[];
  /** CreateAuthChallenge's privateChallengeParameters: only VerifyAuthChallengeResponse sees them. */
  readonly privateChallengeParameters: StringMap;
  /** CreateAuthChallenge's challengeMetadata: goes into the history entry of this round's answer. */
  readonly challengeMetadata: string | null;
  readonly userNotFound: boolean;
  /** The event's userName (the name first sent, for an unknown user). */
  readonly eventUserName: string;
  /** SRP_B of the PASSWORD_VERIFIER this session answers (the SRP_A path): binds the SECRET_BLOCK to it. */
  readonly srpB?: string;
}

/** Reads the state back from a session's data; undefined when it is not a custom-auth state. */
export function customAuthState(data: Record<string, unknown> | undefined): CustomAuthState | undefined {
  if (!data || !Array.isArray(data.history) || typeof data.userNotFound !== "boolean" || typeof data.eventUserName !== "string") return undefined;
  if (typeof data.privateChallengeParameters !== "object" || data.privateChallengeParameters === null) return undefined;
  if (data.challengeMetadata !== null && typeof data.challengeMetadata !== "string") return undefined;
  // Written by this service only (sessions are stored by digest, never sent): the shape is trusted.
  return data as unknown as CustomAuthState;
}

/** The history with this round's answer appended. */
export function withAnswer(state: CustomAuthState, correct: boolean): ChallengeResult[] {
  return [...state.history, { challengeName: "CUSTOM_CHALLENGE", challengeResult: correct, challengeMetadata: state.challengeMetadata }];
}
