import { randomBytes } from "node:crypto";
import { dirname, resolve } from "node:path";
import type { AddressInfo } from "node:net";
import { pino } from "pino";
import { InFlightLimit } from "./api/in-flight.js";
import { Metrics } from "./api/metrics.js";
import { bind, buildGrpcServer, setServing } from "./api/server.js";
import { adminCredentials } from "./config/admin-credentials.js";
import { applyConfigFile } from "./config/bootstrap.js";
import { formatAddress } from "./config/address.js";
import type { Config } from "./config/config.js";
import { readConfigFile, type ConfigFile } from "./config/config-file.js";
import { deriveKeys, initialStableSeed, type DerivedKeys } from "./crypto/derived-keys.js";
import { masterKey, masterKeyRing, type MasterKeyRing } from "./crypto/master-keys.js";
import { Sealer } from "./crypto/sealer.js";
import { CredentialSealer } from "./store/credentials.js";
import { loadStableSeed } from "./store/stable-seed.js";
import { LogSender } from "./delivery/log-sender.js";
import { RedisStreamSender } from "./delivery/redis-stream-sender.js";
import { PendingDeliveries } from "./flows/delivery/pending-deliveries.js";
import type { CodeSender } from "./flows/delivery/code-sender.js";
import type { Deps } from "./flows/deps.js";
import type { Logger } from "./flows/logger.js";
import { quotaAdmission } from "./flows/quotas/admission.js";
import { KeyRing } from "./flows/tokens/key-ring.js";
import { scheduleSigningKeyRotation } from "./flows/tokens/rotation-schedule.js";
import { buildHttpServer } from "./http/http-server.js";
import { accessKeysFrom } from "./aws-json/access-keys.js";
import { buildAwsJsonServer } from "./aws-json/server.js";
import { closeHttpServer } from "./http/close-server.js";
import { AuthEventStore } from "./store/auth-events.js";
import { ClientStore } from "./store/clients.js";
import { GroupStore } from "./store/groups.js";
import { ResourceServerStore } from "./store/resource-servers.js";
import { CodeStore } from "./store/codes.js";
import { LockoutStore } from "./store/lockout.js";
import { PoolStore } from "./store/pools.js";
import { QuotaStore } from "./store/quotas.js";
import { RateLimitStore } from "./store/rate-limits.js";
import { deadlineBound } from "./store/deadline-bound.js";
import { DeliveryFailureStore } from "./store/delivery-failures.js";
import { applyDurability, connectRedis, type RedisClient } from "./store/redis.js";
import { UsedSecretBlockStore } from "./store/secret-blocks.js";
import { SessionStore } from "./store/sessions.js";
import { SigningKeyStore } from "./store/signing-keys.js";
import { UserStore } from "./store/users.js";
import { DEFAULT_SHUTDOWN_GRACE_MS, stopWithin } from "./shutdown.js";
import { redisTlsOptions } from "./tls/redis-tls.js";
import { startTransportSecurity, type TransportSecurity } from "./tls/transport.js";
import { IdentityVerifierStore } from "./store/identity-verifiers.js";
import { createTriggerRegistry, triggersByPool, type TriggerRegistry } from "./triggers/index.js";

export interface AppOptions {
  /** Tests inject time and a log sink; production uses the wall clock and stdout. */
  readonly clock?: () => number;
  readonly log?: Logger;
  readonly configFile?: ConfigFile;
  readonly sender?: CodeSender;
  /** Pauses between attempts of a failed delivery (pending-deliveries.ts has the default). */
  readonly deliveryRetryDelaysMs?: readonly number[];
  /** Where relative trigger module paths resolve (default: the config file's folder). */
  readonly triggerBaseDir?: string;
}

export interface RunningApp {
  readonly grpcPort: number;
  readonly httpPort: number | undefined;
  /** The AWS JSON endpoint's port, when AWS_JSON_ADDR turns it on. */
  readonly awsJsonPort?: number | undefined;
  readonly deps: Deps;
  readonly redis: RedisClient;
  /** The listeners' certificates (reload, follow reloads): src/tls/transport.ts. */
  readonly transport: TransportSecurity;
  stop(): Promise<void>;
}

