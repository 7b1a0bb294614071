#!/usr/bin/env node
import cluster from "node:cluster";
import { availableParallelism } from "node:os";
import { startApp } from "./app.js";
import { configFromEnv, workersFromEnv, type Config } from "./config/config.js";
import { readConfigFile, type ConfigFile } from "./config/config-file.js";
import { ConfigError, ConfigProblems } from "./config/problems.js";
import { startTracing } from "./telemetry/otel-setup.js";

/**
 * Entry point (`node dist/main.js`): configuration from the environment, checked before anything
 * starts, graceful shutdown on SIGTERM / SIGINT. IDP_WORKERS=N (or "auto": one per core) runs N server
 * processes sharing the ports; all state is in Redis, so any process can serve any call.
 */
const loaded = loadConfiguration();
if (loaded.workers > 1 && cluster.isPrimary) {
  for (let i = 0; i < loaded.workers; i++) cluster.fork();
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      for (const worker of Object.values(cluster.workers ?? {})) worker?.kill(signal);
    });
  }
  // SIGHUP reloads TLS certificates (src/tls/transport.ts): every worker does it.
  process.on("SIGHUP", () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGHUP");
  });
  let failed = false;
  cluster.on("exit", (_worker, code) => {
    failed ||= code !== 0;
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(failed ? 1 : 0);
  });
} else {
  const tracing = startTracing(process.env);
  const app = await startApp(loaded.config, loaded.file ? { configFile: loaded.file } : {}).catch((error: unknown) => {
    // Redis unreachable, a port taken, a hook module that does not load: one line, no stack.
    process.stderr.write(`identity: did not start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
  let stopping = false;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.on(signal, () => {
      // A second signal means now.
      if (stopping) process.exit(1);
      stopping = true;
      app.deps.log.info({ signal }, "shutting down");
      // stop() is bounded (shutdown.ts); this backstop holds even if something in it is not.
      setTimeout(() => process.exit(1), (loaded.config.shutdownGraceMs ?? 10_000) + 10_000).unref();
      app.stop().then(() => tracing?.shutdown()).then(() => process.exit(0), () => process.exit(1));
    });
  }
}

/** Every configuration problem, one line each on stderr, then exit 2; otherwise the checked values. */
function loadConfiguration(): { config: Config; file: ConfigFile | undefined; workers: number } {
  const problems = new ConfigProblems();
  const workers = problems.take(() => workersFromEnv(process.env, availableParallelism()), 1);
  const config = problems.take<Config | undefined>(() => configFromEnv(process.env), undefined);
  const path = process.env.IDP_CONFIG || undefined;
  const file = path ? problems.take<ConfigFile | undefined>(() => readConfigFile(path), undefined) : undefined;
  try {
    problems.throwIfAny();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const problem of error.problems) process.stderr.write(`identity: configuration: ${problem}\n`);
    process.stderr.write(`identity: not started (${error.problems.length} configuration problem${error.problems.length === 1 ? "" : "s"})\n`);
    process.exit(2);
  }
  return { config: config!, file, workers };
}
