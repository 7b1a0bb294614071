/**
 * A promise-based client over the generated grpc-js definitions. Each method takes a partial request
 * (built with the message's fromPartial) and per-call options, and resolves with the response's
 * `result` oneof: `{ $case: "authenticationResult", value } | { $case: "notAuthorized", value } | …`.
 * Domain outcomes (wrong password, unknown user, …) are arms of that union with status OK; the promise
 * rejects only for transport problems (a grpc-js ServiceError: UNAVAILABLE, DEADLINE_EXCEEDED, …) or
 * when the response carries no arm (NoResultError).
 */
import * as grpc from "@grpc/grpc-js";
import { adminService, authService, triggerService } from "./gen/services.js";

/** A request as callers write it: every field optional, nested messages too (like ts-proto's fromPartial). */
export type DeepPartial<T> = T extends bigint ? string | number | bigint
  : T extends Date | Buffer | Uint8Array | string | number | boolean | undefined ? T
  : T extends ReadonlyArray<infer U> ? ReadonlyArray<DeepPartial<U>>
  : T extends { $case: string; value: unknown } ? { $case: T["$case"]; value?: DeepPartial<T["value"]> }
  : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> }
  : T;

/** One unary method of a ts-proto grpc-js service definition. */
export interface UnaryMethod<Req = any, Res = any> {
  readonly path: string;
  readonly requestStream: false;
  readonly responseStream: false;
  requestSerialize(value: Req): Buffer;
  responseDeserialize(bytes: Buffer): Res;
}

export type RequestOf<M> = M extends UnaryMethod<infer Req, any> ? Req : never;
export type ResponseOf<M> = M extends UnaryMethod<any, infer Res> ? Res : never;
/** The `result` oneof of a response, without `undefined`. */
export type ResultOf<Res> = Res extends { result?: infer R } ? Exclude<R, undefined> : never;

/** A service as services.ts describes it (generated from proto/). */
export interface ServiceSpec<D extends Record<string, UnaryMethod>> {
  readonly name: string;
  readonly definition: D;
  readonly requests: { readonly [K in keyof D]: { fromPartial(object: never): RequestOf<D[K]> } };
}

export interface CallOptions {
  /** Absolute deadline (a Date or epoch milliseconds); wins over timeoutMs. */
  readonly deadline?: Date | number;
  /** Relative deadline in milliseconds; defaults to the client's defaultTimeoutMs. */
  readonly timeoutMs?: number;
  /** Metadata for this call, added to the client's default metadata (same key: this call wins). */
  readonly metadata?: grpc.Metadata | Readonly<Record<string, string>>;
  /** Aborting cancels the call; the promise then rejects with status CANCELLED. */
  readonly signal?: AbortSignal;
}

export interface ClientOptions {
  /** Default: insecure (plaintext), for local servers. */
  readonly credentials?: grpc.ChannelCredentials;
  readonly channelOptions?: grpc.ChannelOptions;
  /** Deadline for calls that give none; default 10 000 ms. Use Infinity for none. */
  readonly defaultTimeoutMs?: number;
  /** Sent with every call (e.g. `{ authorization: "Bearer …" }` for AdminService). */
  readonly metadata?: grpc.Metadata | Readonly<Record<string, string>>;
}

/** The response arrived without a result arm: most likely the server is newer than this SDK. */
export class NoResultError extends Error {
  override readonly name = "NoResultError";
  constructor(readonly method: string) {
    super(`${method}: the response has no result (is the server newer than this SDK?)`);
  }
}

export type PromiseClient<D extends Record<string, UnaryMethod>> = {
  readonly [K in keyof D]: (request: DeepPartial<RequestOf<D[K]>>, options?: CallOptions) => Promise<ResultOf<ResponseOf<D[K]>>>;
} & {
  /** The underlying grpc-js client (channel state, waitForReady, …). */
  readonly grpcClient: grpc.Client;
  /** Closes the channel. */
  close(): void;
};

function toMetadata(value: grpc.Metadata | Readonly<Record<string, string>> | undefined): grpc.Metadata {
  if (value instanceof grpc.Metadata) return value.clone();
  const metadata = new grpc.Metadata();
  for (const [key, v] of Object.entries(value ?? {})) metadata.set(key, v);
  return metadata;
}

function deadlineOf(options: CallOptions, defaultTimeoutMs: number): grpc.Deadline {
  if (options.deadline !== undefined) return options.deadline;
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  return Number.isFinite(timeoutMs) ? Date.now() + timeoutMs : Infinity;
}

/** Creates a promise client for any service of services.ts. */
export function createClient<D extends Record<string, UnaryMethod>>(
  spec: ServiceSpec<D>,
  address: string,
  options: ClientOptions = {},
): PromiseClient<D> {
  const client = new grpc.Client(
    address,
    options.credentials ?? grpc.credentials.createInsecure(),
    options.channelOptions ?? {},
  );
  const defaultMetadata = toMetadata(options.metadata);
  const defaultTimeoutMs = options.defaultTimeoutMs ?? 10_000;
  const methods: Record<string, unknown> = {};
  for (const name of Object.keys(spec.definition) as (keyof D & string)[]) {
    const method = spec.definition[name]!;
    const builder = spec.requests[name];
    methods[name] = (request: unknown, callOptions: CallOptions = {}) =>
      new Promise((resolve, reject) => {
        if (callOptions.signal?.aborted) {
          reject(callOptions.signal.reason ?? new Error("aborted"));
          return;
        }
        const metadata = defaultMetadata.clone();
        for (const [key, values] of Object.entries(toMetadata(callOptions.metadata).toJSON())) {
          metadata.remove(key);
          for (const value of values) metadata.add(key, value);
        }
        const message = builder.fromPartial(request as never);
        let onAbort: (() => void) | undefined;
        const call = client.makeUnaryRequest(
          method.path,
          (value: RequestOf<typeof method>) => method.requestSerialize(value),
          (bytes: Buffer) => method.responseDeserialize(bytes),
          message,
          metadata,
          { deadline: deadlineOf(callOptions, defaultTimeoutMs) },
          (error: grpc.ServiceError | null, response?: { result?: unknown }) => {
            if (onAbort) callOptions.signal?.removeEventListener("abort", onAbort);
            if (error) reject(error);
            else if (response?.result === undefined) reject(new NoResultError(method.path));
            else resolve(response.result);
          },
        );
        if (callOptions.signal) {
          onAbort = () => call.cancel();
          callOptions.signal.addEventListener("abort", onAbort, { once: true });
        }
      });
  }
  return Object.freeze({ ...methods, grpcClient: client, close: () => client.close() }) as PromiseClient<D>;
}

export type AuthClient = PromiseClient<typeof authService.definition>;
export type AdminClient = PromiseClient<typeof adminService.definition>;
export type TriggerClient = PromiseClient<typeof triggerService.definition>;

/** identity.v1.AuthService (client-facing: sign-up, sign-in, tokens). */
export function createAuthClient(address: string, options?: ClientOptions): AuthClient {
  return createClient(authService, address, options);
}

/** identity.v1.AdminService (pools, clients, admin user operations). */
export function createAdminClient(address: string, options?: ClientOptions): AdminClient {
  return createClient(adminService, address, options);
}

/** identity.v1.TriggerService, for testing a remote trigger you implement. */
export function createTriggerClient(address: string, options?: ClientOptions): TriggerClient {
  return createClient(triggerService, address, options);
}
