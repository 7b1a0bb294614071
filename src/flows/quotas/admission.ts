import type { PoolRecord } from "../../store/records.js";
import { cachedPool, clientContext, isContext } from "../client-context.js";
import type { Deps } from "../deps.js";
import { messages } from "../messages.js";
import { fail, type Failure } from "../outcome.js";
import { patterns } from "../validation.js";
import { OPERATION_CATEGORY, rateFor } from "./categories.js";

/** Decides, before a flow runs, whether the request fits its pool's quota: undefined lets it run. */
export type Admission = (operation: string, request: object) => Promise<Failure<"tooManyRequests"> | undefined>;

export const rateExceeded = (): Failure<"tooManyRequests"> => fail("tooManyRequests", messages.rateExceeded);

/**
 * Request-rate quotas per pool and category (docs/quotas.md). The pool comes from what the request
 * names — the pool id, the app client (its cached context), or the issuer of the access token —
 * never from a user, so a real and an unknown name consume the same quota and see the same answer.
 * One Redis script call per request; a refused request changes nothing, since the flow never runs.
 */
export function quotaAdmission(deps: Deps): Admission {
  return async (operation, request) => {
    const category = OPERATION_CATEGORY[operation];
    if (category === undefined) return undefined;
    const pool = await namedPool(deps, request as NamingFields);
    const rate = rateFor(category, pool.record?.requestRateQuotas);
    const admitted = await deps.stores.quotas.take(pool.id, category, rate, deps.clock());
    return admitted ? undefined : rateExceeded();
  };
}

interface NamingFields {
  readonly userPoolId?: unknown;
  readonly clientId?: unknown;
  readonly accessToken?: unknown;
}

interface NamedPool {
  /** undefined: the request names no pool (CreateUserPool, ListUserPools, an unknown client). */
  readonly id: string | undefined;
  readonly record: PoolRecord | undefined;
}

const accountWide: NamedPool = { id: undefined, record: undefined };

async function namedPool(deps: Deps, request: NamingFields): Promise<NamedPool> {
  if (typeof request.userPoolId === "string" && patterns.poolId.test(request.userPoolId)) {
    return { id: request.userPoolId, record: await cachedPool(deps, request.userPoolId) };
  }
  if (typeof request.clientId === "string" && patterns.clientId.test(request.clientId)) {
    const context = await clientContext(deps, request.clientId);
    return isContext(context) ? { id: context.pool.id, record: context.pool } : accountWide;
  }
  if (typeof request.accessToken === "string") {
    const id = issuerPoolId(request.accessToken);
    if (id !== undefined) return { id, record: await cachedPool(deps, id) };
  }
  return accountWide;
}

/**
 * The pool an access token claims to come from, read without verifying it: the flow verifies the
 * token; the quota only needs to know whose allowance the call spends.
 */
export function issuerPoolId(token: string): string | undefined {
  const payload = token.split(".")[1];
  if (payload === undefined || payload.length > 8_192) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { iss?: unknown };
    const id = typeof claims.iss === "string" ? claims.iss.slice(claims.iss.lastIndexOf("/") + 1) : "";
    return patterns.poolId.test(id) && id.length <= 55 ? id : undefined;
  } catch {
    return undefined;
  }
}
