import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";

/** Something that records while the measured run lasts (operation-run.ts starts and stops it). */
export interface Recorder {
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Linux perf sampling one process's CPU time, every thread, with call graphs (frame pointers: V8's
 * code keeps them, and OpenSSL is linked into node). Unlike a --cpu-prof profile, which samples
 * the main thread at wall-clock intervals, a sample is only taken while a thread runs, so on busy
 * shared cores the shares are shares of CPU time. JavaScript frames are named through the perf map
 * the server writes with --perf-basic-prof-only-functions (/tmp/perf-<pid>.map).
 */
export function perfRecorder(pid: number, dataFile: string, hz = 997): Recorder & { script(): string; cleanUp(): void } {
  let perf: ChildProcess | undefined;
  return {
    async start() {
      perf = spawn("perf", ["record", "-q", "-e", "cpu-clock", "-F", String(hz), "-g", "-p", String(pid), "-o", dataFile], { stdio: ["ignore", "ignore", "inherit"] });
      await new Promise((resolve) => setTimeout(resolve, 500)); // attached to every thread by then
    },
    async stop() {
      const exited = new Promise((resolve) => perf!.once("exit", resolve));
      perf!.kill("SIGINT");
      await exited;
    },
    /** The samples as `perf script` text; call while the server runs (its perf map is still current). */
    script() {
      const result = spawnSync("perf", ["script", "-i", dataFile, "-F", "comm,pid,tid,ip,sym,dso"], { encoding: "utf8", maxBuffer: 1 << 30 });
      if (result.status !== 0) throw new Error(`perf script failed: ${result.stderr}`);
      return result.stdout;
    },
    cleanUp() {
      rmSync(`/tmp/perf-${pid}.map`, { force: true });
    },
  };
}
