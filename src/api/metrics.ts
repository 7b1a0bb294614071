import { Counter, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { sharedMetrics } from "../telemetry/instruments.js";
import { labelChildren } from "../telemetry/label-children.js";

/** Prometheus metrics: RPCs by method and result arm, their latency, store-script and trigger latency. */
export class Metrics {
  readonly registry = new Registry();
  private readonly calls = new Counter({ name: "identity_rpc_total", help: "RPCs by method and result arm (or gRPC status)", labelNames: ["method", "result"], registers: [this.registry] });
  private readonly latency = new Histogram({
    name: "identity_rpc_duration_seconds",
    help: "RPC latency by method",
    labelNames: ["method"],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    // Store-script and trigger latency (src/telemetry/instruments.ts), shared by every app of the process.
    for (const metric of sharedMetrics) this.registry.registerMetric(metric);
  }

  private readonly callsOf = labelChildren((method, result) => this.calls.labels(method!, result!));
  private readonly latencyOf = labelChildren((method) => this.latency.labels(method!));

  observe(method: string, result: string, seconds: number): void {
    this.callsOf(method, result).inc();
    this.latencyOf(method).observe(seconds);
  }
}
