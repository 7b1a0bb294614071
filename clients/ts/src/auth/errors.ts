/**
 * Which check a token failed. Stable codes, the same in the Go and Python SDKs:
 *   missing_token, malformed, algorithm, unknown_kid, jwks_unavailable, signature, issuer, expired,
 *   not_yet_valid, token_use, client_id  → the caller is not authenticated (gRPC UNAUTHENTICATED, except
 *                                          jwks_unavailable: UNAVAILABLE, the fault is ours)
 *   scope, group                         → authenticated but not allowed (gRPC PERMISSION_DENIED)
 */
export type TokenCheck =
  | "missing_token"
  | "malformed"
  | "algorithm"
  | "unknown_kid"
  | "jwks_unavailable"
  | "signature"
  | "issuer"
  | "expired"
  | "not_yet_valid"
  | "token_use"
  | "client_id"
  | "scope"
  | "group";

/** A token that did not pass; `check` says which check failed. The message never contains the token. */
export class TokenVerificationError extends Error {
  override readonly name = "TokenVerificationError";
  constructor(
    readonly check: TokenCheck,
    message: string,
  ) {
    super(message);
  }

  /** True when the token is genuine but lacks a required scope or group (RFC 6750 §3.1 insufficient_scope). */
  get forbidden(): boolean {
    return this.check === "scope" || this.check === "group";
  }
}
