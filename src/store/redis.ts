import { readFileSync } from "node:fs";
import { Cluster, Redis, type RedisOptions } from "ioredis";

export type RedisClient = Redis | Cluster;

/** Lua scripts (one file each under scripts/), registered as commands on the client. */
const SCRIPTS = {
  findUser: 0,
  createUser: 0,
  updateUser: 0,
  deleteUser: 0,
  recordAttempt: 1,
  consumeSession: 1,
  storeAuthEvent: 3,
  revokeAuthEvents: 1,
  consumeCode: 1,
  takeWindowSlot: 1,
} as const;
export type ScriptName = keyof typeof SCRIPTS;

const commonOptions = {
  // Fail fast with UNAVAILABLE instead of queueing requests while Redis is away.
  enableOfflineQueue: false,
  maxRetriesPerRequest: 1,
  commandTimeout: 2_000,
  enableAutoPipelining: true,
  lazyConnect: true,
} satisfies RedisOptions;

export async function connectRedis(url: string, clusterNodes: readonly string[]): Promise<RedisClient> {
  const client = clusterNodes.length > 0
    ? new Cluster(clusterNodes.map(hostPort), { enableOfflineQueue: false, enableAutoPipelining: true, lazyConnect: true, redisOptions: commonOptions, scripts: scriptDefinitions() })
    : new Redis(url, { ...commonOptions, scripts: scriptDefinitions() });
  await client.connect();
  return client;
}

function scriptDefinitions(): Record<string, { lua: string; numberOfKeys?: number }> {
  // Scripts with a variable number of keys (0 here) take numkeys as their first argument.
  return Object.fromEntries(
    Object.entries(SCRIPTS).map(([name, numberOfKeys]) => [name, numberOfKeys === 0 ? { lua: readScript(name) } : { lua: readScript(name), numberOfKeys }]),
  );
}

function readScript(name: string): string {
  const file = name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return readFileSync(new URL(`./scripts/${file}.lua`, import.meta.url), "utf8");
}

function hostPort(node: string) {
  const [host, port] = node.split(":");
  return { host: host ?? "127.0.0.1", port: Number(port ?? 6379) };
}

/** Runs a registered script; variadic key counts pass numkeys first, as EVALSHA does. */
export function runScript(redis: RedisClient, name: ScriptName, keys: readonly string[], args: readonly (string | number)[]): Promise<unknown> {
  const command = (redis as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[name];
  if (!command) throw new Error(`script ${name} is not registered`);
  const fixed = SCRIPTS[name];
  if (fixed !== 0 && keys.length !== fixed) throw new Error(`script ${name} takes ${fixed} keys, got ${keys.length}`);
  return fixed === 0 ? command.call(redis, keys.length, ...keys, ...args) : command.call(redis, ...keys, ...args);
}
