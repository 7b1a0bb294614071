// POST /{poolId}/oauth2/token: the OAuth 2.0 token endpoint (RFC 6749 §3.2, §4.4, §6; Cognito's token
// endpoint page). Wire only: parse the form and the client's credentials, run the same flows as
// GetClientToken and REFRESH_TOKEN_AUTH, and answer RFC 6749 §5.1 JSON or a §5.2 error.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Deps } from "../flows/deps.js";
import { clientCredentialsGrant, type ClientCredentialsOutcome } from "../flows/m2m/client-credentials.js";
import { refreshGrant, type RefreshGrantOutcome } from "../flows/m2m/refresh-grant.js";

/** A token request is a few hundred bytes; anything past this is refused unread. */
const MAX_BODY_BYTES = 16 * 1024;

type OauthError = "invalid_request" | "invalid_client" | "invalid_grant" | "unauthorized_client" | "unsupported_grant_type" | "invalid_scope";

interface ClientCredentials {
  readonly clientId: string;
  readonly secret: string;
}

class RequestError extends Error {
  constructor(readonly error: OauthError, readonly description: string) {
    super(description);
  }
}

export async function tokenEndpoint(deps: Deps, poolId: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  try {
    const form = await readForm(request);
    const client = clientCredentialsOf(request, form);
    const grant = single(form, "grant_type");
    if (grant === undefined) throw new RequestError("invalid_request", "grant_type is required");
    if (grant === "client_credentials") {
      const scope = single(form, "scope");
      const outcome = await clientCredentialsGrant(deps, {
        channel: "token_endpoint",
        poolId,
        clientId: client.clientId,
        secret: client.secret,
        scopes: scope === undefined ? [] : scope.split(" ").filter((s) => s !== ""),
        clientMetadata: undefined,
      });
      return answerClientCredentials(response, outcome);
    }
    if (grant === "refresh_token") {
      const refreshToken = single(form, "refresh_token");
      if (refreshToken === undefined) throw new RequestError("invalid_request", "refresh_token is required");
      return answerRefresh(response, await refreshGrant(deps, { poolId, clientId: client.clientId, secret: client.secret, refreshToken }));
    }
    throw new RequestError("unsupported_grant_type", "grant_type must be client_credentials or refresh_token");
  } catch (error) {
    if (error instanceof RequestError) return sendError(response, error.error, error.description);
    throw error;
  }
}

/** RFC 6749 §3.2: POST with application/x-www-form-urlencoded; each parameter at most once. */
async function readForm(request: IncomingMessage): Promise<URLSearchParams> {
  const type = (request.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded") throw new RequestError("invalid_request", "the body must be application/x-www-form-urlencoded");
  const declared = Number(request.headers["content-length"] ?? 0);
  if (declared > MAX_BODY_BYTES) throw new RequestError("invalid_request", "the request body is too large");
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new RequestError("invalid_request", "the request body is too large");
    chunks.push(chunk);
  }
  const form = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
  const seen = new Set<string>();
  for (const key of form.keys()) {
    if (seen.has(key)) throw new RequestError("invalid_request", `${key} is repeated`);
    seen.add(key);
  }
  return form;
}

/** A parameter sent without a value counts as omitted (RFC 6749 §3.1). */
function single(form: URLSearchParams, name: string): string | undefined {
  const value = form.get(name);
  return value === null || value === "" ? undefined : value;
}

/**
 * The client's id and secret: HTTP Basic (RFC 6749 §2.3.1: both form-urlencoded, then base64) or
 * the client_id / client_secret form fields. Both at once must agree, otherwise the request
 * authenticates nobody (invalid_client). A public client (no secret) sends client_id only.
 */
function clientCredentialsOf(request: IncomingMessage, form: URLSearchParams): ClientCredentials {
  const basic = basicCredentials(request.headers.authorization);
  const formId = single(form, "client_id");
  const formSecret = single(form, "client_secret");
  if (basic) {
    if ((formId !== undefined && formId !== basic.clientId) || (formSecret !== undefined && formSecret !== basic.secret)) {
      throw new RequestError("invalid_client", "the client is authenticated twice, with different credentials");
    }
    return basic;
  }
  if (formId === undefined) throw new RequestError("invalid_client", "client authentication is required");
  return { clientId: formId, secret: formSecret ?? "" };
}

function basicCredentials(header: string | undefined): ClientCredentials | undefined {
  if (header === undefined) return undefined;
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!match) throw new RequestError("invalid_client", "the Authorization header is not HTTP Basic");
  const decoded = Buffer.from(match[1]!, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) throw new RequestError("invalid_client", "the Authorization header is malformed");
  try {
    return { clientId: formDecode(decoded.slice(0, colon)), secret: formDecode(decoded.slice(colon + 1)) };
  } catch {
    throw new RequestError("invalid_client", "the Authorization header is malformed");
  }
}

function formDecode(text: string): string {
  return decodeURIComponent(text.replace(/\+/g, " "));
}

function answerClientCredentials(response: ServerResponse, outcome: ClientCredentialsOutcome): void {
  switch (outcome.$case) {
    case "success":
      return sendJson(response, 200, { access_token: outcome.value.accessToken, expires_in: outcome.value.expiresIn, token_type: outcome.value.tokenType });
    case "notAuthorized":
      return sendError(response, "invalid_client", outcome.value.message);
    case "invalidOauthFlow":
      return sendError(response, "unauthorized_client", outcome.value.message);
    case "scopeDoesNotExist":
      return sendError(response, "invalid_scope", outcome.value.message);
    case "invalidParameter":
      return sendError(response, outcome.value.field === "client_id" || outcome.value.field === "secret" ? "invalid_client" : "invalid_request", outcome.value.message);
    case "tooManyRequests":
    case "userLambdaValidation":
    case "unexpectedLambda":
    case "invalidLambdaResponse":
      return sendError(response, "invalid_request", outcome.value.message);
  }
}

function answerRefresh(response: ServerResponse, outcome: RefreshGrantOutcome): void {
  switch (outcome.$case) {
    case "tokens":
      return sendJson(response, 200, { access_token: outcome.value.accessToken, id_token: outcome.value.idToken, expires_in: outcome.value.expiresIn, token_type: outcome.value.tokenType });
    case "invalidClient":
      return sendError(response, "invalid_client", outcome.value.message);
    case "unauthorizedClient":
      return sendError(response, "unauthorized_client", outcome.value.message);
    case "invalidGrant":
      return sendError(response, "invalid_grant", outcome.value.message);
    case "invalidRequest":
      return sendError(response, "invalid_request", outcome.value.message);
  }
}

/** RFC 6749 §5.2: 400, except invalid_client: 401 with a WWW-Authenticate challenge. */
function sendError(response: ServerResponse, error: OauthError, description: string): void {
  const headers = error === "invalid_client" ? { "www-authenticate": 'Basic realm="oauth2/token", charset="UTF-8"' } : undefined;
  sendJson(response, error === "invalid_client" ? 401 : 400, { error, error_description: description }, headers);
}

/** RFC 6749 §5.1: tokens are never cached. */
function sendJson(response: ServerResponse, status: number, body: object, extra: Record<string, string> = {}): void {
  response.writeHead(status, { "content-type": "application/json;charset=UTF-8", "cache-control": "no-store", pragma: "no-cache", ...extra }).end(JSON.stringify(body));
}
