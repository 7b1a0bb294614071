// The service as a real process (node dist/main.js, the build `make build` makes), configured through its environment, with its
// JSON log lines collected so tests wait on what it says ("identity service listening", "shutting
// down", "stopped") rather than on time passing.
import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ConfigFile } from "../../src/config/config-file.js";
import { requireBuild } from "./built-server.js";
import type { TestRedis } from "./redis-server.js";
import { TEST_OUTBOX_KEY } from "./test-app.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export type LogLine = Record<string, unknown> & { msg?: string };

export interface ServerProcess {
  readonly child: ChildProcess;
  readonly grpcPort: number;
  readonly httpPort: number;
  readonly lines: LogLine[];
  /** Resolves with the first log line (already seen or to come) that matches. */
  waitForLog(matches: (line: LogLine) => boolean): Promise<LogLine>;
  /** Resolves when the process has exited. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Kills the process if it still runs and removes its config folder. */
  kill(): Promise<void>;
}

export async function startServerProcess(options: { redis: TestRedis; config: ConfigFile; env?: Record<string, string> }): Promise<ServerProcess> {
  const dir = mkdtempSync(join(tmpdir(), "identity-process-"));
  const configPath = join(dir, "config.json");
  writeFileSync(configPath, JSON.stringify(options.config));
  const child = spawn(process.execPath, [requireBuild()], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      GRPC_ADDR: "127.0.0.1:0",
      HTTP_ADDR: "127.0.0.1:0",
      REDIS_URL: options.redis.url,
      ...(options.redis.clusterNodes.length > 0 ? { REDIS_CLUSTER_NODES: options.redis.clusterNodes.join(",") } : {}),
      // Every server of one Redis shares the master key, as replicas must (the stable seed is sealed under it).
      IDP_MASTER_KEY: createHash("sha256").update(`master key of ${options.redis.url}`).digest("hex"),
      IDP_CONFIG: configPath,
      CODE_SENDER: "redis-stream",
      IDP_OUTBOX_KEY: TEST_OUTBOX_KEY.toString("hex"),
      LOG_LEVEL: "info",
      ...options.env,
    },
  });
  const lines: LogLine[] = [];
  const watchers: { matches: (line: LogLine) => boolean; resolve: (line: LogLine) => void }[] = [];
  let stderr = "";
  let buffered = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    buffered += chunk.toString("utf8");
    for (let newline = buffered.indexOf("\n"); newline >= 0; newline = buffered.indexOf("\n")) {
      const text = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      let line: LogLine;
      try {
        line = JSON.parse(text) as LogLine;
      } catch {
        line = { msg: text };
      }
      lines.push(line);
      for (const watcher of [...watchers]) {
        if (watcher.matches(line)) {
          watchers.splice(watchers.indexOf(watcher), 1);
          watcher.resolve(line);
        }
      }
    }
  });
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  const waitForLog = (matches: (line: LogLine) => boolean): Promise<LogLine> => {
    const seen = lines.find(matches);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      watchers.push({ matches, resolve });
      exited.then(({ code, signal }) => reject(new Error(`the server exited (${code ?? signal}) before the awaited log line; stderr: ${stderr.slice(-2000)}`)));
    });
  };
  const listening = await waitForLog((line) => line.msg === "identity service listening");
  return {
    child,
    grpcPort: Number(listening.grpc),
    httpPort: Number(listening.http),
    lines,
    waitForLog,
    exited,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGKILL");
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
