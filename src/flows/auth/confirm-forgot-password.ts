import type { ConfirmForgotPasswordRequest, ConfirmForgotPasswordResponse } from "../../gen/identity/v1/auth_service.js";
import type { CodeCheck, CodeSubject } from "../../store/codes.js";
import type { ClientRecord, PoolRecord, UserRecord } from "../../store/records.js";
import { isContext } from "../client-context.js";
import { openNamedRequest } from "./named-request.js";
import { checkCode } from "../codes.js";
import type { Deps } from "../deps.js";
import { overHourlyLimit } from "../limits.js";
import { messages } from "../messages.js";
import { fail, success, type Failure, type Outcome } from "../outcome.js";
import { checkPasswordPolicy, passwordFields } from "../passwords.js";
import { rememberPassword } from "../existence/identity-verifiers.js";
import { postConfirmation } from "../post-confirmation.js";
import { policyOf } from "../existence/policy.js";
import { codeSlotOf, resolveSubject } from "../existence/subject.js";
import { limits, pattern, patterns, required } from "../validation.js";
import { planRecovery } from "./recovery-plan.js";
import { indexOf } from "../usernames.js";

export type ConfirmForgotPasswordOutcome = Outcome<ConfirmForgotPasswordResponse>;

/**
 * ConfirmForgotPassword (docs/cognito.md §2.5): the right code sets the new password and makes the user
 * CONFIRMED (imported and reset users included). Users no code can have been sent to — unknown
 * (ENABLED, STRICT), disabled, no verified contact — check the name's phantom slot instead, so they
 * answer code_mismatch after a ForgotPassword and expired_code without one, exactly as a real user
 * with a wrong code does (docs/cognito.md §6.3). The order is the same for every name: lookup, hourly limit,
 * password policy (after the user is resolved: docs/cognito.md §2.5 "ordering trap"), code (compared, not used
 * up). Then, for the right code only, PostConfirmation_ConfirmForgotPassword (every successful
 * reset, §2.5) before anything is written: its error leaves the password, the status and the code
 * as they were (post-confirmation.ts).
 */
export async function confirmForgotPassword(deps: Deps, request: ConfirmForgotPasswordRequest): Promise<ConfirmForgotPasswordOutcome> {
  const context = await openNamedRequest(deps, request,
    required("confirmation_code", request.confirmationCode, limits.code) ?? pattern("confirmation_code", request.confirmationCode, patterns.noWhitespace, "[\\S]+"),
    required("password", request.password, limits.password),
  );
  if (!isContext(context)) return context;
  const { pool, client } = context;
  const policy = policyOf(client);
  const named = await resolveSubject(deps, pool, request.username);
  if (!named.user && policy.revealsUnknownUsers) return fail("userNotFound", messages.usernameClientNotFound);
  const limited = await overHourlyLimit(deps, pool.id, "ConfirmForgotPassword", named.counterKey);
  if (limited) return limited;
  const weak = checkPasswordPolicy(pool.passwordPolicy, request.password);
  if (weak) return weak;
  // Only a user ForgotPassword would really send a code to can hold one (U2, U6).
  const real = planRecovery(policy, pool, named, request.username).kind === "send";
  const subject = codeSlotOf(named, real);
  const check = await checkCode(deps, pool.id, "forgot-password", subject, request.confirmationCode, false);
  if (!real || !named.user || check.result !== "ok") return wrongCode(check);
  return confirmReset(deps, pool, client, named.user, subject, request);
}

/** The right code: PostConfirmation on the user as the reset makes them, then the code is used up and the password set. */
async function confirmReset(deps: Deps, pool: PoolRecord, client: ClientRecord, user: UserRecord, subject: CodeSubject, request: ConfirmForgotPasswordRequest): Promise<ConfirmForgotPasswordOutcome> {
  const confirmation = { source: "PostConfirmation_ConfirmForgotPassword" as const, clientId: client.clientId, clientMetadata: request.clientMetadata };
  const rejected = await postConfirmation(deps, pool, { ...user, status: "CONFIRMED" }, confirmation);
  if (rejected) return rejected;
  const used = await checkCode(deps, pool.id, "forgot-password", subject, request.confirmationCode);
  // A parallel call with the same code won: this one answers as for a used code.
  if (used.result !== "ok") return wrongCode(used);
  return resetPassword(deps, pool, user, request.password);
}

/**
 * A phantom code can match only by a one-in-a-million guess; it still confirms nothing. A slot that
 * took WRONG_ANSWERS_PER_CODE wrong answers is closed, for real and phantom codes alike.
 */
function wrongCode(check: CodeCheck): Failure<"codeMismatch" | "expiredCode" | "tooManyFailedAttempts"> {
  if (check.result === "exhausted") return fail("tooManyFailedAttempts", messages.tooManyFailedAttempts);
  if (check.result === "mismatch" || check.result === "ok") return fail("codeMismatch", messages.codeMismatch);
  return fail("expiredCode", messages.expiredCode);
}

async function resetPassword(deps: Deps, pool: PoolRecord, user: UserRecord, password: string): Promise<ConfirmForgotPasswordOutcome> {
  const updated = await deps.stores.users.update(pool.id, user.username, (current) => ({
    user: { ...current, ...passwordFields(deps, pool, current.username, password), status: "CONFIRMED" as const },
    value: undefined,
  }), deps.clock(), indexOf(pool));
  // The user was deleted between the code check and now: the code belonged to nobody any more.
  if (!updated || !updated.ok) return fail("expiredCode", messages.expiredCode);
  await rememberPassword(deps, pool, updated.user, password);
  return success({});
}
