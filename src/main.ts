import { startApp } from "./app.js";
import { configFromEnv } from "./config/config.js";

/** Entry point: configuration from the environment, graceful shutdown on SIGTERM / SIGINT. */
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
