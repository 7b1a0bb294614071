import * as grpc from "@grpc/grpc-js";
import { TokenVerificationError } from "./errors.js";
import type { Requirement, TokenVerifier, VerifiedClaims } from "./verifier.js";

/** A method's rule: what its callers must hold, or `public` (no token needed, e.g. health checks). */
export type MethodRule = Requirement | "public";

export interface AuthInterceptorOptions {
  readonly verifier: TokenVerifier;
  /** Rules by full method path, `/package.Service/Method`. */
  readonly methods: Readonly<Record<string, MethodRule>>;
  /** The rule for methods not listed; without it they are refused with PERMISSION_DENIED (fail closed). */
  readonly defaultRule?: MethodRule;
}

// The interceptor hands the handler the same Metadata object it saw, so the claims are keyed on it.
const claimsByMetadata = new WeakMap<grpc.Metadata, VerifiedClaims>();

/** The verified claims of the call being handled (undefined for public methods). */
export function claimsOf(call: { readonly metadata: grpc.Metadata }): VerifiedClaims | undefined {
  return claimsByMetadata.get(call.metadata);
}

/** The bearer token of `authorization` metadata (RFC 6750 §2.1), or undefined. */
export function bearerToken(metadata: grpc.Metadata): string | undefined {
  const values = metadata.get("authorization");
  if (values.length !== 1 || typeof values[0] !== "string") return undefined;
  const match = /^Bearer +([A-Za-z0-9._~+/-]+=*)$/i.exec(values[0]);
  return match?.[1];
}

/** The gRPC status for a failed check: PERMISSION_DENIED for scope/group, UNAVAILABLE when we cannot get keys. */
export function statusOf(error: TokenVerificationError): grpc.status {
  if (error.forbidden) return grpc.status.PERMISSION_DENIED;
  if (error.check === "jwks_unavailable") return grpc.status.UNAVAILABLE;
  return grpc.status.UNAUTHENTICATED;
}

/**
 * A grpc-js server interceptor (pass it in `new grpc.Server({ interceptors: [...] })`): verifies
 * `authorization: Bearer <access token>` before the handler sees the call, answers UNAUTHENTICATED /
 * PERMISSION_DENIED itself, and leaves the claims for `claimsOf(call)`. Works for all four call kinds:
 * messages that arrive while the token is checked are held by grpc-js until the metadata is passed on.
 */
export function createAuthInterceptor(options: AuthInterceptorOptions): grpc.ServerInterceptor {
  return (methodDescriptor, call) => {
    const rule: MethodRule | undefined = options.methods[methodDescriptor.path] ?? options.defaultRule;
    return new grpc.ServerInterceptingCall(call, {
      start: (next) => {
        next(
          new grpc.ServerListenerBuilder()
            .withOnReceiveMetadata((metadata, pass) => {
              if (rule === "public") return pass(metadata);
              authenticate(options.verifier, metadata, rule).then(
                (claims) => {
                  claimsByMetadata.set(metadata, claims);
                  pass(metadata);
                },
                (error: unknown) => {
                  const failure = error instanceof TokenVerificationError ? error : new TokenVerificationError("malformed", "token could not be checked");
                  call.sendStatus({ code: statusOf(failure), details: `${failure.check}: ${failure.message}`, metadata: new grpc.Metadata() });
                },
              );
            })
            .build(),
        );
      },
    });
  };
}

async function authenticate(verifier: TokenVerifier, metadata: grpc.Metadata, rule: Requirement | undefined): Promise<VerifiedClaims> {
  const token = bearerToken(metadata);
  if (token === undefined) throw new TokenVerificationError("missing_token", "no authorization: Bearer metadata");
  const claims = await verifier.verify(token, rule ?? {});
  if (rule === undefined) throw new TokenVerificationError("scope", "method has no access rule");
  return claims;
}
