import { poolNameFromId, verifierFromPassword, verifierMatches } from "../../crypto/srp.js";
import type { ChangePasswordRequest, ChangePasswordResponse } from "../../gen/identity/v1/auth_service.js";
import type { Deps } from "../deps.js";
import { messages } from "../messages.js";
import { fail, success, type Outcome } from "../outcome.js";
import { checkPasswordPolicy, passwordFields } from "../passwords.js";
import { verifyAccessToken } from "../tokens/verify-access-token.js";
import { firstProblem, limits, required } from "../validation.js";

export type ChangePasswordOutcome = Outcome<ChangePasswordResponse>;

/** ChangePassword (spec §2.12): the previous password must be right; failures count toward lockout. */
export async function changePassword(deps: Deps, request: ChangePasswordRequest): Promise<ChangePasswordOutcome> {
  const problem = firstProblem(
    required("access_token", request.accessToken, limits.token),
    required("previous_password", request.previousPassword, limits.password),
    required("proposed_password", request.proposedPassword, limits.password),
  );
  if (problem) return problem;
  const signedIn = await verifyAccessToken(deps, request.accessToken);
  if (!("user" in signedIn)) return signedIn;
  const { pool, user } = signedIn;
  const candidate = verifierFromPassword(poolNameFromId(pool.id), user.username, request.previousPassword, user.salt ?? "01");
  const passwordOk = user.verifier !== undefined && verifierMatches(user.verifier, candidate);
  const attempt = await deps.stores.lockout.record(pool.id, `u:${user.username}`, passwordOk, deps.clock());
  if (attempt === "locked") return fail("notAuthorized", messages.passwordAttemptsExceeded);
  if (!passwordOk) return fail("notAuthorized", messages.incorrectCredentials);
  const weak = checkPasswordPolicy(pool.passwordPolicy, request.proposedPassword);
  if (weak) return weak;
  const updated = await deps.stores.users.update(pool.id, user.username, (current) => ({ user: { ...current, ...passwordFields(deps, pool, current.username, request.proposedPassword) }, value: undefined }), deps.clock());
  if (!updated || !updated.ok) return fail("notAuthorized", messages.tokenRevoked);
  return success({});
}
