import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createHttpsServer, type Server as HttpsServer } from "node:https";
import type { SecureContextOptions } from "node:tls";
import type { Metrics } from "../api/metrics.js";
import { publicJwks } from "../flows/auth/get-jwks.js";
import type { Deps } from "../flows/deps.js";
import type { Admission } from "../flows/quotas/admission.js";
import { issuerOf } from "../flows/tokens/issue-tokens.js";
import { patterns } from "../flows/validation.js";
import { tokenEndpoint } from "./token-endpoint.js";

export interface HttpDeps {
  readonly deps: Deps;
  readonly metrics: Metrics;
  readonly healthy: () => boolean;
  /** Request-rate quotas (docs/quotas.md): the token endpoint spends GetClientToken's category. */
  readonly admission?: Admission;
}

/**
 * The small HTTP side: the pools' JWKS and OpenID discovery documents and the OAuth 2.0 token
 * endpoint (the paths Cognito uses, under the configured issuer base URL), /healthz and Prometheus
 * /metrics.
 */
export function buildHttpServer(http: HttpDeps, tls?: SecureContextOptions): Server | HttpsServer {
  const handle = (request: IncomingMessage, response: ServerResponse) => {
    route(http, request, response).catch((error: unknown) => {
      http.deps.log.error({ path: request.url, err: String(error) }, "http request failed");
      send(response, 503, { "content-type": "application/json" }, JSON.stringify({ error: "unavailable" }));
    });
  };
  // With TLS options (src/tls/transport.ts) the same routes are served over HTTPS.
  return tls ? createHttpsServer(tls, handle) : createServer(handle);
}

async function route(http: HttpDeps, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const path = (request.url ?? "/").split("?")[0] ?? "/";
  const token = /^\/([^/]{1,55})\/oauth2\/token$/.exec(path)?.[1];
  if (token !== undefined) {
    if (request.method !== "POST") return send(response, 405, { allow: "POST" }, "");
    if (!patterns.poolId.test(token) || !(await http.deps.stores.pools.get(token))) return send(response, 404, { "content-type": "application/json" }, JSON.stringify({ error: "not found" }));
    // The pool's ClientAuthentication quota, as GetClientToken spends it; refused: 429, nothing read.
    if (await http.admission?.("GetClientToken", { userPoolId: token })) {
      return send(response, 429, { "content-type": "application/json", "retry-after": "1", "cache-control": "no-store" }, JSON.stringify({ error: "too_many_requests", error_description: "Rate exceeded" }));
    }
    return tokenEndpoint(http.deps, token, request, response);
  }
  if (request.method !== "GET") return send(response, 405, { allow: "GET" }, "");
  if (path === "/healthz") return send(response, http.healthy() ? 200 : 503, { "content-type": "text/plain" }, http.healthy() ? "ok\n" : "unavailable\n");
  if (path === "/metrics") return send(response, 200, { "content-type": http.metrics.registry.contentType }, await http.metrics.registry.metrics());
  const match = /^\/([^/]{1,55})\/\.well-known\/(jwks\.json|openid-configuration)$/.exec(path);
  const poolId = match?.[1];
  if (!poolId || !patterns.poolId.test(poolId) || !(await http.deps.stores.pools.get(poolId))) return send(response, 404, { "content-type": "application/json" }, JSON.stringify({ error: "not found" }));
  const cache = { "content-type": "application/json", "cache-control": "public, max-age=300" };
  if (match[2] === "jwks.json") return send(response, 200, cache, JSON.stringify({ keys: await publicJwks(http.deps, poolId) }));
  return send(response, 200, cache, JSON.stringify(discovery(http.deps, poolId)));
}

function discovery(deps: Deps, poolId: string) {
  const issuer = issuerOf(deps, poolId);
  return {
    issuer,
    jwks_uri: `${issuer}/.well-known/jwks.json`,
    token_endpoint: `${issuer}/oauth2/token`,
    grant_types_supported: ["client_credentials", "refresh_token"],
    token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
    subject_types_supported: ["public"],
    id_token_signing_alg_values_supported: ["RS256"],
    response_types_supported: ["token"],
    claims_supported: ["sub", "aud", "iss", "exp", "iat", "auth_time", "token_use", "cognito:username", "email", "email_verified", "phone_number", "phone_number_verified"],
  };
}

function send(response: ServerResponse, status: number, headers: Record<string, string>, body: string): void {
  response.writeHead(status, headers).end(body);
}
