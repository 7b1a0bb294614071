import type { GetUserRequest, GetUserResponse } from "../../gen/identity/v1/auth_service.js";
import type { Deps } from "../deps.js";
import { success, type Outcome } from "../outcome.js";
import { verifyAccessToken } from "../tokens/verify-access-token.js";
import { attributesWithSub } from "../user-view.js";
import { firstProblem, limits, required } from "../validation.js";

export type GetUserOutcome = Outcome<GetUserResponse>;

/** GetUser: the signed-in user's username and attributes. */
export async function getUser(deps: Deps, request: GetUserRequest): Promise<GetUserOutcome> {
  const problem = firstProblem(required("access_token", request.accessToken, limits.token));
  if (problem) return problem;
  const signedIn = await verifyAccessToken(deps, request.accessToken);
  if (!("user" in signedIn)) return signedIn;
  return success({ username: signedIn.user.username, userAttributes: attributesWithSub(signedIn.user) });
}
