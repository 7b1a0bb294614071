// Runs a hook written as a Node.js module exporting a Lambda handler, in this process. ESM and
// CommonJS both work (`export const handler` / `exports.handler`), so a handler written for Cognito
// runs unchanged. The module is imported once, on first use or at ready().
import { basename, isAbsolute, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Invoker } from "./invoker.js";
import { callHandler, type LambdaHandler } from "./lambda-handler.js";

export interface InProcessOptions {
  /** Absolute path, or relative to baseDir (the config file's directory). */
  readonly module: string;
  /** The exported function's name; Lambda's default is "handler". */
  readonly handler?: string;
  readonly baseDir: string;
}

export function inProcessInvoker(options: InProcessOptions): Invoker {
  const path = isAbsolute(options.module) ? options.module : resolve(options.baseDir, options.module);
  const exportName = options.handler ?? "handler";
  let loading: Promise<LambdaHandler> | undefined;
  const load = (): Promise<LambdaHandler> => {
    if (loading === undefined) {
      loading = importHandler(path, exportName);
      // A failed import is retried on the next call rather than cached.
      loading.catch(() => (loading = undefined));
    }
    return loading;
  };
  return {
    async invoke(event, budget) {
      const handler = await load().catch(() => undefined);
      if (handler === undefined) return { $case: "failed", reason: "notFound" };
      // The hook gets its own copy: it mutates the event (Lambda style), and a late hook must not
      // touch the caller's object after the time box has expired.
      return callHandler(handler, basename(path), structuredClone(event), budget);
    },
    async ready() {
      await load();
    },
  };
}

async function importHandler(path: string, exportName: string): Promise<LambdaHandler> {
  const module = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  // CommonJS modules whose exports the ESM loader cannot see statically land on `default`.
  const handler = module[exportName] ?? (module.default as Record<string, unknown> | undefined)?.[exportName];
  if (typeof handler !== "function") throw new Error(`${path} does not export a function named ${exportName}`);
  return handler as LambdaHandler;
}
