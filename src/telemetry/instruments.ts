import { Histogram, type Metric } from "prom-client";
import { labelChildren } from "./label-children.js";
import { inChildSpan } from "./tracing.js";

/**
 * Store-script and trigger timings, as Prometheus histograms and as child spans of the RPC's span.
 * The histograms live here, not in one app's registry, because the store and the trigger runner have
 * no app at hand; every app's registry (src/api/metrics.ts) exposes them.
 */
const storeLatency = new Histogram({
  name: "identity_store_script_duration_seconds",
  help: "Redis script latency by script and outcome (ok or error)",
  labelNames: ["script", "outcome"],
  buckets: [0.0002, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 2.5],
  registers: [],
});

const triggerLatency = new Histogram({
  name: "identity_trigger_duration_seconds",
  help: "Trigger (hook) latency by trigger and outcome (ok, or the error arm it produced)",
  labelNames: ["trigger", "outcome"],
  buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [],
});

export const sharedMetrics: readonly Metric[] = [storeLatency, triggerLatency];

const storeLatencyOf = labelChildren((script, outcome) => storeLatency.labels(script!, outcome!));

function observeScript(script: string, outcome: "ok" | "error", seconds: number): void {
  storeLatencyOf(script, outcome).observe(seconds);
}

/** A store script: a span `redis <script>` and its latency; no key or argument is recorded. */
export function timedScript<T>(script: string, work: () => Promise<T>): Promise<T> {
  const started = process.hrtime.bigint();
  const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
  return inChildSpan(`redis ${script}`, { "db.system.name": "redis", "db.operation.name": "EVALSHA", "identity.store.script": script }, work).then(
    (value) => {
      observeScript(script, "ok", seconds());
      return value;
    },
    (error: unknown) => {
      observeScript(script, "error", seconds());
      throw error;
    },
  );
}

/** A trigger invocation: a span `trigger <name>` with its outcome, and its latency by outcome. */
export async function timedTrigger<T extends { readonly ok: boolean; readonly error?: { readonly $case: string } }>(trigger: string, work: () => Promise<T>): Promise<T> {
  const started = process.hrtime.bigint();
  const outcomeOf = (value: T) => (value.ok ? "ok" : value.error?.$case ?? "error");
  const value = await inChildSpan(`trigger ${trigger}`, { "identity.trigger": trigger }, work, (v) => ({ "identity.trigger.outcome": outcomeOf(v) }));
  triggerLatency.observe({ trigger, outcome: outcomeOf(value) }, Number(process.hrtime.bigint() - started) / 1e9);
  return value;
}
