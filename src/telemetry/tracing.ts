import { context, propagation, trace, type Context, type Span, SpanKind, SpanStatusCode, type Attributes } from "@opentelemetry/api";

/**
 * The service's spans, through the OpenTelemetry API only: without a registered provider (the
 * default, see src/telemetry/otel-setup.ts) every call here is a no-op. Attributes name operations,
 * scripts, triggers and outcomes, never a username, an attribute value, a code, a key or a token, so
 * an unknown user's call and a real one's carry the same attributes.
 */
const tracer = () => trace.getTracer("identity");

/** gRPC metadata as a propagation carrier: W3C traceparent/tracestate come in as metadata entries. */
export interface MetadataLike {
  get(key: string): (string | Buffer)[];
}

const metadataGetter = {
  keys: () => [] as string[],
  get(carrier: MetadataLike, key: string): string | undefined {
    const value = carrier.get(key)[0];
    return typeof value === "string" ? value : undefined;
  },
};

/** The caller's trace context from incoming metadata (or none). */
export function contextFromMetadata(metadata: MetadataLike): Context {
  return propagation.extract(context.active(), metadata, metadataGetter);
}

/** A server span for one RPC, in `parent`; `end` records the result arm or status. */
export function startRpcSpan(parent: Context, service: string, method: string): { span: Span; context: Context } {
  const span = tracer().startSpan(`${service}/${method}`, { kind: SpanKind.SERVER, attributes: { "rpc.system": "grpc", "rpc.service": service, "rpc.method": method } }, parent);
  return { span, context: trace.setSpan(parent, span) };
}

/** Ends an RPC span: its result arm (`identity.result`) and gRPC status code. */
export function endRpcSpan(span: Span, result: string, grpcCode: number): void {
  span.setAttributes({ "identity.result": result, "rpc.grpc.status_code": grpcCode });
  if (grpcCode !== 0) span.setStatus({ code: SpanStatusCode.ERROR, message: result });
  span.end();
}

/** Runs `work` in a child span of the active one; `outcome` turns its result into attributes. */
export async function inChildSpan<T>(name: string, attributes: Attributes, work: () => Promise<T>, outcome?: (value: T) => Attributes): Promise<T> {
  const span = tracer().startSpan(name, { kind: SpanKind.INTERNAL, attributes });
  // Without a provider (the default) the span records nothing: skip making it the active context.
  if (!span.isRecording()) return work();
  try {
    const value = await context.with(trace.setSpan(context.active(), span), work);
    if (outcome) span.setAttributes(outcome(value));
    return value;
  } catch (error) {
    span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : "error" });
    throw error;
  } finally {
    span.end();
  }
}

export { context as otelContext };
