import { checkSecretHash, clientContext, isContext, type ClientContext } from "../client-context.js";
import type { Deps } from "../deps.js";
import type { Failure, InvalidParameter } from "../outcome.js";
import { clientId, firstProblem, limits, maxLength, stringMap, username } from "../validation.js";

/** The fields every unauthenticated operation that names a user carries. */
export interface NamedRequest {
  readonly clientId: string;
  readonly secretHash: string;
  readonly username: string;
  readonly clientMetadata: Record<string, string>;
}

type Check = InvalidParameter | undefined;
export type OpenFailure = InvalidParameter | Failure<"resourceNotFound" | "notAuthorized">;

/**
 * The shared start of SignUp, ConfirmSignUp, ResendConfirmationCode, ForgotPassword and
 * ConfirmForgotPassword: bounded input (plus the operation's own checks), the client and its pool,
 * then SECRET_HASH — before any user lookup, so it answers alike for every name (docs/cognito.md §3.7).
 */
export async function openNamedRequest(deps: Deps, request: NamedRequest, ...operationChecks: Check[]): Promise<ClientContext | OpenFailure> {
  const problem = firstProblem(
    clientId("client_id", request.clientId),
    maxLength("secret_hash", request.secretHash, limits.secretHash),
    username("username", request.username),
    stringMap("client_metadata", request.clientMetadata),
    ...operationChecks,
  );
  if (problem) return problem;
  const context = await clientContext(deps, request.clientId);
  if (!isContext(context)) return context;
  return checkSecretHash(context.client, request.username, request.secretHash) ?? context;
}
