// Runs a hook hosted by a remote TriggerService (proto/identity/v1/trigger_service.proto): the event
// goes out as Cognito's JSON, the answer comes back as the returned event or the handler's error
// message. The call carries the time box as its gRPC deadline and is cancelled when the box expires.
import { credentials, Metadata, status, type ServiceError } from "@grpc/grpc-js";
import { TriggerServiceClient, type InvokeResponse } from "../gen/identity/v1/trigger_service.js";
import type { Invocation, InvokeBudget, Invoker } from "./invoker.js";
import type { TriggerEvent } from "./events.js";

export interface RemoteOptions {
  /** "host:port" of the TriggerService. */
  readonly endpoint: string;
  /** Use TLS with the system roots; plaintext otherwise (loopback / service mesh). */
  readonly tls?: boolean;
}

export function remoteInvoker(options: RemoteOptions): Invoker & { close(): void } {
  const channel = options.tls ? credentials.createSsl() : credentials.createInsecure();
  const client = new TriggerServiceClient(options.endpoint, channel);
  return {
    invoke: (event, budget) => invokeRemote(client, event, budget),
    close: () => client.close(),
  };
}

function invokeRemote(client: TriggerServiceClient, event: TriggerEvent, budget: InvokeBudget): Promise<Invocation> {
  return new Promise((resolve) => {
    const request = { triggerSource: event.triggerSource, eventJson: JSON.stringify(event) };
    const call = client.invoke(request, new Metadata(), { deadline: budget.deadline }, (error, response) =>
      resolve(error ? fromStatus(error) : fromResponse(response)),
    );
    budget.signal.addEventListener("abort", () => call.cancel(), { once: true });
  });
}

/** The handler's answer: the event (JSON text, validated later) or its error message (§5.13). */
function fromResponse(response: InvokeResponse): Invocation {
  switch (response.result?.$case) {
    case "eventJson":
      return { $case: "returned", payload: response.result.value };
    case "errorMessage":
      return { $case: "raised", message: response.result.value };
    case undefined:
      // Neither arm set: an answer with no event, which Cognito reads as invalid output.
      return { $case: "returned", payload: "" };
  }
}

/** No answer: the deadline (or our cancel on expiry) is a timeout; anything else an unreachable hook. */
function fromStatus(error: ServiceError): Invocation {
  const timedOut = error.code === status.DEADLINE_EXCEEDED || error.code === status.CANCELLED;
  return { $case: "failed", reason: timedOut ? "timeout" : "unavailable" };
}
