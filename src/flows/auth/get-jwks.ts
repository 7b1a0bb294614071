import type { GetJwksRequest, GetJwksResponse } from "../../gen/identity/v1/auth_service.js";
import type { Jwk } from "../../gen/identity/v1/common.js";
import type { Deps } from "../deps.js";
import { clientContext, isContext } from "../client-context.js";
import { messages } from "../messages.js";
import { fail, invalidParameter, success, type Outcome } from "../outcome.js";
import { clientId, poolId } from "../validation.js";

export type GetJwksOutcome = Outcome<GetJwksResponse>;

/** GetJwks: the pool's public signing keys, as served at /{poolId}/.well-known/jwks.json. */
export async function getJwks(deps: Deps, request: GetJwksRequest): Promise<GetJwksOutcome> {
  const id = await poolIdOf(deps, request);
  if (typeof id !== "string") return id;
  return success({ keys: await publicJwks(deps, id) });
}

/** The pool's public keys in JWK form (the pool must exist; its key is created on first use). */
export async function publicJwks(deps: Deps, id: string): Promise<Jwk[]> {
  // The current key and previous ones until the last token they signed has expired (key-ring.ts).
  return (await deps.keyRing.verificationKeys(id, deps.clock())).map((key) => {
    const { kid = key.kid, kty = "RSA", alg = "RS256", use = "sig", n = "", e = "" } = key.publicJwk;
    return { kid, kty, alg, use, n, e };
  });
}

async function poolIdOf(deps: Deps, request: GetJwksRequest) {
  if (request.userPoolId !== "") {
    const bad = poolId("user_pool_id", request.userPoolId);
    if (bad) return bad;
    return (await deps.stores.pools.get(request.userPoolId)) ? request.userPoolId : fail("resourceNotFound", messages.poolNotFound(request.userPoolId));
  }
  if (request.clientId === "") return invalidParameter("user_pool_id", "user_pool_id or client_id is required");
  const bad = clientId("client_id", request.clientId);
  if (bad) return bad;
  const context = await clientContext(deps, request.clientId);
  return isContext(context) ? context.pool.id : context;
}
