import { createHash, randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { startApp, type RunningApp } from "../../src/app.js";
import type { Config } from "../../src/config/config.js";
import type { ClientEntry, ConfigFile } from "../../src/config/config-file.js";
import { keys } from "../../src/store/keys.js";
import { openOutboxSecret } from "../../src/delivery/outbox-seal.js";
import { bearer, testClients } from "./clients.js";
import { startRedis, testClusterNodes, testRedisClient, type TestRedis } from "./redis-server.js";
import { TestClock } from "./test-clock.js";

export const POOL = "us-east-1_TestPool1";
export const ALIAS_POOL = "us-east-1_AliasPool1";
export const EMAIL_POOL = "us-east-1_EmailPool1";
export const ADMIN_TOKEN = "test-admin-token-0123456789";
export const POOL_ADMIN_TOKEN = "test-pool-admin-token-0123456789";

/** Client ids by mode: 26 lowercase alphanumerics. */
export const CLIENTS = {
  legacy: "legacyclient00000000000000",
  enabled: "enabledclient0000000000000",
  strict: "strictclient00000000000000",
  secret: "secretclient00000000000000",
  aliasEnabled: "aliasenabled00000000000000",
  aliasLegacy: "aliaslegacy000000000000000",
  emailEnabled: "emailenabled00000000000000",
  emailLegacy: "emaillegacy000000000000000",
} as const;
/** The outbox key of every test server: tests open outbox entries with it (clients' openers do the same). */
export const TEST_OUTBOX_KEY = Buffer.alloc(32, 0x5a);
export const CLIENT_SECRET = "s3cr3t0000000000000000000000000000000000000000000000";

const ALL_FLOWS = ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_CUSTOM_AUTH"];
const client = (clientId: string, mode: "LEGACY" | "ENABLED" | "STRICT", extra: Partial<ClientEntry> = {}): ClientEntry => ({
  clientId, name: clientId, explicitAuthFlows: ALL_FLOWS, preventUserExistenceErrors: mode, ...extra,
});

export const TEST_CONFIG: ConfigFile = {
  adminCredentials: [
    { tokenSha256: sha256(ADMIN_TOKEN), pools: "*" },
    { tokenSha256: sha256(POOL_ADMIN_TOKEN), pools: [POOL] },
  ],
  pools: [
    {
      id: POOL, name: "test", settings: { autoVerifiedAttributes: ["email"], accountRecovery: ["verified_email"] },
      clients: [client(CLIENTS.legacy, "LEGACY"), client(CLIENTS.enabled, "ENABLED"), client(CLIENTS.strict, "STRICT"), client(CLIENTS.secret, "ENABLED", { secret: CLIENT_SECRET })],
    },
    {
      id: ALIAS_POOL, name: "alias", settings: { aliasAttributes: ["email", "phone_number", "preferred_username"], autoVerifiedAttributes: ["email"], accountRecovery: ["verified_email"] },
      clients: [client(CLIENTS.aliasEnabled, "ENABLED"), client(CLIENTS.aliasLegacy, "LEGACY")],
    },
    {
      id: EMAIL_POOL, name: "email", settings: { usernameAttributes: ["email", "phone_number"], autoVerifiedAttributes: ["email"], accountRecovery: ["verified_email"] },
      clients: [client(CLIENTS.emailEnabled, "ENABLED"), client(CLIENTS.emailLegacy, "LEGACY")],
    },
  ],
};

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

export function testConfig(redisUrl: string, overrides: Partial<Config> = {}): Config {
  return {
    grpc: { host: "127.0.0.1", port: 0 },
    http: { host: "127.0.0.1", port: 0 },
    redisUrl,
    redisCluster: testClusterNodes(),
    masterKey: randomBytes(32),
    outboxKey: TEST_OUTBOX_KEY,
    issuerBaseUrl: "http://localhost:9999",
    configFile: undefined,
    codeSender: "redis-stream",
    devLogCodes: false,
    logLevel: "silent",
    tls: undefined,
    adminTokenHashes: [],
    srpTimestampSkewSeconds: 300,
    region: "us-east-1",
    // Suites that fire hundreds of calls a second at one pool would meet Cognito's quotas; the
    // quota suite turns them on.
    quotas: false,
    maxInFlight: 128,
    maxUserPools: 1000,
    maxClientsPerPool: 1000,
    durability: { mode: "async" },
    ...overrides,
  };
}

/** Silent logger that keeps lines, so tests can check that no secret is ever logged. */
export class MemoryLog {
  readonly lines: string[] = [];
  info(fields: object, message?: string) { this.lines.push(JSON.stringify({ ...fields, message })); }
  warn(fields: object, message?: string) { this.lines.push(JSON.stringify({ ...fields, message })); }
  error(fields: object, message?: string) { this.lines.push(JSON.stringify({ ...fields, message })); }
}

export interface TestApp {
  readonly app: RunningApp;
  readonly clock: TestClock;
  readonly log: MemoryLog;
  readonly auth: ReturnType<typeof testClients>["auth"];
  readonly admin: ReturnType<typeof testClients>["admin"];
  readonly redis: Redis;
  readonly adminMetadata: ReturnType<typeof bearer>;
  /**
   * Resolves with the next message delivered to the pool's outbox after `since` (a stream id) —
   * with `destination`, the next one sent there. Messages leave after the response (codes.ts
   * deliverLater), so one an earlier request queued may still arrive after a later mark.
   */
  nextDelivery(poolId: string, since: string, destination?: string): Promise<Record<string, string>>;
  /** The outbox's newest id, to wait for what comes after it. */
  outboxMark(poolId: string): Promise<string>;
  /** The server's configuration (Redis URL, master key) and config file, for peer servers. */
  readonly config: Config;
  readonly configFile: ConfigFile;
  stop(): Promise<void>;
}

/** The real service on loopback with a private Redis and a hand-moved clock. */
export async function startTestApp(options: { config?: ConfigFile; overrides?: Partial<Config> } = {}): Promise<TestApp> {
  const redisServer: TestRedis = await startRedis();
  const clock = new TestClock();
  const log = new MemoryLog();
  const config = testConfig(redisServer.url, options.overrides);
  const configFile = options.config ?? TEST_CONFIG;
  const app = await startApp(config, { clock: clock.now, log, configFile });
  const clients = testClients(app.grpcPort);
  const redis = testRedisClient(redisServer);
  return {
    app, clock, log, redis, config, configFile,
    auth: clients.auth,
    admin: clients.admin,
    adminMetadata: bearer(ADMIN_TOKEN),
    async outboxMark(poolId) {
      const last = await redis.xrevrange(keys.outbox(poolId), "+", "-", "COUNT", 1);
      return last[0]?.[0] ?? "0-0";
    },
    async nextDelivery(poolId, since, destination) {
      for (let cursor = since; ;) {
        const reply = (await redis.xread("COUNT", 1, "BLOCK", 5000, "STREAMS", keys.outbox(poolId), cursor)) as [string, [string, string[]][]][] | null;
        const entry = reply?.[0]?.[1]?.[0];
        if (!entry) throw new Error(`nothing was delivered to ${destination ?? poolId} within 5 s`);
        const fields = entry[1];
        const message = openedDelivery(Object.fromEntries(Array.from({ length: fields.length / 2 }, (_, i) => [fields[2 * i], fields[2 * i + 1]])));
        if (destination === undefined || message.destination === destination) return message;
        cursor = entry[0];
      }
    },
    async stop() {
      clients.close();
      redis.disconnect();
      await app.stop();
      await redisServer.stop();
    },
  };
}

/** An outbox entry with its sealed part opened (code, subject, body), as a consumer sees it. */
export function openedDelivery(fields: Record<string, string>): Record<string, string> {
  const secret = openOutboxSecret(TEST_OUTBOX_KEY, { pool: fields.pool ?? "", event: fields.event ?? "", username: fields.username ?? "", destination: fields.destination ?? "" }, fields.sealed ?? "");
  if (!secret) throw new Error("an outbox entry did not open under the test outbox key");
  return { ...fields, ...secret };
}

/** A second server on the same Redis, master key, clock and config: another replica of the service. */
export interface PeerApp {
  readonly app: RunningApp;
  readonly auth: ReturnType<typeof testClients>["auth"];
  readonly admin: ReturnType<typeof testClients>["admin"];
  stop(): Promise<void>;
}

/** Starts a peer of `t` (stop it before `t`); stopping and starting peers models restarts. */
export async function startPeerApp(t: TestApp): Promise<PeerApp> {
  const app = await startApp(t.config, { clock: t.clock.now, log: t.log, configFile: t.configFile });
  const clients = testClients(app.grpcPort);
  return {
    app,
    auth: clients.auth,
    admin: clients.admin,
    async stop() {
      clients.close();
      await app.stop();
    },
  };
}
