import { randomBytes } from "node:crypto";
import type { ConfigFile } from "../../src/config/config-file.js";
import { keys } from "../../src/store/keys.js";
import { sha256 } from "../helpers/test-app.js";

export const ADMIN_TOKEN = "cluster-admin-token-0123456789";
export const PASSWORD = "Correct-Horse-1";

/** Six pools: their hash tags spread over the three masters (asserted, not assumed). */
export const POOLS = ["us-east-1_Spread0", "us-east-1_Spread1", "us-east-1_Spread2", "us-east-1_Spread3", "us-east-1_Spread4", "us-east-1_Spread5"];
export const clientOf = (pool: string) => `client${pool.slice(-1)}${"0".repeat(19)}`;

export const CLUSTER_CONFIG: ConfigFile = {
  adminCredentials: [{ tokenSha256: sha256(ADMIN_TOKEN), pools: "*" }],
  pools: POOLS.map((id) => ({
    id, name: id,
    clients: [{ clientId: clientOf(id), name: "load", explicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"], preventUserExistenceErrors: "ENABLED" as const }],
  })),
};

/** The key whose slot holds every key of the pool. */
export const poolKey = (pool: string) => keys.pool(pool);

export function serverEnv(nodes: readonly string[], extra: Record<string, string> = {}): Record<string, string> {
  // Quotas off, as in test-app.ts: these suites fire hundreds of sign-ups a second at one pool.
  return { REDIS_CLUSTER_NODES: nodes.join(","), IDP_MASTER_KEY: randomBytes(32).toString("base64"), ADMIN_TOKEN_SHA256: sha256(ADMIN_TOKEN), IDP_QUOTAS: "off", ...extra };
}

/** A gRPC error's status code, or undefined for a domain answer. */
export function statusOf(error: unknown): number | undefined {
  return typeof error === "object" && error !== null && "code" in error ? Number((error as { code: unknown }).code) : undefined;
}
