import type { Server } from "node:http";

/**
 * Stops accepting, closes idle keep-alive connections, lets running requests finish within `ms`,
 * then destroys what is still open: no client can hold a shutdown open (README "Shutdown").
 */
export function closeHttpServer(server: Server | undefined, ms: number): Promise<void> {
  if (!server) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => {
      server.closeAllConnections();
      resolve();
    }, ms);
    server.close(() => {
      clearTimeout(force);
      resolve();
    });
    server.closeIdleConnections();
  });
}
