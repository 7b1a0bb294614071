import { invalidParameter } from "../outcome.js";
import type { ClientContext } from "../client-context.js";
import { checkSecretHash } from "../client-context.js";
import type { Deps } from "../deps.js";
import { messages } from "../messages.js";
import { completeSignIn, type AuthOutcome } from "./auth-outcome.js";
import { decideSignIn } from "./decide.js";
import { checkPassword } from "./password-check.js";

/** USER_PASSWORD_AUTH and ADMIN_USER_PASSWORD_AUTH: USERNAME and PASSWORD in one round trip (spec §3.2). */
export async function passwordAuth(deps: Deps, { pool, client }: ClientContext, parameters: Record<string, string>): Promise<AuthOutcome> {
  const username = parameters.USERNAME ?? "";
  const password = parameters.PASSWORD ?? "";
  if (username === "") return invalidParameter("auth_parameters.USERNAME", messages.missingParameter("USERNAME"));
  if (password === "") return invalidParameter("auth_parameters.PASSWORD", messages.missingParameter("PASSWORD"));
  const badHash = checkSecretHash(client, username, parameters.SECRET_HASH);
  if (badHash) return badHash;
  // Over-long names and passwords get the generic answer after the same work (no length oracle).
  const check = await checkPassword(deps, pool, username, password);
  const decision = decideSignIn({ mode: client.existenceMode, pool, user: check.user, passwordOk: check.passwordOk, attempt: check.attempt, now: deps.clock() });
  return completeSignIn(deps, pool, client, decision);
}
