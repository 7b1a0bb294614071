import * as grpc from "@grpc/grpc-js";
import type { Logger } from "../flows/logger.js";
import { rateExceeded, type Admission } from "../flows/quotas/admission.js";
import { OPERATION_CATEGORY } from "../flows/quotas/categories.js";
import type { InFlightLimit } from "./in-flight.js";
import { contextFromMetadata, endRpcSpan, otelContext, startRpcSpan } from "../telemetry/tracing.js";
import type { Metrics } from "./metrics.js";
import { CallDeadlineExceeded, withCallDeadline } from "../context/call-deadline.js";
import { infrastructureStatus, statusError } from "./status.js";

export interface UnaryContext {
  readonly log: Logger;
  readonly metrics: Metrics;
  /** Bounds this process's calls in flight; calls past it are shed at once (docs/quotas.md). */
  readonly inFlight?: InFlightLimit;
  /** Request-rate quotas, taken before the flow runs; absent when quotas are off. */
  readonly admission?: Admission;
}

type Refusal = Partial<grpc.StatusObject>;

/**
 * Runs before the request bytes are decoded (admin authentication: a caller without credentials is
 * refused whatever it sent, and its bytes are never parsed). It either refuses, or passes, or passes
 * with a second check on the decoded request (whether the credential covers the request's pool).
 */
export type Guard<Req> = (call: grpc.ServerUnaryCall<unknown, unknown>) => Refusal | ((request: Req) => Refusal | undefined) | undefined;

/** Turns request bytes into the request; throws on bytes that are not one (the method's deserializer). */
export type Decode<Req> = (bytes: Buffer) => Req;

/**
 * The key under which a handler made by `unary` offers a variant that decodes the request itself.
 * The server (decoding-server.ts) registers the method with a pass-through deserializer and uses that
 * variant, because grpc-js answers INTERNAL to bytes its deserializer rejects, and does so before any
 * handler or guard runs.
 */
export const DECODES_ITSELF = Symbol("decodesItself");

export type UnaryHandler<Req, Res> = grpc.handleUnaryCall<Req, Res> & {
  readonly [DECODES_ITSELF]: (decode: Decode<Req>) => grpc.handleUnaryCall<Buffer, Res>;
};

const UNDECODABLE = statusError(grpc.status.INVALID_ARGUMENT, "the request is not a valid protobuf message for this method");

/**
 * The whole wire layer of an RPC: authenticate → shed? → decode → authorize → quota → flow →
 * `{ result }`. Domain outcomes are OK with a oneof arm; throws are infrastructure or bugs and become
 * a status, caught only here. A call that finds the process full, or its pool's quota used up, gets
 * the operation's too_many_requests arm (RESOURCE_EXHAUSTED where the operation has none) and the
 * flow never runs, so it changes nothing (docs/quotas.md).
 */
