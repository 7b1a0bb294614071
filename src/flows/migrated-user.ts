// The user a UserMigration answer describes (docs/cognito.md §5.10), built with the same rules as an
// administrator's AdminCreateUser: the pool's username design, no system attributes, well-formed
// email / phone, verified flags only with their attribute. The hook is trusted like an
// administrator: its verified flags are kept (the forgot-password path needs a verified contact)
// and the password policy is not applied to a migrated password (§5.10).
//
// Not acted on: messageAction and desiredDeliveryMediums choose Cognito's welcome message, which
// this service does not send (a migrated user already has a password or gets a recovery code), so
// every migration behaves as messageAction SUPPRESS; enableSMSMFA (no SMS MFA here).
import type { PoolRecord, UserRecord, UserStatus } from "../store/records.js";
import type { StringMap, UserMigrationResponse } from "../triggers/index.js";
import { migratedUsernameNotAlias, unusableOutput } from "../triggers/messages.js";
import { adminAttributesProblem, verifiedWithoutValue } from "./admin/attribute-rules.js";
import type { Deps } from "./deps.js";
import { newUserRecord } from "./new-user.js";
import { fail, isFailure, type Failure } from "./outcome.js";
import { passwordFields } from "./passwords.js";
import { normalize } from "./usernames.js";

/** What the operation knew when it asked: the name sent, and the password for UserMigration_Authentication. */
export interface MigrationInput {
  readonly sentName: string;
  /** Present for sign-in only; ForgotPassword has none (§5.10). */
  readonly password?: string;
}

type Unusable = Failure<"invalidLambdaResponse">;

/**
 * The new user: named by the name sent (or by the `username` the hook returns when the name sent is
 * one of the returned aliases, §5.10), in finalUserStatus — by default CONFIRMED at sign-in, where
 * the hook has just vouched for the password, and RESET_REQUIRED in ForgotPassword, where no
 * password is known. A CONFIRMED sign-in keeps the password sent; anyone else gets none.
 */
export function migratedUser(deps: Deps, pool: PoolRecord, response: UserMigrationResponse, input: MigrationInput): UserRecord | Unusable {
  const { username: chosen, ...attributes } = response.userAttributes ?? {};
  if (chosen !== undefined && !sentAnAlias(pool, input.sentName, attributes)) return fail("invalidLambdaResponse", migratedUsernameNotAlias);
  const list = Object.entries(attributes).map(([name, value]) => ({ name, value }));
  const problem = adminAttributesProblem("userAttributes", list);
  if (problem) return unusable(problem.value.message);
  const status: UserStatus = response.finalUserStatus ?? (input.password !== undefined ? "CONFIRMED" : "RESET_REQUIRED");
  const draft = newUserRecord(deps, pool, { username: chosen ?? input.sentName, attributes: list, status, mayVerify: true });
  if (isFailure(draft)) return unusable(draft.value.message);
  const unvouched = verifiedWithoutValue("userAttributes", draft.attributes);
  if (unvouched) return unusable(unvouched.value.message);
  if (status !== "CONFIRMED" || input.password === undefined) return draft;
  return { ...draft, ...passwordFields(deps, pool, draft.username, input.password) };
}

/** True when the answer says nothing: no userAttributes, or none in them (the seed's "empty response"). */
export function saysNotFound(response: UserMigrationResponse): boolean {
  return Object.keys(response.userAttributes ?? {}).length === 0;
}

/** The name sent is the value of one of the pool's alias attributes in the answer. */
function sentAnAlias(pool: PoolRecord, sentName: string, attributes: StringMap): boolean {
  return pool.aliasAttributes.some((attribute) => attributes[attribute] !== undefined && normalize(pool, attributes[attribute]) === normalize(pool, sentName));
}

function unusable(reason: string): Unusable {
  return fail("invalidLambdaResponse", unusableOutput(reason));
}
