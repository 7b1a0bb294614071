// Remote hooks: a real grpc-js TriggerService on 127.0.0.1:0, called through the runner.
import { expect } from "chai";
import { Server, ServerCredentials, type sendUnaryData, type ServerUnaryCall } from "@grpc/grpc-js";
import {
  TriggerServiceService,
  type TriggerServiceServer,
  type InvokeRequest,
  type InvokeResponse,
} from "../../../src/gen/identity/v1/trigger_service.js";
import { remoteInvoker } from "../../../src/triggers/remote.js";
import { withLimits } from "../../../src/triggers/run-with-limits.js";
import { createTriggerRegistry } from "../../../src/triggers/registry.js";
import { FIXTURES_DIR, preSignUpEvent } from "./sample-events.js";

type Handler = (call: ServerUnaryCall<InvokeRequest, InvokeResponse>, callback: sendUnaryData<InvokeResponse>) => void;

async function startServer(handle: () => Handler): Promise<{ server: Server; endpoint: string }> {
  const server = new Server();
  const implementation: TriggerServiceServer = { invoke: (call, callback) => handle()(call, callback) };
  server.addService(TriggerServiceService, implementation);
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))),
  );
  return { server, endpoint: `127.0.0.1:${port}` };
}

describe("triggers/remote", () => {
  let handler: Handler;
  let server: Server;
  let invoker: ReturnType<typeof remoteInvoker>;
  let endpoint: string;

  before(async () => {
    const started = await startServer(() => handler);
    server = started.server;
    endpoint = started.endpoint;
    invoker = remoteInvoker({ endpoint, insecure: true });
  });

  after(() => {
    invoker.close();
    server.forceShutdown();
  });

  it("sends the event JSON and returns the event the service answers with", async () => {
    let received: InvokeRequest | undefined;
    handler = (call, callback) => {
      received = call.request;
      const event = JSON.parse(call.request.eventJson);
      event.response.autoConfirmUser = true;
      callback(null, { result: { $case: "eventJson", value: JSON.stringify(event) } });
    };
    const sent = preSignUpEvent();
    const outcome = await withLimits("PreSignUp", invoker, { timeoutMs: 2000 }).run(sent, Infinity);
    expect(received?.triggerSource).to.equal("PreSignUp_SignUp");
    expect(JSON.parse(received?.eventJson ?? "null")).to.deep.equal(sent);
    expect(outcome).to.deep.equal({ ok: true, event: { ...sent, response: { ...sent.response, autoConfirmUser: true } } });
  });

  it("maps error_message to userLambdaValidation", async () => {
    handler = (_call, callback) => callback(null, { result: { $case: "errorMessage", value: "Email not verified" } });
    const outcome = await withLimits("PreAuthentication", invoker, { timeoutMs: 2000 }).run(
      { ...preSignUpEvent(), triggerSource: "PreAuthentication_Authentication", request: { userAttributes: {} }, response: {} },
      Infinity,
    );
    expect(outcome).to.deep.equal({
      ok: false,
      error: { $case: "userLambdaValidation", value: { message: "PreAuthentication failed with error Email not verified." } },
    });
  });

  it("maps an answer with neither arm set to invalidLambdaResponse", async () => {
    handler = (_call, callback) => callback(null, { result: undefined });
    const outcome = await withLimits("PreSignUp", invoker, { timeoutMs: 2000 }).run(preSignUpEvent(), Infinity);
    expect(!outcome.ok && outcome.error).to.deep.equal({
      $case: "invalidLambdaResponse",
      value: { message: "Invalid lambda function output : Invalid JSON" },
    });
  });

  it("sends the time box as the call's deadline and cancels a service that does not answer", async () => {
    let deadline: number | undefined;
    let cancelled!: Promise<void>;
    handler = (call) => {
      deadline = new Date(call.getDeadline()).getTime();
      cancelled = new Promise((resolve) => call.on("cancelled", () => resolve()));
      // Never calls back: only the deadline ends this call.
    };
    const before = Date.now();
    const outcome = await withLimits("PreSignUp", invoker, { timeoutMs: 100 }).run(preSignUpEvent(), Infinity);
    expect(!outcome.ok && outcome.error).to.deep.equal({
      $case: "unexpectedLambda",
      value: { message: "PreSignUp invocation failed due to error Socket timeout while invoking Lambda function." },
    });
    expect(deadline).to.be.within(before, before + 1000);
    await cancelled; // the server saw the call end: nothing keeps running after the time box
  });

  it("maps DEADLINE_EXCEEDED from grpc-js itself to a timeout", async () => {
    handler = () => {};
    const controller = new AbortController(); // never aborted: only the gRPC deadline can end the call
    const invocation = await invoker.invoke(preSignUpEvent(), { signal: controller.signal, deadline: Date.now() + 50 });
    expect(invocation).to.deep.equal({ $case: "failed", reason: "timeout" });
  });

  it("maps an unreachable service to unexpectedLambda", async () => {
    const gone = await startServer(() => handler);
    gone.server.forceShutdown();
    const unreachable = remoteInvoker({ endpoint: gone.endpoint, insecure: true });
    try {
      const outcome = await withLimits("PreSignUp", unreachable, { timeoutMs: 2000 }).run(preSignUpEvent(), Infinity);
      expect(!outcome.ok && outcome.error).to.deep.equal({
        $case: "unexpectedLambda",
        value: { message: "PreSignUp invocation failed due to error ServiceException." },
      });
    } finally {
      unreachable.close();
    }
  });

  it("is reachable through the registry's endpoint config", async () => {
    handler = (call, callback) => {
      const event = JSON.parse(call.request.eventJson);
      event.response.autoVerifyEmail = true;
      callback(null, { result: { $case: "eventJson", value: JSON.stringify(event) } });
    };
    const registry = createTriggerRegistry(
      { [preSignUpEvent().userPoolId]: { PreSignUp: { endpoint, insecure: true } } },
      { baseDir: FIXTURES_DIR },
    );
    try {
      const sent = preSignUpEvent();
      const outcome = await registry.triggersFor(sent.userPoolId).invoke("PreSignUp", sent);
      expect(outcome).to.deep.equal({ ok: true, event: { ...sent, response: { ...sent.response, autoVerifyEmail: true } } });
    } finally {
      registry.close();
    }
  });
});
