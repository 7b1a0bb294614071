// A Redis client whose commands answer within the calling RPC's deadline (src/context/call-deadline.ts):
// a command issued when no time is left is not sent at all, and one the store has not answered when
// the time runs out rejects with StoreDeadlineExceeded. Without a call (start-up, health checks,
// deliveries) it is the client itself; ioredis' own commandTimeout still bounds every command.
import { StoreDeadlineExceeded, callDeadline, withinCallDeadline } from "../context/call-deadline.js";
import type { RedisClient } from "./redis.js";

const timedOut = () => new StoreDeadlineExceeded("the identity store did not answer within the call's deadline");

export function deadlineBound<C extends RedisClient>(client: C): C {
  return bind(client, "client") as C;
}

/** A pipeline (multi) only queues commands: its `exec` is what goes to the store. */
function bind(target: object, kind: "client" | "pipeline"): object {
  // One wrapper per method name, made on first use: commands are hot, so no closure per call.
  const wrappers = new Map<string | symbol, (...args: unknown[]) => unknown>();
  const proxy: object = new Proxy(target, {
    get(object, name, receiver) {
      const value: unknown = Reflect.get(object, name, receiver);
      if (typeof value !== "function" || name === "constructor") return value;
      let wrapper = wrappers.get(name);
      if (!wrapper) {
        wrapper = wrap(object, name, kind === "client" ? isCommandName(name) : name === "exec", () => proxy);
        wrappers.set(name, wrapper);
      }
      return wrapper;
    },
  });
  return proxy;
}

function wrap(object: object, name: string | symbol, command: boolean, proxy: () => object): (...args: unknown[]) => unknown {
  return (...args: unknown[]) => {
    // Out of time: nothing is sent, so nothing changes.
    if (command && callDeadline() <= Date.now()) return Promise.reject(timedOut());
    const method = Reflect.get(object, name) as (...a: unknown[]) => unknown;
    const result: unknown = method.apply(object, args);
    if (result === object) return proxy(); // chained pipeline calls keep the binding
    if (isPromise(result)) return withinCallDeadline(result, timedOut);
    if (isPipeline(result)) return bind(result, "pipeline");
    return result;
  };
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
