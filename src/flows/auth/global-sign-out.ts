import type { GlobalSignOutRequest, GlobalSignOutResponse } from "../../gen/identity/v1/auth_service.js";
import type { Deps } from "../deps.js";
import { success, type Outcome } from "../outcome.js";
import { verifyAccessToken } from "../tokens/verify-access-token.js";
import { firstProblem, limits, required } from "../validation.js";

export type GlobalSignOutOutcome = Outcome<GlobalSignOutResponse>;

/** GlobalSignOut (docs/cognito.md §2.10): every sign-in of the user is revoked, with its access and refresh tokens. */
export async function globalSignOut(deps: Deps, request: GlobalSignOutRequest): Promise<GlobalSignOutOutcome> {
  const problem = firstProblem(required("access_token", request.accessToken, limits.token));
  if (problem) return problem;
  const signedIn = await verifyAccessToken(deps, request.accessToken);
  if (!("user" in signedIn)) return signedIn;
  await deps.stores.authEvents.revokeAllOf(signedIn.pool.id, signedIn.user.username);
  return success({});
}
