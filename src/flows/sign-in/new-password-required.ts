import type { ClientContext } from "../client-context.js";
import { checkSecretHash } from "../client-context.js";
import type { Deps } from "../deps.js";
import { messages } from "../messages.js";
import { fail, invalidParameter } from "../outcome.js";
import { checkPasswordPolicy, passwordFields } from "../passwords.js";
import { rememberPassword } from "../existence/identity-verifiers.js";
import { indexOf } from "../usernames.js";
import { resolveSubject } from "../existence/subject.js";
import { signedIn, type ChallengeOutcome } from "./auth-outcome.js";
import type { AuthRequest } from "./auth-request.js";
import { isSessionState, takeSession } from "./challenge-session.js";

/** Attributes a user may not set through the challenge (system-managed). */
const PROTECTED = new Set(["sub", "email_verified", "phone_number_verified"]);

/**
 * Answers NEW_PASSWORD_REQUIRED: the user proved the temporary password and now sets a permanent
 * one (and any `userAttributes.<name>`), becomes CONFIRMED and gets tokens.
 */
export async function respondNewPassword(deps: Deps, { pool, client }: ClientContext, request: AuthRequest): Promise<ChallengeOutcome> {
  const { USERNAME: username = "", NEW_PASSWORD: newPassword = "" } = request.parameters;
  if (username === "") return invalidParameter("challenge_responses.USERNAME", messages.missingParameter("USERNAME"));
  if (newPassword === "") return invalidParameter("challenge_responses.NEW_PASSWORD", messages.missingParameter("NEW_PASSWORD"));
  if (request.session === "") return invalidParameter("session", messages.missingParameter("Session"));
  const badHash = checkSecretHash(client, username, request.parameters.SECRET_HASH);
  if (badHash) return badHash;
  const attributes = challengeAttributes(request.parameters);
  if (attributes.some(([name]) => PROTECTED.has(name))) return invalidParameter("challenge_responses", "Cannot modify the non-mutable attribute sub or verification flags");
  const weak = checkPasswordPolicy(pool.passwordPolicy, newPassword);
  if (weak) return weak;
  const state = await takeSession(deps, pool, client, request.session, "NEW_PASSWORD_REQUIRED");
  if (!isSessionState(state)) return state;
  const { user: named } = await resolveSubject(deps, pool, username);
  if (!named || named.username !== state.username) return fail("notAuthorized", messages.incorrectCredentials);
  // Disabled after the challenge was issued: the temporary password was proven, so say why.
  if (!named.enabled) return fail("notAuthorized", messages.userDisabled);
  const updated = await deps.stores.users.update(pool.id, state.username, (user) => {
    if (user.status !== "FORCE_CHANGE_PASSWORD") return undefined;
    const next = { ...user, ...passwordFields(deps, pool, user.username, newPassword), status: "CONFIRMED" as const, attributes: { ...user.attributes, ...Object.fromEntries(attributes) } };
    return { user: next, value: undefined };
  }, deps.clock(), indexOf(pool));
  // Another user verified this email or phone as an alias meanwhile: the new attributes cannot take it.
  if (updated && !updated.ok && updated.reason === "taken") return fail("aliasExists", messages.aliasExists(aliasOf(attributes)));
  if (!updated || !updated.ok) return fail("notAuthorized", messages.sessionInvalid);
  await rememberPassword(deps, pool, updated.user, newPassword);
  return signedIn(deps, pool, client, updated.user, { source: "TokenGeneration_NewPasswordChallenge", clientMetadata: request.clientMetadata });
}

function aliasOf(attributes: [string, string][]): string {
  return attributes.some(([name]) => name === "phone_number") && !attributes.some(([name]) => name === "email") ? "phone_number" : "email";
}

function challengeAttributes(parameters: Record<string, string>): [string, string][] {
  const prefix = "userAttributes.";
  return Object.entries(parameters).filter(([key]) => key.startsWith(prefix)).map(([key, value]) => [key.slice(prefix.length), value]);
}
