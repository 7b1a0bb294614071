import * as grpc from "@grpc/grpc-js";
import { EventEmitter } from "node:events";
import type { AccessKey } from "./sigv4.js";

/** A handler of the gRPC services, as grpc-js calls it. */
type Handler = grpc.handleUnaryCall<unknown, unknown>;

/** What the in-process call carries besides the request: the key that signed it (admin operations). */
export interface CallerScope {
  readonly key: AccessKey | undefined;
}

export type OneofResult = { $case: string; value: unknown } | undefined;

export type Answer = { readonly kind: "result"; readonly result: OneofResult } | { readonly kind: "status"; readonly status: Partial<grpc.StatusObject> };

/**
 * Runs a gRPC service handler in this process with a call object built here instead of by grpc-js:
 * the same handler (the same unary adapter, guard, metrics and flow) serves both wire protocols.
 */
export function callHandler(handler: Handler, method: string, request: object, scope: CallerScope): Promise<Answer> {
  return new Promise((resolve) => {
    const call = Object.assign(new EventEmitter(), {
      request,
      metadata: new grpc.Metadata(),
      cancelled: false,
      awsCaller: scope,
      getPeer: () => "aws-json",
      getDeadline: () => Infinity,
      getPath: () => `/aws-json/${method}`,
      getHost: () => "aws-json",
      getAuthContext: () => ({ transportSecurityType: undefined }),
      sendMetadata: () => undefined,
    });
    handler(call as unknown as grpc.ServerUnaryCall<unknown, unknown>, (error, value) => {
      if (error) resolve({ kind: "status", status: error });
      else resolve({ kind: "result", result: (value as { result?: OneofResult } | undefined)?.result });
    });
  });
}

/** The signing key's scope, on a call made by callHandler (undefined on real gRPC calls). */
export function awsCallerOf(call: grpc.ServerUnaryCall<unknown, unknown>): CallerScope | undefined {
  return (call as unknown as { awsCaller?: CallerScope }).awsCaller;
}
