import { parseAddress, type Address } from "./address.js";
import type { Durability } from "../store/durability.js";
import { checkTracingEnv } from "../telemetry/otel-setup.js";
import { ConfigProblems, readConfigText } from "./problems.js";
import { httpTlsFrom, redisTlsFrom, tlsFrom, type HttpTlsConfig, type RedisTlsConfig, type TlsConfig } from "./tls.js";

export type { TlsConfig } from "./tls.js";
import { masterKey, masterKeyRing, parseKeyBytes, parseMasterKeys, type MasterKeyRing } from "../crypto/master-keys.js";

/** Server configuration, read once from the environment (no process.env elsewhere). */
export interface Config {
  readonly grpc: Address;
  readonly http: Address | undefined;
  /** Cognito's AWS JSON 1.1 protocol (src/aws-json); off unless AWS_JSON_ADDR is set. */
  readonly awsJson?: Address | undefined;
  readonly redisUrl: string;
  readonly redisCluster: readonly string[];
  /** 32-byte master secret: encrypts signing keys and client secrets, seeds every simulated value. */
  readonly masterKey: Buffer;
  /**
   * The master key ring (`IDP_MASTER_KEYS`, README "Security"): the newest seals, every key opens.
   * Without it the ring is `masterKey` alone, under the id "default".
   */
  readonly masterKeys?: MasterKeyRing | undefined;
  /**
   * 32 bytes the operator's notification service also holds (`IDP_OUTBOX_KEY`): the outbox stream's
   * codes and messages are sealed under it. Required with CODE_SENDER=redis-stream.
   */
  readonly outboxKey?: Buffer | undefined;
  /** Outbox entries older than this are trimmed (ms); never more than the longest code lifetime. */
  readonly outboxMaxAgeMs?: number | undefined;
  /** Rotate each pool's signing key when older than this many days (`SIGNING_KEY_ROTATION_DAYS`); off when unset. */
  readonly signingKeyRotationDays?: number | undefined;
  /** Public base URL; a pool's issuer is `${issuerBaseUrl}/${poolId}`. */
  readonly issuerBaseUrl: string;
  readonly configFile: string | undefined;
  readonly codeSender: "log" | "redis-stream";
  /** Log codes in clear: only for local development (the `log` sender). */
  readonly devLogCodes: boolean;
  readonly logLevel: string;
  readonly tls: TlsConfig | undefined;
  /** TLS on the HTTP listener (src/config/tls.ts); absent: plaintext. */
  readonly httpTls?: HttpTlsConfig | undefined;
  /** TLS to Redis (rediss://, REDIS_TLS=1 for Cluster nodes); absent: plaintext. */
  readonly redisTls?: RedisTlsConfig | undefined;
  /** SHA-256 hex digests of the admin bearer tokens (config file adds more). */
  readonly adminTokenHashes: readonly string[];
  /** Accepted SRP TIMESTAMP skew, in seconds. */
  readonly srpTimestampSkewSeconds: number;
  /** Region prefix of generated pool ids. */
  readonly region: string;
  /** How long running calls may finish after SIGTERM before they are cancelled (default 10 s). */
  readonly shutdownGraceMs?: number;
  /** Request-rate quotas per pool and category (docs/quotas.md); `IDP_QUOTAS=off` turns them off. */
  readonly quotas: boolean;
  /** Calls one process works on at once; more are shed with too_many_requests (docs/quotas.md). */
  readonly maxInFlight: number;
  /** Resource quotas, Cognito's defaults: 1000 pools, 1000 app clients per pool. */
  readonly maxUserPools: number;
  readonly maxClientsPerPool: number;
  /** What an acknowledged credential write promises if a Redis master dies (IDP_DURABILITY). */
  readonly durability?: Durability;
}

type Env = Record<string, string | undefined>;

/** pino's levels: anything else is a typo that would silently log everything or nothing. */
const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

