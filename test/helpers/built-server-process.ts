import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ConfigFile } from "../../src/config/config-file.js";
import { requireBuild } from "./built-server.js";
import { testClients } from "./clients.js";
import { freePort } from "./redis-server.js";
import { TEST_OUTBOX_KEY } from "./test-app.js";

/** The built server (node dist/main.js) as its own process: what a deployment runs. */
export interface ServerProcess {
  readonly port: number;
  readonly pid: number;
  readonly clients: ReturnType<typeof testClients>;
  /** Whether the process is still the one started (it never restarts by itself). */
  alive(): boolean;
  /** Everything it wrote to stderr/stdout so far (JSON log lines). */
  output(): string;
  stop(): Promise<void>;
}

export async function startServerProcess(config: ConfigFile, env: Record<string, string>): Promise<ServerProcess> {
  const dir = mkdtempSync(join(tmpdir(), "identity-server-"));
  const configPath = join(dir, "config.json");
  writeFileSync(configPath, JSON.stringify(config));
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [requireBuild()], {
    env: { PATH: process.env.PATH ?? "", GRPC_ADDR: `127.0.0.1:${port}`, HTTP_ADDR: "off", IDP_CONFIG: configPath, CODE_SENDER: "redis-stream", IDP_OUTBOX_KEY: TEST_OUTBOX_KEY.toString("hex"), LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once("exit", () => ((exited = true), resolve())));
  const clients = testClients(port);
  try {
    await waitForReady(port, exit);
  } catch (error) {
    clients.close();
    child.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`${(error as Error).message}; server output:\n${output.slice(-2000)}`);
  }
  return {
    port,
    pid: child.pid!,
    clients,
    alive: () => !exited,
    output: () => output,
    async stop() {
      clients.close();
      if (!exited) {
        child.kill("SIGTERM");
        await exit;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function waitForReady(port: number, exit: Promise<void>): Promise<void> {
  const { AuthServiceClient } = await import("../../src/gen/identity/v1/auth_service.js");
  const grpc = await import("@grpc/grpc-js");
  const client = new AuthServiceClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  try {
    await Promise.race([
      new Promise<void>((resolve, reject) => client.waitForReady(Date.now() + 60_000, (error) => (error ? reject(error) : resolve()))),
      exit.then(() => Promise.reject(new Error("the server exited before it listened"))),
    ]);
  } finally {
    client.close();
  }
}
