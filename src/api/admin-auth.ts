import * as grpc from "@grpc/grpc-js";
import { constantTimeEqual, sha256Hex } from "../crypto/digest.js";
import type { Logger } from "../flows/logger.js";
import { carries, describeName, peerIdentity, primaryName, verifiedPeerCertificate, type CertificateName } from "../tls/peer-identity.js";
import { statusError } from "./status.js";
import type { Guard } from "./unary.js";

export type PoolScope = readonly string[] | "*";

/**
 * An admin credential and the pools it may manage ("*": all): the SHA-256 of a bearer token, or a
 * client-certificate identity (a SAN URI such as a SPIFFE ID, a SAN DNS name, the subject CN, or
 * "any" certificate the client CA verified).
 */
export type AdminCredential =
  | { readonly tokenSha256: string; readonly pools: PoolScope }
  | { readonly certificate: CertificateName | "any"; readonly pools: PoolScope };

export interface AdminAuthOptions {
  readonly credentials: readonly AdminCredential[];
  /** Where certificate-authenticated calls are logged (by identity, never the certificate). */
  readonly log?: Logger;
}

/**
 * Authenticates an AdminService call before anything runs: `authorization: Bearer <token>` compared
 * by SHA-256 digest in constant time against every configured credential, and/or a client
 * certificate the TLS layer verified against the client CA (mTLS) whose identity a credential names.
 * Both may be presented; the call may touch the pools either covers. Refused calls change nothing.
 */
export function adminGuard(options: AdminAuthOptions): Guard<unknown> {
  const tokens = options.credentials.filter((c): c is Extract<AdminCredential, { tokenSha256: string }> => "tokenSha256" in c);
  const certificates = options.credentials.filter((c): c is Extract<AdminCredential, { certificate: unknown }> => "certificate" in c);
  return (call) => {
    // Authentication looks only at metadata and the peer: the request bytes are not decoded yet.
    const byCertificate = certificateScope(call, certificates, options.log);
    const byToken = tokenScope(call.metadata, tokens);
    const scope = union(byCertificate, byToken);
    if (!scope) return statusError(grpc.status.UNAUTHENTICATED, "admin credentials are missing or invalid");
    return (request) => (allows(scope, poolOf(request)) ? undefined : statusError(grpc.status.PERMISSION_DENIED, "these admin credentials do not cover this user pool"));
  };
}

function tokenScope(metadata: grpc.Metadata, credentials: readonly { tokenSha256: string; pools: PoolScope }[]): PoolScope | undefined {
  const header = metadata.get("authorization")[0];
  const match = typeof header === "string" ? /^Bearer (\S{1,512})$/.exec(header) : null;
  if (!match?.[1]) return undefined;
  const digest = sha256Hex(match[1]);
  // Compare against every credential (no early exit), so timing says nothing about which matched.
  let scope: PoolScope | undefined;
  for (const credential of credentials) {
    if (constantTimeEqual(credential.tokenSha256.toLowerCase(), digest)) scope = credential.pools;
  }
  return scope;
}

/** The pools every credential naming the verified peer certificate covers; logs who called. */
function certificateScope(call: grpc.ServerUnaryCall<unknown, unknown>, credentials: readonly { certificate: CertificateName | "any"; pools: PoolScope }[], log: Logger | undefined): PoolScope | undefined {
  if (credentials.length === 0) return undefined;
  const peer = verifiedPeerCertificate(call.getAuthContext?.());
  if (!peer) return undefined;
  const identity = peerIdentity(peer);
  let scope: PoolScope | undefined;
  const names: string[] = [];
  for (const credential of credentials) {
    const matches = credential.certificate === "any" || carries(identity, credential.certificate);
    if (!matches) continue;
    scope = union(scope, credential.pools);
    names.push(credential.certificate === "any" ? `any:${primaryName(identity)}` : describeName(credential.certificate));
  }
  const path = call.getPath?.();
  if (scope) log?.info({ admin: names.join(" "), path }, "admin call authenticated by client certificate");
  else log?.warn({ certificate: primaryName(identity), path }, "client certificate verified but no admin credential names it");
  return scope;
}

function union(a: PoolScope | undefined, b: PoolScope | undefined): PoolScope | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  if (a === "*" || b === "*") return "*";
  return [...new Set([...a, ...b])];
}

/** Whether a credential's pools cover the request's user pool (also the AWS JSON endpoint's SigV4 keys). */
export function coversPool(scope: AdminCredential["pools"], request: unknown): boolean {
  return allows(scope, poolOf(request));
}

/** Operations on no particular pool (CreateUserPool, ListUserPools) need an all-pools credential. */
function allows(scope: PoolScope, poolId: string | undefined): boolean {
  if (scope === "*") return true;
  return poolId !== undefined && scope.includes(poolId);
}

function poolOf(request: unknown): string | undefined {
  const id = (request as { userPoolId?: unknown } | undefined)?.userPoolId;
  return typeof id === "string" && id !== "" ? id : undefined;
}