/** Reads and checks every variable; a ConfigError names every problem found (src/config/problems.ts). */
export function configFromEnv(env: Env = process.env): Config {
  const problems = new ConfigProblems();
  const take = problems.take.bind(problems);
  const tls = take(() => tlsFrom(env), undefined);
  take(() => readableTlsFiles(env), undefined);
  const config: Config = {
    grpc: take(() => parseAddress(env.GRPC_ADDR ?? "0.0.0.0:50051", "GRPC_ADDR"), { host: "", port: 0 }),
    http: take(() => (env.HTTP_ADDR === "off" ? undefined : parseAddress(env.HTTP_ADDR ?? "0.0.0.0:8080", "HTTP_ADDR")), undefined),
    awsJson: take(() => (!env.AWS_JSON_ADDR || env.AWS_JSON_ADDR === "off" ? undefined : parseAddress(env.AWS_JSON_ADDR, "AWS_JSON_ADDR")), undefined),
    redisUrl: take(() => redisUrlFrom(env.REDIS_URL), ""),
    redisCluster: take(() => clusterNodesFrom(env.REDIS_CLUSTER_NODES), []),
    masterKey: Buffer.alloc(0),
    masterKeys: take(() => readMasterKeys(env), undefined),
    outboxKey: take(() => readOutboxKey(env), undefined),
    signingKeyRotationDays: take(() => (env.SIGNING_KEY_ROTATION_DAYS === undefined ? undefined : positiveInt(env.SIGNING_KEY_ROTATION_DAYS, 90, "SIGNING_KEY_ROTATION_DAYS")), undefined),
    outboxMaxAgeMs: take(() => positiveInt(env.OUTBOX_MAX_AGE_SECONDS, 86_400, "OUTBOX_MAX_AGE_SECONDS") * 1000, 86_400_000),
    issuerBaseUrl: take(() => issuerFrom(env.ISSUER_BASE_URL), ""),
    configFile: env.IDP_CONFIG || undefined,
    codeSender: take(() => codeSenderFrom(env.CODE_SENDER), "log"),
    devLogCodes: take(() => flag(env.IDP_DEV_LOG_CODES, "IDP_DEV_LOG_CODES"), false),
    logLevel: take(() => oneOf(env.LOG_LEVEL, "info", LOG_LEVELS, "LOG_LEVEL"), "info"),
    tls,
    httpTls: take(() => httpTlsFrom(env, tls), undefined),
    redisTls: take(() => redisTlsFrom(env), undefined),
    adminTokenHashes: take(() => adminTokenHashesFrom(env.ADMIN_TOKEN_SHA256), []),
    srpTimestampSkewSeconds: take(() => positiveInt(env.SRP_TIMESTAMP_SKEW_SECONDS, 300, "SRP_TIMESTAMP_SKEW_SECONDS"), 300),
    region: take(() => regionFrom(env.IDP_REGION), "us-east-1"),
    shutdownGraceMs: take(() => positiveInt(env.IDP_SHUTDOWN_GRACE_MS, 10_000, "IDP_SHUTDOWN_GRACE_MS"), 10_000),
    quotas: take(() => onOff(env.IDP_QUOTAS, true, "IDP_QUOTAS"), true),
    maxInFlight: take(() => positiveInt(env.IDP_MAX_IN_FLIGHT, 128, "IDP_MAX_IN_FLIGHT"), 128),
    maxUserPools: take(() => positiveInt(env.IDP_MAX_USER_POOLS, 1000, "IDP_MAX_USER_POOLS"), 1000),
    maxClientsPerPool: take(() => positiveInt(env.IDP_MAX_CLIENTS_PER_POOL, 1000, "IDP_MAX_CLIENTS_PER_POOL"), 1000),
    durability: take(() => durabilityFrom(env), { mode: "async" } as const),
  };
  if (config.codeSender === "redis-stream" && env.IDP_OUTBOX_KEY === undefined && env.IDP_OUTBOX_KEY_FILE === undefined) {
    problems.add(["CODE_SENDER=redis-stream needs IDP_OUTBOX_KEY or IDP_OUTBOX_KEY_FILE (32 bytes, base64 or hex): the outbox's codes are sealed under it"]);
  }
  take(() => checkTracingEnv(env), undefined);
  problems.throwIfAny();
  return Object.freeze({ ...config, masterKey: config.masterKeys?.newest.key ?? Buffer.alloc(0) });
}

/** IDP_WORKERS: server processes sharing the ports, 1-64 or "auto" (one per core). */
export function workersFromEnv(env: Env, cores: number): number {
  const value = env.IDP_WORKERS;
  if (value === undefined || value === "") return 1;
  if (value === "auto") return cores;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new Error(`IDP_WORKERS must be 1-64 or auto, not ${JSON.stringify(value)}`);
  return n;
}

/** IDP_DURABILITY=async (default) | replica; IDP_DURABILITY_REPLICAS (1), IDP_DURABILITY_TIMEOUT_MS (1000). */
function durabilityFrom(env: Env): Durability {
  const mode = oneOf(env.IDP_DURABILITY, "async", ["async", "replica"], "IDP_DURABILITY");
  if (mode === "async") return { mode };
  return {
    mode: "replica",
    replicas: positiveInt(env.IDP_DURABILITY_REPLICAS, 1, "IDP_DURABILITY_REPLICAS"),
    timeoutMs: positiveInt(env.IDP_DURABILITY_TIMEOUT_MS, 1000, "IDP_DURABILITY_TIMEOUT_MS"),
  };
}

function redisUrlFrom(value: string | undefined): string {
  const url = value ?? "redis://127.0.0.1:6379";
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`REDIS_URL must be a redis:// or rediss:// URL, not ${JSON.stringify(url)}`);
  }
  if (parsed.protocol !== "redis:" && parsed.protocol !== "rediss:") throw new Error(`REDIS_URL must be a redis:// or rediss:// URL, not ${JSON.stringify(parsed.protocol + "//…")}`);
  return url;
}

