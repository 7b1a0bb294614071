import type { ClientContext } from "../client-context.js";
import { checkSecretHash } from "../client-context.js";
import type { Deps } from "../deps.js";
import { messages } from "../messages.js";
import { invalidParameter } from "../outcome.js";
import { hasMigration, migrateUser, type MigrationFailure } from "../user-migration.js";
import { policyOf } from "../existence/policy.js";
import { resolveSubject, type Subject } from "../existence/subject.js";
import { completeSignIn, type AuthOutcome } from "./auth-outcome.js";
import type { AuthRequest } from "./auth-request.js";
import { decideSignIn } from "./decide.js";
import { checkPassword } from "./password-check.js";
import { completeIdentityVerifiers } from "../existence/identity-verifiers.js";
import { preAuthentication } from "./pre-authentication.js";

/**
 * USER_PASSWORD_AUTH and ADMIN_USER_PASSWORD_AUTH: USERNAME and PASSWORD in one round trip (spec
 * §3.2). The steps, alike for every name: lookup; (a name no user holds: UserMigration); the
 * PreAuthentication hook, before the password (§2.6); the password check and lockout; the decision.
 */
export async function passwordAuth(deps: Deps, context: ClientContext, request: AuthRequest): Promise<AuthOutcome> {
  const { pool, client } = context;
  const username = request.parameters.USERNAME ?? "";
  const password = request.parameters.PASSWORD ?? "";
  if (username === "") return invalidParameter("auth_parameters.USERNAME", messages.missingParameter("USERNAME"));
  if (password === "") return invalidParameter("auth_parameters.PASSWORD", messages.missingParameter("PASSWORD"));
  const badHash = checkSecretHash(client, username, request.parameters.SECRET_HASH);
  if (badHash) return badHash;
  // Over-long names and passwords get the generic answer after the same work (no length oracle).
  const found = await resolveSubject(deps, pool, username);
  const named = await signInSubject(deps, context, found, username, password, request.clientMetadata);
  if ("$case" in named) return named;
  const rejected = await preAuthentication(deps, context, named.user, username, request.clientMetadata);
  if (rejected) return rejected;
  const check = await checkPassword(deps, pool, named, password);
  const decision = decideSignIn({ policy: policyOf(client), pool, user: check.user, passwordOk: check.passwordOk, attempt: check.attempt, now: deps.clock() });
  // The password is proven and in hand: identifiers without a verifier for it get one (docs/existence.md §4).
  // Beside the answer's own work, so both store round trips leave in one write.
  const [, outcome] = await Promise.all([
    check.passwordOk && check.user ? completeIdentityVerifiers(deps, pool, check.user, password) : undefined,
    completeSignIn(deps, pool, client, decision),
  ]);
  return outcome;
}

/**
 * The name as the sign-in goes on with it: migrated by UserMigration_Authentication when no user
 * holds it — unless the name is locked out, so that the hook is never handed a guess the lockout
 * refuses anyway (docs/cognito.md §6.4): a legacy password gets the same brute-force protection as a real one.
 */
async function signInSubject(deps: Deps, context: ClientContext, named: Subject, username: string, password: string, validationData: Record<string, string>): Promise<Subject | MigrationFailure> {
  const { pool } = context;
  if (named.user || !hasMigration(deps, pool)) return named;
  if (await deps.stores.lockout.isLocked(pool.id, named.counterKey, deps.clock())) return named;
  return migrateUser(deps, context, named, username, { source: "UserMigration_Authentication", password, validationData });
}
