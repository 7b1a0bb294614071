import type { Deps } from "./deps.js";
import { messages } from "./messages.js";
import { fail, type Failure } from "./outcome.js";

/**
 * Per-user calls per hour (docs/cognito.md §6.2, Cognito's documented quotas). ConfirmForgotPassword is "5-20
 * depending on risk score": without risk scoring we take 10. ForgotPassword has no documented
 * number; the catalogue lists it among the hourly-limited operations (§1.3), so it gets 5 like
 * ResendConfirmationCode — both send messages.
 */
export const HOURLY_LIMITS = {
  ConfirmSignUp: 15,
  ResendConfirmationCode: 5,
  ForgotPassword: 5,
  ConfirmForgotPassword: 10,
  ChangePassword: 5,
} as const;

export type LimitedOperation = keyof typeof HOURLY_LIMITS;

const HOUR_MS = 3_600_000;

/**
 * Counts the call for its subject (`counterSubject`: the user, or the unknown name itself, so an
 * unknown name reaches limit_exceeded after exactly as many calls as a real user) and refuses it
 * past the limit. One atomic script: parallel calls through several servers cannot exceed it.
 */
export async function overHourlyLimit(deps: Deps, poolId: string, operation: LimitedOperation, subject: string): Promise<Failure<"limitExceeded"> | undefined> {
  const allowed = await deps.stores.rateLimits.take(poolId, operation, subject, HOURLY_LIMITS[operation], HOUR_MS, deps.clock());
  return allowed ? undefined : fail("limitExceeded", messages.attemptLimitExceeded);
}
