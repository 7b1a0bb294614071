import { importJWK, type JWK } from "jose";
import { TokenVerificationError } from "./errors.js";

/** What the verifier needs from a key store: the public key for a kid, fetching only when it must. */
export interface JwksCacheOptions {
  /** The pool's JWKS, e.g. `${issuer}/.well-known/jwks.json`. */
  readonly jwksUri: string;
  /** At most one fetch per this many ms when a token names an unknown kid (default 10 000). */
  readonly minRefetchIntervalMs?: number;
  /** After this long the keys are refreshed in the background; requests keep using the cached ones (default 3 600 000). */
  readonly maxAgeMs?: number;
  /** Timeout of one JWKS fetch (default 5 000). */
  readonly fetchTimeoutMs?: number;
  /** Injected for tests. */
  readonly now?: () => number;
}

type PublicKey = Awaited<ReturnType<typeof importJWK>>;

/**
 * The pool's signing keys, imported once and kept in memory, so verifying a token costs no network
 * call. A token with an unknown kid (a rotated key) causes one refetch, at most one per
 * minRefetchIntervalMs whatever the traffic (a flood of made-up kids cannot make us hammer the
 * JWKS endpoint); concurrent misses share that one fetch.
 */
export class JwksCache {
  private keys = new Map<string, PublicKey>();
  private lastAttempt = Number.NEGATIVE_INFINITY;
  private lastSuccess = Number.NEGATIVE_INFINITY;
  private inflight: Promise<void> | undefined;
  /** How many times the JWKS was requested (for tests and metrics). */
  fetches = 0;
  private readonly minRefetchIntervalMs: number;
  private readonly maxAgeMs: number;
  private readonly fetchTimeoutMs: number;
  private readonly now: () => number;

  constructor(private readonly options: JwksCacheOptions) {
    this.minRefetchIntervalMs = options.minRefetchIntervalMs ?? 10_000;
    this.maxAgeMs = options.maxAgeMs ?? 3_600_000;
    this.fetchTimeoutMs = options.fetchTimeoutMs ?? 5_000;
    this.now = options.now ?? Date.now;
  }

  /** The key for `kid`; a cached key answers without any I/O. */
  async key(kid: string | undefined): Promise<PublicKey> {
    if (typeof kid !== "string" || kid === "") throw new TokenVerificationError("malformed", "token header has no kid");
    const cached = this.keys.get(kid);
    if (cached) {
      if (this.now() - this.lastSuccess > this.maxAgeMs) this.refreshInBackground();
      return cached;
    }
    if (this.inflight) await this.inflight.catch(() => undefined);
    else if (this.now() - this.lastAttempt >= this.minRefetchIntervalMs) await this.refresh();
    const key = this.keys.get(kid);
    if (key) return key;
    if (this.lastSuccess === Number.NEGATIVE_INFINITY) throw new TokenVerificationError("jwks_unavailable", "the pool's JWKS has not been fetched yet");
    throw new TokenVerificationError("unknown_kid", "token is signed with a key the pool's JWKS does not list");
  }

  /** Fetches now (e.g. at start-up, so the first request does not wait). */
  async refresh(): Promise<void> {
    if (this.inflight) return this.inflight;
    this.lastAttempt = this.now();
    this.inflight = this.load().finally(() => (this.inflight = undefined));
    return this.inflight;
  }

  private refreshInBackground(): void {
    if (this.inflight || this.now() - this.lastAttempt < this.minRefetchIntervalMs) return;
    this.refresh().catch(() => undefined); // the cached keys stay in use; the next stale hit retries
  }

  private async load(): Promise<void> {
    this.fetches++;
    let body: unknown;
    try {
      const response = await fetch(this.options.jwksUri, { signal: AbortSignal.timeout(this.fetchTimeoutMs), redirect: "error" });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      body = await response.json();
    } catch (error) {
      throw new TokenVerificationError("jwks_unavailable", `JWKS fetch failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    const listed = (body as { keys?: unknown }).keys;
    if (!Array.isArray(listed)) throw new TokenVerificationError("jwks_unavailable", "JWKS has no keys array");
    const next = new Map<string, PublicKey>();
    for (const jwk of listed as JWK[]) {
      // Only RSA signing keys are used (the pool signs RS256); anything else is skipped, not fatal.
      if (typeof jwk?.kid !== "string" || jwk.kty !== "RSA" || (jwk.use !== undefined && jwk.use !== "sig")) continue;
      next.set(jwk.kid, this.keys.get(jwk.kid) ?? (await importJWK({ ...jwk, alg: "RS256" }, "RS256")));
    }
    this.keys = next;
    this.lastSuccess = this.now();
  }
}
