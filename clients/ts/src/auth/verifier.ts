import { errors, jwtVerify, type JWTPayload } from "jose";
import { TokenVerificationError } from "./errors.js";
import { JwksCache, type JwksCacheOptions } from "./jwks-cache.js";

/** What a caller must hold: every scope in `scopes`, and at least one group of `groups` when given. */
export interface Requirement {
  readonly scopes?: readonly string[];
  readonly groups?: readonly string[];
}

export interface TokenVerifierOptions extends Requirement, Partial<Omit<JwksCacheOptions, "now">> {
  /** The pool's issuer, `${issuerBaseUrl}/${poolId}` (the `iss` of its tokens). */
  readonly issuer: string;
  /** App client ids whose tokens are accepted (access tokens: `client_id`; id tokens: `aud`). Required, non-empty. */
  readonly clientIds: readonly string[];
  /** `access` (default; what services should accept) or `id`. */
  readonly tokenUse?: "access" | "id";
  /** Clock skew allowed on exp/nbf/iat, seconds (default 5). */
  readonly leewaySeconds?: number;
  /** Injected for tests: ms since the epoch. */
  readonly now?: () => number;
}

/** The verified claims, with the Cognito ones typed and scope/groups already split. */
export interface VerifiedClaims {
  readonly payload: JWTPayload & Record<string, unknown>;
  readonly sub: string;
  /** `client_id` of an access token, `aud` of an id token. */
  readonly clientId: string;
  readonly tokenUse: "access" | "id";
  readonly scopes: readonly string[];
  readonly groups: readonly string[];
}

/**
 * Verifies the pool's JWTs locally: RS256 signature against the cached JWKS, iss, exp/nbf/iat with
 * a small leeway, token_use, the client-id allow-list, then the required scopes and groups. Each
 * failure is a TokenVerificationError naming the check. No network call unless a kid is unknown.
 */
export class TokenVerifier {
  readonly jwks: JwksCache;
  private readonly tokenUse: "access" | "id";
  private readonly leewaySeconds: number;
  private readonly clientIds: ReadonlySet<string>;
  private readonly now: () => number;

  constructor(private readonly options: TokenVerifierOptions) {
    if (!/^https?:\/\/[^/]+\/.+/.test(options.issuer)) throw new TypeError("issuer must be the pool's issuer URL (http(s)://host/poolId)");
    if (!Array.isArray(options.clientIds) || options.clientIds.length === 0) throw new TypeError("clientIds must list at least one app client id");
    this.tokenUse = options.tokenUse ?? "access";
    this.leewaySeconds = options.leewaySeconds ?? 5;
    this.clientIds = new Set(options.clientIds);
    this.now = options.now ?? Date.now;
    this.jwks = new JwksCache({
      ...options,
      jwksUri: options.jwksUri ?? `${options.issuer.replace(/\/+$/, "")}/.well-known/jwks.json`,
      now: this.now,
    });
  }

  /** Verifies `token`; `requirement` replaces the verifier's default scopes/groups for this call. */
  async verify(token: string, requirement: Requirement = this.options): Promise<VerifiedClaims> {
    if (typeof token !== "string" || token.length === 0) throw new TokenVerificationError("missing_token", "no token");
    if (token.length > 16_384) throw new TokenVerificationError("malformed", "token is too long");
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, (header) => this.jwks.key(header.kid), {
        algorithms: ["RS256"],
        issuer: this.options.issuer,
        clockTolerance: this.leewaySeconds,
        currentDate: new Date(this.now()),
        requiredClaims: ["exp", "iat", "sub"],
      }));
    } catch (error) {
      throw asVerificationError(error);
    }
    const claims = this.claimsOf(payload);
    this.authorize(claims, requirement);
    return claims;
  }

  /** Throws `scope` / `group` unless the claims meet `requirement`. */
  authorize(claims: VerifiedClaims, requirement: Requirement): void {
    const missing = (requirement.scopes ?? []).filter((scope) => !claims.scopes.includes(scope));
    if (missing.length > 0) throw new TokenVerificationError("scope", `token lacks required scope(s): ${missing.join(" ")}`);
    const groups = requirement.groups ?? [];
    if (groups.length > 0 && !groups.some((group) => claims.groups.includes(group))) {
      throw new TokenVerificationError("group", `token is in none of the required groups: ${groups.join(" ")}`);
    }
  }

  private claimsOf(payload: JWTPayload): VerifiedClaims {
    if (payload.token_use !== this.tokenUse) throw new TokenVerificationError("token_use", `token_use is not ${this.tokenUse}`);
    const clientId = this.tokenUse === "access" ? payload.client_id : payload.aud;
    if (typeof clientId !== "string" || !this.clientIds.has(clientId)) throw new TokenVerificationError("client_id", "token was issued to a client that is not allowed");
    const scope = payload.scope;
    const groups = payload["cognito:groups"];
    return {
      payload,
      sub: payload.sub!,
      clientId,
      tokenUse: this.tokenUse,
      scopes: typeof scope === "string" ? scope.split(" ").filter(Boolean) : [],
      groups: Array.isArray(groups) ? groups.filter((g): g is string => typeof g === "string") : [],
    };
  }
}

/** Maps jose's errors onto our checks; our own errors (from the key lookup) pass through. */
function asVerificationError(error: unknown): TokenVerificationError {
  if (error instanceof TokenVerificationError) return error;
  if (error instanceof errors.JWTExpired) return new TokenVerificationError("expired", "token has expired");
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === "iss") return new TokenVerificationError("issuer", "token was issued by another issuer");
    if (error.claim === "nbf" || error.claim === "iat") return new TokenVerificationError("not_yet_valid", "token is not valid yet");
    return new TokenVerificationError("malformed", `token claim ${error.claim} is missing or invalid`);
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return new TokenVerificationError("signature", "token signature is invalid");
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) return new TokenVerificationError("algorithm", "token is not signed with RS256");
  return new TokenVerificationError("malformed", "token is not a well-formed JWT");
}
