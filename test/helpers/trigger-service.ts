// A real TriggerService (grpc-js, 127.0.0.1:0) a test controls: each Invoke either answers at once
// with the event unchanged ("echo") or waits until the test answers it ("hold"). Tests wait for
// calls as events (`nextCall`), never for time to pass.
import * as grpc from "@grpc/grpc-js";
import { TriggerServiceService, type InvokeRequest, type InvokeResponse, type TriggerServiceServer } from "../../src/gen/identity/v1/trigger_service.js";

export interface ReceivedCall {
  readonly request: InvokeRequest;
  readonly metadata: grpc.Metadata;
  /** The call's deadline (Date.now() scale; Infinity for none). */
  readonly deadline: number;
  /** The common name of the client certificate the caller presented (mTLS), if any. */
  readonly peerCommonName: string | undefined;
  /** Answers a held call with the event unchanged. */
  answer(): void;
  /** Resolves when the caller cancelled the call or its deadline passed. */
  readonly cancelled: Promise<void>;
}

export class TestTriggerService {
  mode: "echo" | "hold" = "echo";
  /** What an answer returns: the event as received by default. */
  respond: (event: Record<string, unknown>) => unknown = (event) => event;
  /** When set, calls without this metadata pair are refused with UNAUTHENTICATED. */
  requiredMetadata: [string, string] | undefined;
  readonly calls: ReceivedCall[] = [];
  private waiters: ((call: ReceivedCall) => void)[] = [];

  private constructor(
    private readonly server: grpc.Server,
    readonly port: number,
  ) {}

  static async start(credentials = grpc.ServerCredentials.createInsecure(), host = "127.0.0.1"): Promise<TestTriggerService> {
    const server = new grpc.Server();
    let service: TestTriggerService | undefined;
    const implementation: TriggerServiceServer = { invoke: (call, callback) => service!.invoke(call, callback) };
    server.addService(TriggerServiceService, implementation);
    const port = await new Promise<number>((resolve, reject) => server.bindAsync(`${host}:0`, credentials, (error, bound) => (error ? reject(error) : resolve(bound))));
    service = new TestTriggerService(server, port);
    return service;
  }

  get endpoint(): string {
    return `127.0.0.1:${this.port}`;
  }

  /** The next call to arrive (or the oldest one not yet taken). */
  nextCall(): Promise<ReceivedCall> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  stop(): void {
    this.server.forceShutdown();
  }

  private invoke(call: grpc.ServerUnaryCall<InvokeRequest, InvokeResponse>, callback: grpc.sendUnaryData<InvokeResponse>): void {
    if (this.requiredMetadata && call.metadata.get(this.requiredMetadata[0])[0] !== this.requiredMetadata[1]) {
      callback({ code: grpc.status.UNAUTHENTICATED, details: "missing or wrong credentials" });
      return;
    }
    const deadline = call.getDeadline();
    let answered = false;
    const answer = () => {
      if (answered) return;
      answered = true;
      callback(null, { result: { $case: "eventJson", value: JSON.stringify(this.respond(JSON.parse(call.request.eventJson) as Record<string, unknown>)) } });
    };
    const received: ReceivedCall = {
      request: call.request,
      metadata: call.metadata,
      deadline: deadline instanceof Date ? deadline.getTime() : Number(deadline),
      peerCommonName: [call.getAuthContext().sslPeerCertificate?.subject?.CN].flat()[0],
      answer,
      cancelled: new Promise((resolve) => call.once("cancelled", () => resolve())),
    };
    this.calls.push(received);
    this.waiters.shift()?.(received);
    if (this.mode === "echo") answer();
  }
}
