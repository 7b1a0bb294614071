// Runs a hook hosted by a remote TriggerService (proto/identity/v1/trigger_service.proto): the event
// goes out as Cognito's JSON, the answer comes back as the returned event or the handler's error
// message. The call carries the time box as its gRPC deadline and is cancelled when the box expires.
// The channel is TLS (a CA to trust, optionally a client certificate) unless plaintext was chosen
// explicitly (trigger-config.ts); a bearer token, when configured, goes with every call.
import { credentials, Metadata, status, type ChannelCredentials, type ChannelOptions, type ServiceError } from "@grpc/grpc-js";
import { readFileSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";
import { TriggerServiceClient, type InvokeResponse } from "../gen/identity/v1/trigger_service.js";
import type { Invocation, InvokeBudget, Invoker } from "./invoker.js";
import type { TriggerEvent } from "./events.js";
import { TriggerConfigError, type RemoteTarget, type RemoteTls } from "./trigger-config.js";

export interface RemoteOptions extends RemoteTarget {
  /** Where relative certificate and token file paths resolve (the config file's directory). */
  readonly baseDir?: string;
  /** Where bearerTokenEnv is read (process.env by default). */
  readonly env?: Record<string, string | undefined>;
}

export function remoteInvoker(options: RemoteOptions): Invoker & { close(): void } {
  const client = new TriggerServiceClient(options.endpoint, channelCredentials(options), channelOptions(options.tls));
  const token = bearerToken(options);
  return {
    invoke: (event, budget) => invokeRemote(client, token, event, budget),
    close: () => client.close(),
  };
}

function channelCredentials(options: RemoteOptions): ChannelCredentials {
  if (options.tls) {
    const read = (file: string | undefined) => (file === undefined ? null : readFileSync(pathOf(file, options.baseDir)));
    return credentials.createSsl(read(options.tls.caFile), read(options.tls.keyFile), read(options.tls.certFile));
  }
  if (options.insecure === true) return credentials.createInsecure();
  throw new TriggerConfigError(`remote trigger ${options.endpoint}: needs "tls", or "insecure": true for plaintext`);
}

function channelOptions(tls: RemoteTls | undefined): ChannelOptions {
  return tls?.serverName ? { "grpc.ssl_target_name_override": tls.serverName, "grpc.default_authority": tls.serverName } : {};
}

/** The bearer token, read once at start; a missing or malformed one stops the start. */
function bearerToken(options: RemoteOptions): string | undefined {
  const where = options.bearerTokenFile ?? options.bearerTokenEnv;
  if (where === undefined) return undefined;
  const raw = options.bearerTokenFile !== undefined ? readFileSync(pathOf(options.bearerTokenFile, options.baseDir), "utf8") : (options.env ?? process.env)[where];
  const token = raw?.trim() ?? "";
  if (!/^[\x21-\x7e]{1,4096}$/.test(token)) throw new TriggerConfigError(`remote trigger ${options.endpoint}: the bearer token from ${where} is missing or not printable ASCII`);
  return token;
}

function pathOf(file: string, baseDir: string | undefined): string {
  return isAbsolute(file) || baseDir === undefined ? file : resolve(baseDir, file);
}

function invokeRemote(client: TriggerServiceClient, token: string | undefined, event: TriggerEvent, budget: InvokeBudget): Promise<Invocation> {
  return new Promise((resolve) => {
    const request = { triggerSource: event.triggerSource, eventJson: JSON.stringify(event) };
    const metadata = new Metadata();
    if (token !== undefined) metadata.set("authorization", `Bearer ${token}`);
    const call = client.invoke(request, metadata, { deadline: budget.deadline }, (error, response) =>
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
