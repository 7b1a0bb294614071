import * as grpc from "@grpc/grpc-js";

/** One token from the identity service: the access token and its lifetime in seconds. */
export interface FetchedToken {
  readonly accessToken: string;
  readonly expiresIn: number;
}

/** Gets a fresh client-credentials token (from the token endpoint, or GetClientToken). */
export type TokenFetcher = () => Promise<FetchedToken>;

export interface TokenSourceOptions {
  readonly fetchToken: TokenFetcher;
  /** Refresh this many seconds before expiry (default 60, at most half the token's lifetime). */
  readonly refreshBeforeSeconds?: number;
  /** Injected for tests: ms since the epoch. */
  readonly now?: () => number;
}

/**
 * A cached client-credentials token: `token()` answers from memory until the token is near expiry,
 * then one refresh runs however many calls are waiting (they all get its result). If a refresh fails
 * while the old token is still valid, the old token is used and the next call retries.
 */
export class TokenSource {
  private current: { token: string; refreshAt: number; expiresAt: number } | undefined;
  private inflight: Promise<string> | undefined;
  /** How many tokens were fetched (for tests and metrics). */
  fetches = 0;
  private readonly now: () => number;

  constructor(private readonly options: TokenSourceOptions) {
    this.now = options.now ?? Date.now;
  }

  async token(): Promise<string> {
    const now = this.now();
    const current = this.current;
    if (current && now < current.refreshAt) return current.token;
    const refresh = this.inflight ?? (this.inflight = this.refresh().finally(() => (this.inflight = undefined)));
    if (current && now < current.expiresAt) return refresh.catch(() => current.token);
    return refresh;
  }

  /** Drops the cached token (e.g. after the server answered UNAUTHENTICATED). */
  invalidate(): void {
    this.current = undefined;
  }

  /** grpc-js call credentials adding `authorization: Bearer <token>` to every call. */
  callCredentials(): grpc.CallCredentials {
    return grpc.credentials.createFromMetadataGenerator((_params, callback) => {
      this.token().then(
        (token) => {
          const metadata = new grpc.Metadata();
          metadata.set("authorization", `Bearer ${token}`);
          callback(null, metadata);
        },
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    });
  }

  private async refresh(): Promise<string> {
    this.fetches++;
    const fetched = await this.options.fetchToken();
    if (typeof fetched.accessToken !== "string" || fetched.accessToken === "" || !(fetched.expiresIn > 0)) {
      throw new Error("token response has no access_token or expires_in");
    }
    const now = this.now();
    const lifetimeMs = fetched.expiresIn * 1000;
    const earlyMs = Math.min((this.options.refreshBeforeSeconds ?? 60) * 1000, lifetimeMs / 2);
    this.current = { token: fetched.accessToken, refreshAt: now + lifetimeMs - earlyMs, expiresAt: now + lifetimeMs };
    return fetched.accessToken;
  }
}

export interface TokenEndpointOptions {
  /** `${issuerBaseUrl}/${poolId}/oauth2/token` (discovery's token_endpoint). */
  readonly tokenEndpoint: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Requested scopes; omitted means all the client is allowed. */
  readonly scopes?: readonly string[];
  readonly timeoutMs?: number;
}

/** Error from the token endpoint: the RFC 6749 §5.2 `error` code (e.g. invalid_client) and HTTP status. */
export class TokenEndpointError extends Error {
  override readonly name = "TokenEndpointError";
  constructor(
    readonly error: string,
    readonly status: number,
    description: string,
  ) {
    super(`${error}${description ? `: ${description}` : ""}`);
  }
}

/** A fetcher for the OAuth 2.0 token endpoint: grant_type=client_credentials, HTTP Basic client auth (RFC 6749 §4.4, §2.3.1). */
export function tokenEndpointFetcher(options: TokenEndpointOptions): TokenFetcher {
  // RFC 6749 §2.3.1: client id and secret are form-urlencoded before Basic encoding.
  const basic = Buffer.from(`${encodeURIComponent(options.clientId)}:${encodeURIComponent(options.clientSecret)}`).toString("base64");
  return async () => {
    const form = new URLSearchParams({ grant_type: "client_credentials" });
    if (options.scopes && options.scopes.length > 0) form.set("scope", options.scopes.join(" "));
    const response = await fetch(options.tokenEndpoint, {
      method: "POST",
      headers: { authorization: `Basic ${basic}`, "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      body: form,
      redirect: "error",
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
    const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (!response.ok || typeof body.access_token !== "string") {
      throw new TokenEndpointError(typeof body.error === "string" ? body.error : "server_error", response.status, typeof body.error_description === "string" ? body.error_description : "");
    }
    return { accessToken: body.access_token, expiresIn: Number(body.expires_in) };
  };
}
