import { createLocalJWKSet, errors, jwtVerify, type JWTVerifyOptions, type JWTVerifyResult } from "jose";
import type { Deps } from "../deps.js";

/**
 * Verifies a token against the pool's keys: the current one and previous ones not yet retired
 * (key-ring.ts). A kid we do not know (another replica rotated a moment ago) makes us re-read the
 * pool's keys once, rate-limited, then try again — as verifiers elsewhere should refetch the JWKS.
 */
export async function verifyWithPoolKeys(deps: Deps, poolId: string, token: string, options: JWTVerifyOptions): Promise<JWTVerifyResult> {
  const attempt = async () => jwtVerify(token, createLocalJWKSet({ keys: (await deps.keyRing.verificationKeys(poolId, deps.clock())).map((k) => k.publicJwk) }), options);
  try {
    return await attempt();
  } catch (error) {
    if (error instanceof errors.JWKSNoMatchingKey && (await deps.keyRing.refreshForUnknownKid(poolId))) return attempt();
    throw error;
  }
}
