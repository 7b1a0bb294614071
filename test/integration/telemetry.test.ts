import * as grpc from "@grpc/grpc-js";
import { context, propagation, trace } from "@opentelemetry/api";
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { expect } from "chai";
import { AuthFlow } from "../../src/gen/identity/v1/common.js";
import { checkTracingEnv, tracingEnabled } from "../../src/telemetry/otel-setup.js";
import { startTestApp, TEST_CONFIG, type TestApp } from "../helpers/test-app.js";
import { clientEntry, fixture, PASSWORD, signUpAndConfirm, triggerPool } from "../helpers/triggers.js";

const POOL = "us-east-1_Traced1";
const CLIENT = "tracedclient00000000000000";
const TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
const PARENT_ID = "00f067aa0ba902b7";

describe("OpenTelemetry: spans per RPC, store script and trigger (in-memory exporter)", () => {
  const exporter = new InMemorySpanExporter();
  let provider: NodeTracerProvider;
  let t: TestApp;

  before(async () => {
    provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
    provider.register();
    t = await startTestApp({ config: { ...TEST_CONFIG, pools: [...TEST_CONFIG.pools!, triggerPool(POOL, { PreAuthentication: { module: fixture("pre-authentication.mjs") } }, [clientEntry(CLIENT, "ENABLED")])] } });
    await signUpAndConfirm(t, POOL, CLIENT, "traced-kim", "traced-kim@example.com");
  });
  after(async () => {
    await t.stop();
    await provider.shutdown();
    trace.disable();
    context.disable();
    propagation.disable();
  });
  beforeEach(() => exporter.reset());

  const signIn = (username: string, password: string, metadata = new grpc.Metadata()) =>
    t.auth.initiateAuth({ clientId: CLIENT, authFlow: AuthFlow.AUTH_FLOW_USER_PASSWORD_AUTH, authParameters: { USERNAME: username, PASSWORD: password }, clientMetadata: {} }, metadata);

  /** The finished spans of the one RPC traced since the last reset: its server span and descendants. */
  function rpcTree(): { root: ReadableSpan; children: ReadableSpan[] } {
    const spans = exporter.getFinishedSpans();
    const roots = spans.filter((s) => s.name.startsWith("identity.v1."));
    expect(roots).to.have.length(1);
    const root = roots[0]!;
    return { root, children: spans.filter((s) => s !== root && s.spanContext().traceId === root.spanContext().traceId) };
  }

  it("continues the caller's trace from traceparent metadata, with the RPC's result arm", async () => {
    const metadata = new grpc.Metadata();
    metadata.set("traceparent", `00-${TRACE_ID}-${PARENT_ID}-01`);
    const response = await signIn("traced-kim", PASSWORD, metadata);
    expect(response.result?.$case).to.equal("authenticationResult");
    const { root } = rpcTree();
    expect(root.name).to.equal("identity.v1.AuthService/InitiateAuth");
    expect(root.spanContext().traceId).to.equal(TRACE_ID);
    expect(root.parentSpanContext?.spanId).to.equal(PARENT_ID);
    expect(root.attributes).to.include({ "rpc.system": "grpc", "rpc.service": "identity.v1.AuthService", "rpc.method": "InitiateAuth", "identity.result": "authenticationResult", "rpc.grpc.status_code": 0 });
  });

  it("has child spans for the store scripts and the trigger, parented on the RPC span", async () => {
    await signIn("traced-kim", "Wrong-Horse-1");
    const { root, children } = rpcTree();
    const scripts = children.filter((s) => s.name.startsWith("redis "));
    expect(scripts.map((s) => s.name)).to.include("redis findUser");
    for (const span of scripts) expect(span.attributes["identity.store.script"]).to.equal(span.name.slice("redis ".length));
    const trigger = children.find((s) => s.name === "trigger PreAuthentication");
    expect(trigger?.attributes).to.include({ "identity.trigger": "PreAuthentication", "identity.trigger.outcome": "ok" });
    for (const span of children) expect(span.parentSpanContext?.spanId).to.equal(root.spanContext().spanId);
  });

  it("an unknown name's spans carry exactly the attributes of a real user's, and no name or secret", async () => {
    const shape = () => {
      const { root, children } = rpcTree();
      return [root, ...children].map((s) => JSON.stringify([s.name, s.attributes])).sort();
    };
    await signIn("traced-kim", "Wrong-Horse-1");
    const known = shape();
    exporter.reset();
    await signIn("traced-nobody", "Wrong-Horse-1");
    const unknown = shape();
    expect(unknown).to.deep.equal(known);
    const everything = JSON.stringify([known, unknown]);
    for (const secret of ["traced-kim", "traced-nobody", "Wrong-Horse-1", "traced-kim@example.com"]) expect(everything).to.not.include(secret);
  });

  it("exposes store-script and trigger latency on /metrics", async () => {
    await signIn("traced-kim", PASSWORD);
    const text = await (await fetch(`http://127.0.0.1:${t.app.httpPort}/metrics`)).text();
    expect(text).to.match(/identity_store_script_duration_seconds_count\{script="findUser",outcome="ok"\} [1-9]/);
    expect(text).to.match(/identity_trigger_duration_seconds_count\{trigger="PreAuthentication",outcome="ok"\} [1-9]/);
  });

  it("exports nothing unless OTEL_TRACES_EXPORTER=otlp, and refuses unknown exporters", () => {
    expect(tracingEnabled({})).to.equal(false);
    expect(tracingEnabled({ OTEL_TRACES_EXPORTER: "otlp" })).to.equal(true);
    expect(tracingEnabled({ OTEL_TRACES_EXPORTER: "otlp", OTEL_SDK_DISABLED: "true" })).to.equal(false);
    expect(() => checkTracingEnv({ OTEL_TRACES_EXPORTER: "jaeger" })).to.throw('OTEL_TRACES_EXPORTER must be "none" or "otlp", not "jaeger"');
  });
});
