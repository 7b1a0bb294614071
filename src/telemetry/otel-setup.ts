import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";

type Env = Record<string, string | undefined>;

/**
 * Trace export, off by default: set OTEL_TRACES_EXPORTER=otlp to send spans over OTLP/HTTP. The
 * exporter reads the standard variables itself (OTEL_EXPORTER_OTLP_ENDPOINT or
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, OTEL_EXPORTER_OTLP_HEADERS, OTEL_EXPORTER_OTLP_TIMEOUT, ...);
 * OTEL_SERVICE_NAME names the service (default "identity"); OTEL_SDK_DISABLED=true wins over all.
 * Incoming W3C `traceparent` metadata becomes the RPC span's parent.
 */
export function tracingEnabled(env: Env): boolean {
  if ((env.OTEL_SDK_DISABLED ?? "").toLowerCase() === "true") return false;
  return (env.OTEL_TRACES_EXPORTER ?? "none").split(",").map((s) => s.trim()).includes("otlp");
}

/** Checks OTEL_TRACES_EXPORTER: "none" (default) or "otlp"; anything else is a configuration problem. */
export function checkTracingEnv(env: Env): void {
  const exporters = (env.OTEL_TRACES_EXPORTER ?? "none").split(",").map((s) => s.trim()).filter(Boolean);
  const unknown = exporters.filter((e) => e !== "otlp" && e !== "none");
  if (unknown.length > 0) throw new Error(`OTEL_TRACES_EXPORTER must be "none" or "otlp", not ${JSON.stringify(env.OTEL_TRACES_EXPORTER)}`);
}

/** Registers the global tracer provider when enabled; returns how to flush and stop it. */
export function startTracing(env: Env): { shutdown(): Promise<void> } | undefined {
  if (!tracingEnabled(env)) return undefined;
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ "service.name": env.OTEL_SERVICE_NAME || "identity" }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  provider.register();
  return { shutdown: () => provider.shutdown() };
}
