import * as grpc from "@grpc/grpc-js";
import type { Logger } from "../flows/logger.js";
import type { Metrics } from "./metrics.js";
import { infrastructureStatus } from "./status.js";

export interface UnaryContext {
  readonly log: Logger;
  readonly metrics: Metrics;
}

/** Runs before the flow; a status here ends the call and the flow never runs (admin authentication). */
export type Guard<Req> = (call: grpc.ServerUnaryCall<Req, unknown>) => Partial<grpc.StatusObject> | undefined;

/**
 * The whole wire layer of an RPC: decode (done by grpc-js) → flow → `{ result }`. Domain outcomes
 * are OK with a oneof arm; throws are infrastructure or bugs and become a status, caught only here.
 */
export function unary<Req, Res>(
  context: UnaryContext,
  method: string,
  flow: (request: Req) => Promise<NonNullable<unknown>> | NonNullable<unknown>,
  guard?: Guard<Req>,
): grpc.handleUnaryCall<Req, Res> {
  return (call, callback) => {
    const started = process.hrtime.bigint();
    const finish = (result: string) => context.metrics.observe(method, result, Number(process.hrtime.bigint() - started) / 1e9);
    const refused = guard?.(call);
    if (refused) {
      finish(grpc.status[refused.code ?? grpc.status.UNKNOWN] ?? "UNKNOWN");
      callback(refused);
      return;
    }
    Promise.resolve()
      .then(() => flow(call.request))
      .then((result) => {
        finish(String((result as { $case?: string }).$case));
        callback(null, { result } as Res);
      })
      .catch((error: unknown) => {
        const status = infrastructureStatus(error);
        finish(grpc.status[status.code ?? grpc.status.UNKNOWN] ?? "UNKNOWN");
        context.log.error({ method, err: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error) }, "rpc failed");
        callback(status);
      });
  };
}

/** An RPC whose behaviour belongs to later work. */
export function unimplemented<Req, Res>(method: string): grpc.handleUnaryCall<Req, Res> {
  return (_call, callback) => callback({ code: grpc.status.UNIMPLEMENTED, details: `${method} is not implemented yet` });
}