/** Wires the service together and starts listening: the composition root. */
export async function startApp(config: Config, options: AppOptions = {}): Promise<RunningApp> {
  const log = options.log ?? pino({ level: config.logLevel, base: { service: "identity" }, redact: ["*.password", "*.code", "*.token", "*.secret"] });
  const file = options.configFile ?? (config.configFile ? readConfigFile(config.configFile) : undefined);
  const triggers = createTriggerRegistry(triggersByPool(file?.pools ?? []), { baseDir: options.triggerBaseDir ?? (config.configFile ? dirname(resolve(config.configFile)) : process.cwd()), log });
  // A hook module that does not load stops the start, rather than failing sign-ins later.
  await triggers.ready();
  const onRedisError = throttled((error) => log.warn({ err: error.message }, "redis connection error"), 5_000);
  const redis = await connectRedis(config.redisUrl, config.redisCluster, onRedisError, redisTlsOptions(config.redisTls));
  const ring = masterKeysOf(config);
  const seed = await loadStableSeed(redis, new Sealer(ring, "sealing"), initialStableSeed(ring));
  // Flows see a client whose commands answer within the calling RPC's deadline (deadline-bound.ts).
  const bound = deadlineBound(redis);
  const closeDurable = await applyDurability([redis, bound], config.durability ?? { mode: "async" }, () => connectRedis(config.redisUrl, config.redisCluster, onRedisError, redisTlsOptions(config.redisTls)));
  const deps = buildDeps(config, bound, log, triggers, options, deriveKeys(ring, seed), redis);
  // A pool deletion a stopped process left under way ends before any pool (of the config file) is created.
  const finished = await deps.stores.pools.finishDeletions();
  if (finished > 0) log.info({ pools: finished }, "finished interrupted pool deletions");
  if (file) await applyConfigFile(deps, file);
  const rotation = config.signingKeyRotationDays ? scheduleSigningKeyRotation(deps, config.signingKeyRotationDays * 86_400_000) : undefined;
  const metrics = new Metrics();
  const admission = config.quotas ? quotaAdmission(deps) : undefined;
  const { server, health } = buildGrpcServer(deps, { log, metrics, inFlight: new InFlightLimit(config.maxInFlight), ...(admission && { admission }) }, { credentials: adminCredentials(config, file), log });
  const transport = startTransportSecurity(config, log);
  const grpcPort = await bind(server, formatAddress(config.grpc), transport.grpcCredentials);
  let healthy = true;
  let stopping = false;
  setServing(health, true);
  const healthTimer = setInterval(() => {
    redis.ping().then(() => true, () => false).then((ok) => {
      healthy = ok;
      setServing(health, ok);
    });
  }, 2_000);
  healthTimer.unref();
  const http = config.http ? buildHttpServer({ deps, metrics, healthy: () => healthy && !stopping, ...(admission && { admission }) }, transport.httpTls) : undefined;
  if (http && "setSecureContext" in http) transport.attachHttp(http);
  if (http && config.http) await new Promise<void>((resolve) => http.listen(config.http!.port, config.http!.host, resolve));
  const awsJson = config.awsJson ? buildAwsJsonServer({ deps, context: { log, metrics }, accessKeys: accessKeysFrom(file) }) : undefined;
  if (awsJson && config.awsJson) await new Promise<void>((resolve) => awsJson.listen(config.awsJson!.port, config.awsJson!.host, resolve));
  const awsJsonPort = awsJson ? (awsJson.address() as AddressInfo).port : undefined;
  log.info({ grpc: grpcPort, http: http ? (http.address() as AddressInfo).port : "off", awsJson: awsJsonPort ?? "off" }, "identity service listening");
  return {
    grpcPort,
    httpPort: http ? (http.address() as AddressInfo).port : undefined,
    awsJsonPort,
    deps,
    redis,
    transport,
    async stop() {
      // Not ready from this moment: /healthz answers 503 while the rest drains (shutdown.ts).
      stopping = true;
      clearInterval(healthTimer);
      transport.close();
      rotation?.stop();
      setServing(health, false);
      // The AWS JSON endpoint first: its calls run in process on the store, which closes last.
      if (awsJson) await closeHttpServer(awsJson, config.shutdownGraceMs ?? DEFAULT_SHUTDOWN_GRACE_MS);
      await stopWithin({ grpc: server, http, deliveries: deps.deliveries, redis, closeTriggers: () => triggers.close(), log }, config.shutdownGraceMs ?? DEFAULT_SHUTDOWN_GRACE_MS);
      closeDurable();
    },
  };
}

/** The configured ring, or the single master key as its only key. */
export function masterKeysOf(config: Config): MasterKeyRing {
  return config.masterKeys ?? masterKeyRing([masterKey("default", config.masterKey)]);
}

function buildDeps(config: Config, redis: RedisClient, log: Logger, triggers: TriggerRegistry, options: AppOptions, keys: DerivedKeys, unbound: RedisClient): Deps {
  const signingKeys = new SigningKeyStore(redis, keys.atRest);
  return {
    clock: options.clock ?? Date.now,
    random: randomBytes,
    keys,
    settings: { issuerBaseUrl: config.issuerBaseUrl, srpTimestampSkewSeconds: config.srpTimestampSkewSeconds, region: config.region, maxUserPools: config.maxUserPools, maxClientsPerPool: config.maxClientsPerPool },
    stores: {
      pools: new PoolStore(redis, unbound),
      clients: new ClientStore(redis, keys.atRest),
      users: new UserStore(redis, new CredentialSealer(keys.atRest)),
      identityVerifiers: new IdentityVerifierStore(redis, keys.atRest),
      sessions: new SessionStore(redis, keys.atRest),
      lockout: new LockoutStore(redis),
      authEvents: new AuthEventStore(redis),
      signingKeys,
      codes: new CodeStore(redis),
      rateLimits: new RateLimitStore(redis),
      quotas: new QuotaStore(redis),
      usedSecretBlocks: new UsedSecretBlockStore(redis),
      resourceServers: new ResourceServerStore(redis),
      groups: new GroupStore(redis),
    },
    sender: options.sender ?? (config.codeSender === "redis-stream" ? new RedisStreamSender(redis, outboxKeyOf(config), { maxAgeMs: config.outboxMaxAgeMs }) : new LogSender(log, config.devLogCodes)),
    deliveries: new PendingDeliveries({ log, recorder: new DeliveryFailureStore(redis), clock: options.clock, retryDelaysMs: options.deliveryRetryDelaysMs }),
    keyRing: new KeyRing(signingKeys),
    triggers,
    log,
  };
}

function outboxKeyOf(config: Config): Buffer {
  if (!config.outboxKey) throw new Error("CODE_SENDER=redis-stream needs an outbox key (IDP_OUTBOX_KEY)");
  return config.outboxKey;
}

/** At most one call per `ms`: a Redis that is away reports an error per reconnection attempt. */
function throttled(report: (error: Error) => void, ms: number): (error: Error) => void {
  let last = 0;
  return (error) => {
    const now = Date.now();
    if (now - last < ms) return;
    last = now;
    report(error);
  };
}