function clusterNodesFrom(value: string | undefined): string[] {
  const nodes = splitList(value);
  const bad = nodes.filter((node) => !/^[^\s:]+:\d{1,5}$/.test(node));
  if (bad.length > 0) throw new Error(`REDIS_CLUSTER_NODES must be host:port,host:port; ${JSON.stringify(bad[0])} is not host:port`);
  return nodes;
}

function issuerFrom(value: string | undefined): string {
  const text = (value ?? "http://localhost:8080").replace(/\/+$/, "");
  if (!/^https?:\/\/[^\s]+$/.test(text)) throw new Error(`ISSUER_BASE_URL must be an http(s) URL, not ${JSON.stringify(value)}`);
  return text;
}

function regionFrom(value: string | undefined): string {
  const region = value ?? "us-east-1";
  if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(region)) throw new Error(`IDP_REGION must look like us-east-1, not ${JSON.stringify(region)}`);
  return region;
}

function adminTokenHashesFrom(value: string | undefined): string[] {
  const hashes = splitList(value);
  if (hashes.some((h) => !/^[0-9a-f]{64}$/i.test(h))) throw new Error("ADMIN_TOKEN_SHA256 must be comma-separated SHA-256 hex digests (64 hex characters each)");
  return hashes.map((h) => h.toLowerCase());
}

function flag(value: string | undefined, name: string): boolean {
  if (value === undefined || value === "" || value === "0") return false;
  if (value === "1") return true;
  throw new Error(`${name} must be 0 or 1, not ${JSON.stringify(value)}`);
}

function oneOf(value: string | undefined, fallback: string, allowed: readonly string[], name: string): string {
  if (value === undefined || value === "") return fallback;
  if (!allowed.includes(value)) throw new Error(`${name} must be one of ${allowed.join(", ")}, not ${JSON.stringify(value)}`);
  return value;
}

/** `IDP_MASTER_KEYS` (or its _FILE), else the single `IDP_MASTER_KEY` (or its _FILE) as the ring's only key. */
function readMasterKeys(env: Env): MasterKeyRing {
  const ring = env.IDP_MASTER_KEYS ?? (env.IDP_MASTER_KEYS_FILE ? readConfigText(env.IDP_MASTER_KEYS_FILE, "IDP_MASTER_KEYS_FILE") : undefined);
  if (ring) return parseMasterKeys(ring);
  const text = env.IDP_MASTER_KEY ?? (env.IDP_MASTER_KEY_FILE ? readConfigText(env.IDP_MASTER_KEY_FILE, "IDP_MASTER_KEY_FILE") : undefined);
  if (!text) throw new Error("IDP_MASTER_KEYS, IDP_MASTER_KEY or IDP_MASTER_KEY_FILE is required (32 bytes, base64 or hex)");
  return masterKeyRing([masterKey("default", parseKeyBytes(text, env.IDP_MASTER_KEY !== undefined ? "IDP_MASTER_KEY: the master key" : "IDP_MASTER_KEY_FILE: the master key"))]);
}

function readOutboxKey(env: Env): Buffer | undefined {
  const text = env.IDP_OUTBOX_KEY ?? (env.IDP_OUTBOX_KEY_FILE ? readConfigText(env.IDP_OUTBOX_KEY_FILE, "IDP_OUTBOX_KEY_FILE") : undefined);
  return text ? parseKeyBytes(text, "IDP_OUTBOX_KEY: the outbox key") : undefined;
}

function codeSenderFrom(value: string | undefined): Config["codeSender"] {
  if (value === undefined || value === "log") return "log";
  if (value === "redis-stream") return value;
  throw new Error(`CODE_SENDER must be "log" or "redis-stream", not ${JSON.stringify(value)}`);
}

/** Every TLS file named (src/config/tls.ts) can be read: one problem per file that cannot. */
function readableTlsFiles(env: Env): void {
  const problems = new ConfigProblems();
  const names = ["TLS_CERT_FILE", "TLS_KEY_FILE", "TLS_CLIENT_CA_FILE", "TLS_CLIENT_CRL_FILE", "HTTP_TLS_CERT_FILE", "HTTP_TLS_KEY_FILE", "REDIS_TLS_CA_FILE", "REDIS_TLS_CERT_FILE", "REDIS_TLS_KEY_FILE"] as const;
  for (const name of names) {
    const path = env[name];
    if (path) problems.take(() => readConfigText(path, name), "");
  }
  problems.throwIfAny();
}

function splitList(value: string | undefined): string[] {
  return (value ?? "").split(",").map((s) => s.trim()).filter(Boolean);
}

function onOff(value: string | undefined, fallback: boolean, name: string): boolean {
  if (value === undefined || value === "") return fallback;
  if (value === "on") return true;
  if (value === "off") return false;
  throw new Error(`${name} must be "on" or "off", not ${JSON.stringify(value)}`);
}

function positiveInt(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (value.trim() === "" || !Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, not ${JSON.stringify(value)}`);
  return n;
}