export function unary<Req, Res>(
  context: UnaryContext,
  method: string,
  flow: (request: Req) => Promise<NonNullable<unknown>> | NonNullable<unknown>,
  guard?: Guard<Req>,
): UnaryHandler<Req, Res> {
  const handler = (decode: Decode<Req> | undefined): grpc.handleUnaryCall<unknown, Res> => (call, callback) => {
    const started = process.hrtime.bigint();
    // A span per RPC, continuing the caller's trace (W3C traceparent metadata); store scripts and
    // triggers add child spans through the active context (src/telemetry).
    const path = call.getPath?.() ?? `/unknown/${method}`;
    const rpc = startRpcSpan(contextFromMetadata(call.metadata), path.slice(1, path.lastIndexOf("/")), method);
    const finish = (result: string, code: grpc.status = grpc.status.OK) => {
      context.metrics.observe(method, result, Number(process.hrtime.bigint() - started) / 1e9);
      endRpcSpan(rpc.span, result, code);
    };
    const refuse = (status: Refusal) => {
      finish(grpc.status[status.code ?? grpc.status.UNKNOWN] ?? "UNKNOWN", status.code ?? grpc.status.UNKNOWN);
      callback(status);
    };
    const checked = guard?.(call);
    if (checked !== undefined && typeof checked !== "function") return refuse(checked);
    if (context.inFlight && !context.inFlight.tryEnter()) {
      finish("shed");
      return refuseOverload(method, callback);
    }
    const request = decode ? decodeOrUndefined(decode, call.request) : (call.request as Req);
    const refused = request === undefined ? UNDECODABLE : typeof checked === "function" ? checked(request) : undefined;
    if (refused || request === undefined) {
      context.inFlight?.leave();
      return refuse(refused ?? UNDECODABLE);
    }
    // The flow, and every store and trigger call it makes, works within the caller's deadline
    // (less a margin for the answer's way back); past it the call ends with a status, not an arm.
    // The quota is taken first, within the same deadline; the in-flight slot is held until the work
    // itself ends, so work that outlives its answer still counts against the bound.
    const workUntil = workDeadline(call);
    const expiry = timeLimit(workUntil);
    const work = otelContext.with(rpc.context, () => withCallDeadline(workUntil, () => Promise.resolve()
      .then(() => context.admission?.(method, request as object))
      .then((overQuota) => overQuota ?? flow(request))))
      .finally(() => context.inFlight?.leave());
    Promise.race([work, expiry.reached])
      .then((result) => {
        finish(String((result as { $case?: string }).$case));
        callback(null, { result } as Res);
      })
      .catch((error: unknown) => {
        const status = infrastructureStatus(error);
        finish(grpc.status[status.code ?? grpc.status.UNKNOWN] ?? "UNKNOWN", status.code ?? grpc.status.UNKNOWN);
        context.log.error({ method, err: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error) }, "rpc failed");
        callback(status);
      })
      .finally(expiry.cancel);
  };
  return Object.assign(handler(undefined) as grpc.handleUnaryCall<Req, Res>, { [DECODES_ITSELF]: handler as (decode: Decode<Req>) => grpc.handleUnaryCall<Buffer, Res> });
}

/**
 * When the flow must have answered: the call's deadline less a margin for the answer to travel back
 * (a fifth of the time the call had, between 20 ms and 250 ms); Infinity for a call without one.
 */
function workDeadline(call: grpc.ServerUnaryCall<unknown, unknown>): number {
  const deadline = call.getDeadline();
  const at = deadline instanceof Date ? deadline.getTime() : Number(deadline);
  if (!Number.isFinite(at)) return Infinity;
  const margin = Math.min(250, Math.max(20, (at - Date.now()) / 5));
  return at - margin;
}

/** A rejection with CallDeadlineExceeded at `at` (never, for Infinity), and its cancel. */
function timeLimit(at: number): { reached: Promise<never>; cancel: () => void } {
  if (at === Infinity) return { reached: new Promise<never>(() => undefined), cancel: () => undefined };
  let timer: NodeJS.Timeout | undefined;
  const reached = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CallDeadlineExceeded("the call's deadline passed before its work finished")), Math.max(0, at - Date.now()));
  });
  return { reached, cancel: () => clearTimeout(timer) };
}

function decodeOrUndefined<Req>(decode: Decode<Req>, bytes: unknown): Req | undefined {
  if (!Buffer.isBuffer(bytes)) return undefined;
  try {
    return decode(bytes);
  } catch {
    return undefined;
  }
}

/** The answer to a call shed for overload: the operation's arm when it has one. */
function refuseOverload<Res>(method: string, callback: grpc.sendUnaryData<Res>): void {
  if (OPERATION_CATEGORY[method] !== undefined) callback(null, { result: rateExceeded() } as Res);
  else callback(statusError(grpc.status.RESOURCE_EXHAUSTED, "the server is overloaded; retry with backoff"));
}

/** An RPC whose behaviour belongs to later work. */
export function unimplemented<Req, Res>(method: string): grpc.handleUnaryCall<Req, Res> {
  return (_call, callback) => callback({ code: grpc.status.UNIMPLEMENTED, details: `${method} is not implemented yet` });
}
