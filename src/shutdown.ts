// Stopping the service within a bounded time, whatever clients and Redis do. In order:
// 1. the HTTP listener says not-ready (/healthz 503) from the first moment, and keeps saying it
//    while the rest drains, so load balancers stop sending work before the ports close;
// 2. gRPC takes no new calls and running calls get the grace period, then are cancelled;
// 3. deliveries the last responses promised are handed to the sender (or recorded as failed);
// 4. the HTTP listener closes (connections still open at the end are destroyed), Redis is quit
//    (disconnected if it does not answer), remote trigger clients are closed.
import type * as grpc from "@grpc/grpc-js";
import type { Server as HttpServer } from "node:http";
import { shutdown } from "./api/server.js";
import { closeHttpServer } from "./http/close-server.js";
import type { PendingDeliveries } from "./flows/delivery/pending-deliveries.js";
import type { Logger } from "./flows/logger.js";
import type { RedisClient } from "./store/redis.js";

export const DEFAULT_SHUTDOWN_GRACE_MS = 10_000;

/** Steps after the grace period (delivery flush, closing) get at most this much more. */
const TAIL_MS = 2_000;

export interface StoppableParts {
  readonly grpc: grpc.Server;
  readonly http: HttpServer | undefined;
  readonly deliveries: PendingDeliveries;
  readonly redis: RedisClient;
  readonly closeTriggers: () => void;
  readonly log: Logger;
}

/** Resolves within graceMs + a few seconds; never rejects. */
export async function stopWithin(parts: StoppableParts, graceMs: number): Promise<void> {
  const started = Date.now();
  const left = () => Math.max(0, graceMs - (Date.now() - started));
  await drainGrpc(parts.grpc, graceMs);
  const lost = await parts.deliveries.flush(Math.max(left(), TAIL_MS));
  if (lost > 0) parts.log.error({ lost }, "deliveries not handed to the sender before shutdown were recorded as failed");
  await closeHttpServer(parts.http, TAIL_MS);
  await quitRedis(parts.redis, TAIL_MS);
  parts.closeTriggers();
  parts.log.info({ ms: Date.now() - started }, "stopped");
}

/** No new calls; running calls get `graceMs`, then are cancelled (their clients see the call end). */
async function drainGrpc(server: grpc.Server, graceMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  // shutdown() forces at graceMs; the extra second covers a session that never reports closing.
  await Promise.race([shutdown(server, graceMs), new Promise((resolve) => (timer = setTimeout(resolve, graceMs + 1_000)))]);
  clearTimeout(timer);
}

/** QUIT lets pending replies arrive; a Redis that does not answer (hung) is disconnected instead. */
async function quitRedis(redis: RedisClient, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const quit = redis.quit().then(() => true, () => false);
  const expired = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  const clean = await Promise.race([quit, expired]);
  clearTimeout(timer);
  if (!clean) redis.disconnect();
}
