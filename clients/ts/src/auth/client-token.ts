import type { AuthClient } from "../client.js";
import type { TokenFetcher } from "./token-source.js";

/** GetClientToken answered an error arm (`arm`, e.g. not_authorized, scope_does_not_exist) instead of a token. */
export class ClientTokenError extends Error {
  override readonly name = "ClientTokenError";
  constructor(
    readonly arm: string,
    message: string,
  ) {
    super(`${arm}: ${message}`);
  }
}

export interface ClientTokenOptions {
  readonly clientId: string;
  readonly clientSecret: string;
  /** Requested scopes; omitted means all the client is allowed. */
  readonly scopes?: readonly string[];
}

/** A fetcher calling AuthService.GetClientToken (the client-credentials grant over gRPC). */
export function getClientTokenFetcher(auth: AuthClient, options: ClientTokenOptions): TokenFetcher {
  return async () => {
    const result = await auth.getClientToken({ clientId: options.clientId, secret: options.clientSecret, scopes: [...(options.scopes ?? [])] });
    if (result.$case !== "success") throw new ClientTokenError(result.$case, (result.value as { message?: string }).message ?? "");
    return { accessToken: result.value.accessToken, expiresIn: result.value.expiresIn };
  };
}
