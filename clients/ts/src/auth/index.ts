export { TokenVerificationError, type TokenCheck } from "./errors.js";
export { JwksCache, type JwksCacheOptions } from "./jwks-cache.js";
export { TokenVerifier, type Requirement, type TokenVerifierOptions, type VerifiedClaims } from "./verifier.js";
export { bearerToken, claimsOf, createAuthInterceptor, statusOf, type AuthInterceptorOptions, type MethodRule } from "./server-interceptor.js";
export { TokenEndpointError, TokenSource, tokenEndpointFetcher, type FetchedToken, type TokenEndpointOptions, type TokenFetcher, type TokenSourceOptions } from "./token-source.js";
export { ClientTokenError, getClientTokenFetcher, type ClientTokenOptions } from "./client-token.js";
