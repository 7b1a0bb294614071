import { readFileSync } from "node:fs";
import type { ConnectionOptions } from "node:tls";
import type { RedisTlsConfig } from "../config/tls.js";

/**
 * ioredis `tls` options for a TLS Redis (rediss://, or every Redis Cluster node with REDIS_TLS=1):
 * the CA to trust (default: the system roots), an optional client certificate for servers that
 * require one (redis.conf `tls-auth-clients yes`), and the name to check the certificate against.
 * Files are read at start; a new Redis client certificate takes a restart.
 */
export function redisTlsOptions(config: RedisTlsConfig | undefined): ConnectionOptions | undefined {
  if (!config) return undefined;
  return {
    ...(config.caFile ? { ca: readFileSync(config.caFile) } : {}),
    ...(config.certFile && config.keyFile ? { cert: readFileSync(config.certFile), key: readFileSync(config.keyFile) } : {}),
    ...(config.serverName ? { servername: config.serverName } : {}),
    rejectUnauthorized: true,
  };
}
