import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { ConnectionOptions } from "node:tls";
import { Cluster, Redis, type RedisOptions } from "ioredis";
import { timedScript } from "../telemetry/instruments.js";
import { DURABLE_SCRIPTS, ReplicaAcks, type Durability } from "./durability.js";

export type RedisClient = Redis | Cluster;

/** Lua scripts, one file each under scripts/, with their number of keys (0: variable). */
const SCRIPT_KEYS = {
  findUser: 1,
  createUser: 0,
  updateUser: 3,
  deleteUser: 5,
  indexUser: 2,
  swapSealed: 1,
  recordAttempt: 1,
  consumeSession: 1,
  storeAuthEvent: 3,
  revokeAuthEvents: 1,
  consumeCode: 1,
  takeWindowSlot: 1,
  addToGroup: 3,
  deleteGroup: 3,
  takeQuota: 1,
  resolveRefreshToken: 1,
} as const;
export type ScriptName = keyof typeof SCRIPT_KEYS;
const SCRIPTS: Readonly<Record<ScriptName, number>> = SCRIPT_KEYS;

const commonOptions = {
  // Fail fast with UNAVAILABLE instead of queueing requests while Redis is away.
  enableOfflineQueue: false,
  maxRetriesPerRequest: 1,
  commandTimeout: 2_000,
  // Commands issued in one tick go out in one write: fewer syscalls per request.
  enableAutoPipelining: true,
  lazyConnect: true,
} satisfies RedisOptions;

/**
 * Connects (standalone, or Cluster when nodes are given). Connection errors are reported through
 * `onError` (ioredis keeps reconnecting by itself); a first connection that fails rejects with a
 * one-line reason naming where Redis was expected.
 */
export async function connectRedis(url: string, clusterNodes: readonly string[], onError: (error: Error) => void = () => undefined, tls?: ConnectionOptions): Promise<RedisClient> {
  // `tls` (src/tls/redis-tls.ts): TLS to the one server, or to every Cluster node.
  const options = tls ? { ...commonOptions, tls } : commonOptions;
  const client = clusterNodes.length > 0
    ? new Cluster(clusterNodes.map(hostPort), { enableOfflineQueue: false, enableAutoPipelining: true, lazyConnect: true, redisOptions: options })
    : new Redis(url, options);
  let lastError: Error | undefined;
  client.on("error", (error: Error) => {
    lastError = error;
    onError(error);
  });
  try {
    await client.connect();
  } catch (error) {
    client.disconnect();
    const where = clusterNodes.length > 0 ? `Redis Cluster (${clusterNodes.join(",")})` : `Redis at ${new URL(url).host}`;
    throw new Error(`${where} did not answer: ${(lastError ?? (error as Error)).message}`);
  }
  return client;
}

interface LoadedScript {
  readonly lua: string;
  readonly sha: string;
}

/**
 * Script bodies and their SHA-1, read once. We call EVALSHA ourselves rather than through ioredis'
 * `scripts` option: with auto-pipelining, ioredis resends the whole body (EVAL) on every call.
 */
const loaded = new Map<ScriptName, LoadedScript>(
  (Object.keys(SCRIPTS) as ScriptName[]).map((name) => {
    const lua = readScript(name);
    return [name, { lua, sha: createHash("sha1").update(lua).digest("hex") }];
  }),
);

function readScript(name: string): string {
  const file = name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return readFileSync(new URL(`./scripts/${file}.lua`, import.meta.url), "utf8");
}

function hostPort(node: string) {
  const [host, port] = node.split(":");
  return { host: host ?? "127.0.0.1", port: Number(port ?? 6379) };
}

/** Runs a script by EVALSHA; a server that does not know it yet (NOSCRIPT) gets the body once. */
export async function runScript(redis: RedisClient, name: ScriptName, keys: readonly string[], args: readonly (string | number | Buffer)[]): Promise<unknown> {
  return run(redis, name, keys, args, false);
}

/** runScript with bulk replies as Buffers (binary records). */
export async function runScriptBuffer(redis: RedisClient, name: ScriptName, keys: readonly string[], args: readonly (string | number | Buffer)[]): Promise<unknown> {
  return run(redis, name, keys, args, true);
}

/** ioredis has these at run time (every command has a Buffer variant); its types omit them. */
interface BufferEval {
  evalshaBuffer(sha: string, numKeys: number, ...rest: (string | number | Buffer)[]): Promise<unknown>;
  evalBuffer(lua: string, numKeys: number, ...rest: (string | number | Buffer)[]): Promise<unknown>;
}

async function run(redis: RedisClient, name: ScriptName, keys: readonly string[], args: readonly (string | number | Buffer)[], binary: boolean): Promise<unknown> {
  const script = loaded.get(name);
  if (!script) throw new Error(`script ${name} is not registered`);
  const fixed = SCRIPTS[name];
  if (fixed !== 0 && keys.length !== fixed) throw new Error(`script ${name} takes ${fixed} keys, got ${keys.length}`);
  const acks = replicaAcks.get(redis);
  if (acks && DURABLE_SCRIPTS.has(name)) return timedScript(name, () => acks.run(script, keys, args, binary));
  return timedScript(name, () => evalScript(redis, script, keys, args, binary));
}

async function evalScript(redis: RedisClient, script: LoadedScript, keys: readonly string[], args: readonly (string | number | Buffer)[], binary: boolean): Promise<unknown> {
  try {
    return await (binary ? (redis as unknown as BufferEval).evalshaBuffer(script.sha, keys.length, ...keys, ...args) : redis.evalsha(script.sha, keys.length, ...keys, ...args));
  } catch (error) {
    if (!(error instanceof Error) || !error.message.startsWith("NOSCRIPT")) throw error;
    return binary ? (redis as unknown as BufferEval).evalBuffer(script.lua, keys.length, ...keys, ...args) : redis.eval(script.lua, keys.length, ...keys, ...args);
  }
}

/** The durable-write connections of a client whose writes wait for replicas (IDP_DURABILITY=replica). */
const replicaAcks = new WeakMap<RedisClient, ReplicaAcks>();

/**
 * Applies the durability setting to `clients` (one client and its wrappers): with `replica`, the scripts in DURABLE_SCRIPTS go through
 * a few connections of their own, each write followed by WAIT (src/store/durability.ts). Returns how
 * to close those connections.
 */
export async function applyDurability(clients: readonly RedisClient[], durability: Durability, connect: () => Promise<RedisClient>): Promise<() => void> {
  if (durability.mode === "async") return () => undefined;
  const connections = await Promise.all(Array.from({ length: DURABLE_CONNECTIONS }, connect));
  for (const connection of connections) connection.options.enableAutoPipelining = false;
  const acks = new ReplicaAcks(connections, durability.replicas, durability.timeoutMs);
  for (const client of clients) replicaAcks.set(client, acks);
  return () => acks.close();
}

/** Durable writes in flight at once: each blocks its connection until the replicas answer. */
const DURABLE_CONNECTIONS = 8;
