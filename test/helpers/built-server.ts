import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The production entry as `make build` makes it: tests that start a server process run this file. */
export const BUILT_ENTRY = fileURLToPath(new URL("../../dist/main.js", import.meta.url));

export function requireBuild(): string {
  if (!existsSync(BUILT_ENTRY)) throw new Error("dist/main.js is missing: run `make build` first (make test does)");
  return BUILT_ENTRY;
}

export interface ExitedProcess {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node dist/main.js` with exactly `env` (plus PATH) and waits for it to exit on its own. */
export function runBuiltServerToExit(env: Record<string, string>, timeoutMs = 15_000): Promise<ExitedProcess> {
  const child = spawn(process.execPath, [requireBuild()], { env: { PATH: process.env.PATH ?? "", ...env }, stdio: ["ignore", "pipe", "pipe"] });
  return collect(child, timeoutMs);
}

function collect(child: ChildProcess, timeoutMs: number): Promise<ExitedProcess> {
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`the server did not exit within ${timeoutMs} ms; stderr: ${stderr.slice(0, 500)}`));
    }, timeoutMs);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
