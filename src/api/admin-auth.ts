import * as grpc from "@grpc/grpc-js";
import { X509Certificate } from "node:crypto";
import { constantTimeEqual, sha256Hex } from "../crypto/digest.js";
import { statusError } from "./status.js";
import type { Guard } from "./unary.js";

/** An admin credential: the SHA-256 of a bearer token, and the pools it may manage ("*": all). */
export interface AdminCredential {
  readonly tokenSha256: string;
  readonly pools: readonly string[] | "*";
}

export interface AdminAuthOptions {
  readonly credentials: readonly AdminCredential[];
  /** When set, a client certificate issued by this CA authenticates as an admin of every pool. */
  readonly clientCa: X509Certificate | undefined;
}

/**
 * Authenticates an AdminService call before anything runs: `authorization: Bearer <token>` compared
 * by SHA-256 digest in constant time against every configured credential, or a client certificate
 * issued by the configured CA (mTLS). Refused calls change nothing.
 */
export function adminGuard(options: AdminAuthOptions): Guard<unknown> {
  return (call) => {
    // Authentication looks only at metadata and the peer: the request bytes are not decoded yet.
    const scope = certificateScope(call, options.clientCa) ?? tokenScope(call.metadata, options.credentials);
    if (!scope) return statusError(grpc.status.UNAUTHENTICATED, "admin credentials are missing or invalid");
    return (request) => (allows(scope, poolOf(request)) ? undefined : statusError(grpc.status.PERMISSION_DENIED, "these admin credentials do not cover this user pool"));
  };
}

function tokenScope(metadata: grpc.Metadata, credentials: readonly AdminCredential[]): AdminCredential["pools"] | undefined {
  const header = metadata.get("authorization")[0];
  const match = typeof header === "string" ? /^Bearer (\S{1,512})$/.exec(header) : null;
  if (!match?.[1]) return undefined;
  const digest = sha256Hex(match[1]);
  // Compare against every credential (no early exit), so timing says nothing about which matched.
  let scope: AdminCredential["pools"] | undefined;
  for (const credential of credentials) {
    if (constantTimeEqual(credential.tokenSha256.toLowerCase(), digest)) scope = credential.pools;
  }
  return scope;
}

function certificateScope(call: grpc.ServerUnaryCall<unknown, unknown>, ca: X509Certificate | undefined): "*" | undefined {
  if (!ca) return undefined;
  const peer = call.getAuthContext?.().sslPeerCertificate;
  if (!peer?.raw) return undefined;
  try {
    const certificate = new X509Certificate(peer.raw);
    const now = Date.now();
    const valid = certificate.checkIssued(ca) && certificate.verify(ca.publicKey) && Date.parse(certificate.validFrom) <= now && now <= Date.parse(certificate.validTo);
    return valid ? "*" : undefined;
  } catch {
    return undefined;
  }
}

/** Operations on no particular pool (CreateUserPool, ListUserPools) need an all-pools credential. */
function allows(scope: AdminCredential["pools"], poolId: string | undefined): boolean {
  if (scope === "*") return true;
  return poolId !== undefined && scope.includes(poolId);
}

function poolOf(request: unknown): string | undefined {
  const id = (request as { userPoolId?: unknown } | undefined)?.userPoolId;
  return typeof id === "string" && id !== "" ? id : undefined;
}
