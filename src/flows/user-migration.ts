// UserMigration (docs/cognito.md §5.10): when no user holds the name at a password sign-in
// (UserMigration_Authentication: USER_PASSWORD_AUTH, ADMIN_USER_PASSWORD_AUTH — never SRP, which
// hides the password, §3.2) or at ForgotPassword (UserMigration_ForgotPassword), the pool's hook may
// bring the user over from a legacy store. A user it describes is created on the spot and the
// operation goes on as for a real user: tokens, or a real recovery code.
//
// Event: userName is the name sent, exactly as typed (an alias, an email, any case): that is all
// the service knows, and what a legacy store is keyed by (§5.10 example "johndoe"); request carries
// the password (sign-in only), validationData (InitiateAuth's ClientMetadata) or clientMetadata
// (ForgotPassword's). The password is never logged; it reaches the hook only.
//
// An empty answer (no userAttributes) means "not in the legacy store either": the operation answers
// exactly as if there were no hook — generic / simulated under ENABLED and STRICT, user_not_found
// under LEGACY (the seed: "a simulated response for users that don't exist when an empty response
// was set"). A hook error is the operation's answer; nothing is created. Hooks should not throw for
// unknown users: the error text would be an existence oracle (§5.13, §7.1 #9). Asking the hook is
// work only unknown names do — inherent to migration (Cognito's own advice: "account for latency").
import type { PoolRecord, UserRecord } from "../store/records.js";
import { triggerEvent, type StringMap, type TriggerError, type UserMigrationRequest } from "../triggers/index.js";
import type { ClientContext } from "./client-context.js";
import type { Deps } from "./deps.js";
import { migratedUser, saysNotFound } from "./migrated-user.js";
import { storeNewUser } from "./new-user.js";
import { rememberPassword } from "./existence/identity-verifiers.js";
import { isFailure, type Failure } from "./outcome.js";
import { resolveSubject, subjectOf, type Subject } from "./existence/subject.js";

export type MigrationAsk =
  | { readonly source: "UserMigration_Authentication"; readonly password: string; readonly validationData: StringMap }
  | { readonly source: "UserMigration_ForgotPassword"; readonly clientMetadata: StringMap };

export type MigrationFailure = TriggerError | Failure<"invalidLambdaResponse">;

export function hasMigration(deps: Deps, pool: PoolRecord): boolean {
  return deps.triggers.triggersFor(pool.id).has("UserMigration");
}

/**
 * `named` as the operation continues with it: the migrated user, or unchanged when a user holds
 * the name already, no hook is configured, or the hook does not know the name either.
 */
export async function migrateUser(deps: Deps, { pool, client }: ClientContext, named: Subject, sentName: string, ask: MigrationAsk): Promise<Subject | MigrationFailure> {
  if (named.user || !hasMigration(deps, pool)) return named;
  const envelope = { triggerSource: ask.source, userPoolId: pool.id, userName: sentName, clientId: client.clientId };
  const outcome = await deps.triggers.triggersFor(pool.id).invoke("UserMigration", triggerEvent("UserMigration", envelope, requestOf(ask)));
  if (!outcome.ok) return outcome.error;
  if (saysNotFound(outcome.event.response)) return named;
  const password = ask.source === "UserMigration_Authentication" ? { password: ask.password } : {};
  const user = migratedUser(deps, pool, outcome.event.response, { sentName, ...password });
  if (isFailure(user)) return user;
  return stored(deps, pool, named, sentName, user, outcome.event.response.forceAliasCreation === true, password.password);
}

function requestOf(ask: MigrationAsk): UserMigrationRequest {
  return ask.source === "UserMigration_Authentication" ? { password: ask.password, validationData: ask.validationData } : { clientMetadata: ask.clientMetadata };
}

/**
 * Stores the migrated user. A parallel request that migrated the same name first wins, and this
 * one goes on with that user. A verified alias another user holds fails the migration unless the
 * hook said forceAliasCreation (§5.10): the name then stays unknown, and the operator is told.
 */
async function stored(deps: Deps, pool: PoolRecord, named: Subject, sentName: string, user: UserRecord, forceAlias: boolean, password: string | undefined): Promise<Subject> {
  const conflict = await storeNewUser(deps, pool, user, forceAlias);
  // The hook vouched for the password: the user's identity verifiers are computed now (docs/existence.md §4).
  if (!conflict && password !== undefined) await rememberPassword(deps, pool, user, password);
  if (!conflict) return subjectOf(user, named.normalized);
  if (conflict.$case === "usernameExists") return resolveSubject(deps, pool, sentName);
  deps.log.warn({ poolId: pool.id, trigger: "UserMigration", reason: conflict.value.message }, "migrated user not created");
  return named;
}
