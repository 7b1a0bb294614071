// A Redis client whose commands answer within the calling RPC's deadline (src/context/call-deadline.ts):
// a command issued when no time is left is not sent at all, and one the store has not answered when
// the time runs out rejects with StoreDeadlineExceeded. Without a call (start-up, health checks,
// deliveries) it is the client itself; ioredis' own commandTimeout still bounds every command.
import { StoreDeadlineExceeded, callDeadline, withinCallDeadline } from "../context/call-deadline.js";
import type { RedisClient } from "./redis.js";

const timedOut = () => new StoreDeadlineExceeded("the identity store did not answer within the call's deadline");

export function deadlineBound<C extends RedisClient>(client: C): C {
  return bind(client) as C;
}

function bind(target: object): object {
  const proxy: object = new Proxy(target, {
    get(object, name, receiver) {
      const value: unknown = Reflect.get(object, name, receiver);
      if (typeof value !== "function" || name === "constructor") return value;
      return function bound(this: unknown, ...args: unknown[]) {
        if (callDeadline() <= Date.now()) {
          // Out of time: nothing is sent, so nothing changes.
          if (isCommandName(name)) return Promise.reject(timedOut());
        }
        const result: unknown = (value as (...a: unknown[]) => unknown).apply(object, args);
        if (result === object) return proxy; // chained pipeline calls keep the binding
        if (isPromise(result)) return withinCallDeadline(result, timedOut);
        if (isPipeline(result)) return bind(result);
        return result;
      };
    },
  });
  return proxy;
}

/** Connection management is never refused: only data commands count against a call's time. */
function isCommandName(name: string | symbol): boolean {
  return typeof name === "string" && !["on", "once", "off", "emit", "removeListener", "quit", "disconnect", "connect", "duplicate", "nodes", "multi", "pipeline"].includes(name);
}

function isPromise(value: unknown): value is Promise<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === "function";
}

function isPipeline(value: unknown): value is object {
  return typeof value === "object" && value !== null && typeof (value as { exec?: unknown }).exec === "function";
}
