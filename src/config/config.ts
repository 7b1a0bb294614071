import { readFileSync } from "node:fs";
import { parseAddress, type Address } from "./address.js";

/** Server configuration, read once from the environment (no process.env elsewhere). */
export interface Config {
  readonly grpc: Address;
  readonly http: Address | undefined;
  readonly redisUrl: string;
  readonly redisCluster: readonly string[];
  /** 32-byte master secret: encrypts signing keys and client secrets, seeds every simulated value. */
  readonly masterKey: Buffer;
  /** Public base URL; a pool's issuer is `${issuerBaseUrl}/${poolId}`. */
  readonly issuerBaseUrl: string;
  readonly configFile: string | undefined;
  readonly codeSender: "log" | "redis-stream";
  /** Log codes in clear: only for local development (the `log` sender). */
  readonly devLogCodes: boolean;
  readonly logLevel: string;
  readonly tls: TlsConfig | undefined;
  /** SHA-256 hex digests of the admin bearer tokens (config file adds more). */
  readonly adminTokenHashes: readonly string[];
  /** Accepted SRP TIMESTAMP skew, in seconds. */
  readonly srpTimestampSkewSeconds: number;
  /** Region prefix of generated pool ids. */
  readonly region: string;
}

export interface TlsConfig {
  readonly certFile: string;
  readonly keyFile: string;
  /** When set, AdminService also accepts callers presenting a client certificate signed by this CA. */
  readonly clientCaFile: string | undefined;
}

type Env = Record<string, string | undefined>;

export function configFromEnv(env: Env = process.env): Config {
  return Object.freeze({
    grpc: parseAddress(env.GRPC_ADDR ?? "0.0.0.0:50051", "GRPC_ADDR"),
    http: env.HTTP_ADDR === "off" ? undefined : parseAddress(env.HTTP_ADDR ?? "0.0.0.0:8080", "HTTP_ADDR"),
    redisUrl: env.REDIS_URL ?? "redis://127.0.0.1:6379",
    redisCluster: splitList(env.REDIS_CLUSTER_NODES),
    masterKey: readMasterKey(env),
    issuerBaseUrl: (env.ISSUER_BASE_URL ?? "http://localhost:8080").replace(/\/+$/, ""),
    configFile: env.IDP_CONFIG || undefined,
    codeSender: codeSenderFrom(env.CODE_SENDER),
    devLogCodes: env.IDP_DEV_LOG_CODES === "1",
    logLevel: env.LOG_LEVEL ?? "info",
    tls: tlsFrom(env),
    adminTokenHashes: splitList(env.ADMIN_TOKEN_SHA256),
    srpTimestampSkewSeconds: positiveInt(env.SRP_TIMESTAMP_SKEW_SECONDS, 300, "SRP_TIMESTAMP_SKEW_SECONDS"),
    region: env.IDP_REGION ?? "us-east-1",
  });
}

function readMasterKey(env: Env): Buffer {
  const text = env.IDP_MASTER_KEY ?? (env.IDP_MASTER_KEY_FILE ? readFileSync(env.IDP_MASTER_KEY_FILE, "utf8") : undefined);
  if (!text) throw new Error("IDP_MASTER_KEY or IDP_MASTER_KEY_FILE is required (32 bytes, base64 or hex)");
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, "hex") : Buffer.from(trimmed, "base64");
  if (key.length !== 32) throw new Error("the master key must be 32 bytes (base64 or hex)");
  return key;
}

function codeSenderFrom(value: string | undefined): Config["codeSender"] {
  if (value === undefined || value === "log") return "log";
  if (value === "redis-stream") return value;
  throw new Error(`CODE_SENDER must be "log" or "redis-stream", not ${JSON.stringify(value)}`);
}

function tlsFrom(env: Env): TlsConfig | undefined {
  if (!env.TLS_CERT_FILE && !env.TLS_KEY_FILE) return undefined;
  if (!env.TLS_CERT_FILE || !env.TLS_KEY_FILE) throw new Error("TLS_CERT_FILE and TLS_KEY_FILE go together");
  return { certFile: env.TLS_CERT_FILE, keyFile: env.TLS_KEY_FILE, clientCaFile: env.TLS_CLIENT_CA_FILE || undefined };
}

function splitList(value: string | undefined): string[] {
  return (value ?? "").split(",").map((s) => s.trim()).filter(Boolean);
}

function positiveInt(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer`);
  return n;
}
