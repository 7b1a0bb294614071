/**
 * Transport security settings, read from the environment: the gRPC listener (server certificate,
 * client CA for mTLS, CRL), the HTTP listener (same certificate or its own) and the Redis connection
 * (rediss://, CA to trust, client certificate). README "TLS and mTLS" shows each piece.
 */

export interface TlsConfig {
  readonly certFile: string;
  readonly keyFile: string;
  /**
   * When set, the gRPC listener asks every client for a certificate and verifies it against this CA
   * bundle (through intermediates the client sends). A verified certificate authenticates an
   * AdminService caller only when an `adminCredentials` entry names its identity.
   */
  readonly clientCaFile: string | undefined;
  /** PEM CRLs, one per CA in the chain (OpenSSL checks every level once a CRL is loaded). */
  readonly clientCrlFile?: string | undefined;
  /** AuthService calls also need a verified client certificate (off by default). */
  readonly requireClientCertificateForAuthService?: boolean;
  /** How often certificate files are checked for changes; 0: only on SIGHUP. */
  readonly reloadIntervalMs?: number;
}

/** The HTTP listener's certificate: the gRPC one (`same`) or its own files. */
export type HttpTlsConfig = { readonly certFile: string; readonly keyFile: string };

export interface RedisTlsConfig {
  readonly caFile: string | undefined;
  readonly certFile: string | undefined;
  readonly keyFile: string | undefined;
  /** The name the Redis certificates are checked against, when it is not the host connected to. */
  readonly serverName: string | undefined;
}

type Env = Record<string, string | undefined>;

const DEFAULT_RELOAD_INTERVAL_MS = 30_000;

export function tlsFrom(env: Env): TlsConfig | undefined {
  if (!env.TLS_CERT_FILE && !env.TLS_KEY_FILE) {
    if (env.TLS_CLIENT_CA_FILE || env.TLS_CLIENT_CRL_FILE) throw new Error("TLS_CLIENT_CA_FILE and TLS_CLIENT_CRL_FILE need TLS_CERT_FILE and TLS_KEY_FILE");
    return undefined;
  }
  if (!env.TLS_CERT_FILE || !env.TLS_KEY_FILE) throw new Error("TLS_CERT_FILE and TLS_KEY_FILE go together");
  const clientCaFile = env.TLS_CLIENT_CA_FILE || undefined;
  const requireForAuth = flag(env.TLS_AUTH_SERVICE_REQUIRE_CLIENT_CERT, "TLS_AUTH_SERVICE_REQUIRE_CLIENT_CERT");
  if (requireForAuth && !clientCaFile) throw new Error("TLS_AUTH_SERVICE_REQUIRE_CLIENT_CERT needs TLS_CLIENT_CA_FILE");
  if (env.TLS_CLIENT_CRL_FILE && !clientCaFile) throw new Error("TLS_CLIENT_CRL_FILE needs TLS_CLIENT_CA_FILE");
  return {
    certFile: env.TLS_CERT_FILE,
    keyFile: env.TLS_KEY_FILE,
    clientCaFile,
    clientCrlFile: env.TLS_CLIENT_CRL_FILE || undefined,
    requireClientCertificateForAuthService: requireForAuth,
    reloadIntervalMs: seconds(env.TLS_RELOAD_INTERVAL_SECONDS, DEFAULT_RELOAD_INTERVAL_MS, "TLS_RELOAD_INTERVAL_SECONDS"),
  };
}

/**
 * HTTP_TLS_CERT_FILE/HTTP_TLS_KEY_FILE give the HTTP listener its own certificate; otherwise it serves
 * the gRPC certificate whenever there is one. HTTP_TLS=off keeps it plaintext (a proxy terminates TLS).
 */
export function httpTlsFrom(env: Env, grpcTls: TlsConfig | undefined): HttpTlsConfig | undefined {
  if (env.HTTP_TLS !== undefined && env.HTTP_TLS !== "off" && env.HTTP_TLS !== "on") throw new Error(`HTTP_TLS must be "on" or "off", not ${JSON.stringify(env.HTTP_TLS)}`);
  if (env.HTTP_TLS === "off") return undefined;
  if (env.HTTP_TLS_CERT_FILE || env.HTTP_TLS_KEY_FILE) {
    if (!env.HTTP_TLS_CERT_FILE || !env.HTTP_TLS_KEY_FILE) throw new Error("HTTP_TLS_CERT_FILE and HTTP_TLS_KEY_FILE go together");
    return { certFile: env.HTTP_TLS_CERT_FILE, keyFile: env.HTTP_TLS_KEY_FILE };
  }
  if (grpcTls) return { certFile: grpcTls.certFile, keyFile: grpcTls.keyFile };
  if (env.HTTP_TLS === "on") throw new Error("HTTP_TLS=on needs HTTP_TLS_CERT_FILE/HTTP_TLS_KEY_FILE or TLS_CERT_FILE/TLS_KEY_FILE");
  return undefined;
}

/** TLS to Redis: a rediss:// URL, or REDIS_TLS=1 (Redis Cluster nodes are host:port lists). */
export function redisTlsFrom(env: Env): RedisTlsConfig | undefined {
  const url = env.REDIS_URL ?? "";
  const on = url.startsWith("rediss://") || flag(env.REDIS_TLS, "REDIS_TLS");
  const files = env.REDIS_TLS_CA_FILE || env.REDIS_TLS_CERT_FILE || env.REDIS_TLS_KEY_FILE;
  if (!on) {
    if (files) throw new Error("REDIS_TLS_* files need a rediss:// REDIS_URL or REDIS_TLS=1");
    return undefined;
  }
  if (Boolean(env.REDIS_TLS_CERT_FILE) !== Boolean(env.REDIS_TLS_KEY_FILE)) throw new Error("REDIS_TLS_CERT_FILE and REDIS_TLS_KEY_FILE go together");
  return {
    caFile: env.REDIS_TLS_CA_FILE || undefined,
    certFile: env.REDIS_TLS_CERT_FILE || undefined,
    keyFile: env.REDIS_TLS_KEY_FILE || undefined,
    serverName: env.REDIS_TLS_SERVERNAME || undefined,
  };
}

function flag(value: string | undefined, name: string): boolean {
  if (value === undefined || value === "" || value === "0" || value === "false") return false;
  if (value === "1" || value === "true") return true;
  throw new Error(`${name} must be 1 or 0`);
}

function seconds(value: string | undefined, fallbackMs: number, name: string): number {
  if (value === undefined || value === "") return fallbackMs;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number of seconds (0: reload on SIGHUP only)`);
  return n * 1000;
}
