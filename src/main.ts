import cluster from "node:cluster";
import { availableParallelism } from "node:os";
import { startApp } from "./app.js";
import { configFromEnv } from "./config/config.js";

/**
 * Entry point: configuration from the environment, graceful shutdown on SIGTERM / SIGINT.
 * IDP_WORKERS=N (or "auto": one per core) runs N server processes sharing the ports; all state is in
 * Redis, so any process can serve any call.
 */
const workers = workerCount(process.env.IDP_WORKERS);
if (workers > 1 && cluster.isPrimary) {
  for (let i = 0; i < workers; i++) cluster.fork();
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      for (const worker of Object.values(cluster.workers ?? {})) worker?.kill(signal);
    });
  }
  cluster.on("exit", () => {
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
  });
} else {
  const app = await startApp(configFromEnv());
  let stopping = false;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      if (stopping) return;
      stopping = true;
      app.deps.log.info({ signal }, "shutting down");
      app.stop().then(() => process.exit(0), () => process.exit(1));
    });
  }
}

function workerCount(value: string | undefined): number {
  if (value === undefined || value === "") return 1;
  if (value === "auto") return availableParallelism();
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new Error("IDP_WORKERS must be 1-64 or auto");
  return n;
}
