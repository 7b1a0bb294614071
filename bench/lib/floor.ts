import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { FloorUnit } from "./floor-units.js";

/** CPU milliseconds per unit, as the floor meter measured them, and how many batches each median is of. */
export type FloorReadings = ReadonlyMap<FloorUnit, { readonly ms: number; readonly batches: number }>;

/**
 * Runs `during` (a load) while a separate process measures the CPU cost of `units` (floor-process.ts):
 * the floor is measured in the same run, on the same busy cores, so what the neighbours do to
 * caches and clocks weighs on the floor as on the server. Its own CPU is not the server's: the
 * server is measured by its PID.
 */
export async function floorsDuring<T>(units: readonly FloorUnit[], during: () => Promise<T>): Promise<{ readonly result: T; readonly floors: FloorReadings }> {
  const script = fileURLToPath(new URL("./floor-process.ts", import.meta.url));
  const child = spawn(process.execPath, ["--import", "tsx", script, ...units], { stdio: ["pipe", "pipe", "inherit"] });
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  await new Promise<void>((resolve, reject) => {
    const poll = setInterval(() => {
      if (out.startsWith("ready\n")) {
        clearInterval(poll);
        resolve();
      }
    }, 20);
    void exited.then((code) => { clearInterval(poll); reject(new Error(`the floor meter exited with ${code} before it was ready`)); });
  });
  try {
    const result = await during();
    child.stdin.end();
    const code = await exited;
    if (code !== 0) throw new Error(`the floor meter exited with ${code}`);
    const readings = JSON.parse(out.slice("ready\n".length)) as Record<FloorUnit, { ms: number; batches: number }>;
    return { result, floors: new Map(Object.entries(readings) as [FloorUnit, { ms: number; batches: number }][]) };
  } finally {
    child.kill();
  }
}
