import type { ConfirmSignUpRequest, ConfirmSignUpResponse } from "../../gen/identity/v1/auth_service.js";
import type { CodeCheck } from "../../store/codes.js";
import type { PoolRecord, UserRecord } from "../../store/records.js";
import { isContext } from "../client-context.js";
import { openNamedRequest } from "./named-request.js";
import { checkCode } from "../codes.js";
import { confirmationDestination, type ContactAttribute } from "../delivery/destinations.js";
import type { Deps } from "../deps.js";
import { overHourlyLimit } from "../limits.js";
import { messages } from "../messages.js";
import { fail, success, type Failure, type Outcome } from "../outcome.js";
import { policyOf } from "../existence/policy.js";
import { codeSlotOf, resolveSubject } from "../existence/subject.js";
import { indexOf, normalize } from "../usernames.js";
import { limits, pattern, patterns, required } from "../validation.js";
import { postConfirmation } from "../post-confirmation.js";
import { confirmedRecord, planConfirmation } from "./confirmation-plan.js";

export type ConfirmSignUpOutcome = Outcome<ConfirmSignUpResponse>;

/**
 * ConfirmSignUp (docs/cognito.md §2.2): the right code makes the user CONFIRMED and verifies the attribute the
 * code went to. Names that cannot be confirmed where the mode hides it (unknown; disabled; STRICT:
 * already confirmed) check the name's phantom slot and answer as a wrong code does — same lookup,
 * same hourly-limit count, same code comparison. Only the holder of the right code learns more
 * (alias_exists). PostConfirmation runs once the code and the alias are settled and before
 * anything is written: its error leaves the user, the code and any alias holder as they were.
 */
export async function confirmSignUp(deps: Deps, request: ConfirmSignUpRequest): Promise<ConfirmSignUpOutcome> {
  const context = await openNamedRequest(deps, request,
    required("confirmation_code", request.confirmationCode, limits.code) ?? pattern("confirmation_code", request.confirmationCode, patterns.noWhitespace, "[\\S]+"),
  );
  if (!isContext(context)) return context;
  const { pool, client } = context;
  const policy = policyOf(client);
  const named = await resolveSubject(deps, pool, request.username);
  const plan = planConfirmation(policy, named.user);
  if (plan.kind === "refuse") return plan.failure;
  const limited = await overHourlyLimit(deps, pool.id, "ConfirmSignUp", named.counterKey);
  if (limited) return limited;
  const subject = codeSlotOf(named, plan.kind === "confirm");
  // Compared without being used up: an alias conflict found after the right code leaves the code
  // valid for a retry with force_alias_creation.
  const check = await checkCode(deps, pool.id, "sign-up", subject, request.confirmationCode, false);
  if (plan.kind !== "confirm" || check.result !== "ok") return wrongCode(check, plan.kind === "confirm" && policy.missingCodeIsExpired);
  const attribute = sentTo(check.attribute) ?? confirmationDestination(pool, plan.user)?.attribute;
  const holder = attribute ? await aliasHolder(deps, pool, plan.user, attribute) : undefined;
  if (holder && attribute && !request.forceAliasCreation) return fail("aliasExists", messages.aliasExists(attribute));
  const confirmation = { source: "PostConfirmation_ConfirmSignUp" as const, clientId: client.clientId, clientMetadata: request.clientMetadata };
  const rejected = await postConfirmation(deps, pool, confirmedRecord(plan.user, attribute), confirmation);
  if (rejected) return rejected;
  const used = await checkCode(deps, pool.id, "sign-up", subject, request.confirmationCode, true);
  // A parallel call with the same code won: this one answers as for a used code.
  if (used.result !== "ok") return wrongCode(used, policy.missingCodeIsExpired);
  if (holder && attribute) await releaseAlias(deps, pool, holder, attribute);
  return markConfirmed(deps, pool, plan.user, attribute);
}

/**
 * A wrong, expired or missing code. A real user's missing record (used, or expired over an hour
 * ago) is expired_code only where the policy says so (LEGACY); otherwise code_mismatch, as for an
 * unknown name, whose phantom slot is usually empty (U1, U7). Phantom slots never count as
 * "missing is expired": they answer like a real one otherwise. Every slot, real, phantom or empty,
 * closes after WRONG_ANSWERS_PER_CODE wrong answers (docs/quotas.md).
 */
function wrongCode(check: CodeCheck, missingIsExpired: boolean): Failure<"codeMismatch" | "expiredCode" | "tooManyFailedAttempts"> {
  if (check.result === "exhausted") return fail("tooManyFailedAttempts", messages.tooManyFailedAttempts);
  const expired = check.result === "expired" || (check.result === "missing" && missingIsExpired);
  return expired ? fail("expiredCode", messages.expiredCode) : fail("codeMismatch", messages.codeMismatch);
}

function sentTo(attribute: string): ContactAttribute | undefined {
  return attribute === "email" || attribute === "phone_number" ? attribute : undefined;
}

/** Another user holding the attribute's value as a verified alias (pools with alias_attributes only). */
async function aliasHolder(deps: Deps, pool: PoolRecord, user: UserRecord, attribute: ContactAttribute): Promise<UserRecord | undefined> {
  const value = user.attributes[attribute];
  if (!pool.aliasAttributes.includes(attribute) || value === undefined) return undefined;
  const holder = await deps.stores.users.find(pool.id, [{ kind: "alias", attribute, value: normalize(pool, value) }]);
  return holder && holder.username !== user.username ? holder : undefined;
}

/** force_alias_creation: the previous holder keeps the value, no longer verified, and loses the alias. */
async function releaseAlias(deps: Deps, pool: PoolRecord, holder: UserRecord, attribute: ContactAttribute): Promise<void> {
  await deps.stores.users.update(pool.id, holder.username, (current) => {
    if (current.attributes[`${attribute}_verified`] !== "true") return undefined;
    const next = { ...current, attributes: { ...current.attributes, [`${attribute}_verified`]: "false" } };
    return { user: next, value: undefined };
  }, deps.clock(), indexOf(pool));
}

async function markConfirmed(deps: Deps, pool: PoolRecord, user: UserRecord, attribute: ContactAttribute | undefined): Promise<ConfirmSignUpOutcome> {
  const updated = await deps.stores.users.update(pool.id, user.username, (current) => {
    if (current.status !== "UNCONFIRMED") return undefined;
    const next = confirmedRecord(current, attribute);
    return { user: next, value: undefined };
  }, deps.clock(), indexOf(pool));
  if (!updated) return fail("notAuthorized", messages.alreadyConfirmedCannotConfirm);
  if (!updated.ok) return updated.reason === "taken" ? fail("aliasExists", messages.aliasExists(attribute ?? "email")) : fail("expiredCode", messages.expiredCode);
  return success({});
}
